import type { z } from 'zod';
import { LOCKDOWN_ZONE, RULE_SET_KINDS } from './rule-sets/kinds';

/** The measures catalogue: what each risk level (and a lockdown zone) allows, from the rule set in force. */
export type MeasuresPayload = z.infer<typeof RULE_SET_KINDS.measures>;
export type MeasureItem = MeasuresPayload['items'][number];

/**
 * The measures that apply at a level of a regime. In a lockdown zone its own items come first and replace the
 * level's items of the same code (the zone's "movement" overrides the level's).
 * @example measuresFor(payload, 'risk_level_2686', 'VERY_HIGH', true) // lockdown movement, supply, testing, then CT16 gatherings…
 */
export function measuresFor(payload: unknown, regime: string, levelCode: string, inLockdownZone: boolean): MeasureItem[] {
  const { items } = RULE_SET_KINDS.measures.parse(payload);
  const at = (level: string) => items.filter((i) => i.regime === regime && i.level === level);
  const ofLevel = at(levelCode);
  if (!inLockdownZone) return ofLevel;
  const zone = at(LOCKDOWN_ZONE);
  const covered = new Set(zone.map((i) => i.code));
  return [...zone, ...ofLevel.filter((i) => !covered.has(i.code))];
}

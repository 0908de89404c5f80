/** A stored version of a rule set, as far as "which one is in force" needs to know. */
export interface RuleSetVersionRef {
  version: number;
  status: 'draft' | 'active' | 'retired';
  effectiveFrom: string;
  /** Exclusive: the first day the version no longer applies; null = open-ended. */
  effectiveTo: string | null;
}

/**
 * The version in force on a day: active, with effectiveFrom ≤ day < effectiveTo; when
 * several overlap (a correction issued later), the highest version wins.
 * @example ruleInForce(quarantineVersions, '2021-09-07')?.version
 */
export function ruleInForce<T extends RuleSetVersionRef>(versions: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.status !== 'active' || v.effectiveFrom > day) continue;
    if (v.effectiveTo !== null && day >= v.effectiveTo) continue;
    if (!best || v.version > best.version) best = v;
  }
  return best;
}

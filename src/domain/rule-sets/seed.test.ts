import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import seed from '../../../data/rule-sets-2021.json';
import { RULE_SET_KINDS, ruleSetKind, type RuleSetKind } from './kinds';
import { confidenceMap, resolvePointer } from './confidence';
import { ruleInForce } from './in-force';

/** The 2021 Cần Thơ rule sets shipped as seed data (data/rule-sets-2021.json). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
const seedEntry = z
  .object({
    kind: ruleSetKind,
    version: z.number().int().positive(),
    legalBasis: z.string().min(1),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    status: z.enum(['draft', 'active', 'retired']),
    payload: z.unknown(),
    confidence: confidenceMap,
    notes: z.string().min(1),
  })
  .strict();
const entries = z.array(seedEntry).parse(seed);
const label = (e: { kind: string; version: number }) => `${e.kind} v${e.version}`;
const ofKind = (kind: RuleSetKind) => entries.filter((e) => e.kind === kind);

/** JSON Pointer of every number and boolean in the payload, with the pointer of its parent. */
function scalarLeaves(node: unknown, pointer = ''): { pointer: string; parent: string; parentIsScalarArray: boolean }[] {
  if (node === null || typeof node !== 'object') return [];
  const isScalarArray = Array.isArray(node) && node.every((x) => x === null || typeof x !== 'object');
  return Object.entries(node).flatMap(([key, value]) => {
    const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (typeof value === 'number' || typeof value === 'boolean') return [{ pointer: child, parent: pointer, parentIsScalarArray: isScalarArray }];
    return scalarLeaves(value, child);
  });
}

/** Every string in the entry (payload, legal basis, notes). */
function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node === null || typeof node !== 'object') return [];
  return Object.values(node).flatMap(strings);
}

describe('seed rule sets 2021', () => {
  it.each(entries.map((e) => [label(e), e] as const))('%s: payload parses with the schema of its kind', (_, e) => {
    const result = RULE_SET_KINDS[e.kind].safeParse(e.payload);
    expect(result.success, result.success ? '' : z.prettifyError(result.error)).toBe(true);
  });

  it.each(entries.map((e) => [label(e), e] as const))('%s: every confidence pointer resolves in the payload', (_, e) => {
    const dangling = Object.keys(e.confidence).filter((p) => resolvePointer(e.payload, p) === undefined);
    expect(dangling).toEqual([]);
  });

  it.each(entries.map((e) => [label(e), e] as const))('%s: every number and boolean carries a confidence tag', (_, e) => {
    const untagged = scalarLeaves(e.payload)
      .filter((l) => !(l.pointer in e.confidence) && !(l.parentIsScalarArray && l.parent in e.confidence))
      .map((l) => l.pointer);
    expect(untagged).toEqual([]);
  });

  it.each(entries.map((e) => [label(e), e] as const))('%s: Vietnamese text is NFC-normalised', (_, e) => {
    const bad = strings(e).filter((s) => s.normalize('NFC') !== s);
    expect(bad).toEqual([]);
  });

  it('has each (kind, version) once, with effectiveTo after effectiveFrom', () => {
    const keys = entries.map(label);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of entries) if (e.effectiveTo !== null) expect(e.effectiveTo > e.effectiveFrom, label(e)).toBe(true);
  });

  it('seeds every kind', () => {
    for (const kind of Object.keys(RULE_SET_KINDS) as RuleSetKind[]) expect(ofKind(kind).length, kind).toBeGreaterThan(0);
  });

  it('quarantine: 21 days in a facility for F1 on 2021-07-01 (v1), 14 days on 2021-09-07 (v2)', () => {
    const versions = ofKind('quarantine');
    const f1FacilityDays = (day: string) => {
      const inForce = ruleInForce(versions, day);
      const payload = RULE_SET_KINDS.quarantine.parse(inForce?.payload);
      return { version: inForce?.version, days: payload.situations.find((s) => s.code === 'f1_facility')?.quarantineDays };
    };
    expect(f1FacilityDays('2021-07-01')).toEqual({ version: 1, days: 21 });
    expect(f1FacilityDays('2021-09-07')).toEqual({ version: 2, days: 14 });
  });

  it('risk_level_4800: incidence band 4 with treatment capacity not met is level 4', () => {
    const [e] = ofKind('risk_level_4800');
    const payload = RULE_SET_KINDS.risk_level_4800.parse(e.payload);
    expect(payload.matrix[3][2]).toBe(4);
  });

  it('risk_level_4800: the level matrix is tagged as from memory (M)', () => {
    const tags = ofKind('risk_level_4800').flatMap((e) => Object.entries(e.confidence));
    expect(tags.some(([pointer, tag]) => (pointer === '/matrix' || pointer.startsWith('/matrix/')) && tag === 'M')).toBe(true);
  });
});

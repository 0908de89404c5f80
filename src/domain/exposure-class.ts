/**
 * F0/F1/F2 from the exposure graph (domain-vn.md §2.1). Never typed by hand: a person's class is
 * the lowest one any path from a case gives them, under the rule set in force.
 *
 * - F0: a confirmed, not withdrawn case. Infectious from `infectiousDaysBefore` days before symptom
 *   onset (or before the positive sample when asymptomatic) until isolation.
 * - F1: exposed by an F0 through a qualifying contact type, the exposure overlapping the F0's window.
 * - F2: exposed by an F1 through a qualifying contact type, after the F1's own exposure began.
 */
export type ExposureClass = 'F0' | 'F1' | 'F2';

export interface ClassificationRules {
  version: number;
  infectiousDaysBefore: number;
  /** Contact types that make an F1 (a: physical, b: masked ≥15 min within 2 m, c: unmasked, d: care without PPE). */
  qualifyingContactTypes: string[];
  /** Deepest class derived: 1 = F1 only, 2 = F1 and F2. */
  maxGeneration: number;
}

export interface CaseNode {
  personId: string;
  /** Symptom onset or, when asymptomatic, the positive sample date (ISO instant). */
  onsetAt: string;
  /** When the case was isolated; null = not yet. */
  isolatedAt: string | null;
}

export interface ExposureEdge {
  id: string;
  sourceId: string;
  exposedId: string;
  startAt: string;
  endAt: string;
  contactType: string;
}

export interface Classification {
  personId: string;
  class: ExposureClass;
  generation: number;
  /** The exposure that gave this class (null for F0). */
  viaExposureId: string | null;
  /** The case at the root of that path. */
  rootCaseId: string;
  /** Earliest exposure on the path: when quarantine counting starts. */
  exposedAt: string | null;
}

const DAY_MS = 86_400_000;
const rank: Record<ExposureClass, number> = { F0: 0, F1: 1, F2: 2 };

/**
 * Classifies every person reachable from the cases within maxGeneration hops. Deterministic: among
 * equal classes the earliest exposure wins, then the smaller exposure id.
 * @example classify(cases, exposures, rules).get(personId)?.class // 'F1'
 */
export function classify(cases: CaseNode[], exposures: ExposureEdge[], rules: ClassificationRules): Map<string, Classification> {
  const out = new Map<string, Classification>();
  const bySource = new Map<string, ExposureEdge[]>();
  for (const e of exposures) {
    if (!rules.qualifyingContactTypes.includes(e.contactType) || e.sourceId === e.exposedId) continue;
    (bySource.get(e.sourceId) ?? bySource.set(e.sourceId, []).get(e.sourceId)!).push(e);
  }
  /** From when each classified person can pass it on, and until when. */
  const window = new Map<string, { from: number; to: number }>();
  let frontier: string[] = [];
  for (const c of cases) {
    out.set(c.personId, { personId: c.personId, class: 'F0', generation: 0, viaExposureId: null, rootCaseId: c.personId, exposedAt: null });
    window.set(c.personId, { from: Date.parse(c.onsetAt) - rules.infectiousDaysBefore * DAY_MS, to: c.isolatedAt ? Date.parse(c.isolatedAt) : Infinity });
    frontier.push(c.personId);
  }
  for (let generation = 1; generation <= Math.min(rules.maxGeneration, 2) && frontier.length; generation++) {
    const next = new Map<string, Classification>();
    for (const sourceId of frontier) {
      const w = window.get(sourceId)!;
      const source = out.get(sourceId)!;
      for (const e of bySource.get(sourceId) ?? []) {
        const start = Date.parse(e.startAt);
        const end = Date.parse(e.endAt);
        if (end < w.from || start > w.to) continue;
        const existing = out.get(e.exposedId);
        const cls = (generation === 1 ? 'F1' : 'F2') as ExposureClass;
        if (existing && rank[existing.class] <= rank[cls]) continue;
        const candidate: Classification = {
          personId: e.exposedId,
          class: cls,
          generation,
          viaExposureId: e.id,
          rootCaseId: source.rootCaseId,
          exposedAt: new Date(Math.max(start, w.from)).toISOString(),
        };
        const prior = next.get(e.exposedId);
        if (!prior || candidate.exposedAt! < prior.exposedAt! || (candidate.exposedAt === prior.exposedAt && e.id < prior.viaExposureId!))
          next.set(e.exposedId, candidate);
      }
    }
    frontier = [];
    for (const [id, c] of next) {
      out.set(id, c);
      // an F1 can pass it on from its own exposure, until (unknown) isolation
      window.set(id, { from: Date.parse(c.exposedAt!), to: Infinity });
      frontier.push(id);
    }
  }
  return out;
}

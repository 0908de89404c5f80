import { splitPool, type TestResult, type TestType } from '@domain/testing';
import type { ResponseOf } from '@web/lib/api';
import type { FieldPath } from '@web/lib/form-errors';
import { toPersonPayload, type PersonFormValues } from '@web/modules/people/person-form-values';

/** What the team chooses first: the three ways a sample is taken in the field. */
export type CollectChoice = 'pool' | 'single' | 'antigen';

export const CHOICES: Record<CollectChoice, { testType: TestType; kind: 'single' | 'household_pool' }> = {
  pool: { testType: 'rt_pcr_pooled', kind: 'household_pool' },
  single: { testType: 'rt_pcr_single', kind: 'single' },
  antigen: { testType: 'rapid_antigen', kind: 'single' },
};

/** A person added on the spot: the few fields a team asks at the door. */
export type NewPersonValues = Pick<PersonFormValues, 'fullName' | 'sex' | 'birthYear' | 'nationalId' | 'phone'>;

export interface CollectValues {
  choice: CollectChoice;
  /** Household pool: the household, the members present (person ids) and persons added on the spot. */
  householdId?: string;
  present?: string[];
  newPersons?: NewPersonValues[];
  /** Single sample or rapid test: a registered person, or one added on the spot. */
  personId?: string;
  newPerson?: NewPersonValues;
  /** One per tube, in the order of the split. */
  barcodes?: (string | undefined)[];
  symptomatic?: boolean;
  result?: TestResult;
}

type Household = ResponseOf<'GET', '/api/households/:id'>;

/** What the collect form needs of a household (GET /api/households/:id). */
export type HouseholdLike = Pick<Household, 'id' | 'communeCode' | 'hamletCode'> & { members: Pick<Household['members'][number], 'id' | 'fullName'>[] };

/** Who goes into the tubes, in the order the server splits them: members present (household order), then persons added. */
export function pooledPersons(v: CollectValues, household: HouseholdLike | undefined, newLabel: (n: number) => string): { key: string; name: string }[] {
  const present = new Set(v.present ?? []);
  const existing = (household?.members ?? []).filter((p) => present.has(p.id)).map((p) => ({ key: p.id, name: p.fullName }));
  const added = (v.newPersons ?? []).map((np, i) => ({ key: `new-${i}`, name: np?.fullName?.trim() || newLabel(i + 1) }));
  return [...existing, ...added];
}

/** The tubes of a household pool under the max pool size in force (the domain's even split, as the server does it). */
export function poolTubes<T>(persons: T[], poolSize: number | undefined): T[][] {
  return poolSize ? splitPool(persons, poolSize) : [];
}

function newPersonPayload(np: NewPersonValues | undefined, place: { communeCode: string; hamletCode: string | null; householdId: string | null }) {
  return { ...toPersonPayload({ ...np }), ...place };
}

export interface CollectContext {
  household: HouseholdLike | undefined;
  /** The session's commune: where a person added for a single sample lives. */
  sessionCommune: string;
  /** Single sample: the person is added on the spot rather than picked. */
  addingNew: boolean;
  tubes: number;
  taskId: string | null;
}

/** The form's values as the API's collect input (validated by the shared zod schema before sending). */
export function collectPayload(v: CollectValues, ctx: CollectContext) {
  const { testType, kind } = CHOICES[v.choice];
  const barcodes = Array.from({ length: Math.max(ctx.tubes, 1) }, (_, i) => v.barcodes?.[i]?.trim() ?? '');
  if (kind === 'household_pool') {
    const h = ctx.household;
    const present = new Set(v.present ?? []);
    const place = { communeCode: h?.communeCode ?? ctx.sessionCommune, hamletCode: h?.hamletCode ?? null, householdId: h?.id ?? null };
    return {
      testType,
      kind,
      householdId: v.householdId ?? null,
      barcodes,
      symptomatic: false,
      result: null,
      taskId: ctx.taskId,
      members: [
        ...(h?.members ?? []).filter((p) => present.has(p.id)).map((p) => ({ personId: p.id })),
        ...(v.newPersons ?? []).map((np) => ({ newPerson: newPersonPayload(np, place) })),
      ],
    };
  }
  const member = ctx.addingNew
    ? { newPerson: newPersonPayload(v.newPerson, { communeCode: ctx.sessionCommune, hamletCode: null, householdId: null }) }
    : { personId: v.personId ?? '' };
  return {
    testType,
    kind,
    householdId: null,
    barcodes: barcodes.slice(0, 1),
    symptomatic: v.symptomatic ?? false,
    result: testType === 'rapid_antigen' ? (v.result ?? null) : null,
    taskId: ctx.taskId,
    members: [member],
  };
}

/**
 * Where an error of the collect input (zod or the server's problem) shows in the form: `members.2.newPerson.fullName`
 * is the name of the first person added when two members are present; null when the form has no such input.
 */
export function collectFieldPath(path: FieldPath, choice: CollectChoice, existing: number): FieldPath | null {
  const [head, index, sub, ...rest] = path;
  const pool = choice === 'pool';
  switch (head) {
    case 'barcodes':
      return ['barcodes', typeof index === 'number' ? index : 0];
    case 'householdId':
      return pool ? ['householdId'] : null;
    case 'result':
    case 'symptomatic':
      return [head];
    case 'testType':
      return ['choice'];
    case 'members': {
      if (typeof index !== 'number') return pool ? ['present'] : ['personId'];
      if (sub === 'newPerson') return pool ? ['newPersons', index - existing, ...rest] : ['newPerson', ...rest];
      if (!pool) return ['personId'];
      return index < existing ? ['present'] : ['newPersons', index - existing, 'fullName'];
    }
    default:
      return null;
  }
}

import { z } from 'zod';
import { isoDate, unitCode, uuid } from '@domain/fields';

/** Request and response shapes of the campaigns module. */

export const idParams = z.object({ id: uuid });
export const teamParams = z.object({ id: uuid, teamId: uuid });
const method = z.enum(['rt_pcr_pooled', 'rapid_antigen']);
const perDay = z.number().int().min(1).max(100_000);

export const campaignInput = z.object({
  name: z.string().trim().min(3).max(200),
  legalBasis: z.string().trim().min(3).max(300),
  startsOn: isoDate,
  endsOn: isoDate,
  communes: z
    .array(z.object({ code: unitCode, everyDays: z.number().int().min(1).max(60).optional(), method: method.optional() }))
    .min(1)
    .max(2000),
  /** groups of workers (market workers, delivery staff…): persons of a commune by occupation */
  groups: z
    .array(
      z.object({
        name: z.string().trim().min(3).max(200),
        communeCode: unitCode,
        occupations: z.array(z.string().trim().min(2).max(100)).min(1).max(20),
        everyDays: z.number().int().min(1).max(60).optional(),
        method: method.optional(),
      }),
    )
    .max(100)
    .optional(),
});
export type CampaignInput = z.infer<typeof campaignInput>;

export const teamCapacityInput = z.object({
  teamId: uuid,
  pooledPerDay: perDay,
  antigenPerDay: perDay,
  hamlets: z.array(unitCode).max(100).nullable().default(null),
});
export type TeamCapacityInput = z.infer<typeof teamCapacityInput>;

export const labCapacityInput = z.object({
  labId: uuid,
  pooledPerDay: perDay,
  singlePerDay: perDay,
  districts: z.array(unitCode).max(100).nullable().default(null),
});
export type LabCapacityInput = z.infer<typeof labCapacityInput>;

export const planInput = z.object({ day: isoDate.optional() });
export const planEdit = z.object({
  moves: z
    .array(z.object({ hamlet: unitCode, toTeamId: uuid }))
    .min(1)
    .max(200),
  version: z.number().int(),
});
export type PlanEdit = z.infer<typeof planEdit>;

const count = z.number().int();
const roundView = z.object({
  no: count,
  startsOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['upcoming', 'open', 'done', 'overdue']),
  householdsCovered: count,
  personsCovered: count,
  samples: count,
  pools: count,
  poolsPositive: count,
  positive: count,
  resulted: count,
  sameDay: count,
});
export type RoundView = z.infer<typeof roundView>;

export const communeProgress = z.object({
  code: z.string(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  regimeKind: z.string().nullable(),
  level: z.string().nullable(),
  population: z.string(),
  populationName: z.string(),
  everyDays: count,
  method,
  householdsTarget: count,
  personsTarget: count,
  currentRound: count.nullable(),
  neverReached: count,
  rounds: z.array(roundView),
});
export type CommuneProgress = z.infer<typeof communeProgress>;

export const campaignView = z.object({
  id: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['active', 'closed']),
  ruleVersion: count,
  communes: count,
  householdsTarget: count,
  overdueRounds: count,
});
export type CampaignView = z.infer<typeof campaignView>;

const districtTotal = z.object({
  code: z.string(),
  name: z.string(),
  householdsTarget: count,
  householdsCovered: count,
  personsCovered: count,
  positive: count,
  overdueRounds: count,
});

export const groupView = z.object({
  id: z.string(),
  name: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  occupations: z.array(z.string()),
  everyDays: count,
  method,
  personsTarget: count,
  rounds: z.array(
    z.object({ no: count, startsOn: z.string(), dueOn: z.string(), personsCovered: count, status: z.enum(['upcoming', 'open', 'done', 'overdue']) }),
  ),
});
export type GroupView = z.infer<typeof groupView>;

export const campaignDetail = campaignView.extend({
  communeProgress: z.array(communeProgress),
  groups: z.array(groupView),
  districts: z.array(districtTotal),
  trend: z.array(z.object({ day: z.string(), households: count, persons: count, samples: count, positive: count, resulted: count, sameDay: count })),
  teams: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      communeCode: z.string(),
      communeName: z.string(),
      pooledPerDay: count,
      antigenPerDay: count,
      hamlets: z.array(z.string()).nullable(),
    }),
  ),
  labs: z.array(z.object({ labId: z.string(), name: z.string(), pooledPerDay: count, singlePerDay: count, districts: z.array(z.string()).nullable() })),
  plans: z.array(z.object({ id: z.string(), day: z.string(), status: z.enum(['draft', 'approved', 'superseded']), covered: count, candidates: count })),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

const load = z.object({ pooled: z.number(), single: z.number() });
const priorityCounts = z.object({ lockdown: count, overdue: count, due: count });

export const planView = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  day: z.string(),
  status: z.enum(['draft', 'approved', 'superseded']),
  version: count,
  candidates: count,
  covered: count,
  bound: z.number(),
  coverageOfBound: z.number(),
  kept: count,
  approvedAt: z.string().nullable(),
  started: z.boolean(),
  shortfalls: z.array(
    z.object({
      communeCode: z.string(),
      communeName: z.string(),
      priority: priorityCounts,
      teamShort: z.object({ households: count, teams: count }),
      labShort: z.object({ households: count }),
    }),
  ),
  labs: z.array(z.object({ labId: z.string(), name: z.string(), pooled: z.number(), single: z.number(), pooledCapacity: count, singleCapacity: count })),
  teams: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      communeCode: z.string(),
      communeName: z.string(),
      households: count,
      capacity: count,
      sessionId: z.string().nullable(),
      hamlets: z.array(z.object({ code: z.string().nullable(), name: z.string(), households: count, priority: priorityCounts })),
      labs: z.array(z.object({ labId: z.string().nullable(), households: count })),
    }),
  ),
  whatIf: z.object({ current: load, maxPoolSize: z.object({ k: count, load }), antigen: load }),
});
export type PlanView = z.infer<typeof planView>;

export const workList = z.object({
  planId: z.string(),
  day: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  sessionId: z.string().nullable(),
  done: count,
  left: count,
  hamlets: z.array(
    z.object({
      code: z.string().nullable(),
      name: z.string(),
      households: z.array(
        z.object({
          householdId: z.string(),
          address: z.string(),
          priority: z.enum(['lockdown', 'overdue', 'due']),
          lastSampledOn: z.string().nullable(),
          labId: z.string().nullable(),
          labName: z.string().nullable(),
          done: z.boolean(),
          members: z.array(z.object({ personId: z.string(), fullName: z.string(), birthYear: z.number().int().nullable() })),
        }),
      ),
    }),
  ),
});
export type WorkList = z.infer<typeof workList>;

import { z } from 'zod';
import { isoDate, unitCode } from '@domain/fields';

export const dashboardQuery = z.object({ day: isoDate.optional(), unit: unitCode.optional() });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const count = z.number().int();
const dayCases = z.object({ total: count, community: count, byPlace: z.record(z.string(), count), recovered: count, died: count });
const dayTests = z.object({ samples: count, positive: count, resulted: count, sameDay: count });
const mean = z.object({ cases: z.number(), community: z.number(), samples: z.number(), positive: z.number() });

export const dashboardView = z.object({
  day: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  communes: count,
  cases: z.object({ today: dayCases, yesterday: dayCases }),
  testing: z.object({ today: dayTests, yesterday: dayTests }),
  /** the seven days before `day` */
  mean7: mean,
  levels: z.object({ regime: z.string().nullable(), counts: z.record(z.string(), count), none: count }),
  curve: z.array(z.object({ day: z.string(), cases: count, community: count, avg7: z.number() })),
  districts: z.array(z.object({ code: z.string(), name: z.string(), casesToday: count, cases7: count, samplesToday: count, positiveToday: count })),
  /** quarantine and treatment facilities the user sees */
  facilities: z.object({ count, beds: count, occupied: count }),
  /** a facility above the rules' occupancy; a commune whose proposed level rose against the week before; a lab whose oldest waiting tube is older than the rules' overdue age */
  alerts: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('facility_full'), name: z.string(), communeCode: z.string(), share: z.number(), threshold: z.number() }),
      z.object({ kind: z.literal('level_up'), name: z.string(), communeCode: z.string(), level: z.string() }),
      z.object({ kind: z.literal('lab_backlog'), name: z.string(), labId: z.string(), waiting: count, oldestHours: z.number(), threshold: z.number() }),
    ]),
  ),
});
export type DashboardView = z.infer<typeof dashboardView>;

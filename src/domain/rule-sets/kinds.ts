import { z } from 'zod';

/** One zod schema per rule-set kind: the shape a payload must have to be stored. */
const days = z.number().int().min(0).max(365);
const dayList = z.array(z.number().int().min(1).max(90));
const vnd = z.number().int().min(0);

const level2686 = z.enum(['VERY_HIGH', 'HIGH', 'RISK', 'NEW_NORMAL']);

export const riskLevel2686 = z.object({
  levels: z
    .array(
      z.object({
        code: level2686,
        nameVi: z.string(),
        colour: z.string(),
        communeCriteria: z.string(),
        districtCriteria: z.string(),
        measures: z.string(),
      }),
    )
    .length(4),
  /** HIGH at commune level: community F0 with known source above this many per 100,000 in 14 days. */
  highIncidencePer100k14d: z.number().min(0),
  /** Days without community F0 for NEW_NORMAL. */
  newNormalDaysWithoutCommunityCase: days,
  /** VERY_HIGH for a district (province): at least this share of its communes (districts) VERY_HIGH. */
  districtVeryHighShareOfVeryHighCommunes: z.number().min(0).max(1),
  /** VERY_HIGH for a district (province): at least this share of its communes (districts) HIGH or above. */
  districtVeryHighShareOfHighCommunes: z.number().min(0).max(1),
  /** HIGH for a district (province): at least this share of its communes (districts) HIGH or above. */
  districtHighShareOfHighCommunes: z.number().min(0).max(1).default(0.3),
  /** HIGH for a district (province): at least this share of its communes (districts) RISK or above. */
  districtHighShareOfRiskCommunes: z.number().min(0).max(1).default(0.5),
  /** HIGH for a district (province) as soon as one of its communes (districts) is VERY_HIGH. */
  districtHighIfAnyVeryHigh: z.boolean().default(true),
});

export const riskLevel4800 = z.object({
  /** Upper bounds (exclusive) of incidence bands 1–3, new community cases per 100,000 per week; band 4 is above. */
  incidenceBandUpperBounds: z.tuple([z.number(), z.number(), z.number()]),
  /** Share of people ≥18 with ≥1 dose at or above which coverage is "met". */
  adultFirstDoseCoverageCut: z.number().min(0).max(1),
  /** Raise the level by one when fewer than this share of people ≥50 are fully vaccinated. */
  over50FullCoverageCut: z.number().min(0).max(1),
  /** matrix[band-1] = [coverage met & capacity met, coverage not met & capacity met, capacity not met]. */
  matrix: z.array(z.tuple([z.number().int().min(1).max(4), z.number().int().min(1).max(4), z.number().int().min(1).max(4)])).length(4),
  levels: z.array(z.object({ level: z.number().int().min(1).max(4), nameVi: z.string(), colour: z.string() })).length(4),
  cadenceDays: days,
});

const riskRegime = z.enum(['risk_level_2686', 'risk_level_4800']);
/** The level codes of each regime, as the assessment engine (@domain/risk-assessment) gives them. */
const regimeLevelCodes: Record<z.infer<typeof riskRegime>, readonly string[]> = {
  risk_level_2686: level2686.options,
  risk_level_4800: ['1', '2', '3', '4'],
};
/** Cách ly y tế vùng: not a level; its measures apply on top of the level of the unit around it. */
export const LOCKDOWN_ZONE = 'LOCKDOWN_ZONE';

export const measures = z
  .object({
    items: z
      .array(
        z.object({
          code: z.string().regex(/^[a-z0-9_]+$/),
          regime: riskRegime,
          /** A level code of the regime, or LOCKDOWN_ZONE. */
          level: z.string(),
          activityVi: z.string().min(1),
          activityEn: z.string().min(1),
          /** 'rule': a rule everyone follows (distance, 5K) rather than an activity that is allowed or not. */
          status: z.enum(['allowed', 'limited', 'restricted', 'stopped', 'not_organised', 'rule']),
          ruleVi: z.string().min(1),
          ruleEn: z.string().min(1),
        }),
      )
      .min(1),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.items.forEach((item, i) => {
      if (item.level !== LOCKDOWN_ZONE && !regimeLevelCodes[item.regime].includes(item.level)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'level'], message: `mức ${item.level} không thuộc ${item.regime}` });
      }
      const key = `${item.regime}|${item.level}|${item.code}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `mã ${item.code} bị trùng trong ${item.regime}, mức ${item.level}` });
      seen.add(key);
    });
  });

export const quarantine = z.object({
  situations: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9_]+$/),
        nameVi: z.string(),
        exposureClass: z.enum(['F0', 'F1', 'F2', 'arrival']),
        setting: z.enum(['facility', 'home', 'any']),
        vaccination: z.enum(['any', 'full', 'partial', 'none']),
        quarantineDays: days,
        monitoringDays: days,
        /** Day 1 = day of entry. */
        testDays: dayList,
      }),
    )
    .min(1),
  lockdownLiftDaysWithoutCase: days,
});

/** How quarantine sites and home care run (facility tiers, cohorts, daily checks, supplies, capacity). */
export const quarantineOperations = z.object({
  tiers: z
    .array(z.object({ code: z.string().regex(/^[a-z0-9_]+$/), nameVi: z.string(), nameEn: z.string(), kind: z.enum(['quarantine', 'treatment']) }))
    .min(1),
  /** A room holds one cohort: one class, admitted within this many days of its first entry. */
  cohortWindowDays: days,
  /** A positive inside a room restarts its other members' quarantine from the day of the exposure. */
  restartOnExposure: z.boolean(),
  vitals: z.object({
    temperatureMin: z.number(),
    temperatureMax: z.number(),
    spo2Min: z.number().int().min(0).max(100),
  }),
  /** SpO2 at or below this is a warning sign on its own. */
  warningSpo2AtOrBelow: z.number().int().min(0).max(100),
  warningSigns: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })).min(1),
  symptoms: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  /** Hours given to move a person with a warning sign to a treatment facility. */
  urgentTransferWithinHours: z.number().int().min(1).max(72),
  supplies: z
    .array(
      z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        /** per person present per day, or per test due that day */
        per: z.enum(['person_day', 'test']),
        quantity: z.number().positive(),
      }),
    )
    .min(1),
  /** Treatment capacity (NQ 128 criterion 3) is met while occupied treatment beds stay at or below this share. */
  capacityMetAtOrBelowOccupancy: z.number().min(0).max(1),
  /** The command dashboard alerts on a facility whose occupied beds are above this share (absent: no such alert). */
  alertAboveOccupancy: z.number().min(0).max(1).optional(),
});

export const testing = z.object({
  frequencies: z
    .array(
      z.object({
        population: z.string(),
        nameVi: z.string(),
        everyDaysMin: days,
        everyDaysMax: days,
        minRounds: z.number().int().min(0).nullable(),
        /** Test types allowed for this population in a campaign, the first being the default. */
        methods: z
          .array(z.enum(['rt_pcr_pooled', 'rapid_antigen']))
          .min(1)
          .default(['rt_pcr_pooled']),
      }),
    )
    .min(1),
  /** Which frequency a commune falls under by its level: regime kind → level code → population. */
  levelPopulations: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  maxPoolSize: z.number().int().min(1).max(50),
  resultsSameDay: z.boolean(),
  /** A collected tube with no result after this many hours is overdue on the live board. */
  overdueAfterHours: z.number().int().min(1).max(240).default(12),
  /** Whether a positive rapid antigen test opens a case at once, or only isolates until RT-PCR confirms. */
  antigenPositiveAsCase: z.enum(['never', 'if_symptomatic_or_f1', 'always']).default('never'),
  /** A negative sample collected up to this many days before a quarantine test day satisfies it. */
  testDayToleranceDays: z.number().int().min(0).max(3).default(0),
  /** Days given to a team to re-collect the members of a positive pool (0 = the same day). */
  recollectWithinDays: z.number().int().min(0).max(7).default(0),
  /** Pool sizing (Dorfman): the accuracy of a pooled RT-PCR, and how a commune's prevalence is estimated. */
  pooling: z
    .object({
      sensitivity: z.number().gt(0).max(1),
      specificity: z.number().gt(0).max(1),
      /** Positivity of the commune's persons tested in the last this many days… */
      prevalenceWindowDays: z.number().int().min(1).max(60),
      /** …never below this (a commune with no positive yet is not assumed free of the virus). */
      prevalenceFloor: z.number().min(0).max(0.5),
    })
    .default({ sensitivity: 1, specificity: 1, prevalenceWindowDays: 7, prevalenceFloor: 0.001 }),
});

export const vaccineIntervals = z.object({
  vaccines: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        doses: z.number().int().min(1).max(4),
        minIntervalDays: days.nullable(),
        maxIntervalDays: days.nullable(),
      }),
    )
    .min(1),
  /** Allowed dose-2 vaccine for a dose-1 vaccine, beyond the same vaccine. */
  allowedMixes: z.array(z.object({ after: z.string(), then: z.string(), note: z.string() })),
  forbiddenMixes: z.array(z.object({ after: z.string(), then: z.string() })),
  /** Days after the last primary or additional dose; null = no booster authorised under this version. */
  boosterAfterDays: days.nullable(),
  /** Days after the primary series (special groups); null = no additional dose authorised under this version. */
  additionalDoseAfterDays: days.nullable(),
});

export const supportNq68 = z.object({
  policies: z
    .array(
      z.object({
        point: z.number().int().min(1).max(12),
        code: z.string(),
        nameVi: z.string(),
        amounts: z.array(z.object({ condition: z.string(), amountVnd: vnd, unit: z.enum(['once', 'per_day', 'per_month', 'per_household']) })),
      }),
    )
    .length(12),
});

export const supportNq52 = z.object({
  amountVnd: vnd,
  lotteryTopUpVnd: vnd,
  lotteryRoundOneVnd: vnd,
  occupations: z.array(z.object({ code: z.string(), nameVi: z.string() })).min(1),
  oneBenefitPerPerson: z.boolean(),
  /** NQ 68 points whose beneficiaries may still receive NQ 52. */
  compatibleNq68Points: z.array(z.number().int()),
});

export const exposureClassification = z.object({
  /** Days before symptom onset (or positive sample) that a case is infectious. */
  infectiousDaysBefore: days,
  /** Contact types an investigator chooses from; those that qualify make an F1 (domain-vn.md §2.1 a–d). */
  contactTypes: z.array(z.object({ code: z.string().regex(/^[a-z0-9_]+$/), nameVi: z.string(), qualifiesF1: z.boolean() })).min(1),
  /** 1 = F1 only, 2 = F1 and F2. */
  maxGeneration: z.number().int().min(1).max(2),
});

export const investigationForm = z.object({
  sections: z.array(z.object({ code: z.string(), labelVi: z.string(), labelEn: z.string() })).min(1),
  fields: z
    .array(
      z.object({
        key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
        section: z.string(),
        labelVi: z.string(),
        labelEn: z.string(),
        kind: z.enum(['text', 'date', 'datetime', 'boolean', 'choice', 'list', 'number']),
        required: z.boolean(),
        choices: z.array(z.object({ code: z.string(), labelVi: z.string(), labelEn: z.string() })).optional(),
        itemKeys: z.array(z.string()).optional(),
      }),
    )
    .min(1),
  /** Target: investigation completed within this many hours of confirmation. */
  targetHours: z.number().positive(),
});

export const RULE_SET_KINDS = {
  risk_level_2686: riskLevel2686,
  risk_level_4800: riskLevel4800,
  measures,
  quarantine,
  quarantine_operations: quarantineOperations,
  testing,
  vaccine_intervals: vaccineIntervals,
  support_nq68: supportNq68,
  support_nq52: supportNq52,
  exposure_classification: exposureClassification,
  investigation_form: investigationForm,
} as const;
export type RuleSetKind = keyof typeof RULE_SET_KINDS;
export const ruleSetKind = z.enum(Object.keys(RULE_SET_KINDS) as [RuleSetKind, ...RuleSetKind[]]);

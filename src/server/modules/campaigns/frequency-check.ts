import { intervalRefusal, type Frequency } from '@domain/campaign-rounds';
import { AppError } from '../../platform/errors';

export type Method = 'rt_pcr_pooled' | 'rapid_antigen';

/**
 * The interval and method of a commune or group of a campaign, checked against the rule's frequency for its
 * population: an interval outside the rule, too few rounds in the period, or a method the rule does not allow is
 * refused naming `field`.everyDays / `field`.method. Unset: the rule's longest interval and first method.
 */
export function checkedFrequency(
  f: Frequency,
  given: { everyDays?: number; method?: Method },
  period: { startsOn: string; endsOn: string },
  name: string,
  field: string,
): { everyDays: number; method: Method } {
  const everyDays = given.everyDays ?? f.everyDaysMax;
  const refusal = intervalRefusal(f, everyDays, period.startsOn, period.endsOn);
  if (refusal?.code === 'interval')
    throw new AppError(
      'campaigns.interval_invalid',
      400,
      { commune: name, population: f.nameVi, min: refusal.min, max: refusal.max, value: everyDays },
      `${field}.everyDays`,
    );
  if (refusal)
    throw new AppError('campaigns.rounds_too_few', 400, { commune: name, every: everyDays, rounds: refusal.rounds, min: refusal.min }, `${field}.everyDays`);
  const methods = (f.methods ?? ['rt_pcr_pooled']) as Method[];
  const method = given.method ?? methods[0];
  if (!methods.includes(method)) throw new AppError('campaigns.method_not_allowed', 400, { commune: name, population: f.nameVi, method }, `${field}.method`);
  return { everyDays, method };
}

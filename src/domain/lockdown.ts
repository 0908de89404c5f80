import { addDays, daysBetween } from './dates';
import { formatDate } from './format';

/**
 * A lockdown zone's testing rounds and lift rule (domain-vn.md §2.2, §3.1): every resident household is sampled once
 * per round of `everyDays` days from the zone's start; the zone may be lifted once no case has been found in it for
 * `daysWithoutCase` days and the last complete round after that case was all negative. Days are Vietnam days.
 */

export interface ZoneSample {
  householdId: string;
  collectedOn: string;
  /** null while pending */
  result: string | null;
}

export interface ZoneRound {
  n: number;
  from: string;
  /** The round's last day: it is due by then. */
  to: string;
  households: number;
  sampledHouseholds: number;
  positives: number;
  pending: number;
  status: 'upcoming' | 'open' | 'done' | 'overdue';
  /** Every household sampled and every tube resulted negative. */
  negative: boolean;
}

export interface LiftReason {
  code: 'days_without_case' | 'no_complete_round' | 'round_not_negative';
  vi: string;
  en: string;
}

export interface LiftEligibility {
  eligible: boolean;
  /** The first day the days-without-case rule is met (the final round must also be negative). */
  eligibleFrom: string;
  lastCaseOn: string | null;
  reasons: LiftReason[];
}

/** The rounds from the start to the one after today (or up to the day the zone was lifted). */
export function zoneRounds(p: {
  startedOn: string;
  everyDays: number;
  today: string;
  until?: string | null;
  households: readonly string[];
  samples: readonly ZoneSample[];
}): ZoneRound[] {
  const last = p.until && p.until < p.today ? p.until : p.today;
  const inZone = new Set(p.households);
  const rounds: ZoneRound[] = [];
  for (let n = 1; ; n++) {
    const from = addDays(p.startedOn, (n - 1) * p.everyDays);
    const to = addDays(from, p.everyDays - 1);
    if (from > last) {
      if (!p.until) rounds.push(round(n, from, to, 'upcoming', inZone, [], p.households.length));
      break;
    }
    const samples = p.samples.filter((s) => s.collectedOn >= from && s.collectedOn <= to && inZone.has(s.householdId));
    const sampled = new Set(samples.map((s) => s.householdId)).size;
    const complete = sampled === p.households.length && p.households.length > 0;
    const status = complete ? 'done' : to < last ? 'overdue' : 'open';
    rounds.push(round(n, from, to, status, inZone, samples, p.households.length));
  }
  return rounds;
}

function round(
  n: number,
  from: string,
  to: string,
  status: ZoneRound['status'],
  inZone: Set<string>,
  samples: readonly ZoneSample[],
  households: number,
): ZoneRound {
  const sampledHouseholds = new Set(samples.filter((s) => inZone.has(s.householdId)).map((s) => s.householdId)).size;
  const positives = samples.filter((s) => s.result === 'positive').length;
  const pending = samples.filter((s) => s.result === null).length;
  const negative = status === 'done' && positives === 0 && pending === 0 && samples.every((s) => s.result === 'negative');
  return { n, from, to, households, sampledHouseholds, positives, pending, status, negative };
}

/** Whether the zone may be lifted today, and if not, every reason why not yet. */
export function liftEligibility(p: {
  startedOn: string;
  today: string;
  lastCaseOn: string | null;
  daysWithoutCase: number;
  rounds: readonly ZoneRound[];
}): LiftEligibility {
  const quietSince = p.lastCaseOn && p.lastCaseOn > p.startedOn ? p.lastCaseOn : p.startedOn;
  const eligibleFrom = addDays(quietSince, p.daysWithoutCase);
  const reasons: LiftReason[] = [];
  if (p.today < eligibleFrom) {
    const left = daysBetween(p.today, eligibleFrom);
    const since = p.lastCaseOn && p.lastCaseOn >= p.startedOn ? `ca gần nhất ngày ${formatDate(p.lastCaseOn)}` : `từ ngày phong tỏa ${formatDate(p.startedOn)}`;
    const sinceEn =
      p.lastCaseOn && p.lastCaseOn >= p.startedOn ? `last case on ${formatDate(p.lastCaseOn)}` : `since the lockdown began on ${formatDate(p.startedOn)}`;
    reasons.push({
      code: 'days_without_case',
      vi: `Chưa đủ ${p.daysWithoutCase} ngày không có ca mới (${since}); còn ${left} ngày, đủ điều kiện từ ${formatDate(eligibleFrom)}`,
      en: `Not yet ${p.daysWithoutCase} days without a new case (${sinceEn}); ${left} days to go, from ${formatDate(eligibleFrom)}`,
    });
  }
  const complete = p.rounds.filter((r) => r.status === 'done' && r.from > quietSince).at(-1) ?? null;
  if (!complete)
    reasons.push({
      code: 'no_complete_round',
      vi: 'Chưa có vòng xét nghiệm nào sau ca gần nhất lấy mẫu đủ mọi hộ trong vùng',
      en: 'No testing round since the last case has sampled every household in the zone',
    });
  else if (!complete.negative)
    reasons.push({
      code: 'round_not_negative',
      vi: `Vòng ${complete.n} (${formatDate(complete.from)}–${formatDate(complete.to)}): ${complete.positives} mẫu dương tính, ${complete.pending} mẫu chưa có kết quả`,
      en: `Round ${complete.n} (${formatDate(complete.from)}–${formatDate(complete.to)}): ${complete.positives} positive, ${complete.pending} pending`,
    });
  return { eligible: reasons.length === 0, eligibleFrom, lastCaseOn: p.lastCaseOn, reasons };
}

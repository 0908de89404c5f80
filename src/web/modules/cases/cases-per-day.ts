import { addDays } from '@domain/dates';

/** Cases per day of confirmation, from the first case to the latest, days without a case included. */
export function casesPerDay(nodes: { confirmedOn: string | null }[]): { day: string; cases: number }[] {
  const counts = new Map<string, number>();
  for (const n of nodes) if (n.confirmedOn) counts.set(n.confirmedOn, (counts.get(n.confirmedOn) ?? 0) + 1);
  const days = [...counts.keys()].sort();
  if (!days.length) return [];
  const out: { day: string; cases: number }[] = [];
  for (let d = days[0]; d <= days[days.length - 1]; d = addDays(d, 1)) out.push({ day: d, cases: counts.get(d) ?? 0 });
  return out;
}

/** Colours of cohorts, red left out: red marks an exposed room. */
const PALETTE = ['#1677ff', '#52c41a', '#722ed1', '#13c2c2', '#eb2f96', '#faad14', '#2f54eb', '#a0d911', '#fa8c16', '#08979c'];

/**
 * The colour of a room's cohort, the same on every page and every day: a hash of its class and first entry day.
 * @example cohortColour({ cls: 'F1', from: '2021-09-07' }) // always the same of the palette
 */
export function cohortColour(cohort: { cls: string; from: string }): string {
  let h = 2166136261;
  for (const ch of `${cohort.cls}|${cohort.from}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return PALETTE[(h >>> 0) % PALETTE.length];
}

import { planDay, type PlanHousehold } from './src/domain/campaign-plan';
const communes = Array.from({ length: 83 }, (_, i) => ({ code: `C${String(i).padStart(3, '0')}`, district: `D${i % 9}`, round: { no: 2, dueOn: '2021-09-16' }, method: 'rt_pcr_pooled' as const, poolSize: 4 + (i % 7), prevalence: 0.01 + (i % 5) / 100 }));
let seed = 7; const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const households: PlanHousehold[] = Array.from({ length: 360000 }, (_, i) => { const c = communes[i % 83]; return { id: `0000${i.toString(16).padStart(8, '0')}`, commune: c.code, district: c.district, hamlet: `${c.code}-${Math.floor(rnd() * 12)}`, members: 1 + Math.floor(rnd() * 7), lastSampledOn: rnd() < 0.27 ? null : `2021-09-${String(7 + Math.floor(rnd() * 6)).padStart(2, '0')}`, covered: false, missedPrevious: rnd() < 0.27, locked: rnd() < 0.01 }; });
const teams = Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, commune: communes[i % 83].code, capacity: 120, hamlets: null }));
const labs = Array.from({ length: 12 }, (_, i) => ({ id: `L${i}`, pooled: 2900, single: 500, districts: i < 9 ? [`D${i}`] : [`D${i - 9}`, `D${i - 6}`] }));
for (let r = 0; r < 4; r++) { const t = performance.now(); const p = planDay({ day: '2021-09-14', households, communes, teams, labs, accuracy: { sensitivity: 0.95, specificity: 0.995 }, lockdownEveryDays: 2, maxPoolSize: 10 }); console.log(((performance.now() - t) / 1000).toFixed(3), 's', p.covered, p.bound.toFixed(1), (p.covered / p.bound).toFixed(4)); }
{
  const p = planDay({ day: '2021-09-14', households, communes, teams, labs, accuracy: { sensitivity: 0.95, specificity: 0.995 }, lockdownEveryDays: 2, maxPoolSize: 10 });
  console.log(p.labs.map((l) => `${l.labId} ${Math.round(l.pooled)}/${l.pooledCapacity} ${Math.round(l.single)}/${l.singleCapacity}`).join('\n'));
  const byP: Record<string, number> = {}; for (const i of p.items) byP[i.priority] = (byP[i.priority] ?? 0) + 1; console.log(byP);
  const sh = Object.entries(p.shares).slice(0, 10); console.log(sh, Object.values(p.shares).reduce((a, b) => a + b, 0));
}
{
  const p = planDay({ day: '2021-09-14', households, communes, teams, labs, accuracy: { sensitivity: 0.95, specificity: 0.995 }, lockdownEveryDays: 2, maxPoolSize: 10 });
  const got: Record<string, number> = {}; for (const i of p.items) got[`${i.commune}|${i.labId}`] = (got[`${i.commune}|${i.labId}`] ?? 0) + 1;
  const rows = Object.entries(p.shares).map(([k, v]) => [k, v.toFixed(1), got[k] ?? 0]).filter(([, v, g]) => Math.abs(Number(v) - Number(g)) > 1);
  console.log(rows.length, rows.slice(0, 30));
  const extra = Object.entries(got).filter(([k]) => !(k in p.shares)); console.log('not in shares', extra.slice(0, 20));
}

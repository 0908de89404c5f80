// temporary measurement harness (bootstrap currently fails on setPopulation); deleted after use
import { mkdir } from 'node:fs/promises';
import { loadConfig } from '../src/server/config';
import { connect } from '../src/server/db/connect';
import { migrate } from '../src/server/db/migrate';
import { createServices } from '../src/server/services';
import { deleteSyntheticCity, generateSyntheticCity } from '../src/server/seed/synthetic-city';
const config = loadConfig();
const persons = Number(process.argv[2]);
if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
const db = await connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await migrate(db);
const services = await createServices(db, config);
await services.geography.loadReferenceUnits();
if (process.argv[3] === 'replace') { let t = performance.now(); console.log(await deleteSyntheticCity(db, '92'), 'delete s', (performance.now() - t) / 1000); await services.units.reload(); }
const timing: Record<string, number> = {};
const orig = db.copyCsv.bind(db);
db.copyCsv = async (t, c, csv) => { const a = performance.now(); await orig(t, c, csv); timing[t] = (timing[t] ?? 0) + performance.now() - a; };
const t0 = performance.now();
const r = await generateSyntheticCity(db, services.units, { persons, provinceCode: '92', seed: 2021, onProgress: (d) => console.log(d, Math.round(d / ((performance.now() - t0) / 1000))) });
const s = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ ...r, seconds: s, personsPerSecond: Math.round(r.persons / s) }));
console.log(timing);
await db.close();

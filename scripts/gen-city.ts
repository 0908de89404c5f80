/**
 * Synthetic city for demos and benchmarks: `npm run gen -- --persons 1240000 [--seed 2021] [--replace]`.
 * Uses the configured database (DATABASE_URL, else PGlite in DATA_DIR); --replace first deletes the
 * province's synthetic persons, households, population rows and hamlets. Prints a JSON line at the end.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { bootstrap, DEMO_PROVINCE } from '../src/server/bootstrap';
import { deleteSyntheticCity, generateSyntheticCity } from '../src/server/seed/synthetic-city';

const USAGE = 'Cách dùng: npm run gen -- --persons N [--seed S] [--replace]';
let args: { persons: number; seed: number; replace: boolean };
try {
  const { values } = parseArgs({
    options: { persons: { type: 'string' }, seed: { type: 'string', default: '2021' }, replace: { type: 'boolean', default: false } },
  });
  args = { persons: Number(values.persons), seed: Number(values.seed), replace: values.replace };
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!Number.isInteger(args.persons) || args.persons < 0 || !Number.isInteger(args.seed)) {
  console.error(USAGE);
  process.exit(2);
}
const { persons, seed } = args;

const { db, services } = await bootstrap(loadConfig(), { seedDemo: false, log: (msg) => console.log(msg) });
try {
  if (args.replace) {
    const gone = await deleteSyntheticCity(db, DEMO_PROVINCE);
    await services.units.reload();
    console.log(`Đã xoá dữ liệu tổng hợp cũ: ${gone.persons.toLocaleString('vi-VN')} người, ${gone.households.toLocaleString('vi-VN')} hộ`);
  }
  const started = performance.now();
  let lastPrint = 0;
  const result = await generateSyntheticCity(db, services.units, {
    persons, provinceCode: DEMO_PROVINCE, seed,
    onProgress: (done) => {
      if (done === persons || performance.now() - lastPrint > 2000) {
        lastPrint = performance.now();
        const rate = Math.round(done / ((lastPrint - started) / 1000));
        console.log(`${done.toLocaleString('vi-VN')} / ${persons.toLocaleString('vi-VN')} người (${rate.toLocaleString('vi-VN')} người/giây)`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ ...result, seconds: Number(seconds.toFixed(2)), personsPerSecond: Math.round(result.persons / seconds) }));
} finally {
  await services.audit.flush();
  await db.close();
}

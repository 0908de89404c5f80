/**
 * Synthetic city for demos and benchmarks: `npm run gen -- --persons 1240000 [--seed 2021] [--replace]`.
 * Uses the configured database (DATABASE_URL, else PGlite in DATA_DIR); --replace first deletes the
 * province's synthetic persons, households, population rows and hamlets (and the cases, exposures, classes and
 * clusters of those persons). Prints a JSON line at the end.
 *
 * `--outbreak [--clusters N] [--cases-per-cluster M]`: then (or alone, on persons already there) a synthetic
 * outbreak of Sep 2021 over those persons: clusters, cases, exposures and their F0/F1/F2 classes
 * (src/server/seed/outbreak.ts). Prints one more JSON line with its counts and timing.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { bootstrap, DEMO_PROVINCE } from '../src/server/bootstrap';
import { deleteSyntheticCity, generateSyntheticCity } from '../src/server/seed/synthetic-city';
import { deleteSyntheticOutbreak, generateOutbreak } from '../src/server/seed/outbreak';

const USAGE = 'Cách dùng: npm run gen -- --persons N [--seed S] [--replace] [--outbreak [--clusters N] [--cases-per-cluster M]]';
let args: { persons: number; seed: number; replace: boolean; outbreak: boolean; clusters: number; casesPerCluster: number };
try {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string' },
      seed: { type: 'string', default: '2021' },
      replace: { type: 'boolean', default: false },
      outbreak: { type: 'boolean', default: false },
      clusters: { type: 'string', default: '20' },
      'cases-per-cluster': { type: 'string', default: '50' },
    },
  });
  // With --outbreak alone, the persons already in the database are used.
  const persons = values.persons === undefined && values.outbreak ? 0 : Number(values.persons);
  args = {
    persons,
    seed: Number(values.seed),
    replace: values.replace,
    outbreak: values.outbreak,
    clusters: Number(values.clusters),
    casesPerCluster: Number(values['cases-per-cluster']),
  };
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (
  !Number.isInteger(args.persons) ||
  args.persons < 0 ||
  !Number.isInteger(args.seed) ||
  (args.outbreak && (!Number.isInteger(args.clusters) || args.clusters < 1 || !Number.isInteger(args.casesPerCluster) || args.casesPerCluster < 1))
) {
  console.error(USAGE);
  process.exit(2);
}
const { persons, seed } = args;

const { db, services } = await bootstrap(loadConfig(), { seedDemo: false, log: (msg) => console.log(msg) });
try {
  if (args.replace) {
    const traced = await deleteSyntheticOutbreak(db, DEMO_PROVINCE);
    if (traced.cases || traced.exposures)
      console.log(
        `Đã xoá ổ dịch tổng hợp cũ: ${traced.cases.toLocaleString('vi-VN')} ca, ${traced.exposures.toLocaleString('vi-VN')} tiếp xúc, ${traced.clusters} ổ dịch`,
      );
    const gone = await deleteSyntheticCity(db, DEMO_PROVINCE);
    await services.units.reload();
    console.log(`Đã xoá dữ liệu tổng hợp cũ: ${gone.persons.toLocaleString('vi-VN')} người, ${gone.households.toLocaleString('vi-VN')} hộ`);
  }
  if (persons > 0 || !args.outbreak) {
    const started = performance.now();
    let lastPrint = 0;
    const result = await generateSyntheticCity(db, services.units, {
      persons,
      provinceCode: DEMO_PROVINCE,
      seed,
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
  }
  if (args.outbreak) {
    const { n } = (await db.pool.query('select count(*)::int as n from persons where province_code = $1 and synthetic', [DEMO_PROVINCE])).rows[0] as {
      n: number;
    };
    if (n === 0) {
      console.error(`Chưa có người (dữ liệu tổng hợp) nào của tỉnh ${DEMO_PROVINCE}: chạy với --persons N trước hoặc cùng lúc.`);
      process.exitCode = 1;
    } else {
      console.log(`Đang tạo ổ dịch tổng hợp: ${args.clusters} ổ dịch × ${args.casesPerCluster} ca trên ${n.toLocaleString('vi-VN')} người…`);
      const started = performance.now();
      const outbreak = await generateOutbreak(db, services, {
        provinceCode: DEMO_PROVINCE,
        clusters: args.clusters,
        casesPerCluster: args.casesPerCluster,
        seed,
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(JSON.stringify({ outbreak: true, ...outbreak, seconds: Number(seconds.toFixed(2)) }));
    }
  }
} finally {
  await services.audit.flush();
  await db.close();
}

// A separate process importing a result file, for the test that kills an import midway:
//   node --import tsx src/server/test/import-child.ts <postgres-url | pglite-dir> <labId> <file.csv>
// Prints "copied <rows>" after each chunk is staged and "done" at the end.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { createServices } from '../services';
import { importResults } from '../modules/testing/import';
import { scriptActor } from '../platform/actor';

const [target, labId, file] = process.argv.slice(2);
const db = await connect(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const copy = db.copyCsv.bind(db);
let staged = 0;
db.copyCsv = async (table, columns, csv) => {
  await copy(table, columns, csv);
  staged += csv.split('\n').length - 1;
  process.stdout.write(`copied ${staged}\n`);
};
const services = await createServices(db, loadConfig({ LOG_LEVEL: 'silent' }));
const username = `import.child.${randomBytes(3).toString('hex')}`;
const { user } = await services.users.create(null, {
  username,
  fullName: 'Phòng xét nghiệm',
  role: 'lab_staff',
  scopeUnits: ['92'],
  agency: null,
  password: randomBytes(12).toString('hex'),
});
const actor = scriptActor({ id: user.id, username, fullName: 'Phòng xét nghiệm' }, 'lab_staff', ['92'], services.units.resolveScope(['92']));
await importResults(services.testing, actor, { labId, fileName: 'ket-qua-lon.csv', source: { format: 'csv', bytes: readFileSync(file) } });
await services.audit.flush();
await db.close();
process.stdout.write('done\n');

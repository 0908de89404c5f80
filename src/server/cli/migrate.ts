// npm run db:migrate — applies pending migrations; npm run db:reset -- --yes drops everything first.
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrate } from '../db/migrate';

const config = loadConfig();
const reset = process.argv.includes('--reset');
if (reset && !process.argv.includes('--yes')) {
  console.error('db:reset xóa toàn bộ dữ liệu. Chạy lại với: npm run db:reset -- --yes');
  process.exit(2);
}
const db = await connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
if (reset) await db.pool.query('drop schema public cascade; create schema public;');
const applied = await migrate(db);
console.log(JSON.stringify({ reset, applied }));
await db.close();

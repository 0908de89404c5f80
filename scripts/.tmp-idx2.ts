import { connect } from '../src/server/db/connect';
const db = await connect(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: '/tmp/gencheck/pg' });
const q = (s: string) => db.pool.query(s);
const all = [
  'alter table p2 add primary key (id, province_code)',
  'create unique index on p2 (national_id, province_code) where national_id is not null and merged_into is null',
  "create index on p2 using gin (to_tsvector('simple', name_folded))",
  'create index on p2 (name_folded text_pattern_ops, id)',
  'create index on p2 (commune_code, birth_year)',
  'create index on p2 (household_id) where household_id is not null',
  'create index on p2 (phone) where phone is not null'];
const fks = ['alter table p2 add foreign key (commune_code) references admin_units (code)',
  'alter table p2 add foreign key (hamlet_code) references admin_units (code)',
  'alter table p2 add foreign key (household_id, province_code) references households (id, province_code)'];
for (const [name, ddls] of [['none', []], ['all', [...all, ...fks]], ['all idx', all], ['fks only', fks], ['all', [...all, ...fks]], ['none', []]] as const) {
  await q('drop table if exists p2');
  await q('create table p2 (like persons including defaults)');
  for (const d of ddls) await q(d);
  const t = performance.now();
  await q('insert into p2 select * from persons');
  console.log(name, Math.round(performance.now() - t), 'ms');
}
await q('drop table if exists p2');
await db.close();

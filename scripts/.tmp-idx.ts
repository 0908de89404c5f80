import { connect } from '../src/server/db/connect';
const db = await connect(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: '/tmp/gencheck/pg' });
const q = (s: string) => db.pool.query(s);
const idx: Record<string, string> = {
  none: '',
  pk: 'alter table p2 add primary key (id, province_code)',
  nid: 'create unique index on p2 (national_id, province_code) where national_id is not null and merged_into is null',
  gin: "create index on p2 using gin (to_tsvector('simple', name_folded))",
  prefix: 'create index on p2 (name_folded text_pattern_ops, id)',
  cby: 'create index on p2 (commune_code, birth_year)',
  hh: 'create index on p2 (household_id) where household_id is not null',
  phone: 'create index on p2 (phone) where phone is not null',
};
for (const [name, ddl] of Object.entries(idx)) {
  await q('drop table if exists p2');
  await q('create table p2 (like persons including defaults)');
  if (ddl) await q(ddl);
  const t = performance.now();
  await q('insert into p2 select * from persons');
  console.log(name, Math.round(performance.now() - t), 'ms');
}
await q('drop table if exists p2');
const t = performance.now();
await q('create table p3 (like persons including defaults)');
await q('insert into p3 select * from persons');
await q("alter table p3 add constraint fk foreign key (household_id, province_code) references households (id, province_code)");
console.log('fk validate', Math.round(performance.now() - t));
await q('drop table p3');
await db.close();

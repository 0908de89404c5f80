import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../db/connect';
import { prepareDatabase } from './prepare';
import { startPgCluster, type PgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a data-dir dump already migrated and seeded with reference data. */
    pgliteTemplate: string;
    /** PostgreSQL: admin URL of the server and the name of the migrated template database. */
    pgUrl: string;
    pgTemplate: string;
  }
}

/** Once per test run: a migrated, reference-seeded database every test file copies (fast, isolated). */
export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB === 'pg') {
    let cluster: PgCluster | null = null;
    let url = process.env.TEST_DATABASE_URL;
    if (!url) {
      cluster = await startPgCluster(String(project.config.env.PG_BIN));
      url = cluster.url;
    }
    const template = `tc_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const db = await connect({ databaseUrl: url.replace(/\/[^/]*$/, `/${template}`) });
    await prepareDatabase(db);
    await db.close();
    project.provide('pgUrl', url);
    project.provide('pgTemplate', template);
    return async () => {
      if (cluster) cluster.stop();
      else {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${template}`);
        await c.end();
      }
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tc-lite-'));
  const db = await connect({ dataDir: 'memory://' });
  await prepareDatabase(db);
  const dump = await (db as unknown as { lite: { dumpDataDir(c: 'none'): Promise<Blob> } }).lite.dumpDataDir('none');
  writeFileSync(join(dir, 'template.tar'), Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', join(dir, 'template.tar'));
  return () => rmSync(dir, { recursive: true, force: true });
}

// The application server for bench/http.ts, run as a child process so the load generator does not share
// its event loop: bootstrap (migrations, reference data, admin from ADMIN_PASSWORD) → buildApp → listen.
// Configured by the usual environment (DATA_DIR or DATABASE_URL, ADMIN_PASSWORD, LOG_LEVEL).
import { loadConfig } from '../src/server/config';
import { bootstrap } from '../src/server/bootstrap';
import { buildApp } from '../src/server/app';
import { serveChildControl, type ChildMessage } from './lib';

try {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
  const started = await bootstrap(config, { seedDemo: false });
  const app = await buildApp(started.services, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  serveChildControl(async () => {
    await app.close();
    await started.services.audit.flush();
    await started.db.close();
  });
  process.send!({ type: 'ready', port: (app.server.address() as { port: number }).port, database: started.db.kind } satisfies ChildMessage);
} catch (err) {
  process.send!({ type: 'error', message: (err as Error).stack ?? String(err) } satisfies ChildMessage);
  process.exit(1);
}

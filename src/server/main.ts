import { loadConfig } from './config';
import { buildApp } from './app';
import { bootstrap, ADMIN_USERNAME } from './bootstrap';
import { MODULES } from './modules';
import { JobRunner, withSchedules } from './platform/jobs';

const config = loadConfig();
const say = (msg: string) => process.stdout.write(`[trung-tam-chi-huy] ${msg}\n`);
const started = await bootstrap(config, { seedDemo: true, log: say });
const app = await buildApp(started.services, config);
await app.listen({ port: config.PORT, host: config.HOST });
const jobs = new JobRunner(
  started.db,
  started.services,
  withSchedules(
    MODULES.flatMap((m) => m.jobs ?? []),
    config.JOB_SCHEDULES,
  ),
  (run) => {
    if (!run.ok) say(`Việc định kỳ ${run.job} lỗi: ${run.error}`);
    else if (!run.skipped) say(`Việc định kỳ ${run.job}: ${JSON.stringify(run.result)} (${Math.round(run.ms)} ms)`);
  },
);
jobs.start();

const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
say(`Sẵn sàng tại ${url}  (CSDL: ${started.db.kind === 'pglite' ? `PGlite, ${config.DATA_DIR}` : 'PostgreSQL'})`);
if (started.demo)
  say(
    `Thành phố mẫu: ${started.demo.persons.toLocaleString('vi-VN')} người, ${started.demo.households.toLocaleString('vi-VN')} hộ (dữ liệu tổng hợp, không phải dữ liệu thật)`,
  );
if (started.adminPassword) say(`Đăng nhập: ${ADMIN_USERNAME} / ${started.adminPassword}   (mật khẩu chỉ in một lần — hãy ghi lại)`);
else say(`Đăng nhập: ${ADMIN_USERNAME} (mật khẩu đã in ở lần chạy đầu, hoặc lấy từ ADMIN_PASSWORD)`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  say(`Nhận ${signal}, đang dừng…`);
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  jobs.stop();
  await app.close();
  await started.services.audit.flush({ strict: true }).catch((e: unknown) => say(`Nhật ký truy cập chưa ghi hết: ${String(e)}`));
  await started.db.close();
  clearTimeout(force);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

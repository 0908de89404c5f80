// npm run audit:verify — walks the hash chain of the audit log; exit code 1 when a row was altered or deleted.
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { verifyAuditChain } from '../platform/audit';

const config = loadConfig();
const db = await connect({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
const report = await verifyAuditChain(db.kysely);
await db.close();
if (report.ok) console.log(`Nhật ký truy cập nguyên vẹn: ${report.rows} dòng, chuỗi băm khớp.`);
else {
  console.log(`PHÁT HIỆN CAN THIỆP vào nhật ký (${report.rows} dòng):`);
  if (report.altered.length) console.log(`- dòng bị sửa (seq): ${report.altered.join(', ')}`);
  if (report.missingAfter.length) console.log(`- dòng bị xóa ngay sau seq: ${report.missingAfter.join(', ')}`);
}
console.log(JSON.stringify(report));
process.exit(report.ok ? 0 : 1);

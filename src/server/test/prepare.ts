import type { Db } from '../db/connect';
import { migrate } from '../db/migrate';
import { AuditLog } from '../platform/audit';
import { UnitDirectory } from '../modules/geography/directory';
import { GeographyService } from '../modules/geography/service';
import { RuleSetsService } from '../modules/rule-sets/service';

/** Migrations from empty, then the reference data every test expects (units of 92 and 06, 2021 rule sets). */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrate(db);
  const audit = new AuditLog(db.kysely);
  await new GeographyService(db.kysely, new UnitDirectory(db.kysely), audit).loadReferenceUnits();
  await new RuleSetsService(db.kysely, audit).seed();
}

import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { foldVietnamese, tidyName } from '@domain/vn-text';
import { vnDay } from '@domain/dates';
import type { Database, AdminUnitsTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { UnitDirectory, type Unit } from './directory';
import { parseHamletCsv } from './import';
import * as repo from './repo';
import type { HamletImportReport, UnitDetail, UnitSummary } from './schemas';

export const REFERENCE_UNITS_FILE = new URL('../../../../data/admin-units-2021.json', import.meta.url);

interface ReferenceFile {
  source: string;
  as_of: string;
  provinces: {
    code: string;
    name: string;
    type: string;
    districts: { code: string; name: string; type: string; communes: { code: string; name: string; type: string }[] }[];
  }[];
}

const summary = (u: Unit): UnitSummary => ({ code: u.code, name: u.name, type: u.type });

export class GeographyService {
  constructor(
    private readonly db: Kysely<Database>,
    readonly units: UnitDirectory,
    private readonly audit: AuditLog,
  ) {}

  /** Loads provinces, districts and communes from the GSO reference file; idempotent. */
  async loadReferenceUnits(file: URL | string = REFERENCE_UNITS_FILE): Promise<number> {
    const ref = JSON.parse(await readFile(file, 'utf8')) as ReferenceFile;
    const base = { valid_from: '2021-01-01', valid_to: null, source: `${ref.source} (${ref.as_of})` };
    const rows: AdminUnitsTable[] = [];
    const unit = (code: string, level: Unit['level'], parent: string | null, province: string, name: string, type: string) =>
      rows.push({ ...base, code, level, parent_code: parent, province_code: province, name, name_folded: foldVietnamese(name), type });
    for (const p of ref.provinces) {
      unit(p.code, 'province', null, p.code, p.name, p.type);
      for (const d of p.districts) {
        unit(d.code, 'district', p.code, p.code, d.name, d.type);
        for (const c of d.communes) unit(c.code, 'commune', d.code, p.code, c.name, c.type);
      }
    }
    const inserted = await this.db.transaction().execute((trx) => repo.insertUnits(trx, rows));
    await this.units.reload();
    return inserted;
  }

  provinces(day = vnDay()): UnitSummary[] {
    return this.units.provinces(day).map(summary);
  }

  children(code: string, day = vnDay()): UnitSummary[] {
    if (!this.units.get(code)) throw new AppError('geography.unit_not_found', 404);
    return this.units.childrenOf(code, day).map(summary);
  }

  async detail(code: string): Promise<UnitDetail> {
    const u = this.units.get(code);
    if (!u) throw new AppError('geography.unit_not_found', 404);
    const pop = await repo.latestPopulation(this.db, code);
    return {
      ...summary(u),
      level: u.level,
      parentCode: u.parent_code,
      provinceCode: u.province_code,
      validFrom: u.valid_from,
      validTo: u.valid_to,
      source: u.source,
      ancestors: this.units.ancestors(code).map(summary),
      population: pop ? { asOf: pop.as_of, source: pop.source, count: pop.count, households: pop.households, synthetic: pop.synthetic } : null,
    };
  }

  /** Latest population of each child of a unit, keyed by child code. */
  async childPopulations(code: string) {
    const rows = await repo.childPopulations(this.db, code);
    return new Map(rows.map((r) => [r.unit_code, { count: r.count, households: r.households, asOf: r.as_of, synthetic: r.synthetic }]));
  }

  /** The population of each unit on a day (the latest count dated on or before it, else the earliest known); units without a count are absent. */
  async populationsOn(codes: string[], day: string): Promise<Map<string, number>> {
    if (!codes.length) return new Map();
    return new Map((await repo.populationsOn(this.db, codes, day)).map((r) => [r.unit_code, r.count]));
  }

  /**
   * Imports a commune's hamlets from CSV (code,name,type). All-or-nothing: any bad row rejects the
   * file with every row's reason; re-importing the same file changes nothing.
   */
  async importHamlets(actor: Actor, communeCode: string, csv: string): Promise<HamletImportReport> {
    const commune = this.units.require(communeCode, 'code', { level: 'commune' });
    if (!this.units.unitInScope(actor.scope, commune.code)) throw new AppError('geography.unit_not_found', 404);
    const parsed = parseHamletCsv(csv, commune.code);
    if (parsed.errors.length) {
      throw new AppError('geography.import_rows', 422, { count: parsed.errors.length }, 'csv', undefined, { rowErrors: parsed.errors });
    }
    const report: HamletImportReport = { inserted: 0, updated: 0, unchanged: 0, errors: [] };
    await this.db.transaction().execute(async (trx) => {
      const existing = new Map((await repo.hamletsOf(trx, commune.code)).map((h) => [h.code, h]));
      const fresh: AdminUnitsTable[] = [];
      for (const h of parsed.rows) {
        const name = tidyName(h.name);
        const old = existing.get(h.code);
        if (!old) {
          fresh.push({
            code: h.code,
            province_code: commune.province_code,
            parent_code: commune.code,
            level: 'hamlet',
            name,
            name_folded: foldVietnamese(name),
            type: h.type,
            valid_from: vnDay(),
            valid_to: null,
            source: `Nhập CSV bởi ${actor.username}`,
          });
        } else if (old.name !== name || old.type !== h.type) {
          await repo.updateHamlet(trx, h.code, name, foldVietnamese(name), h.type);
          report.updated++;
        } else report.unchanged++;
      }
      report.inserted = await repo.insertUnits(trx, fresh);
      await this.audit.record(trx, actor, {
        action: 'import',
        entity: 'hamlet',
        entityId: commune.code,
        detail: { inserted: report.inserted, updated: report.updated },
      });
    });
    await this.units.reload();
    return report;
  }

  /**
   * Records a population count. The unit must not have ended before `asOf`; a count older than the
   * unit's valid_from is accepted, because reference lists give the date a unit is known from, not the
   * date it was created (the 2019 census counts Cần Thơ, whose 2021 list starts the record).
   */
  async setPopulation(
    actor: Actor | null,
    code: string,
    row: { asOf: string; source: string; count: number; households?: number | null; synthetic?: boolean },
  ) {
    const unit = this.units.require(code, 'code');
    if (actor && !this.units.unitInScope(actor.scope, code)) throw new AppError('geography.unit_not_found', 404);
    if (unit.valid_to !== null && row.asOf >= unit.valid_to) this.units.require(code, 'asOf', { day: row.asOf });
    await repo.upsertPopulation(this.db, {
      unit_code: code,
      as_of: row.asOf,
      source: row.source,
      count: row.count,
      households: row.households ?? null,
      synthetic: row.synthetic ?? false,
    });
  }
}

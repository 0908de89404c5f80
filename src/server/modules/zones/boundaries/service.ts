import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatDate } from '@domain/format';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../../db/tables';
import type { Actor } from '../../../platform/actor';
import type { AuditLog } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { isValidOn, type Unit, type UnitDirectory } from '../../geography/directory';
import { readBoundaryFile, type ReadFeature } from './boundary-file';
import { messageFor } from '@domain/error-catalog';
import type { FeatureProblem } from './errors';
import * as repo from './repo';
import type { BoundaryCollection, BoundaryImportBody, BoundaryImportReport } from './schemas';

/** Problems listed in a refusal at most; the rest are counted in one last entry. */
const MAX_LISTED = 500;

type Checked = ReadFeature & { code: string; geometry: NonNullable<ReadFeature['geometry']> };

/**
 * Commune boundaries for the levels map: an administrator imports a GeoJSON file per province, applying from a day;
 * the map of a day draws the latest import applying on or before it. A file is checked whole before anything is
 * stored, and stored whole in one transaction.
 */
export class BoundariesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Imports a province's file: every feature a Polygon or MultiPolygon of [lon, lat] numbers keyed by the code of a
   * commune of the province valid on `validFrom`, no code twice. A bad file is refused listing every bad feature and
   * nothing is stored; a good one replaces the province's boundaries from that day. The same file again changes nothing.
   */
  async import(actor: Actor, body: BoundaryImportBody): Promise<BoundaryImportReport> {
    const province = this.units.require(body.provinceCode, 'provinceCode', { day: body.validFrom, level: 'province' });
    if (!this.units.unitInScope(actor.scope, province.code)) throw new AppError('validation.unit_out_of_scope', 403, { code: province.code }, 'provinceCode');
    const read = readBoundaryFile(body.geojson, body.codeProperty);
    const problems = [...read.problems, ...this.codeProblems(read.features, province, body)].sort((a, b) => a.index - b.index);
    if (problems.length) throw refusal(problems);
    const features = read.features as Checked[];
    const fileHash = createHash('sha256').update(`${body.codeProperty}\n`).update(JSON.stringify(body.geojson)).digest('hex');

    const current = await repo.importFrom(this.db, province.code, body.validFrom);
    if (current?.file_hash !== fileHash) {
      await this.db.transaction().execute(async (trx) => {
        const id = await repo.saveImport(trx, {
          id: uuidv7(),
          province_code: province.code,
          valid_from: body.validFrom,
          file_hash: fileHash,
          features: features.length,
          source: body.source,
          imported_by: actor.id,
        });
        await repo.replaceBoundaries(
          trx,
          id,
          features.map((f) => ({ unit_code: f.code, geometry: f.geometry })),
        );
        await this.audit.record(trx, actor, {
          action: 'import',
          entity: 'unit_boundaries',
          entityId: id,
          detail: {
            provinceCode: province.code,
            validFrom: body.validFrom,
            source: body.source,
            fileHash,
            features: features.length,
            replaced: current?.file_hash ?? null,
          },
        });
      });
    }
    const withShape = new Set(features.map((f) => f.code));
    return {
      provinceCode: province.code,
      validFrom: body.validFrom,
      features: features.length,
      communesWithout: this.communesOf(province.code, body.validFrom)
        .filter((c) => !withShape.has(c.code))
        .map((c) => ({ code: c.code, name: c.name })),
    };
  }

  /** The shapes the map of a province draws on `day` (properties: the commune's code and name), or null before any import. */
  async forMap(provinceCode: string, day: string): Promise<BoundaryCollection | null> {
    this.units.require(provinceCode, 'province', { day, level: 'province' });
    const current = await repo.importOn(this.db, provinceCode, day);
    if (!current) return null;
    const rows = await repo.boundariesOf(this.db, current.id);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        properties: { code: r.unit_code, name: this.units.get(r.unit_code)?.name ?? r.unit_code },
        geometry: r.geometry,
      })),
    };
  }

  /** Codes that are not a commune of the province valid that day, or that an earlier feature already has. */
  private codeProblems(features: ReadFeature[], province: Unit, body: BoundaryImportBody): FeatureProblem[] {
    const problems: FeatureProblem[] = [];
    const firstOf = new Map<string, number>();
    for (const { index, code } of features) {
      if (code === null) continue;
      const at = { index, field: `geojson.features.${index}.properties.${body.codeProperty}` };
      const n = String(index + 1);
      const unit = this.units.get(code);
      const first = firstOf.get(code);
      if (!unit || !isValidOn(unit, body.validFrom))
        problems.push({ ...at, code: 'zones.boundary_code_unknown', params: { n, code, date: formatDate(body.validFrom) } });
      else if (unit.level !== 'commune') problems.push({ ...at, code: 'zones.boundary_code_level', params: { n, code, name: unit.name } });
      else if (unit.province_code !== province.code)
        problems.push({
          ...at,
          code: 'zones.boundary_code_province',
          params: { n, code, name: unit.name, province: this.units.get(unit.province_code)?.name ?? unit.province_code, expected: province.name },
        });
      else if (first !== undefined) problems.push({ ...at, code: 'zones.boundary_code_twice', params: { n, code, first: String(first + 1) } });
      else firstOf.set(code, index);
    }
    return problems;
  }

  /** The communes of a province valid on a day, in code order. */
  private communesOf(provinceCode: string, day: string): Unit[] {
    return this.units
      .childrenOf(provinceCode, day)
      .flatMap((d) => this.units.childrenOf(d.code, day))
      .filter((u) => u.level === 'commune')
      .sort((a, b) => (a.code < b.code ? -1 : 1));
  }
}

/** A refused file: 400 with every problem under its field (the first MAX_LISTED, then how many more). */
function refusal(problems: FeatureProblem[]): AppError {
  const errors = problems.slice(0, MAX_LISTED).map((p) => ({ field: p.field, code: p.code, message: messageFor(p.code, 'vi', p.params) }));
  if (problems.length > MAX_LISTED) {
    const count = String(problems.length - MAX_LISTED);
    errors.push({ field: 'geojson.features', code: 'zones.boundary_more_errors', message: messageFor('zones.boundary_more_errors', 'vi', { count }) });
  }
  return new AppError('validation.invalid', 400, {}, undefined, errors);
}

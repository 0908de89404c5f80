import type { Kysely } from 'kysely';
import { vnDay } from '@domain/dates';
import type { Database, AdminUnitsTable } from '../../db/tables';
import type { Scope } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { allUnits } from './repo';

export type Unit = AdminUnitsTable;
export interface Place {
  province_code: string;
  district_code: string;
  commune_code: string;
  hamlet_code: string | null;
}

/**
 * Every administrative unit in memory (a province has a few thousand at most, hamlets included):
 * validation of unit codes in any input, the place (province/district) of a commune, scope expansion.
 * Reloaded after an import changes units.
 */
export class UnitDirectory {
  private units = new Map<string, Unit>();
  private children = new Map<string, Unit[]>();

  constructor(private readonly db: Kysely<Database>) {}

  async reload(): Promise<void> {
    const rows = await allUnits(this.db);
    this.units = new Map(rows.map((u) => [u.code, u]));
    this.children = new Map();
    for (const u of rows) if (u.parent_code) (this.children.get(u.parent_code) ?? this.children.set(u.parent_code, []).get(u.parent_code)!).push(u);
  }

  get(code: string): Unit | undefined {
    return this.units.get(code);
  }

  provinces(day: string = vnDay()): Unit[] {
    return [...this.units.values()].filter((u) => u.level === 'province' && isValidOn(u, day));
  }

  childrenOf(code: string, day: string = vnDay()): Unit[] {
    return (this.children.get(code) ?? []).filter((u) => isValidOn(u, day));
  }

  /** The unit, when it exists, is valid on `day` and (optionally) is of `level`; else a 400 naming the field. */
  require(code: string, field: string, opts: { day?: string; level?: Unit['level'] } = {}): Unit {
    const day = opts.day ?? vnDay();
    const unit = this.units.get(code);
    if (!unit || !isValidOn(unit, day)) {
      const [y, m, d] = day.split('-');
      throw new AppError('validation.unit_unknown', 400, { code, date: `${d}/${m}/${y}` }, field);
    }
    if (opts.level && unit.level !== opts.level) throw new AppError('validation.unit_level', 400, { code, level: LEVEL_VI[opts.level] }, field);
    return unit;
  }

  /** Province, district, commune (and hamlet) codes of a commune or hamlet. */
  /**
   * A unit as a filter on the place columns every record carries: province, district or commune (records do not
   * carry hamlets, so a hamlet is refused rather than widened to its commune).
   */
  placeFilter(code: string, field: string): { column: 'province_code' | 'district_code' | 'commune_code'; code: string } {
    const unit = this.require(code, field);
    const column = ({ province: 'province_code', district: 'district_code', commune: 'commune_code' } as const)[unit.level as 'province'];
    if (!column) throw new AppError('validation.unit_level', 400, { code, level: 'tỉnh/huyện/xã' }, field);
    return { column, code: unit.code };
  }

  placeOf(code: string): Place {
    const unit = this.units.get(code);
    if (!unit) throw new Error(`unknown unit ${code}`);
    const hamlet = unit.level === 'hamlet' ? unit : null;
    const commune = hamlet ? this.units.get(hamlet.parent_code!)! : unit;
    return { province_code: commune.province_code, district_code: commune.parent_code!, commune_code: commune.code, hamlet_code: hamlet?.code ?? null };
  }

  /** Splits a user's scope units by level. */
  resolveScope(codes: string[]): Scope {
    const scope: Scope = { provinces: [], districts: [], communes: [] };
    for (const code of codes) {
      const level = this.units.get(code)?.level;
      if (level === 'province') scope.provinces.push(code);
      else if (level === 'district') scope.districts.push(code);
      else if (level === 'commune') scope.communes.push(code);
    }
    return scope;
  }

  /** Whether a unit lies inside a scope: a province only for province-wide users, a district for them and its district's users. */
  unitInScope(scope: Scope, code: string): boolean {
    const unit = this.units.get(code);
    if (!unit) return false;
    if (unit.level === 'province') return scope.provinces.includes(unit.code);
    if (unit.level === 'district') return scope.provinces.includes(unit.province_code) || scope.districts.includes(unit.code);
    const place = this.placeOf(code);
    return scope.provinces.includes(place.province_code) || scope.districts.includes(place.district_code) || scope.communes.includes(place.commune_code);
  }

  /** Ancestors from the province down to the parent. */
  ancestors(code: string): Unit[] {
    const out: Unit[] = [];
    let cur = this.units.get(code);
    while (cur?.parent_code) {
      cur = this.units.get(cur.parent_code);
      if (cur) out.unshift(cur);
    }
    return out;
  }
}

export function isValidOn(unit: Pick<Unit, 'valid_from' | 'valid_to'>, day: string): boolean {
  return unit.valid_from <= day && (unit.valid_to === null || day < unit.valid_to);
}

export const LEVEL_VI: Record<Unit['level'], string> = {
  province: 'tỉnh/thành phố',
  district: 'quận/huyện',
  commune: 'xã/phường/thị trấn',
  hamlet: 'ấp/khu vực',
};

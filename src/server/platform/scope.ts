import { sql, type ExpressionBuilder, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor, Scope } from './actor';
import { AppError } from './errors';
import type { ErrorCode } from '@domain/error-catalog';

/** Where a personal-data row lives: every such table has these columns. */
export interface Placed {
  province_code: string;
  district_code: string;
  commune_code: string;
}

/**
 * The one scope filter for personal-data queries: rows in the caller's provinces, districts or
 * communes. Use it in every query on a table with province/district/commune columns.
 * @example db.selectFrom('persons').where((eb) => inScope(eb, actor, 'persons'))
 */
export function inScope<DB, TB extends keyof DB & string>(_eb: ExpressionBuilder<DB, TB>, actor: Pick<Actor, 'scope'>, table: TB): Expression<SqlBool> {
  return scopeSql(actor, table);
}

/** The same filter for raw SQL, on a table or alias: sql`… where ${scopeSql(actor, 's')}`. */
export function scopeSql(actor: Pick<Actor, 'scope'>, alias: string): RawBuilder<SqlBool> {
  const { provinces, districts, communes } = actor.scope;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts: RawBuilder<SqlBool>[] = [];
  if (provinces.length) parts.push(sql<SqlBool>`${col('province_code')} = any(${provinces})`);
  if (districts.length) parts.push(sql<SqlBool>`${col('district_code')} = any(${districts})`);
  if (communes.length) parts.push(sql<SqlBool>`${col('commune_code')} = any(${communes})`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** The same rule in memory, for a row already loaded or a place about to be written. */
export function placeInScope(scope: Scope, place: Placed): boolean {
  return scope.provinces.includes(place.province_code) || scope.districts.includes(place.district_code) || scope.communes.includes(place.commune_code);
}

/** Answers 404 (not 403) when the place is outside the caller's scope: no existence leak. */
export function assertInScope(actor: Pick<Actor, 'scope'>, place: Placed, notFoundCode: ErrorCode): void {
  if (!placeInScope(actor.scope, place)) throw new AppError(notFoundCode, 404);
}

/** GSO code shapes (see @domain/fields unitCode): 2 digits province, 3 district, 5 commune, '<commune>.<local>' hamlet. */
export type UnitLevel = 'province' | 'district' | 'commune' | 'hamlet';

export const LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune', 'hamlet'];

export function levelOfCode(code: string): UnitLevel {
  if (code.includes('.')) return 'hamlet';
  if (code.length <= 2) return 'province';
  if (code.length === 3) return 'district';
  return 'commune';
}

export function deeper(a: UnitLevel, b: UnitLevel): boolean {
  return LEVELS.indexOf(a) > LEVELS.indexOf(b);
}

export function childLevel(level: UnitLevel): UnitLevel | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

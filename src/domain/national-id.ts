/**
 * National ID numbers: 12-digit CCCD (since 2016) or 9-digit CMND (older cards).
 * A CCCD starts with the 3-digit code of the province of birth (001–096), then one digit for
 * century and sex (0–9), then two digits of the birth year; when the birth year is known it must agree.
 */
export type NationalIdProblem = 'format' | 'province' | 'birth_year';

export function checkNationalId(value: string, birthYear?: number | null): NationalIdProblem | null {
  if (/^\d{9}$/.test(value)) return null;
  if (!/^\d{12}$/.test(value)) return 'format';
  const province = Number(value.slice(0, 3));
  if (province < 1 || province > 96) return 'province';
  if (birthYear != null) {
    const centuryDigit = Number(value[3]);
    const century = 1900 + Math.floor(centuryDigit / 2) * 100;
    if (century + Number(value.slice(4, 6)) !== birthYear) return 'birth_year';
  }
  return null;
}

/** The century-and-sex digit of a CCCD: even for men, odd for women (1900s: 0/1, 2000s: 2/3 …). */
export function cccdCenturySexDigit(birthYear: number, sex: 'male' | 'female'): number {
  return Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
}

import type { PersonInput } from '../modules/people/schemas';

let n = 0;

/** A valid person in a commune; override what the test is about. CCCD digits follow birth year and sex. */
export function aPerson(over: Partial<PersonInput> & { communeCode: string }): PersonInput {
  n++;
  const birthYear = over.birthDate ? Number(over.birthDate.slice(0, 4)) : (over.birthYear ?? 1985);
  const sex = over.sex ?? 'male';
  const centurySex = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  const serial = String(100000 + ((n * 7919 + Date.now()) % 900000)).slice(-6);
  return {
    fullName: 'Nguyễn Văn Thử',
    birthYear,
    sex,
    nationalId: `092${centurySex}${String(birthYear % 100).padStart(2, '0')}${serial}`,
    phone: null,
    occupation: null,
    workplace: null,
    address: null,
    ...over,
  } as PersonInput;
}

/** Two communes of Cần Thơ in different districts, used across tests. */
export const CAI_KHE = '31117'; // Phường Cái Khế, Quận Ninh Kiều (916)
export const AN_HOA = '31120'; // Phường An Hòa, Quận Ninh Kiều
export const THOI_LAI = '31258'; // Thị trấn Thới Lai, Huyện Thới Lai (927)

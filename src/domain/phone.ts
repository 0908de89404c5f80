/**
 * Vietnamese mobile numbers after the 2018 renumbering: 10 digits, 0 + a carrier prefix
 * (03x Viettel, 05x Vietnamobile/Reddi, 07x MobiFone, 08x VinaPhone/others, 09x all carriers).
 * Accepts +84 / 84 prefixes, spaces, dots and dashes; returns the canonical 0xxxxxxxxx or null.
 */
const MOBILE = /^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)\d{7}$/;

export function normalizeMobilePhone(value: string): string | null {
  let digits = value.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('84') && digits.length === 11) digits = '0' + digits.slice(2);
  return MOBILE.test(digits) ? digits : null;
}

/**
 * Resident ID numbers (GB 11643-1999): 6-digit division code, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character (0-9 or X).
 * Pure functions: the import, the forms and the demo seed all validate the same way.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCheck =
  | { ok: true; id: string; birthDate: string; sex: 'M' | 'F' }
  | { ok: false; reason: string };

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Validate an ID number; the reason is Chinese, for the import error report. */
export function checkIdNumber(raw: string, today = '2100-12-31'): IdCheck {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, reason: `证件号码应为18位（实际${id.length}位）` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '证件号码前17位应为数字，末位为数字或X' };
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return { ok: false, reason: '证件号码的行政区划代码无效' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { ok: false, reason: `证件号码中的出生日期 ${id.slice(6, 14)} 无效` };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, reason: `证件号码中的出生日期 ${birthDate} 晚于今天` };
  const expected = checkChar(id.slice(0, 17));
  if (expected !== id[17]) return { ok: false, reason: `证件号码校验位错误（应为${expected}）` };
  return { ok: true, id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' };
}

/** 220802********1234: the division code and the last four, as lists and exports show it. */
export function maskIdNumber(id: string): string {
  return id.length < 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 6217****1234: bank one-card account, first four and last four. */
export function maskAccount(account: string): string {
  return account.length <= 8 ? `****${account.slice(-4)}` : `${account.slice(0, 4)}${'*'.repeat(account.length - 8)}${account.slice(-4)}`;
}

/** A valid fictional ID number (demo office, tests): division + birth date + sequence. */
export function makeIdNumber(division: string, birthDate: string, seq: number): string {
  const first17 = `${division}${birthDate.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

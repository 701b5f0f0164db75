import { randomInt } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the parameters of ASVS 5.0 Appendix C and SECREQ-31 (m = 19456 KiB, t = 2,
 * p = 1). The parameters live in the hash string, so raising them later upgrades each
 * account at its next login (`needsRehash`).
 */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash never lets anyone in.
    return false;
  }
}

export function needsRehash(stored: string): boolean {
  try {
    const p = parseOptions(stored);
    return p.algorithm !== ARGON2ID || p.memoryCost < OPTIONS.memoryCost || p.timeCost < OPTIONS.timeCost;
  } catch {
    return true;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verify against a throw-away hash, so that a login for an unknown user costs the same
 * time as one for a known user and timing does not reveal who has an account.
 */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('guicheng-no-such-account');
  await verifyPassword(await dummy, password);
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGIT = '23456789';
const SYMBOL = '@#%+=?!';

/**
 * A one-time password (init, reset): 16 characters from a CSPRNG with all four classes, so
 * that it passes any policy the office can configure; look-alike characters are left out
 * because it is read off a screen and typed.
 */
export function oneTimePassword(length = 16): string {
  const all = UPPER + LOWER + DIGIT + SYMBOL;
  const chars = [UPPER, LOWER, DIGIT, SYMBOL].map((set) => set[randomInt(set.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field encryption for personal data (security.md SECREQ-26, SECREQ-30).
 * Node 20's OpenSSL offers sm4-ctr/-cbc but no sm4-gcm, so fields are SM4-CTR with an
 * HMAC-SM3 tag over iv‖ciphertext (encrypt-then-MAC), the mode SECREQ-26 names first.
 * A separate HMAC-SM3 key gives the lookup hash (exact search, dedup) without decrypting.
 *
 * Key: one 32-byte master key, from GUICHENG_DATA_KEY (64 hex characters) or, when that is
 * unset, from `$DATA_DIR/keys/data.key`, created (mode 0600) on first use. The three working
 * keys are derived from it with HMAC-SM3 and distinct labels. Losing the key loses the ID
 * numbers: back it up apart from the database dumps. Tests (VITEST) use a fixed test key.
 * Everything goes through `FieldCipher`, so a certified HSM/KMS can replace this provider.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  lookupHash(plain: string): string;
}

const VERSION = 'v1';
const TEST_KEY = Buffer.alloc(32, 7);

function hmacSm3(key: Buffer, data: Buffer | string): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

export function loadMasterKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.GUICHENG_DATA_KEY?.trim();
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64}$/.test(fromEnv)) throw new Error('GUICHENG_DATA_KEY must be 64 hexadecimal characters (32 bytes)');
    return Buffer.from(fromEnv, 'hex');
  }
  if (env.VITEST) return TEST_KEY;
  const file = path.join(path.resolve(env.DATA_DIR ?? './data'), 'keys', 'data.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // wx: never overwrite a key another process created a moment ago.
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error(`${file} does not hold a 32-byte hexadecimal key`);
  return Buffer.from(text, 'hex');
}

export function sm4FieldCipher(master: Buffer): FieldCipher {
  const encKey = hmacSm3(master, 'guicheng/field/sm4-ctr').subarray(0, 16);
  const macKey = hmacSm3(master, 'guicheng/field/hmac-sm3');
  const lookupKey = hmacSm3(master, 'guicheng/field/lookup');
  // One SM4-CTR keystream serves many fields: each field takes the next unused counter blocks
  // and stores its first counter block as its IV, so decryption stays per field and no counter
  // block is ever used twice. Creating a cipher per field costs ~100 µs in OpenSSL 3 (the
  // algorithm fetch); this keeps a bulk import near the speed of COPY (P2). A fresh random
  // starting block is drawn every STREAM_FIELDS fields.
  const STREAM_FIELDS = 1 << 16;
  let stream: { cipher: ReturnType<typeof createCipheriv>; counter: bigint; left: number } | null = null;
  const nextStream = () => {
    const iv = randomBytes(16);
    return { cipher: createCipheriv('sm4-ctr', encKey, iv), counter: BigInt('0x' + iv.toString('hex')), left: STREAM_FIELDS };
  };
  return {
    encrypt(plain) {
      if (!stream || stream.left === 0) stream = nextStream();
      const data = Buffer.from(plain, 'utf8');
      const iv = Buffer.from((stream.counter & ((1n << 128n) - 1n)).toString(16).padStart(32, '0'), 'hex');
      const ct = stream.cipher.update(data);
      const blocks = Math.ceil(data.length / 16);
      const pad = blocks * 16 - data.length;
      if (pad > 0) stream.cipher.update(Buffer.alloc(pad)); // skip to the next block boundary
      stream.counter += BigInt(blocks);
      stream.left--;
      const body = Buffer.concat([iv, ct]);
      const tag = hmacSm3(macKey, body);
      return `${VERSION}:${Buffer.concat([body, tag]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, b64] = stored.split(':');
      if (version !== VERSION || !b64) throw new Error('unknown field ciphertext version');
      const all = Buffer.from(b64, 'base64');
      const body = all.subarray(0, all.length - 32);
      const tag = all.subarray(all.length - 32);
      if (body.length < 16 || !timingSafeEqual(tag, hmacSm3(macKey, body))) throw new Error('field ciphertext failed its integrity check');
      const d = createDecipheriv('sm4-ctr', encKey, body.subarray(0, 16));
      return Buffer.concat([d.update(body.subarray(16)), d.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return hmacSm3(lookupKey, plain).toString('hex');
    },
  };
}

let current: FieldCipher | undefined;

/** The process's cipher, built on first use (which creates the key file when needed). */
export function fieldCipher(): FieldCipher {
  current ??= sm4FieldCipher(loadMasterKey());
  return current;
}

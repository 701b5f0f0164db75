/**
 * Password and lockout policy (security.md §6, SECREQ-02/03/04). Pure: no IO, so the
 * checks are tested directly and the same description is shown on the change-password page.
 *
 * Two modes: 'dengbao' (GB/T 22239-2019 8.1.4.1 a: complexity classes and periodic change,
 * the default) and 'asvs' (OWASP ASVS 5.0 6.2.5/6.2.10: neither). The deviation of 等保 mode
 * from ASVS is the documented one of security.md §6.3.
 */
export type PolicyMode = 'dengbao' | 'asvs';

export interface SecurityPolicy {
  mode: PolicyMode;
  /** Minimum length (ASVS 6.2.1: at least 8). */
  minLength: number;
  /** 等保 mode: how many of the four classes (upper, lower, digit, symbol) a password needs. */
  minClasses: number;
  /** 等保 mode: days after which the password must be changed at next login; 0 = never. */
  maxAgeDays: number;
  /** The new password may not equal any of the last N passwords (the current one included). */
  historyCount: number;
  /** Consecutive failed logins that lock the account (SECREQ-04). */
  lockoutThreshold: number;
  /** How long a lock lasts, in minutes. */
  lockoutMinutes: number;
}

export const SECURITY_POLICY_KEY = 'security.policy';

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  mode: 'dengbao',
  minLength: 8,
  minClasses: 3,
  maxAgeDays: 90,
  historyCount: 5,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};

/** Longer inputs are refused so that hashing cannot be used to exhaust the server; ≥ 64 is allowed (ASVS 6.2.9). */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Passwords seen at the top of public leak lists, and the usual Chinese office patterns
 * (ASVS 6.2.4). A short list: anything longer belongs in a file shipped with the release.
 */
const COMMON = new Set(
  [
    '123456', '12345678', '123456789', '1234567890', '111111', '000000', '88888888', '66666666', '5201314',
    'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssword1', 'p@ssw0rd1', 'p@55w0rd',
    'qwerty', 'qwerty123', 'qwer1234', 'qwer@1234', 'qwert@123', '1qaz2wsx', '1qaz@wsx', '1qaz!qaz', '1q2w3e4r', '1q2w3e4r5t',
    'abc123', 'abc12345', 'abc@123', 'abc@1234', 'abc@123456', 'abcd1234', 'abcd@1234', 'aa123456', 'a123456', 'a1234567',
    'admin', 'admin123', 'admin@123', 'admin@1234', 'admin@12345', 'admin123!', 'administrator', 'root@123', 'root123',
    'test@123', 'test1234', 'welcome1', 'welcome@1', 'welcome@123', 'letmein1', 'iloveyou', 'woaini1314', 'woaini520',
    'zxcvbnm', 'zxcvbnm1', 'asdfghjk', 'asd@123', 'asdf@1234', 'qq123456', 'huawei@123', 'huawei12#$', 'changeme',
    'sys@123', 'system@123', 'guest@123', 'super@123', 'user@123', 'china@123', 'china123', 'beijing@123', 'baicheng@123',
    'guicheng@2026', 'guicheng@123', 'password@123', 'password@1', 'pass@word1', 'pass@1234', 'aa@123456', 'a@123456',
  ].map((p) => p.toLowerCase()),
);

export interface PasswordContext {
  username?: string;
}

export function characterClasses(password: string): number {
  let n = 0;
  if (/[A-Z]/.test(password)) n++;
  if (/[a-z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^A-Za-z0-9]/.test(password)) n++;
  return n;
}

/** Every way `password` breaks the policy, in Chinese; empty when it complies. History is checked elsewhere (it needs the hashes). */
export function passwordViolations(policy: SecurityPolicy, password: string, who: PasswordContext = {}): string[] {
  const out: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) out.push(`密码长度不得少于 ${policy.minLength} 位`);
  if (length > MAX_PASSWORD_LENGTH) out.push(`密码长度不得超过 ${MAX_PASSWORD_LENGTH} 位`);
  if (policy.mode === 'dengbao' && characterClasses(password) < policy.minClasses) {
    out.push(`密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`);
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) out.push('该密码属于常见弱口令，请换一个');
  if (who.username && who.username.length >= 3 && lower.includes(who.username.toLowerCase())) out.push('密码不得包含用户名');
  if (/^(.)\1+$/.test(password)) out.push('密码不得由同一字符重复组成');
  return out;
}

/** Lines for the change-password page and the security policy document. */
export function describePolicy(policy: SecurityPolicy): string[] {
  const lines = [`长度至少 ${policy.minLength} 位（最多 ${MAX_PASSWORD_LENGTH} 位，支持 64 位以上的长口令）`];
  if (policy.mode === 'dengbao') {
    lines.push(`包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`);
    if (policy.maxAgeDays > 0) lines.push(`每 ${policy.maxAgeDays} 天须更换一次，到期后登录时须先修改`);
  }
  lines.push('不得使用常见弱口令，不得包含用户名');
  if (policy.historyCount > 0) lines.push(`不得与最近 ${policy.historyCount} 次使用过的密码相同`);
  lines.push(`连续 ${policy.lockoutThreshold} 次输错密码，账号锁定 ${policy.lockoutMinutes} 分钟`);
  return lines;
}

/** 等保 mode only: has the password outlived its maximum age (SECREQ-03)? */
export function passwordExpired(policy: SecurityPolicy, changedAt: Date, now: Date): boolean {
  if (policy.mode !== 'dengbao' || policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}

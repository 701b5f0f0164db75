import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY, describePolicy, passwordExpired, passwordViolations, type SecurityPolicy } from './policy';
import { oneTimePassword } from './passwords';

const dengbao = DEFAULT_SECURITY_POLICY;
const asvs: SecurityPolicy = { ...DEFAULT_SECURITY_POLICY, mode: 'asvs' };

describe('password policy (pure)', () => {
  it('SECREQ-02: the default policy is the 等保 one', () => {
    expect(dengbao.mode).toBe('dengbao');
    expect(dengbao.minLength).toBeGreaterThanOrEqual(8);
    expect(dengbao.maxAgeDays).toBe(90);
    expect(dengbao.lockoutThreshold).toBe(5);
    expect(dengbao.lockoutMinutes).toBe(15);
  });

  it('SECREQ-02: 等保 mode refuses short, single-class, common and username-bearing passwords, in Chinese', () => {
    expect(passwordViolations(dengbao, 'Ab1!')).toContain('密码长度不得少于 8 位');
    expect(passwordViolations(dengbao, 'abcdefghijk').join()).toMatch(/至少 3 类/);
    expect(passwordViolations(dengbao, 'Admin@123').join()).toMatch(/常见弱口令/);
    expect(passwordViolations(dengbao, 'Xx@liuyang99', { username: 'liuyang' })).toContain('密码不得包含用户名');
    expect(passwordViolations(dengbao, 'Tq7#mVw2pLz')).toEqual([]);
  });

  it('SECREQ-02: ASVS mode has no composition rule; both modes accept 64+ characters and the common list', () => {
    expect(passwordViolations(asvs, 'correct horse battery staple')).toEqual([]);
    expect(passwordViolations(asvs, 'Admin@123').join()).toMatch(/常见弱口令/);
    const long = 'Aa1!' + 'x'.repeat(80);
    expect(passwordViolations(dengbao, long)).toEqual([]);
    expect(passwordViolations(asvs, long)).toEqual([]);
    expect(passwordViolations(asvs, 'x'.repeat(200)).join()).toMatch(/不得超过/);
  });

  it('SECREQ-03: maximum age applies in 等保 mode only', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-04-02T00:00:00Z'); // 91 days
    expect(passwordExpired(dengbao, changed, later)).toBe(true);
    expect(passwordExpired(dengbao, changed, new Date('2026-03-01T00:00:00Z'))).toBe(false);
    expect(passwordExpired(asvs, changed, later)).toBe(false);
  });

  it('describes the policy for the change-password page', () => {
    expect(describePolicy(dengbao).join('\n')).toMatch(/90 天/);
    expect(describePolicy(asvs).join('\n')).not.toMatch(/90 天/);
  });

  it('SECREQ-11: one-time passwords comply with the strictest policy and differ', () => {
    const strict: SecurityPolicy = { ...dengbao, minLength: 16, minClasses: 4 };
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = oneTimePassword();
      expect(passwordViolations(strict, p)).toEqual([]);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { newId } from '../ids';
import { getSetting } from '../settings';
import { DEFAULT_SECURITY_POLICY, SECURITY_POLICY_KEY, type SecurityPolicy } from './policy';
import { verifyPassword } from './passwords';

/** Small shared writes of the identity part: account rows, password history, the policy. */

export function getSecurityPolicy(db: Db): Promise<SecurityPolicy> {
  return getSetting(db, SECURITY_POLICY_KEY, DEFAULT_SECURITY_POLICY);
}

export interface NewAccount {
  id?: string;
  username: string;
  displayName: string;
  personId?: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  roles?: string[];
}

/**
 * Insert an account, its first password-history entry and its roles (by code). A person id
 * that does not exist (yet) is left unlinked rather than failing the foreign key.
 */
export async function insertAccount(db: Db, a: NewAccount, now: Date): Promise<string> {
  const id = a.id ?? newId('acct');
  const at = now.toISOString();
  await db.execute(sql`insert into accounts (id, username, display_name, person_id, password_hash, must_change_password, password_changed_at, created_at)
    values (${id}, ${a.username}, ${a.displayName}, ${a.personId ? sql`(select id from people where id = ${a.personId})` : null},
      ${a.passwordHash}, ${a.mustChangePassword}, ${at}, ${at})`);
  await recordPassword(db, id, a.passwordHash, now);
  for (const code of a.roles ?? []) {
    await db.execute(sql`insert into account_roles (account_id, role_id, admin_kind)
      select ${id}, id, admin_kind from roles where code = ${code}`);
  }
  return id;
}

export async function recordPassword(db: Db, accountId: string, hash: string, now: Date): Promise<void> {
  await db.execute(sql`insert into password_history (id, account_id, password_hash, set_at) values (${newId('pwh')}, ${accountId}, ${hash}, ${now.toISOString()})`);
  // Keep what the largest configurable history needs, no more.
  await db.execute(sql`delete from password_history where account_id = ${accountId} and id not in (
    select id from password_history where account_id = ${accountId} order by set_at desc, id desc limit 24)`);
}

/** Set a new password hash: history, change time, must-change flag. */
export async function storePassword(db: Db, accountId: string, hash: string, mustChange: boolean, now: Date): Promise<void> {
  await db.execute(sql`update accounts set password_hash = ${hash}, password_changed_at = ${now.toISOString()},
    must_change_password = ${mustChange} where id = ${accountId}`);
  await recordPassword(db, accountId, hash, now);
}

/** Is `password` one of the account's last `n` passwords (the current one included)? */
export async function usedRecently(db: Db, accountId: string, password: string, n: number): Promise<boolean> {
  if (n <= 0) return false;
  const hashes = await rows<{ password_hash: string }>(
    db,
    sql`select password_hash from password_history where account_id = ${accountId} order by set_at desc, id desc limit ${n}`,
  );
  for (const h of hashes) if (await verifyPassword(h.password_hash, password)) return true;
  return false;
}

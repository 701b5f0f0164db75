import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';

/**
 * Test data only. FICTIONAL_2027 is a made-up 2027 schedule that passes every check of
 * calendar.md §3.4 (it is NOT the State Council's 2027 notice); tests enter it through the
 * administrator workflow to show that 2027 answers once published.
 */
export const FICTIONAL_2027 = [
  { festival: '元旦', start: '2026-12-31', end: '2027-01-03', adjustedWorkdays: ['2026-12-27'] },
  { festival: '春节', start: '2027-02-05', end: '2027-02-11', adjustedWorkdays: ['2027-02-20'] },
  { festival: '清明', start: '2027-04-03', end: '2027-04-05', adjustedWorkdays: [] },
  { festival: '劳动节', start: '2027-05-01', end: '2027-05-05', adjustedWorkdays: ['2027-04-25'] },
  { festival: '端午', start: '2027-06-09', end: '2027-06-09', adjustedWorkdays: [] },
  { festival: '中秋', start: '2027-09-15', end: '2027-09-15', adjustedWorkdays: [] },
  { festival: '国庆节', start: '2027-10-01', end: '2027-10-07', adjustedWorkdays: ['2027-09-26', '2027-10-09'] },
];

/** An active account holding a built-in role, without the identity module's password path. */
export async function createAccountWithRole(db: Db, username: string, roleCode: string): Promise<string> {
  const id = newId('acct');
  await db.execute(sql`insert into accounts (id, username, display_name, password_hash) values (${id}, ${username}, ${username}, 'x')`);
  await db.execute(sql`insert into account_roles (account_id, role_id, admin_kind)
    select ${id}, r.id, r.admin_kind from roles r where r.code = ${roleCode}`);
  return id;
}

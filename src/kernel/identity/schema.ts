import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { people } from '../org/schema';

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    personId: text('person_id').references(() => people.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** active | disabled */
    status: text('status').notNull().default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // SECREQ-01: login ids are unique regardless of case, enforced by the database.
    uniqueIndex('accounts_username_lower_uq').on(sql`lower(${t.username})`),
    // One account per person, so that "who did this" always names one person.
    uniqueIndex('accounts_person_uq').on(t.personId).where(sql`person_id is not null`),
    // 等保 8.1.4.1 a: no account may exist without a password (hash).
    check('accounts_password_hash_ck', sql`length(${t.passwordHash}) > 0`),
    check('accounts_status_ck', sql`${t.status} in ('active','disabled')`),
  ],
);

/** Earlier password hashes, so that the policy can refuse reusing the last N (security.md §6.2). */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_account_idx').on(t.accountId, t.setAt)],
);

/** Server-side sessions; the cookie carries a random token, the table keeps only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

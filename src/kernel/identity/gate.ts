import type { Actor } from '../context';
import { AppError } from '../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route stays open to an account that must change its password first (me, password, policy). */
    allowWhilePasswordChangeRequired?: boolean;
  }
}

/**
 * An account with a one-time or expired password may only read who it is, read the policy,
 * change the password and log out (SECREQ-03, SECREQ-11). Checked on the server for every
 * route, so skipping the UI's change-password screen gains nothing.
 */
export function assertPasswordCurrent(actor: Actor, routeConfig: { allowWhilePasswordChangeRequired?: boolean } | undefined): void {
  if (!(actor as Actor & { mustChangePassword?: boolean }).mustChangePassword) return;
  if (routeConfig?.allowWhilePasswordChangeRequired) return;
  throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, '请先修改密码：初始密码、重置后的密码或已到期的密码须修改后才能使用系统');
}

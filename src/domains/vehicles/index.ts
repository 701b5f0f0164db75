/**
 * What other areas may call. Finance: `checkNoTrafficFine(lines)` (pure, for a claim's checks)
 * and `refuseTrafficFineClaim(ctx, …)` (records the attempt against the driver, then refuses),
 * both CAR-17: traffic fines are borne by the driver and never reimbursed.
 */
export { checkNoTrafficFine, USE_CASES } from './rules';
export { refuseTrafficFineClaim } from './service-fleet';

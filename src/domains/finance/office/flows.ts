/** The office-service flows (registering them with the engine at import). */
export { PROCUREMENT_FLOW } from './procurement';
export { BUDGET_FLOW } from './budgets';
export { PRINT_FLOW } from './printing';

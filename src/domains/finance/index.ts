/** What other areas may call: the claim and reception flows' keys and the maximum-accompany figure. */
export { maxAccompany } from './reception-checks';
export { CATEGORIES, DAILY_CATEGORIES, type Category } from './categories';

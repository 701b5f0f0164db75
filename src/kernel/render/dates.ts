import { localDate } from '../time';

/**
 * A date as written on Chinese forms: 2026年11月2日 (no zero padding, GB/T 9704 7.3.5).
 * Accepts a local date 'YYYY-MM-DD' or an instant, which is read in the office's zone.
 */
export function chineseDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const local = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDate(new Date(value));
  const [y, m, d] = local.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

import { api } from '../lib/api';

/** Counts shown beside menu entries (待办 …); areas that have counts answer /workbench/counts. */
export async function menuCounts(): Promise<Record<string, number>> {
  try {
    return await api.get<Record<string, number>>('/workbench/counts');
  } catch {
    return {};
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db';
import { createTestDatabase } from '../../../test/support/db';
import { copyRows } from './copy';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.exec('create table copy_probe (n int, t text, b boolean)');
});
afterAll(() => database.close());

describe('copyRows: COPY text format on either engine', () => {
  it('round-trips values with tabs, line breaks, backslashes and \\N, and nulls, booleans and numbers', async () => {
    const hostile = ['制表\t符', '换\n行', '回\r车', '反斜杠\\', '\\N', 'C:\\路径\\n', '普通姓名', ''];
    await copyRows(database, 'copy_probe', ['n', 't', 'b'], [...hostile.map((t, i) => [i, t, i % 2 === 0]), [99, null, null]]);
    const back = await database.query<{ n: number; t: string | null; b: boolean | null }>('select n, t, b from copy_probe order by n');
    expect(back.map((r) => r.t)).toEqual([...hostile, null]);
    expect(back.map((r) => r.b)).toEqual([...hostile.map((_, i) => i % 2 === 0), null]);
    expect(back.at(-1)?.n).toBe(99);
  });
});

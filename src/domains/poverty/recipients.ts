import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';

/**
 * Who is told about a region's duties: people whose accounts may manage the ledgers
 * (poverty.manage) and whose region link covers `regionCode`; with `includeOffice`, also
 * office staff without any region link (the county/city poverty office).
 */
export async function staffFor(db: Db, regionCode: string, includeOffice: boolean): Promise<string[]> {
  const r = await rows<{ person_id: string }>(db, sql`select distinct a.person_id from accounts a
    join account_roles ar on ar.account_id = a.id join role_permissions rp on rp.role_id = ar.role_id
    where rp.permission = 'poverty.manage' and a.person_id is not null
      and (exists (select 1 from poverty_staff_regions s where s.account_id = a.id and ${regionCode} like s.region_code || '%')
        ${includeOffice ? sql`or not exists (select 1 from poverty_staff_regions s where s.account_id = a.id)` : sql``})
    order by a.person_id`);
  return r.map((x) => x.person_id);
}

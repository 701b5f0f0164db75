import { sql } from 'drizzle-orm';
import { withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';

/** HR facts kept by 综合科: gender (LEAVE-13/16), 在编在职 (LEAVE-08), service start (累计工作年限). */
export interface ProfileInput {
  gender?: 'F' | 'M' | null;
  established?: boolean;
  serviceStart?: string | null;
}

export async function setProfile(ctx: Ctx, personId: string, input: ProfileInput): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [p] = await rows<{ id: string }>(tx.db, sql`select id from people where id = ${personId}`);
    if (!p) throw errors.notFound('人员');
    const [old] = await rows<Record<string, unknown>>(tx.db, sql`select gender, established, service_start::text as service_start from personnel_profiles where person_id = ${personId}`);
    await tx.db.execute(sql`insert into personnel_profiles (person_id, gender, established, service_start, updated_at)
      values (${personId}, ${input.gender ?? null}, ${input.established ?? true}, ${input.serviceStart ?? null}, ${tx.clock.now().toISOString()})
      on conflict (person_id) do update set
        gender = ${input.gender === undefined ? sql`personnel_profiles.gender` : sql`${input.gender}`},
        established = ${input.established === undefined ? sql`personnel_profiles.established` : sql`${input.established}`},
        service_start = ${input.serviceStart === undefined ? sql`personnel_profiles.service_start` : sql`${input.serviceStart}`},
        updated_at = excluded.updated_at`);
    await audit(tx, { event: 'personnel.profile.update', objectType: 'person', objectId: personId, detail: { before: old ?? null, after: input } });
  });
}

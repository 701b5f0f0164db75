import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { newId } from '../../kernel/ids';
import { Day, me, notFuture, nowIso, parse, Text, unitExists } from './common';
import { WR14 } from './rules';

/**
 * WR-14 向社会公开登记: a matter of the public's vital interest disclosed by website, press
 * conference or news media (第二十条) — which matter, by which channel, where and when.
 */
export const MATTER_LABEL: Record<string, string> = { low_income: '低收入人口帮扶事项', weak_area: '经济薄弱区域发展', other: '其他按规定需要公开的事项' };
export const DISCLOSURE_CHANNEL: Record<string, string> = { website: '网站', press_conference: '新闻发布会', news_media: '新闻媒体' };

const Create = z.strictObject({
  title: Text(300, '公开事项'),
  matterKind: z.enum(['low_income', 'weak_area', 'other'], { error: '请选择事项类别' }),
  channel: z.enum(['website', 'press_conference', 'news_media'], { error: '请选择公开方式（网站、新闻发布会或新闻媒体）' }),
  channelDetail: Text(300, '网址、发布会名称或媒体名称'),
  disclosedOn: Day,
  unitId: z.string().max(100).optional(),
});

export interface DisclosureRow { id: string; title: string; matterKind: string; channel: string; channelDetail: string; disclosedOn: string; unitId: string | null; unitName: string | null }

export function listDisclosures(ctx: Ctx): Promise<DisclosureRow[]> {
  return rows<DisclosureRow>(ctx.db, sql`select d.id, d.title, d.matter_kind as "matterKind", d.channel, d.channel_detail as "channelDetail", d.disclosed_on::text as "disclosedOn",
      d.unit_id as "unitId", u.name as "unitName" from wr_disclosures d left join org_units u on u.id = d.unit_id order by d.disclosed_on desc, d.created_at desc limit 2000`);
}

export function recordDisclosure(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const v = parse(Create, raw, '公开登记');
  return withTx(ctx, async (tx) => {
    if (v.unitId) await unitExists(tx.db, v.unitId);
    notFuture(tx, v.disclosedOn, '公开日期');
    const id = newId('wrd');
    await tx.db.execute(sql`insert into wr_disclosures (id, title, matter_kind, channel, channel_detail, disclosed_on, unit_id, created_by, created_at)
      values (${id}, ${v.title}, ${v.matterKind}, ${v.channel}, ${v.channelDetail}, ${v.disclosedOn}, ${v.unitId ?? null}, ${me(tx)}, ${nowIso(tx)})`);
    await audit(tx, { event: 'workrules.disclosure.record', objectType: 'wr_disclosure', objectId: id, detail: { channel: v.channel, disclosedOn: v.disclosedOn, ruleId: WR14.id } });
    return { id };
  });
}

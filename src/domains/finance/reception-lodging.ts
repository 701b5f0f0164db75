import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { Verdict } from '../../kernel/rules';
import { yuan } from './categories';
import { OCCUPANTS, PAYERS, ROOM_TYPES, type LodgingLineValue, type Payer } from './form';
import { RECEP14, RECEP21 } from './rules';
import { parseInput } from './office/common';

/**
 * RECEP-14 lodging (公务接待制度第14条) against the designated-hotel list kept by 综合科, and
 * RECEP-21(d): no reception cost paid by anyone but our office.
 */
export interface Hotel { id: string; name: string; kind: 'designated' | 'internal'; address: string; prices: Record<string, number>; agreementRef: string; active: boolean }
export const HOTEL_KINDS = { designated: '定点宾馆', internal: '机关内部接待场所' } as const;

/**
 * The agreement price that caps a room. Reading (AS-D19): an agreement lists at least the
 * standard room; a room type without its own agreed price may not cost more than the
 * standard room's (不得超标准安排接待住房).
 */
export function agreementPrice(h: Hotel, roomType: string): number | null {
  return h.prices[roomType] ?? h.prices.standard ?? null;
}

/** (a) listed hotel, (b) agreement price and local standard, (c) standard room, (e) local staff. */
export function checkLodging(lines: LodgingLineValue[], hotels: Hotel[], standardFen = RECEP14.param('lodgingStandardFen')): Verdict[] {
  const out: Verdict[] = [];
  lines.forEach((l, i) => {
    const h = hotels.find((x) => x.id === l.hotelId && x.active);
    const label = `第${i + 1}间（${OCCUPANTS[l.occupant]}${l.occupantName ? ` ${l.occupantName}` : ''}）`;
    if (!h) {
      out.push(RECEP14.block(`${label}住宿“${l.hotelName || l.hotelId || '未填写'}”不是定点宾馆或机关内部接待场所，接待住宿应在定点宾馆或机关内部接待场所安排`, { line: i, check: 'a' }));
    } else {
      const agreed = agreementPrice(h, l.roomType);
      if (agreed === null) out.push(RECEP14.block(`${label}：${h.name}未登记协议价格，接待住宿须执行协议价格`, { line: i, check: 'b' }));
      else if (l.rateFen > agreed) out.push(RECEP14.block(`${label}${ROOM_TYPES[l.roomType]}房价${yuan(l.rateFen)}，高于${h.name}协议价格${yuan(agreed)}`, { line: i, check: 'b', agreed }));
      if (l.rateFen > standardFen) out.push(RECEP14.block(`${label}房价${yuan(l.rateFen)}，超过当地财政住宿标准${yuan(standardFen)}`, { line: i, check: 'b', standardFen }));
    }
    if (l.roomType !== 'standard') {
      out.push(RECEP14.warn(`${label}安排${ROOM_TYPES[l.roomType]}：接待住房以标准间为主，不得超标准安排${l.roomTypeReason ? `；理由：${l.roomTypeReason}` : '，请说明理由'}`, { line: i, check: 'c' }));
    }
    if (l.occupant === 'local') out.push(RECEP14.block(`${label}：除必要工作人员外，当地陪同人员一律不安排住宿`, { line: i, check: 'e' }));
    if (l.occupant === 'necessary_staff' && !l.justification) out.push(RECEP14.block(`${label}：安排必要工作人员住宿须说明理由`, { line: i, check: 'e' }));
  });
  return out;
}

/** RECEP-21(d): 禁止向下级单位及其他单位、企业、个人转嫁接待费用. */
export function checkPayers(costs: { label: string; payer?: Payer }[]): Verdict[] {
  return costs.filter((c) => c.payer && c.payer !== 'office')
    .map((c) => RECEP21.block(`${c.label}由${PAYERS[c.payer!]}支付：禁止向下级单位及其他单位、企业、个人转嫁接待费用，接待费用应由本办支付`, { payer: c.payer }));
}

/** Lodging cost of a plan or list: rooms × nights × rate. */
export const lodgingFen = (lines: LodgingLineValue[]) => lines.reduce((s, l) => s + l.nights * l.rateFen, 0);

const HOTEL_SELECT = sql`select id, name, kind, address, prices, agreement_ref as "agreementRef", active from finance_reception_hotels`;

export async function listHotels(ctx: Ctx, activeOnly = false): Promise<Hotel[]> {
  return rows<Hotel>(ctx.db, sql`${HOTEL_SELECT} ${activeOnly ? sql`where active` : sql``} order by active desc, name`);
}

const Price = z.number().int('金额以分为单位，须为整数').positive('协议价格须大于0').max(10_000_000);
export const HotelInput = z.object({
  id: z.string().max(100).optional(),
  name: z.string().trim().min(1, '请填写宾馆（场所）名称').max(200),
  kind: z.enum(['designated', 'internal']),
  address: z.string().trim().max(300).default(''),
  prices: z.object({ standard: Price, single: Price.optional(), suite: Price.optional() }),
  agreementRef: z.string().trim().max(200).default(''),
  active: z.boolean().default(true),
});

/** 综合科 adds or changes a hotel of the list (a change never rewrites approved receptions' lines). */
export async function saveHotel(ctx: Ctx, raw: unknown): Promise<Hotel> {
  const v = parseInput(HotelInput, raw, '定点宾馆');
  return withTx(ctx, async (tx) => {
    const me = requireActor(tx).personId ?? requireActor(tx).accountId;
    const [clash] = await rows<{ id: string }>(tx.db, sql`select id from finance_reception_hotels where name = ${v.name} and id <> ${v.id ?? ''}`);
    if (clash) throw errors.conflict(`“${v.name}”已在定点宾馆名单中`);
    const id = v.id ?? newId('htl');
    if (v.id) {
      const [old] = await rows<{ id: string }>(tx.db, sql`select id from finance_reception_hotels where id = ${v.id} for update`);
      if (!old) throw errors.notFound('定点宾馆');
    }
    await tx.db.execute(sql`insert into finance_reception_hotels (id, name, kind, address, prices, agreement_ref, active, updated_by, updated_at)
      values (${id}, ${v.name}, ${v.kind}, ${v.address}, ${JSON.stringify(v.prices)}::jsonb, ${v.agreementRef}, ${v.active}, ${me}, ${tx.clock.now().toISOString()})
      on conflict (id) do update set name = excluded.name, kind = excluded.kind, address = excluded.address, prices = excluded.prices,
        agreement_ref = excluded.agreement_ref, active = excluded.active, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
    await audit(tx, { event: v.id ? 'finance.hotel.update' : 'finance.hotel.create', objectType: 'finance_reception_hotel', objectId: id, detail: { name: v.name, kind: v.kind, prices: v.prices, active: v.active } });
    const [h] = await rows<Hotel>(tx.db, sql`${HOTEL_SELECT} where id = ${id}`);
    return h;
  });
}

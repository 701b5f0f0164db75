import { sql } from 'drizzle-orm';
import { can, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { renderFormPdf } from '../../kernel/render';
import { enforce, type Flagged } from '../../kernel/rules';
import { blockErr, holdsPost, hubSigners, iso, me, today } from './common';
import { instantOf } from './form';
import { printFuelLedger, type FuelRow } from './print';
import { CAR13, CAR14, checkFuel, fuelComplete } from './rules';

/**
 * 加油台账 (VUR Art.10): entries with the two signatures (CAR-13), out-of-town conditions
 * (CAR-15), the 综合科负责人's periodic check (CAR-14) and fuel per 100 km.
 */
export interface FuelInput {
  vehicleId: string;
  fueledAt: string;
  station: string;
  inCity: boolean;
  /** Litres × 100. */
  centilitres: number;
  unitPriceFen: number;
  payment: 'official_card' | 'fuel_card' | 'cash' | 'transfer';
  invoiceNo?: string | null;
  odometerKm?: number | null;
  driverPersonId: string;
  priorReport?: { reportedAt: string; channel: string } | null;
  acknowledged?: string[];
}

/** Amount = litres × unit price, rounded half up to the fen (COMPUTE; integers only). */
export function fuelAmountFen(centilitres: number, unitPriceFen: number): number {
  return Math.floor((centilitres * unitPriceFen + 50) / 100);
}

export async function addFuel(ctx: Ctx, input: FuelInput): Promise<{ id: string; amountFen: number; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const actor = me(tx);
    const day = today(tx);
    const isManager = await holdsPost(tx.db, actor, 'vehicle_manager', day);
    if (actor !== input.driverPersonId && !isManager) throw blockErr(CAR13, '加油台账由司机或车辆管理人员登记');
    const [drv] = await rows(tx.db, sql`select 1 from vehicle_drivers where person_id = ${input.driverPersonId} and active`);
    if (!drv) throw errors.badRequest('所填司机不是登记的驾驶员');
    const [v] = await rows(tx.db, sql`select 1 from vehicles where id = ${input.vehicleId}`);
    if (!v) throw errors.badRequest('车辆不存在');
    if (!(input.centilitres > 0) || !(input.unitPriceFen > 0)) throw errors.badRequest('加油量和单价须大于0');
    const at = instantOf(input.fueledAt);
    if (at.getTime() > tx.clock.now().getTime() + 60_000) throw errors.badRequest('加油时间不能晚于当前时间');
    const { chiefId } = await hubSigners(tx);
    const prior = input.priorReport ? { reportedAt: instantOf(input.priorReport.reportedAt).toISOString(), toPersonId: chiefId, channel: input.priorReport.channel } : null;
    const warnings = enforce(checkFuel({ inCity: input.inCity, station: input.station, payment: input.payment, invoiceNo: input.invoiceNo ?? null, fueledAt: at.toISOString(), priorReport: prior, hubChiefId: chiefId }), input.acknowledged ?? []);
    const amountFen = fuelAmountFen(input.centilitres, input.unitPriceFen);
    const id = newId('vfl');
    const now = tx.clock.now().toISOString();
    // The one who enters the line signs their own box: the driver as 司机, the manager as 车辆管理人员.
    const asDriver = actor === input.driverPersonId;
    await tx.db.execute(sql`insert into vehicle_fuel (id, vehicle_id, fueled_at, fueled_on, station, in_city, centilitres, unit_price_fen, amount_fen, payment, invoice_no, odometer_km,
        prior_report, driver_person_id, driver_signed_at, manager_person_id, manager_signed_at, warnings, created_by, created_at)
      values (${id}, ${input.vehicleId}, ${at.toISOString()}, ${input.fueledAt.slice(0, 10)}, ${input.station}, ${input.inCity}, ${input.centilitres}, ${input.unitPriceFen}, ${amountFen},
        ${input.payment}, ${input.invoiceNo ?? null}, ${input.odometerKm ?? null}, ${prior ? JSON.stringify(prior) : null}::jsonb, ${input.driverPersonId}, ${asDriver ? now : null},
        ${asDriver ? null : actor}, ${asDriver ? null : now}, ${JSON.stringify(warnings.map((w) => w.ruleId))}::jsonb, ${actor}, ${now})`);
    if (input.odometerKm != null) await tx.db.execute(sql`update vehicles set odometer_km = greatest(odometer_km, ${input.odometerKm}) where id = ${input.vehicleId}`);
    await audit(tx, { event: 'vehicles.fuel.add', objectType: 'vehicle_fuel', objectId: id, detail: { amountFen, inCity: input.inCity, warnings: warnings.map((w) => w.ruleId), signedAs: asDriver ? 'driver' : 'manager' } });
    return { id, amountFen, warnings };
  });
}

/** The other party's signature (互相签字确认): the driver of record, or a vehicle manager who is not the driver. */
export async function signFuel(ctx: Ctx, id: string, as: 'driver' | 'manager'): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = me(tx);
    const [e] = await rows<{ driver_person_id: string; driver_signed_at: string | null; manager_person_id: string | null; manager_signed_at: string | null }>(tx.db,
      sql`select driver_person_id, driver_signed_at, manager_person_id, manager_signed_at from vehicle_fuel where id = ${id} for update`);
    if (!e) throw errors.notFound('加油记录');
    const now = tx.clock.now().toISOString();
    if (as === 'driver') {
      if (actor !== e.driver_person_id) throw blockErr(CAR13, '司机签字须由该笔加油的司机本人签');
      if (e.driver_signed_at) throw errors.conflict('司机已签字');
      await tx.db.execute(sql`update vehicle_fuel set driver_signed_at = ${now} where id = ${id}`);
    } else {
      if (!(await holdsPost(tx.db, actor, 'vehicle_manager', today(tx)))) throw blockErr(CAR13, '车辆管理人员签字须由车辆管理员签');
      if (actor === e.driver_person_id) throw blockErr(CAR13, '车辆管理人员和司机须互相签字确认，同一人不能同时签两栏');
      if (e.manager_signed_at) throw errors.conflict('车辆管理人员已签字');
      await tx.db.execute(sql`update vehicle_fuel set manager_person_id = ${actor}, manager_signed_at = ${now} where id = ${id}`);
    }
    await audit(tx, { event: 'vehicles.fuel.sign', objectType: 'vehicle_fuel', objectId: id, detail: { as, ruleId: 'CAR-13' } });
  });
}

export interface FuelView extends FuelRow { id: string; vehicleId: string; fueledOn: string; driverPersonId: string; warnings: string[] }

const FUEL_SELECT = sql`select f.id, f.vehicle_id as "vehicleId", v.plate, ${iso('f.fueled_at')} as "fueledAt", f.fueled_on::text as "fueledOn", f.station, f.in_city as "inCity",
    f.centilitres, f.unit_price_fen as "unitPriceFen", f.amount_fen::float8 as "amountFen", f.payment, f.invoice_no as "invoiceNo", f.odometer_km as "odometerKm",
    f.driver_person_id as "driverPersonId", d.name as "driverName", ${iso('f.driver_signed_at')} as "driverSignedAt", f.manager_person_id as "managerPersonId", m.name as "managerName",
    ${iso('f.manager_signed_at')} as "managerSignedAt", f.warnings
  from vehicle_fuel f join vehicles v on v.id = f.vehicle_id join people d on d.id = f.driver_person_id left join people m on m.id = f.manager_person_id`;

/** The ledger for a month (YYYY-MM) or all; `complete` per CAR-13. */
export async function fuelLedger(ctx: Ctx, q: { period?: string; vehicleId?: string }): Promise<FuelView[]> {
  const where = [sql`true`];
  if (q.period) where.push(sql`to_char(f.fueled_on, 'YYYY-MM') = ${q.period}`);
  if (q.vehicleId) where.push(sql`f.vehicle_id = ${q.vehicleId}`);
  const person = me(ctx);
  if (!(can(ctx, 'vehicles.ledger') || can(ctx, 'vehicles.manage') || (await holdsPost(ctx.db, person, 'vehicle_manager', today(ctx))))) where.push(sql`f.driver_person_id = ${person}`);
  const found = await rows<Omit<FuelView, 'complete'> & { managerPersonId: string | null }>(ctx.db, sql`${FUEL_SELECT} where ${sql.join(where, sql` and `)} order by f.fueled_at desc limit 5000`);
  return found.map((e) => ({ ...e, complete: fuelComplete(e) }));
}

/** CAR-14: the 综合科负责人's check of a month. */
export async function checkFuelLedger(ctx: Ctx, input: { period: string; findings: string }): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const actor = me(tx);
    const { chiefId } = await hubSigners(tx);
    if (actor !== chiefId) throw blockErr(CAR14, '加油台账由综合科负责人核查');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period)) throw errors.badRequest('核查期间格式应为 YYYY-MM');
    if (input.period > today(tx).slice(0, 7)) throw errors.badRequest('不能核查尚未开始的月份');
    const [dup] = await rows(tx.db, sql`select 1 from vehicle_fuel_checks where period = ${input.period}`);
    if (dup) throw errors.conflict(`${input.period} 的加油台账已核查`);
    const id = newId('vfc');
    await tx.db.execute(sql`insert into vehicle_fuel_checks (id, period, checker_person_id, checked_on, findings, created_at)
      values (${id}, ${input.period}, ${actor}, ${today(tx)}, ${input.findings.trim() || '经核查，台账与加油发票相符，双方签字齐全'}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'vehicles.fuel.check', objectType: 'vehicle_fuel_check', objectId: id, detail: { ruleId: 'CAR-14', period: input.period } });
    return { id };
  });
}

export async function fuelChecks(ctx: Ctx): Promise<{ id: string; period: string; checkerName: string; checkedOn: string; findings: string }[]> {
  return rows(ctx.db, sql`select c.id, c.period, p.name as "checkerName", c.checked_on::text as "checkedOn", c.findings from vehicle_fuel_checks c join people p on p.id = c.checker_person_id order by c.period desc`);
}

/** CAR-14 report: per vehicle and month — signed litres, amount, km driven (odometer), litres per 100 km. */
export async function fuelReport(ctx: Ctx): Promise<{ plate: string; period: string; litres: number; amountFen: number; km: number | null; per100km: number | null; incomplete: number }[]> {
  const all = await fuelLedger(ctx, {});
  const groups = new Map<string, FuelView[]>();
  for (const e of all) {
    const k = `${e.plate}|${e.fueledOn.slice(0, 7)}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.entries()].map(([k, es]) => {
    const [plate, period] = k.split('|');
    const ok = es.filter((e) => e.complete);
    const litres = ok.reduce((s, e) => s + e.centilitres, 0) / 100;
    const odo = es.map((e) => e.odometerKm).filter((x): x is number => x != null);
    const km = odo.length >= 2 ? Math.max(...odo) - Math.min(...odo) : null;
    return { plate, period, litres, amountFen: ok.reduce((s, e) => s + e.amountFen, 0), km, per100km: km ? Math.round((litres / km) * 10000) / 100 : null, incomplete: es.length - ok.length };
  }).sort((a, b) => b.period.localeCompare(a.period) || a.plate.localeCompare(b.plate));
}

export async function printFuel(ctx: Ctx, period: string): Promise<{ pdf: Buffer; fileName: string }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw errors.badRequest('期间格式应为 YYYY-MM');
  const entries = (await fuelLedger(ctx, { period })).reverse();
  const [check] = await rows<{ checkerName: string; checkedOn: string; findings: string }>(ctx.db, sql`select p.name as "checkerName", c.checked_on::text as "checkedOn", c.findings
    from vehicle_fuel_checks c join people p on p.id = c.checker_person_id where c.period = ${period}`);
  const pdf = await renderFormPdf(printFuelLedger(`白城市扶贫办公务用车加油台账（${period.replace('-', '年')}月）`, entries, check ?? null));
  await audit(ctx, { event: 'vehicles.fuel.print', objectType: 'vehicle_fuel', objectId: period });
  return { pdf, fileName: `加油台账-${period}.pdf` };
}

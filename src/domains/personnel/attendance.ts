import { sql } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { assertInScope } from '../../kernel/access/scope';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { enforce } from '../../kernel/rules';
import { workingDaysOf } from './days';
import { attendanceKeepers, tell } from './notices';
import { ATT03, ATT09 } from './rules';

/** 综合科's decisions on absence (ATT-03), each audited; ATT-09 reclassification of fake sick leave. */
export const GROUNDS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'] as const;
export type Ground = (typeof GROUNDS)[number];

export const GROUND_LABEL: Record<Ground, string> = {
  A1: '未请假或请假未获批准离岗',
  A2: '请假期满未延假逾期不到岗',
  A3: '不服从组织调动，不按时报到',
  A4: '不服从工作安排或不按时到岗工作',
  A5: '骗取医疗疾病证明被准假',
  A6: '以办公事下基层为由办私事',
};

export interface AbsenceInput {
  personId: string;
  date: string;
  halves: 1 | 2;
  ground: Ground;
  evidence: string;
  leaveId?: string;
  tripId?: string;
}

export async function confirmAbsence(ctx: Ctx, input: AbsenceInput): Promise<{ id: string }> {
  return decide(ctx, input, 'confirmed');
}

export async function dismissCandidate(ctx: Ctx, input: { personId: string; date: string; reason: string }): Promise<{ id: string }> {
  return decide(ctx, { personId: input.personId, date: input.date, halves: 2, ground: 'A1', evidence: input.reason }, 'dismissed');
}

async function decide(ctx: Ctx, input: AbsenceInput, status: 'confirmed' | 'dismissed'): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const [p] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${input.personId}`);
    if (!p) throw errors.notFound('人员');
    assertInScope(tx, { unitId: p.unit_id });
    if (!input.evidence.trim()) enforce([ATT03.block(status === 'confirmed' ? '认定旷工须写明事实依据' : '排除旷工嫌疑须写明理由')]);
    const day = (await loadWorkingCalendar(tx.db)).day(input.date);
    if (!day.workingDay) enforce([ATT03.block(`${input.date}不是工作日（${day.reason ?? '休息日'}），不计旷工`)]);
    const id = newId('abs');
    const done = await rows<{ id: string }>(tx.db, sql`insert into absence_records (id, person_id, date, halves, ground, evidence, status, leave_id, trip_id, decided_by, decided_at)
      values (${id}, ${input.personId}, ${input.date}, ${input.halves}, ${input.ground}, ${input.evidence.trim()}, ${status}, ${input.leaveId ?? null}, ${input.tripId ?? null},
        ${requireActor(tx).personId ?? ''}, ${tx.clock.now().toISOString()}) on conflict do nothing returning id`);
    if (!done.length) throw errors.conflict(`${input.date}已有旷工认定或排除记录`);
    await audit(tx, { event: `personnel.absence.${status === 'confirmed' ? 'confirm' : 'dismiss'}`, objectType: 'person', objectId: input.personId, detail: { ...input, absenceId: id } });
    return { id };
  });
}

/**
 * ATT-09: a sick leave obtained with a fake certificate. Every working day of it becomes
 * absence (A5), the discipline group is notified for accountability, and the full-salary
 * deduction for the calendar days of the leave is recorded in the audit trail.
 */
export async function reclassifyFakeSickLeave(ctx: Ctx, leaveId: string, evidence: string): Promise<{ absenceDays: number }> {
  return withTx(ctx, async (tx) => {
    const [l] = await rows<{ person_id: string; type: string; status: string; start_date: string; start_half: 'full' | 'pm'; end_date: string; end_half: 'full' | 'am' }>(
      tx.db,
      sql`select person_id, type, status, start_date::text, start_half, effective_end_date::text as end_date, effective_end_half as end_half from leave_requests where id = ${leaveId}`,
    );
    if (!l || l.type !== 'sick' || l.status !== 'approved') throw errors.conflict('只有已批准的病假可以认定为骗取病假');
    if (!evidence.trim()) enforce([ATT09.block('认定骗取病假须写明查证结果')]);
    const cal = await loadWorkingCalendar(tx.db);
    const range = { startDate: l.start_date, startHalf: l.start_half, endDate: l.end_date, endHalf: l.end_half };
    const days = workingDaysOf(cal, range);
    for (const [date, halves] of days) {
      await tx.db.execute(sql`insert into absence_records (id, person_id, date, halves, ground, evidence, status, leave_id, decided_by, decided_at)
        values (${newId('abs')}, ${l.person_id}, ${date}, ${halves}, 'A5', ${evidence}, 'confirmed', ${leaveId}, ${requireActor(tx).personId ?? ''}, ${tx.clock.now().toISOString()})
        on conflict (person_id, date) do update set ground = 'A5', status = 'confirmed', evidence = excluded.evidence, leave_id = excluded.leave_id`);
    }
    const inspectors = await rows<{ person_id: string }>(tx.db, sql`select distinct a.person_id from accounts a join account_roles ar on ar.account_id = a.id
      join roles r on r.id = ar.role_id where r.code = 'inspector' and a.person_id is not null`);
    const [p] = await rows<{ name: string }>(tx.db, sql`select name from people where id = ${l.person_id}`);
    await tell(tx, [...inspectors.map((i) => i.person_id), ...(await attendanceKeepers(tx))], {
      kind: 'info',
      title: `骗取病假移送：${p?.name ?? ''}（${l.start_date}至${l.end_date}）`,
      body: `经查证，病假证明系伪造。按考勤制度五（五），${days.length}个工作日按旷工处理，报纪检监察组追究纪律责任，并扣除${l.start_date}至${l.end_date}期间全额工资。`,
      objectType: 'leave_request',
      objectId: leaveId,
    });
    await audit(tx, { event: 'personnel.leave.fake_sick', objectType: 'leave_request', objectId: leaveId, detail: { evidence, absenceDays: days.length, payrollDeduction: { from: l.start_date, to: l.end_date, basis: 'ATT-09 扣除请假期间全额工资' } } });
    return { absenceDays: days.length };
  });
}

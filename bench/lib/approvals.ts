import { sql } from 'drizzle-orm';
import type { Database } from '../../src/kernel/db';
import { rows } from '../../src/kernel/db';
import { migrateDatabase } from '../../src/kernel/db/migrate';
import { loadRuleParams } from '../../src/kernel/rules/store';
import { addDays, localDate, systemClock } from '../../src/kernel/time';
import { seedDemoOffice, isSeeded } from '../../src/demo/seed';
import { createSession, loadActor, SESSION_COOKIE } from '../../src/kernel/identity/sessions';
import { submitTrip } from '../../src/domains/personnel/trip-service';
import type { Ctx } from '../../src/kernel/context';
// Registers every rule and flow definition (personnel.trip among them), as the server does.
import '../../src/server/register-rules';

export const DEMO_PASSWORD = 'Guicheng@2026';

/**
 * General staff of the demo office. A 公出 of general staff has one step, 审批领导 = the
 * 分管领导 of the applicant's unit (FMS-F2, TRIP-01), so their trips spread the approvals
 * over the three deputy directors: liminghua (综合科, 信息宣传科), zhaoguoqiang (规划项目科,
 * 扶贫开发服务中心), sunli (督查科, 社会扶贫科).
 */
export const APPLICANTS = ['xunuo', 'xiechen', 'tangning', 'dongxue', 'xiaoran', 'chengyuan', 'huangjing', 'linfeng', 'gaowei'];

export interface PendingApproval {
  taskId: string;
  /** The approver's session cookie (`gc_sid=…`). */
  cookie: string;
}

async function ctxFor(db: Database['db'], username: string): Promise<Ctx> {
  const [a] = await rows<{ id: string }>(db, sql`select id from accounts where username = ${username}`);
  if (!a) throw new Error(`no demo account ${username}`);
  const actor = await loadActor(db, a.id, systemClock.now());
  return { db, actor, ip: '127.0.0.1', requestId: `bench-${username}`, clock: systemClock };
}

/** Migrate and load the demo office, as `serve --demo` does on first start. */
export async function prepareDatabase(database: Database): Promise<void> {
  await migrateDatabase(database);
  if (!(await isSeeded(database.db))) await seedDemoOffice(database.db, systemClock, { password: DEMO_PASSWORD });
  await loadRuleParams(database.db);
}

/**
 * `count` pending 公出 approvals, made fast without cutting corners on what they are: one
 * trip per applicant is submitted through the service layer (zod form, derive, TRIP-01,
 * route resolution, the instance, task, trail, trip row and audit record), then each is
 * cloned set-wise in SQL — every column copied through jsonb, only ids changed — so the
 * clones are byte for byte what submitTrip writes, and the setup stays a few seconds for
 * tens of thousands of tasks. Returns the tasks in random order with their approver's cookie.
 */
export async function createPendingApprovals(database: Database, count: number): Promise<PendingApproval[]> {
  const db = database.db;
  const perTemplate = Math.max(0, Math.ceil(count / APPLICANTS.length) - 1);
  const templates: string[] = [];
  const published = new Set(
    (await rows<{ year: number }>(db, sql`select year from calendar_year where status = 'published'`)).map((r) => Number(r.year)),
  );
  const today = localDate(systemClock.now());
  for (const [i, username] of APPLICANTS.entries()) {
    const ctx = await ctxFor(db, username);
    // A week ahead: neither TRIP-01 warning (submission) nor a late signature applies, and the
    // working-day count needs a published calendar year.
    const startDate = addDays(today, 7 + i);
    const endDate = addDays(startDate, 1);
    if (!published.has(Number(endDate.slice(0, 4)))) throw new Error(`the demo calendar has no published ${endDate.slice(0, 4)}: cannot date the bench trips`);
    const res = await submitTrip(ctx, {
      destination: '省扶贫开发办公室',
      purpose: '性能基准：汇报季度工作',
      purposeCategory: 'report',
      startDate,
      endDate,
      companions: [],
      transport: 'train',
    });
    templates.push(res.instanceId);
  }
  const suffix = (col: string) => `${col} || '_' || g.n`;
  // Copy a row with every column through jsonb, overriding only the ids: no column list to
  // keep in step with the schema.
  const clone = (table: string, alias: string, overrides: Record<string, string>, where: string) => `
    insert into ${table}
    select (jsonb_populate_record(null::${table}, to_jsonb(${alias}) || jsonb_build_object(${Object.entries(overrides)
      .map(([k, v]) => `'${k}', ${v}`)
      .join(', ')}))).*
    from ${table} ${alias}, generate_series(1, $2::int) g(n) where ${where}`;
  for (const id of templates) {
    await database.query(clone('flow_instances', 'x', { id: suffix('x.id'), subject_id: suffix('x.subject_id') }, 'x.id = $1'), [id, perTemplate]);
    await database.query(clone('personnel_trips', 'x', { id: suffix('x.id'), flow_instance_id: suffix('x.flow_instance_id') }, 'x.flow_instance_id = $1'), [id, perTemplate]);
    await database.query(clone('flow_tasks', 'x', { id: suffix('x.id'), instance_id: suffix('x.instance_id') }, 'x.instance_id = $1'), [id, perTemplate]);
    await database.query(clone('flow_actions', 'x', { id: suffix('x.id'), instance_id: suffix('x.instance_id'), task_id: `case when x.task_id is null then null else ${suffix('x.task_id')} end` }, 'x.instance_id = $1'), [id, perTemplate]);
    await database.query(clone('flow_timers', 'x', { id: suffix('x.id'), instance_id: suffix('x.instance_id'), task_id: suffix('x.task_id') }, 'x.instance_id = $1'), [id, perTemplate]);
  }
  // Fresh statistics, as autovacuum would have them on a server that had been running.
  await database.exec('analyze flow_instances, flow_tasks, flow_actions, flow_timers, personnel_trips, audit_log, sessions');

  const tasks = await rows<{ id: string; account_id: string }>(
    db,
    sql`select t.id, a.id as account_id from flow_tasks t
        join flow_instances i on i.id = t.instance_id
        join accounts a on a.person_id = t.assignee_person_id
        where i.definition_key = 'personnel.trip' and t.status = 'pending' and t.kind = 'approve'
        order by random()`,
  );
  if (tasks.length < count) throw new Error(`setup made ${tasks.length} pending approvals, ${count} wanted`);
  const cookies = new Map<string, string>();
  for (const t of tasks) {
    if (!cookies.has(t.account_id)) cookies.set(t.account_id, `${SESSION_COOKIE}=${await createSession(db, t.account_id, systemClock.now())}`);
  }
  return tasks.map((t) => ({ taskId: t.id, cookie: cookies.get(t.account_id)! }));
}

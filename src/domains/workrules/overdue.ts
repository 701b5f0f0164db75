import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { followupList } from '../meetings/followup';
import { today } from './common';
import { listLetters } from './letters';
import { listNormative } from './normative';

/**
 * WR-17 逾期事项报告 (第二十六条 按程序和时限办理): every open item of the office whose own time
 * limit has passed — approval tasks (the flow engine's due dates), 会议督办事项 (SZYD-30),
 * normative documents not filed with the 市政府 (WR-12) and letters past the office's handling
 * limit (WR-16, only when the limit is set). The limits come from each item, none from 第二十六条.
 */
export interface OverdueRow {
  kind: 'flow_task' | 'decision_task' | 'normative_filing' | 'letter';
  kindLabel: string;
  title: string;
  ownerName: string;
  dueOn: string;
  daysOverdue: number;
  link: string;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

async function flowTasks(ctx: Ctx, on: string): Promise<Omit<OverdueRow, 'daysOverdue'>[]> {
  const found = await rows<{ title: string; step: string | null; owner: string; due: string; instance: string }>(ctx.db, sql`select i.title, (i.plan -> t.step_index ->> 'name') as step,
      p.name as owner, t.due_date::text as due, i.id as instance
    from flow_tasks t join flow_instances i on i.id = t.instance_id join people p on p.id = t.assignee_person_id
    where t.status = 'pending' and t.kind <> 'notify' and i.status = 'running' and t.due_date < ${on} order by t.due_date limit 1000`);
  return found.map((r) => ({ kind: 'flow_task', kindLabel: '审批待办', title: r.step ? `${r.title}（${r.step}）` : r.title, ownerName: r.owner, dueOn: r.due, link: `/flow/instances/${r.instance}` }));
}

async function decisionTasks(ctx: Ctx): Promise<Omit<OverdueRow, 'daysOverdue'>[]> {
  const { tasks } = await followupList(ctx, { status: 'open' });
  return tasks.filter((t) => t.overdue).map((t) => ({ kind: 'decision_task', kindLabel: '会议督办事项', title: `${t.title}（${t.decisionTitle}）`, ownerName: t.ownerName ?? t.ownerId, dueOn: String(t.dueDate), link: '/meetings/followups' }));
}

export async function overdueReport(ctx: Ctx): Promise<OverdueRow[]> {
  const on = today(ctx);
  const out: Omit<OverdueRow, 'daysOverdue'>[] = [...(await flowTasks(ctx, on)), ...(await decisionTasks(ctx))];
  for (const d of (await listNormative(ctx)).filter((x) => x.filingOverdue)) {
    out.push({ kind: 'normative_filing', kindLabel: '规范性文件报市政府备案', title: `${d.title}（${d.docNo ?? ''}）`, ownerName: d.draftingUnitName ?? '', dueOn: d.filingDueOn!, link: '/workrules?tab=normative' });
  }
  for (const l of (await listLetters(ctx)).filter((x) => x.overdue)) {
    out.push({ kind: 'letter', kindLabel: '来信来访及12317电话', title: `${l.year}年第${l.seq}号：${l.subject}`, ownerName: l.ownerName, dueOn: l.dueOn!, link: '/workrules?tab=letters' });
  }
  return out.map((r) => ({ ...r, daysOverdue: days(r.dueOn, on) })).sort((a, b) => b.daysOverdue - a.daysOverdue);
}

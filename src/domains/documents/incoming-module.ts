import { sql } from 'drizzle-orm';
import type { Module } from '../../kernel/module';
import type { Ctx } from '../../kernel/context';
import { grantPermissions } from '../../kernel/access/grants';
import { rows } from '../../kernel/db';
import { loadActor } from '../../kernel/identity/sessions';
import { addDays, localDate, type Clock } from '../../kernel/time';
import { chaseDueIncoming, remindUrgentPrinting } from './incoming-jobs';
import { incomingRoutes } from './incoming-routes';
import {
  archiveIncoming, assignHandling, markMisdelivered, markRead, recordExtension, recordHandover, recordInstruction, recordReply, registerIncoming,
  returnCirculation, routeToLeader, sendCirculation,
} from './incoming-service';
import './incoming-rules';

export const INCOMING_PERMISSIONS = [
  { code: 'documents.incoming', label: '收文签收登记、呈批、交办、传阅、催办、归档（综合科）' },
  { code: 'documents.dispatch', label: '发文印制份数、校对、印制、用印、封发、归档登记（综合科）' },
];

/**
 * 收文办理 and the records of 发文办理 after numbering (《公文运转管理制度》第九条至第二十二条).
 * A module of its own beside `documents` so the outgoing-document files stay as they are.
 */
export const incomingModule: Module = {
  name: 'documents-incoming',
  permissions: INCOMING_PERMISSIONS,
  routes: incomingRoutes,
  jobs: [
    // DOC-27 催办: at most one reminder per document and day (claimed with SKIP LOCKED).
    { name: 'documents-incoming-chase', everyMs: 3_600_000, run: chaseDueIncoming },
    // DOC-19: urgent numbered documents raise a print task for 综合科 at once.
    { name: 'documents-urgent-print', everyMs: 300_000, run: remindUrgentPrinting },
  ],
  async seedBase(ctx) {
    await grantPermissions(ctx.db, 'hub', ['documents.incoming', 'documents.dispatch']);
  },
  seedDemo: seedIncomingDemo,
};

async function as(ctx: Ctx, username: string, clock: Clock): Promise<Ctx> {
  const [a] = await rows<{ id: string }>(ctx.db, sql`select id from accounts where username = ${username}`);
  const actor = a ? await loadActor(ctx.db, a.id, clock.now()) : null;
  if (!actor) throw new Error(`demo account ${username} missing`);
  return { ...ctx, actor, clock };
}

const shifted = (clock: Clock, days: number): Clock => ({ now: () => new Date(clock.now().getTime() + days * 86_400_000) });

/**
 * Demo 收文 (demo-office.md): 黄静 (文书) registers; 李明华 / 孙丽 give 批示; 督查科 and 规划项目科
 * handle. One waits for 批示, one is overdue, one has an agreed extension, one is out on
 * circulation, one was misdelivered, one is archived, one was handed over by 信息宣传科.
 * Deadlines are given as dates so the demo never depends on a calendar year being published.
 */
async function seedIncomingDemo(ctx: Ctx): Promise<void> {
  const now = ctx.clock;
  const today = localDate(now.now());
  const clerkPast = await as(ctx, 'huangjing', shifted(now, -12));
  const clerk = await as(ctx, 'huangjing', now);
  const base = { receiptChannel: '机要交换', addressedTo: '白城市扶贫开发办公室', classification: '无', copies: 2, complete: true, attachments: [] as { title: string }[] };

  const a = await registerIncoming(clerk, { ...base, sender: '吉林省乡村振兴局', senderDocNo: '吉乡振发〔2026〕31号', title: '关于做好防止返贫动态监测帮扶集中排查工作的通知', urgency: '加急', receivedOn: today, attachments: [{ title: '集中排查工作方案', pages: 6 }] });
  await routeToLeader(clerk, a.id, { leaderPersonId: 'psn_liminghua', proposal: '拟请督查科牵头办理', handlingUnitId: 'unit_ducha', urgentCopy: true });

  const b = await registerIncoming(clerkPast, { ...base, receiptChannel: '邮政', sender: '白城市财政局', senderDocNo: '白财农〔2026〕88号', title: '关于报送衔接推进乡村振兴补助资金使用情况的函', urgency: '非紧急', receivedOn: addDays(today, -12), senderDueDate: addDays(today, -3) });
  await routeToLeader(clerkPast, b.id, { leaderPersonId: 'psn_zhaoguoqiang', proposal: '拟请规划项目科办理' });
  await recordInstruction(await as(ctx, 'zhaoguoqiang', shifted(now, -11)), b.id, { text: '请规划项目科按时报送。', handlingUnitId: 'unit_guihua' });
  await assignHandling(await as(ctx, 'huangjing', shifted(now, -11)), b.id, { handlingUnitId: 'unit_guihua' });

  const c = await registerIncoming(clerkPast, { ...base, sender: '白城市乡村振兴局', senderDocNo: '白乡振函〔2026〕12号', title: '关于征求2027年度帮扶项目库意见的函', urgency: '非紧急', receivedOn: addDays(today, -12), senderDueDate: addDays(today, 1) });
  await routeToLeader(clerkPast, c.id, { leaderPersonId: 'psn_sunli' });
  await recordInstruction(await as(ctx, 'sunli', shifted(now, -11)), c.id, { text: '请督查科研究提出意见。' });
  await assignHandling(await as(ctx, 'huangjing', shifted(now, -11)), c.id, { handlingUnitId: 'unit_ducha' });
  await recordExtension(await as(ctx, 'zhutao', shifted(now, -1)), c.id, { agreedWith: '市乡村振兴局规划科 王科长', agreedOn: addDays(today, -1), newDueDate: addDays(today, 8), replyMethod: '书面函件', note: '需汇总各县意见' });

  const d = await registerIncoming(clerkPast, { ...base, sender: '中共白城市委办公室', senderDocNo: '白办发〔2026〕20号', title: '关于进一步加强机关作风建设的通知', urgency: '非紧急', receivedOn: addDays(today, -12) });
  await routeToLeader(clerkPast, d.id, { leaderPersonId: 'psn_chenzhiyuan', proposal: '拟请各位领导传阅' });
  await recordInstruction(await as(ctx, 'chenzhiyuan', shifted(now, -11)), d.id, { text: '请班子成员传阅，各科室认真落实。' });
  await sendCirculation(await as(ctx, 'huangjing', shifted(now, -10)), d.id, { readerPersonId: 'psn_liminghua' });
  await markRead(await as(ctx, 'liminghua', shifted(now, -10)), d.id, { note: '已阅' });
  await returnCirculation(await as(ctx, 'huangjing', shifted(now, -9)), d.id, { missingPages: false, hasInstructions: true, note: '李副主任圈阅' });
  await sendCirculation(await as(ctx, 'huangjing', shifted(now, -9)), d.id, { readerPersonId: 'psn_sunli' });

  const e = await registerIncoming(clerk, { ...base, sender: '白城市民政局', title: '关于开展社会救助专项检查的通知', urgency: '非紧急', receivedOn: today, addressedTo: '白城市民政局' });
  await markMisdelivered(clerk, e.id, { action: '转投', target: '白城市民政局', note: '信封主送民政局，误投本办' });

  const f = await registerIncoming(clerkPast, { ...base, sender: '白城市人力资源和社会保障局', senderDocNo: '白人社函〔2026〕5号', title: '关于报送机关事业单位工作人员年度考核结果的函', urgency: '非紧急', receivedOn: addDays(today, -12), senderDueDate: addDays(today, -5) });
  await routeToLeader(clerkPast, f.id, { leaderPersonId: 'psn_liminghua' });
  await recordInstruction(await as(ctx, 'liminghua', shifted(now, -11)), f.id, { text: '请综合科办理。' });
  await assignHandling(await as(ctx, 'huangjing', shifted(now, -11)), f.id, { handlingUnitId: 'unit_zonghe' });
  await recordReply(await as(ctx, 'liuyang', shifted(now, -6)), f.id, { resultText: '已按时报送考核结果。' });
  await archiveIncoming(await as(ctx, 'huangjing', shifted(now, -5)), f.id, { location: '2026-文书-永久-0012' });

  await recordHandover(await as(ctx, 'luomin', now), { addressedTo: '白城市扶贫开发办公室', sender: '白城市网信办', title: '关于开展政务新媒体检查的通知', classification: '无', urgency: '非紧急', receivedOn: today, copies: 1, note: '信息宣传科收到，交综合科' });
}

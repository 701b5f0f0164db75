import { systemCtx, withTx } from '../../kernel/context';
import type { Database } from '../../kernel/db';
import { lockNamed } from '../../kernel/db/mutex';
import { notifyOnce } from '../../kernel/notify';
import { localDate, type Clock } from '../../kernel/time';
import { keepers, unitHead } from './common';
import { listFindings, reportOwed } from './findings';
import { listLetters } from './letters';
import { filingOverdue, listNormative } from './normative';
import { inForce, WR12, WR15, WR16 } from './rules';

/**
 * The registers' reminders, "until" the record is made: from its start date an open duty is
 * reminded once per `repeatDays` period (notifyOnce keyed by the period), so a server restart
 * or a second server never sends a period's notice twice (the sweep also holds a named mutex).
 *  - WR-12: a normative document issued and not filed, from its reminder date — 综合科 and the drafting section;
 *  - WR-15: a rectified finding not reported to the 市政府 — 综合科 and the responsible section;
 *  - WR-16: an important letter not annotated, from a period after receipt — the leader it was sent to.
 */
const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const periodOf = (from: string, on: string, every: number) => Math.floor(dayDiff(from, on) / Math.max(1, every));

export async function remindWorkRules(database: Database, clock: Clock): Promise<number> {
  const on = localDate(clock.now());
  return withTx(systemCtx(database.db, clock), async (tx) => {
    await lockNamed(tx.db, 'workrules_reminders');
    const hub = await keepers(tx.db);
    let sent = 0;
    const send = async (to: (string | null)[], objectType: string, from: string, every: number, id: string, title: string, body: string, link: string) => {
      const n = periodOf(from, on, every);
      if (n < 0) return;
      if (await notifyOnce(tx.db, to.filter((p): p is string => !!p), { kind: 'remind', title, body, link, objectType, objectId: `${id}:${n}` }, clock.now())) sent++;
    };
    for (const d of await listNormative(tx)) {
      if (!d.issuedOn || d.filedOn || !d.filingDueOn || d.filingDueOn > on || !inForce(d.issuedOn)) continue;
      await send([...hub, await unitHead(tx.db, d.draftingUnitId, on)], 'wr_normative_filing', d.filingDueOn, WR12.param('repeatDays'), d.id,
        `规范性文件尚未报市政府备案：${d.title}`, `${d.docNo}于${d.issuedOn}印发，应依法及时报市政府备案${filingOverdue(d, on) ? '，已逾提醒日期' : ''}（${WR12.id} ${WR12.cite}）`, '/workrules?tab=normative');
    }
    for (const f of (await listFindings(tx)).filter(reportOwed)) {
      await send([...hub, await unitHead(tx.db, f.responsibleUnitId, on)], 'wr_finding_report', f.rectifiedOn!, WR15.param('repeatDays'), f.id,
        `监督发现问题整改后尚未向市政府报告：${f.title}`, `已于${f.rectifiedOn}整改，须向市政府报告（${WR15.id} ${WR15.cite}）`, '/workrules?tab=findings');
    }
    for (const l of (await listLetters(tx)).filter((x) => x.awaitingAnnotation && !x.closedOn && inForce(x.receivedOn))) {
      const every = WR16.param('repeatDays');
      if (periodOf(l.receivedOn, on, every) < 1) continue;
      await send([l.annotatorId], 'wr_letter_annotation', l.receivedOn, every, l.id,
        `重要来信来访尚未阅批：${l.year}年第${l.seq}号`, `${l.subject}（${WR16.id} ${WR16.cite}）`, '/workrules/mine');
    }
    return sent;
  });
}

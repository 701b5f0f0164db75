import { Timeline, Typography } from 'antd';
import { COMPLETE_OUTCOME, actionLabel, formatTime } from './labels';
import type { InstanceDetail, TrailEntry } from './types';

const VERB_LABEL: Record<string, string> = { consent: '同意', approve: '批准', review: '审核', sign: '签发', read: '已阅', record: '登记' };

const COLOR: Record<string, string> = { reject: 'red', return: 'orange', withdraw: 'gray', remind: 'orange', approve: 'green', complete: 'green' };

function what(e: TrailEntry, detail: InstanceDetail): string {
  const step = e.stepIndex !== null ? detail.steps[e.stepIndex]?.name : null;
  let text = actionLabel(e.action, e.detail, VERB_LABEL);
  if (e.action === 'complete') text = `办结（${COMPLETE_OUTCOME[String(e.detail?.outcome)] ?? ''}）`;
  if ((e.action === 'delegate' || e.action === 'add_signer') && e.detail?.name) text += ` → ${String(e.detail.name)}`;
  if (e.action === 'return') text += e.detail?.toStep === 'applicant' ? ' → 申请人' : ` → ${detail.steps[Number(e.detail?.toStep)]?.name ?? ''}`;
  if (e.action === 'record_external' && e.detail) text += `：${String(e.detail.approver ?? '')} ${e.detail.decision === 'reject' ? '不同意' : '同意'}（${String(e.detail.documentRef ?? '')}）`;
  return step && e.action !== 'complete' ? `${text}（${step}）` : text;
}

/** Every action on the instance in order: who, what, when, and what they wrote. */
export function Trail({ detail }: { detail: InstanceDetail }) {
  return (
    <Timeline
      data-testid="flow-trail"
      items={detail.trail.map((e) => ({
        key: e.seq,
        color: COLOR[e.action === 'complete' && e.detail?.outcome !== 'approved' ? 'reject' : e.action] ?? 'blue',
        title: formatTime(e.at),
        content: (
          <div>
            <Typography.Text strong>{e.actorName ?? '系统'}</Typography.Text> {what(e, detail)}
            {e.comment && <div style={{ whiteSpace: 'pre-wrap', color: '#555' }}>{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}

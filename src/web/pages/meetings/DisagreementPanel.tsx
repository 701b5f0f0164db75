import { useState, type ReactNode } from 'react';
import { Alert, Button, Input, Modal, Select, Space, Typography } from 'antd';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import type { TopicView } from './types';

type Act = (call: () => Promise<unknown>) => Promise<void>;

const METHODS = [{ value: 'show_of_hands', label: '举手表决' }, { value: 'secret', label: '无记名投票' }, { value: 'oral', label: '口头表决' }];
const isSzyd = (topic: TopicView) => topic.kind === 'szyd' || topic.kind === 'cadre';

/**
 * A modal whose action needs a written reason. The modal keeps its own error (with the rule's
 * citation) so that a refusal shows above the reason, not behind the mask, and a warning it
 * shows is acknowledged by the next click; the page still reloads, because a first call (the
 * flag) may have gone through.
 */
function ReasonModal({ open, title, okText, testId, label, children, onClose, act, run }: {
  open: boolean; title: string; okText: string; testId: string; label: string; children?: ReactNode;
  onClose(): void; act: Act; run(reason: string, acknowledged: string[]): Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const submit = () => act(async () => {
    try {
      await run(reason.trim(), acknowledged);
      setError(null);
      onClose();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'RULE_WARNING' && e.rule) setAcknowledged([...acknowledged, e.rule.id]);
    }
  });
  return (
    <Modal open={open} title={title} okText={okText} onOk={() => void submit()} onCancel={onClose} okButtonProps={{ disabled: !reason.trim() }}>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
        <ErrorAlert error={error} />
        {children}
        <Typography.Text strong>{label}</Typography.Text>
        <Input.TextArea rows={3} maxLength={2000} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`${testId}-reason`} />
      </Space>
    </Modal>
  );
}

/** 暂缓决定 with the chair's reason (PG-21, SZYD-22); on a major disagreement the flag is recorded first. */
export function DeferModal({ topic, open, flag, onClose, act }: { topic: TopicView; open: boolean; flag: boolean; onClose(): void; act: Act }) {
  return (
    <ReasonModal open={open} title={`暂缓决定：${topic.title}`} okText="暂缓决定" testId={`defer-modal-${topic.id}`} label="暂缓理由（必填，写入纪要）" onClose={onClose} act={act}
      run={async (reason) => {
        if (flag && !topic.disagreementFlag) await api.post(`/meetings/topics/${topic.id}/disagreement`, { flag: true });
        await api.post(`/meetings/topics/${topic.id}/close`, { defer: true, reason });
      }} />
  );
}

/**
 * Going on to the vote despite a major disagreement: the chair acknowledges PG-21 and writes the
 * reason (kept in the audit trail). For 三重一大 and cadre topics SZYD-22 allows it only in an
 * emergency, so the reason is recorded as the emergency with the flag.
 */
function ProceedModal({ topic, open, ack, onClose, act }: { topic: TopicView; open: boolean; ack: string[]; onClose(): void; act: Act }) {
  const [method, setMethod] = useState('show_of_hands');
  const szyd = isSzyd(topic);
  const w = topic.disagreementWarning!;
  return (
    <ReasonModal open={open} title={`仍进行表决：${topic.title}`} okText={`已知悉 ${w.ruleId} 提示，开始表决`} testId={`proceed-modal-${topic.id}`} onClose={onClose} act={act}
      label={szyd ? '紧急情况说明（必填；SZYD-22：除紧急情况下按多数意见执行外，应暂缓决策）' : '仍进行表决的理由（必填）'}
      run={async (reason, acknowledged) => {
        await api.post(`/meetings/topics/${topic.id}/disagreement`, { flag: true, emergencyReason: szyd ? reason : undefined });
        await api.post(`/meetings/topics/${topic.id}/vote/open`, { method, reason, acknowledged: [...new Set([...ack, ...acknowledged, ...(szyd ? [] : ['PG-21'])])] });
      }}>
      <Alert type="warning" showIcon title={w.message} description={`制度依据：${w.ruleId} ${w.cite}`} />
      <Select style={{ width: 160 }} value={method} onChange={setMethod} options={METHODS} data-testid={`proceed-method-${topic.id}`} />
    </ReasonModal>
  );
}

/**
 * PG-21 / SZYD-22 (CONF-31): the server's warning while a topic with many dissenting stances, or a
 * flagged major disagreement, is discussed; the chair either defers or goes on to the vote, each
 * with a reason. `canVote` is false where the chair's conclusion decides (DM-04).
 */
export function DisagreementPanel({ topic, act, ack, chair, canVote }: { topic: TopicView; act: Act; ack: string[]; chair: boolean; canVote: boolean }) {
  const [modal, setModal] = useState<'defer' | 'proceed' | null>(null);
  const w = topic.disagreementWarning;
  if (!w || topic.status !== 'discussion') return null;
  return (
    <Alert type={w.outcome === 'block' ? 'error' : 'warning'} showIcon data-testid={`disagreement-${topic.id}`} title={w.message}
      description={<Space orientation="vertical">
        <span>制度依据：{w.ruleId} {w.cite}</span>
        {chair && (
          <Space wrap>
            <Button data-testid={`defer-vote-${topic.id}`} onClick={() => setModal('defer')}>暂缓表决</Button>
            {canVote && <Button danger data-testid={`proceed-vote-${topic.id}`} onClick={() => setModal('proceed')}>仍进行表决（须写明理由）</Button>}
            {topic.disagreementFlag && (
              <Button type="link" data-testid={`unflag-${topic.id}`} onClick={() => act(() => api.post(`/meetings/topics/${topic.id}/disagreement`, { flag: false }))}>撤销重大分歧登记</Button>
            )}
          </Space>
        )}
        {chair && <DeferModal topic={topic} open={modal === 'defer'} flag onClose={() => setModal(null)} act={act} />}
        {chair && canVote && <ProceedModal topic={topic} open={modal === 'proceed'} ack={ack} onClose={() => setModal(null)} act={act} />}
      </Space>} />
  );
}

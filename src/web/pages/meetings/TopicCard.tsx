import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, List, Select, Space, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { DeferModal, DisagreementPanel } from './DisagreementPanel';
import { CHOICE, DISCLOSURE, OUTCOME, STANCE, TOPIC_KIND, TOPIC_STATUS, WITHHOLD_REASONS } from './labels';
import type { MeetingDetail, TopicView } from './types';

type Act = (call: () => Promise<unknown>) => Promise<void>;

/** Quorum per topic with the rule that decides it (PG-12/13, SZYD-14), recomputed on every load. */
function QuorumLine({ topic }: { topic: TopicView }) {
  const blocked = topic.quorum.find((v) => v.outcome === 'block');
  if (topic.kind === 'briefing') return null;
  return blocked ? (
    <Alert type="error" showIcon data-testid={`quorum-${topic.id}`} title={blocked.message} description={`制度依据：${blocked.ruleId} ${blocked.cite}`} />
  ) : (
    <Alert type="success" showIcon data-testid={`quorum-${topic.id}`}
      title={`到会（不含回避）${topic.present} 人 / 应到 ${topic.due} 人，符合${topic.quorum.map((v) => v.ruleId).join('、')}`}
      description={topic.needed ? `通过须 ${topic.needed} 人同意（${topic.adoptionRuleId}：以应到会成员为基数）` : '主持人结论即为决定（DM-04）'} />
  );
}

function Opinions({ topic }: { topic: TopicView }) {
  return (
    <List size="small" data-testid={`opinions-${topic.id}`} dataSource={topic.opinions}
      renderItem={(o) => (
        <List.Item style={o.voided ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
          <span>{o.seq}. <b>{o.name}</b>{o.capacity === 'nonvoting' ? '（列席）' : o.capacity === 'written' ? '（书面意见，不计入表决）' : ''}
            {o.isConclusion && <Tag color="red" style={{ marginLeft: 8 }}>末位表态</Tag>}：{o.stance ? `【${STANCE[o.stance]}】` : ''}{o.body}{o.reason ? `（理由：${o.reason}）` : ''}</span>
        </List.Item>
      )} />
  );
}

function SpeakForm({ detail, topic, act }: { detail: MeetingDetail; topic: TopicView; act: Act }) {
  const [personId, setPersonId] = useState<string | undefined>(detail.me.mayRecord ? undefined : detail.me.personId ?? undefined);
  const [body, setBody] = useState('');
  const [stance, setStance] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const speakers = [...detail.attendees.filter((a) => a.status === 'present' && !topic.recusedIds.includes(a.personId)), ...topic.relatedStaff];
  const principalLocked = topic.speakLast.waiting.length > 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {topic.speakLast.ruleId && topic.speakLast.principalName && (
        <Alert type={principalLocked ? 'warning' : 'info'} showIcon data-testid={`speak-last-${topic.id}`}
          title={principalLocked ? `末位表态：${topic.speakLast.principalName}须待其他成员发言后最后表态，尚未发言：${topic.speakLast.waiting.map((w) => w.name).join('、')}`
            : topic.speakLast.conclusionRecorded ? `${topic.speakLast.principalName}已作结论性意见` : `其他成员均已发言，请${topic.speakLast.principalName}作结论性意见`}
          description={`制度依据：${topic.speakLast.ruleId}、FIVE-17`} />
      )}
      <Space wrap>
        {detail.me.mayRecord && (
          <Select placeholder="发言人" style={{ width: 140 }} value={personId} onChange={setPersonId} data-testid={`speaker-${topic.id}`}
            options={speakers.map((s) => ({ value: s.personId, label: s.name, disabled: principalLocked && s.personId === topic.speakLast.principalId }))} />
        )}
        <Select placeholder="表态" allowClear style={{ width: 100 }} value={stance} onChange={setStance} data-testid={`stance-${topic.id}`}
          options={Object.entries(STANCE).map(([value, label]) => ({ value, label }))} />
        <Input placeholder="意见" style={{ width: 280 }} value={body} onChange={(e) => setBody(e.target.value)} data-testid={`opinion-${topic.id}`} />
        <Input placeholder="理由" style={{ width: 200 }} value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`reason-${topic.id}`} />
        <Button data-testid={`speak-${topic.id}`} onClick={() => act(async () => {
          await api.post(`/meetings/topics/${topic.id}/opinions`, { personId, body, stance, reason });
          setBody('');
          setReason('');
        })}>记录意见</Button>
      </Space>
    </Space>
  );
}

function Recusal({ detail, topic, act }: { detail: MeetingDetail; topic: TopicView; act: Act }) {
  const [personId, setPersonId] = useState<string>();
  const members = detail.attendees.filter((a) => a.capacity === 'member' && !topic.recusedIds.includes(a.personId));
  return (
    <Space wrap>
      {topic.recusals.map((r) => <Tag key={r.personId} color="orange" data-testid={`recused-${r.personId}`}>{r.name} 回避（{r.ground === 'self' ? '本人' : '亲属'}）</Tag>)}
      {detail.me.isChairOrManager && topic.status !== 'closed' && topic.status !== 'voting' && (
        <>
          <Select placeholder="回避人员" style={{ width: 140 }} value={personId} onChange={setPersonId} data-testid={`recuse-person-${topic.id}`}
            options={members.map((m) => ({ value: m.personId, label: m.name }))} />
          <Button data-testid={`recuse-${topic.id}`} onClick={() => act(() => api.post(`/meetings/topics/${topic.id}/recuse`, { personId, ground: 'relative', note: '与议题有关' }))}>登记回避（SZYD-24）</Button>
        </>
      )}
    </Space>
  );
}

function VotePanel({ detail, topic, act }: { detail: MeetingDetail; topic: TopicView; act: Act }) {
  const voted = new Set(topic.votes.map((v) => v.personId));
  const mine = detail.me.personId && topic.voters.some((v) => v.personId === detail.me.personId) && !voted.has(detail.me.personId);
  const cast = (choice: string, personId?: string) => act(() => api.post(`/meetings/topics/${topic.id}/votes`, { choice, personId }));
  return (
    <Space orientation="vertical">
      <Typography.Text data-testid={`tally-${topic.id}`}>{topic.tallyHidden
        ? `无记名投票进行中，表决结束后公布计票（已投 ${topic.votes.length} / 可投 ${topic.voters.length}）`
        : `计票：赞成 ${topic.tally.agree}，反对 ${topic.tally.disagree}，弃权 ${topic.tally.abstain}（已投 ${topic.votes.length} / 可投 ${topic.voters.length}）`}</Typography.Text>
      {mine && <Space>{Object.entries(CHOICE).map(([c, label]) => <Button key={c} data-testid={`my-vote-${c}-${topic.id}`} onClick={() => cast(c)}>{label}</Button>)}</Space>}
      {detail.me.mayRecord && topic.voteMethod !== 'secret' && topic.voters.filter((v) => !voted.has(v.personId)).map((v) => (
        <Space key={v.personId}>
          <span style={{ width: 60, display: 'inline-block' }}>{v.name}</span>
          {Object.entries(CHOICE).map(([c, label]) => <Button size="small" key={c} data-testid={`vote-${c}-${v.personId}-${topic.id}`} onClick={() => cast(c, v.personId)}>{label}</Button>)}
        </Space>
      ))}
      {topic.votes.filter((v) => v.choice).map((v) => <span key={v.personId}>{v.name}：{CHOICE[v.choice!]}</span>)}
    </Space>
  );
}

/** WR-13: the 公开属性 chosen with the decision; 依申请公开 is preselected (DISC-13), 不予公开 needs its reason. */
function DisclosurePicker({ topic, value, reason, onChange }: { topic: TopicView; value: string; reason?: string; onChange: (v: string, reason?: string) => void }) {
  return (
    <Space>
      <Select style={{ width: 130 }} value={value} onChange={(v) => onChange(v, reason)} data-testid={`disclosure-${topic.id}`}
        options={DISCLOSURE.map((d) => ({ value: d, label: d }))} />
      {value === '不予公开' && (
        <Select placeholder="不予公开理由" style={{ width: 200 }} value={reason} onChange={(r) => onChange(value, r)} data-testid={`disclosure-reason-${topic.id}`}
          options={Object.entries(WITHHOLD_REASONS).map(([code, label]) => ({ value: code, label }))} />
      )}
    </Space>
  );
}

function ChairPanel({ topic, bodyCode, act, members, ack, units, speakers }: { topic: TopicView; bodyCode: string; act: Act; members: { personId: string; name: string }[]; ack: string[]; units: { id: string; name: string }[]; speakers: { personId: string; name: string }[] }) {
  const [decisionText, setDecisionText] = useState('');
  const [disclosure, setDisclosure] = useState<{ value: string; reason?: string }>({ value: '依申请公开' });
  // SZYD-16: who presents a 三重一大 topic's materials (default: the presenter named on the agenda).
  const [presenterId, setPresenterId] = useState<string | undefined>(topic.presenterId ?? undefined);
  const szyd = topic.kind === 'szyd' || topic.kind === 'cadre';
  // DM-17: the 承办科室 of a 主任办公会议 decision.
  const [undertakers, setUndertakers] = useState<string[]>([]);
  // PG-22 / SZYD-26: responsible members; the first chosen leads when there are several.
  const [responsible, setResponsible] = useState<string[]>([]);
  const [conclusion, setConclusion] = useState('');
  const [deferring, setDeferring] = useState(false);
  const post = (path: string, body: object = {}) => act(() => api.post(`/meetings/topics/${topic.id}/${path}`, body));
  const chairDecides = bodyCode === 'director_meeting' && !topic.adoptionRuleId;
  // PG-21 / SZYD-22: while the disagreement warning shows, the vote and the deferral go through its panel, each with a reason.
  const warned = topic.status === 'discussion' && !!topic.disagreementWarning;
  return (
    <Space wrap>
      {topic.status === 'pending' && szyd && (
        <Select placeholder="介绍人（SZYD-16）" style={{ width: 160 }} value={presenterId} onChange={setPresenterId} data-testid={`presenter-${topic.id}`}
          options={speakers.map((p) => ({ value: p.personId, label: p.name }))} />
      )}
      {topic.status === 'pending' && <Button type="primary" data-testid={`open-topic-${topic.id}`} onClick={() => post('open', { acknowledged: ack, presenterId: szyd ? presenterId : undefined })}>{ack.includes('SZYD-13') ? '已知悉材料送达提示，开始审议' : '开始审议'}</Button>}
      {topic.status === 'discussion' && topic.kind !== 'briefing' && !chairDecides && !warned && (
        <>
          <Button type="primary" data-testid={`open-vote-${topic.id}`} onClick={() => post('vote/open', { method: 'show_of_hands', acknowledged: ack })}>开始表决（举手）</Button>
          <Button data-testid={`open-secret-vote-${topic.id}`} onClick={() => post('vote/open', { method: 'secret', acknowledged: ack })}>无记名投票</Button>
        </>
      )}
      {(topic.status === 'discussion' || topic.status === 'voting') && (
        <>
          {bodyCode === 'director_meeting' && <Input placeholder="主持人结论" value={conclusion} onChange={(e) => setConclusion(e.target.value)} data-testid={`conclusion-${topic.id}`} />}
          <Input placeholder="决定内容（任务目标、措施、责任分工）" style={{ width: 320 }} value={decisionText} onChange={(e) => setDecisionText(e.target.value)} data-testid={`decision-text-${topic.id}`} />
          <Select mode="multiple" placeholder="负责落实的成员（首位牵头）" style={{ minWidth: 220 }} value={responsible} onChange={setResponsible} data-testid={`responsible-${topic.id}`}
            options={members.map((m) => ({ value: m.personId, label: m.name }))} />
          {bodyCode === 'director_meeting' && topic.kind !== 'briefing' && (
            <Select mode="multiple" placeholder="承办科室（DM-17）" style={{ minWidth: 200 }} value={undertakers} onChange={setUndertakers} data-testid={`undertakers-${topic.id}`}
              options={units.map((u) => ({ value: u.id, label: u.name }))} />
          )}
          {topic.kind !== 'briefing' && <DisclosurePicker topic={topic} value={disclosure.value} reason={disclosure.reason} onChange={(value, reason) => setDisclosure({ value, reason })} />}
          <Button danger data-testid={`close-topic-${topic.id}`} onClick={() => post('close', { decisionText, conclusion, chairOutcome: chairDecides ? 'adopted' : undefined,
            responsibleMemberIds: responsible.length ? responsible : undefined, leadMemberId: responsible[0], undertakingUnitIds: undertakers.length ? undertakers : undefined,
            ...(topic.kind === 'briefing' ? {} : { disclosure: disclosure.value, disclosureReason: disclosure.reason }) })}>
            {topic.kind === 'briefing' ? '通报完毕' : '结束并宣布结果'}
          </Button>
          {!warned && <Button data-testid={`defer-topic-${topic.id}`} onClick={() => setDeferring(true)}>暂缓决定</Button>}
          <DeferModal topic={topic} open={deferring} flag={false} onClose={() => setDeferring(false)} act={act} />
          {topic.status === 'discussion' && topic.kind !== 'briefing' && !warned && (
            <Button data-testid={`flag-disagreement-${topic.id}`} onClick={() => post('disagreement', { flag: true })}>登记重大分歧（PG-21 / SZYD-22）</Button>
          )}
          {topic.status === 'discussion' && <Button data-testid={`reopen-${topic.id}`} onClick={() => post('reopen')}>重新开启讨论</Button>}
        </>
      )}
    </Space>
  );
}

/** PG-20: a member outvoted on an adopted decision reserves the opinion, optionally to be reported upward; the recorder may enter it. */
function MinorityForm({ detail, topic, act }: { detail: MeetingDetail; topic: TopicView; act: Act }) {
  const reserved = new Set((topic.minorityOpinions ?? []).map((o) => o.personId));
  const candidates = topic.voters.filter((v) => !reserved.has(v.personId));
  const self = detail.me.personId && candidates.some((v) => v.personId === detail.me.personId) ? detail.me.personId : undefined;
  const [personId, setPersonId] = useState<string | undefined>(detail.me.mayRecord ? undefined : self);
  const [body, setBody] = useState('');
  const [report, setReport] = useState(false);
  if (!detail.me.mayRecord && !self) return null;
  return (
    <Space wrap data-testid={`minority-form-${topic.id}`}>
      {detail.me.mayRecord && (
        <Select placeholder="保留意见的成员" style={{ width: 140 }} value={personId} onChange={setPersonId} data-testid={`minority-person-${topic.id}`}
          options={candidates.map((v) => ({ value: v.personId, label: v.name }))} />
      )}
      <Input placeholder="保留的意见" style={{ width: 280 }} value={body} onChange={(e) => setBody(e.target.value)} data-testid={`minority-body-${topic.id}`} />
      <Checkbox checked={report} onChange={(e) => setReport(e.target.checked)} data-testid={`minority-report-${topic.id}`}>向上级党组织报告</Checkbox>
      <Button data-testid={`minority-submit-${topic.id}`} onClick={() => act(async () => {
        await api.post(`/meetings/topics/${topic.id}/minority`, { personId, body, reportToSuperior: report });
        setBody('');
      })}>保留意见（PG-20）</Button>
    </Space>
  );
}

/** PG-22 / SZYD-26 for a decision that has none yet: the chair or 综合科 names the responsible members, the first leading. */
function ResponsibleForm({ detail, topic, act }: { detail: MeetingDetail; topic: TopicView; act: Act }) {
  const [ids, setIds] = useState<string[]>([]);
  if (!topic.decision || topic.decision.responsibles?.length || !detail.me.isChairOrManager) return null;
  return (
    <Space wrap>
      <Select mode="multiple" placeholder="负责落实的成员（首位牵头）" style={{ minWidth: 240 }} value={ids} onChange={setIds} data-testid={`assign-responsible-${topic.id}`}
        options={detail.attendees.filter((a) => a.capacity === 'member').map((m) => ({ value: m.personId, label: m.name }))} />
      <Button data-testid={`assign-responsible-submit-${topic.id}`} onClick={() => act(() => api.post(`/meetings/decisions/${topic.decision!.id}/responsibility`, { responsibleMemberIds: ids, leadMemberId: ids[0] }))}>
        明确负责成员（PG-22）
      </Button>
    </Space>
  );
}

export function TopicCard({ detail, topic, act, ack = [], units = [] }: { detail: MeetingDetail; topic: TopicView; act: Act; ack?: string[]; units?: { id: string; name: string }[] }) {
  const outcome = topic.outcome ? OUTCOME[topic.outcome] : null;
  return (
    <Card size="small" data-testid={`topic-${topic.seq}`} data-topic-id={topic.id}
      title={<Space><span>{topic.seq}. {topic.title}</span><Tag color={topic.kind === 'ordinary' ? 'default' : 'purple'}>{TOPIC_KIND[topic.kind]}{topic.szydRuleId ? `（${topic.szydRuleId}）` : ''}</Tag>
        <Tag data-testid={`topic-status-${topic.id}`}>{TOPIC_STATUS[topic.status]}</Tag>{outcome && <Tag color={outcome.color} data-testid={`outcome-${topic.id}`}>{outcome.label}</Tag>}</Space>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {topic.preferredOpinion && <div>呈报科室倾向性意见：{topic.preferredOpinion}</div>}
        {topic.attachments?.length ? <div data-testid={`attachments-${topic.id}`}>上会材料：{topic.attachments.map((a) => `${a.name}（${a.ref}）`).join('、')}</div> : null}
        <DisagreementPanel topic={topic} act={act} ack={ack} chair={detail.me.isChairOrManager && detail.meeting.status === 'open'}
          canVote={!(detail.meeting.bodyCode === 'director_meeting' && !topic.adoptionRuleId)} />
        {topic.relatedStaff.length > 0 && <div>本议题列席：{topic.relatedStaff.map((s) => s.name).join('、')}</div>}
        {topic.status !== 'closed' && <QuorumLine topic={topic} />}
        <Recusal detail={detail} topic={topic} act={act} />
        <Opinions topic={topic} />
        {topic.status === 'discussion' && <SpeakForm detail={detail} topic={topic} act={act} />}
        {(topic.status === 'voting' || (topic.status === 'closed' && topic.voteMethod)) && <VotePanel detail={detail} topic={topic} act={act} />}
        {topic.outcomeReason && <div data-testid={`outcome-reason-${topic.id}`}>{topic.outcomeReason}</div>}
        {topic.decision && <div>决定：{topic.decision.body}{topic.decision.disclosure && <Tag style={{ marginLeft: 8 }} data-testid={`disclosure-tag-${topic.id}`}>{topic.decision.disclosure}</Tag>}</div>}
        {topic.decision?.responsibles?.length ? <div data-testid={`responsibles-${topic.id}`}>负责落实：{topic.decision.responsibles.map((r) => `${r.name}${r.isLead && topic.decision!.responsibles!.length > 1 ? '（牵头）' : ''}`).join('、')}</div> : null}
        {topic.minorityOpinions?.map((o) => <div key={o.personId} data-testid={`minority-${o.personId}-${topic.id}`}>保留意见（PG-20）— {o.name}：{o.body}{o.reportToSuperior ? '（已要求向上级报告）' : ''}</div>)}
        {topic.status === 'closed' && topic.outcome === 'adopted' && <MinorityForm detail={detail} topic={topic} act={act} />}
        <ResponsibleForm detail={detail} topic={topic} act={act} />
        {detail.me.isChairOrManager && detail.meeting.status === 'open' && topic.status !== 'closed' && (
          <ChairPanel topic={topic} bodyCode={detail.meeting.bodyCode} act={act} members={detail.attendees.filter((a) => a.capacity === 'member')} ack={ack} units={units}
            speakers={[...detail.attendees, ...topic.relatedStaff]} />
        )}
      </Space>
    </Card>
  );
}

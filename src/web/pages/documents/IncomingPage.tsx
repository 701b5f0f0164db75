import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Checkbox, DatePicker, Descriptions, Input, InputNumber, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useFlowAction } from '../flow/useFlowAction';

interface Event { id: string; at: string; kind: string; fromLabel: string | null; toLabel: string | null; text: string | null; byName: string | null }
interface Leg { legNo: number; readerName: string; readerUnitName: string | null; sentAt: string; readAt: string | null; readNote: string | null; returnedAt: string | null; missingPages: boolean | null; hasInstructions: boolean | null; checkNote: string | null }
interface Ext { agreedWith: string; agreedOn: string; previousDueDate: string; newDueDate: string; replyMethod: string; counted: boolean }
interface Detail {
  id: string; status: string; statusLabel: string; registerNo: string | null; title: string; sender: string; senderDocNo: string | null; urgency: string; classification: string;
  receivedOn: string; copies: number; receiptChannel: string; addressedTo: string; complete: boolean | null; missingNote: string | null; proposal: string | null;
  leaderName: string | null; instructionText: string | null; instructedAt: string | null; handlingUnitName: string | null; effectiveDueDate: string | null; dueDate: string | null;
  senderDueDate: string | null; resultText: string | null; completedOn: string | null; archiveLocation: string | null; overdue: boolean; holder: string;
  misdelivered: { action: string; target: string } | null; reply: { title: string; docNumber: string | null } | null;
  attachments: { title: string; pages?: number | null }[]; events: Event[]; legs: Leg[]; extensions: Ext[];
  can: Record<'register' | 'misdeliver' | 'route' | 'instruct' | 'assign' | 'extend' | 'reply' | 'chase' | 'archive' | 'circulate' | 'returnLeg' | 'read' | 'holding', boolean>;
}
interface Meta { leaders: { id: string; name: string; posts: string }[]; units: { id: string; name: string }[]; people: { id: string; name: string; unitName: string | null }[] }

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
const day = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** 收文办理: the document, its route (拟办 → 批示 → 承办 → 办结 → 归档), circulation trail and the actions of the viewer's role. */
export default function IncomingPage() {
  const { id } = useParams();
  const [d, setD] = useState<Detail | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [f, setF] = useState<Record<string, unknown>>({});
  const set = (k: string) => (v: unknown) => setF((x) => ({ ...x, [k]: v }));
  const load = useCallback(() => void api.get<Detail>(`/incoming/${id}`).then(setD, setLoadError), [id]);
  const { run, busy, error } = useFlowAction(load);
  useEffect(load, [load]);
  useEffect(() => void api.get<Meta>('/incoming/meta').then(setMeta, () => undefined), []);
  if (!d) return loadError ? <ErrorAlert error={loadError} /> : <Spin />;
  const act = (path: string, body: Record<string, unknown>, done: string) => void run(`/incoming/${d.id}/${path}`, body, done).then((ok) => ok && setF({}));
  const unitOptions = (meta?.units ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card
        title={<span data-testid="incoming-title-view">{d.title}</span>}
        extra={<Space><Tag data-testid="incoming-status">{d.statusLabel}</Tag>{d.overdue && <Tag color="red">逾期</Tag>}</Space>}
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="收文编号"><span data-testid="incoming-no">{d.registerNo ?? '未登记'}</span></Descriptions.Item>
          <Descriptions.Item label="收文日期">{d.receivedOn}（{d.receiptChannel}）</Descriptions.Item>
          <Descriptions.Item label="来文单位">{d.sender}</Descriptions.Item>
          <Descriptions.Item label="来文字号">{d.senderDocNo}</Descriptions.Item>
          <Descriptions.Item label="密级 / 紧急程度">{d.classification} / {d.urgency}</Descriptions.Item>
          <Descriptions.Item label="份数">{d.copies}份{d.complete === false ? `（不齐全：${d.missingNote}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="拟办意见">{d.proposal}</Descriptions.Item>
          <Descriptions.Item label="领导批示"><span data-testid="incoming-instruction">{d.instructionText ? `${d.instructionText}（${d.leaderName} ${fmt(d.instructedAt)}）` : d.leaderName ? `待${d.leaderName}批示` : ''}</span></Descriptions.Item>
          <Descriptions.Item label="承办科室">{d.handlingUnitName}</Descriptions.Item>
          <Descriptions.Item label="办理期限">{d.effectiveDueDate}{d.dueDate && d.effectiveDueDate !== d.dueDate ? `（原${d.dueDate}，已商定延期）` : ''}</Descriptions.Item>
          <Descriptions.Item label="办理结果"><span data-testid="incoming-result">{d.resultText}{d.reply ? `；复文：${d.reply.docNumber ?? ''}${d.reply.title}` : ''}</span></Descriptions.Item>
          <Descriptions.Item label="现持有">{d.holder}</Descriptions.Item>
          {d.misdelivered && <Descriptions.Item label="错投处理">{d.misdelivered.action}：{d.misdelivered.target}</Descriptions.Item>}
          {d.archiveLocation && <Descriptions.Item label="归档位置">{d.archiveLocation}</Descriptions.Item>}
          <Descriptions.Item label="附件">{d.attachments.map((a) => a.title).join('；') || '无'}</Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 12 }}>
          <a href={downloadUrl(`/incoming/${d.id}/processing.pdf`)} target="_blank" rel="noreferrer" data-testid="incoming-pdf">收文处理笺 PDF</a>
          <a href={downloadUrl(`/incoming/${d.id}/circulation.pdf`)} target="_blank" rel="noreferrer">文件传阅单 PDF</a>
        </Space>
      </Card>

      {d.can.register && (
        <Card title="综合科登记（DOC-25）">
          <Button type="primary" loading={busy} onClick={() => act('register', { complete: true }, '已登记')}>核对齐全，登记</Button>
        </Card>
      )}
      {d.can.misdeliver && (
        <Card title="错投处理（DOC-24）" size="small">
          <Space wrap>
            <Select style={{ width: 100 }} placeholder="处理方式" value={f.misAction as string} onChange={set('misAction')} options={['退回', '转投'].map((v) => ({ value: v, label: v }))} />
            <Input style={{ width: 240 }} placeholder="退回或转投的单位" value={(f.misTarget as string) ?? ''} onChange={(e) => set('misTarget')(e.target.value)} />
            <Button danger onClick={() => act('misdelivered', { action: f.misAction, target: f.misTarget }, '已登记错投处理')}>登记错投</Button>
          </Space>
        </Card>
      )}
      {d.can.route && (
        <Card title="呈办领导批示（DOC-26）">
          <Space wrap>
            <Select data-testid="route-leader" style={{ width: 200 }} placeholder="批示领导" value={f.leader as string} onChange={set('leader')} options={(meta?.leaders ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.posts}）` }))} />
            <Input data-testid="route-proposal" style={{ width: 280 }} placeholder="拟办意见" value={(f.proposal as string) ?? ''} onChange={(e) => set('proposal')(e.target.value)} />
            <Select allowClear style={{ width: 160 }} placeholder="拟承办科室" value={f.unit as string} onChange={set('unit')} options={unitOptions} />
            {d.urgency !== '非紧急' && <Checkbox checked={!!f.urgentCopy} onChange={(e) => set('urgentCopy')(e.target.checked)}>紧急公文同时复印分送承办科室</Checkbox>}
            <Button type="primary" data-testid="route-submit" loading={busy} onClick={() => act('route', { leaderPersonId: f.leader, proposal: f.proposal, handlingUnitId: f.unit ?? null, urgentCopy: !!f.urgentCopy }, '已呈领导批示')}>呈批</Button>
          </Space>
        </Card>
      )}
      {d.can.instruct && (
        <Card title="领导批示">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea data-testid="instruct-text" rows={3} placeholder="批示意见" value={(f.text as string) ?? ''} onChange={(e) => set('text')(e.target.value)} />
            <Space>
              <Select allowClear style={{ width: 180 }} placeholder="承办科室（可选）" value={f.unit as string} onChange={set('unit')} options={unitOptions} />
              <Button type="primary" data-testid="instruct-submit" loading={busy} onClick={() => act('instruct', { text: f.text, handlingUnitId: f.unit ?? null }, '已批示')}>提交批示</Button>
            </Space>
          </Space>
        </Card>
      )}
      {d.can.assign && (
        <Card title="交承办科室（DOC-27 办理期限）">
          <Space wrap>
            <Select data-testid="assign-unit" style={{ width: 180 }} placeholder="承办科室" value={f.unit as string} onChange={set('unit')} options={unitOptions} />
            <DatePicker placeholder={d.senderDueDate ? `来文时限 ${d.senderDueDate}` : '来文时限（可选）'} onChange={(v) => set('due')(day(v))} />
            <InputNumber min={1} max={250} placeholder="或工作日数" value={f.days as number} onChange={set('days')} />
            <Button type="primary" data-testid="assign-submit" loading={busy} onClick={() => act('assign', { handlingUnitId: f.unit, dueDate: f.due ?? null, workingDays: f.days ?? null }, '已交办')}>交办</Button>
          </Space>
        </Card>
      )}
      {(d.can.reply || d.can.extend || d.can.chase) && (
        <Card title="办理">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {d.can.reply && (
              <Space wrap>
                <Input.TextArea data-testid="reply-text" style={{ width: 420 }} rows={2} placeholder="办理结果（答复情况）" value={(f.result as string) ?? ''} onChange={(e) => set('result')(e.target.value)} />
                <Input style={{ width: 200 }} placeholder="复文（发文编号 ID，可选）" value={(f.replyDoc as string) ?? ''} onChange={(e) => set('replyDoc')(e.target.value)} />
                <Button type="primary" data-testid="reply-submit" loading={busy} onClick={() => act('reply', { resultText: f.result, replyDocumentId: f.replyDoc || null }, '已办结')}>登记办结</Button>
              </Space>
            )}
            {d.can.extend && (
              <Space wrap>
                <Typography.Text>与来文部门商定延期：</Typography.Text>
                <Input style={{ width: 200 }} placeholder="商定对象（单位及联系人）" value={(f.agreedWith as string) ?? ''} onChange={(e) => set('agreedWith')(e.target.value)} />
                <DatePicker placeholder="商定日期" onChange={(v) => set('agreedOn')(day(v))} />
                <DatePicker placeholder="新的回复时间" onChange={(v) => set('newDue')(day(v))} />
                <Select style={{ width: 130 }} placeholder="回复方式" value={f.method as string} onChange={set('method')} options={['书面函件', '电子公文', '电话答复', '当面答复', '其他'].map((v) => ({ value: v, label: v }))} />
                <Button onClick={() => act('extensions', { agreedWith: f.agreedWith, agreedOn: f.agreedOn, newDueDate: f.newDue, replyMethod: f.method }, '已登记商定的回复时间')}>登记延期</Button>
              </Space>
            )}
            {d.can.chase && <Button onClick={() => act('chase', {}, '已催办')}>催办</Button>}
          </Space>
        </Card>
      )}
      {(d.can.circulate || d.can.returnLeg || d.can.read || d.can.holding) && (
        <Card title="传阅（由综合科递送，不得横向传阅，DOC-28）">
          <Space wrap>
            {d.can.circulate && (
              <>
                <Select showSearch optionFilterProp="label" style={{ width: 220 }} placeholder="阅件人" value={f.reader as string} onChange={set('reader')} options={(meta?.people ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.unitName ? `（${p.unitName}）` : ''}` }))} />
                <Button onClick={() => act('circulation', { readerPersonId: f.reader }, '已送阅')}>送阅</Button>
              </>
            )}
            {d.can.returnLeg && (
              <>
                <Checkbox checked={!!f.missing} onChange={(e) => set('missing')(e.target.checked)}>有短缺</Checkbox>
                <Checkbox checked={!!f.hasInstr} onChange={(e) => set('hasInstr')(e.target.checked)}>有批办意见</Checkbox>
                <Input style={{ width: 200 }} placeholder="记录标注" value={(f.checkNote as string) ?? ''} onChange={(e) => set('checkNote')(e.target.value)} />
                <Button onClick={() => act('circulation/return', { missingPages: !!f.missing, hasInstructions: !!f.hasInstr, note: f.checkNote }, '已登记退回检查')}>登记退回并检查</Button>
              </>
            )}
            {d.can.read && <Button type="primary" onClick={() => act('circulation/read', {}, '已阅')}>已阅</Button>}
            {d.can.holding && <Typography.Text type="secondary">阅毕请将文件送回综合科，由综合科递送下一位。</Typography.Text>}
          </Space>
        </Card>
      )}
      {d.can.archive && (
        <Card title="归档" size="small">
          <Space>
            <Input style={{ width: 220 }} placeholder="档号 / 存放位置" value={(f.location as string) ?? ''} onChange={(e) => set('location')(e.target.value)} />
            <Button type="primary" data-testid="archive-submit" loading={busy} onClick={() => act('archive', { location: f.location ?? null }, '已归档')}>归档</Button>
          </Space>
        </Card>
      )}

      <Card title="流转记录（DOC-26）" size="small">
        <Timeline
          data-testid="incoming-trail"
          items={d.events.map((e) => ({ key: e.id, content: `${fmt(e.at)}　${e.fromLabel ?? ''}${e.toLabel ? ` → ${e.toLabel}` : ''}　${e.text ?? ''}${e.byName ? `（${e.byName}）` : ''}` }))}
        />
      </Card>
      <Card title="传阅记录" size="small">
        <Table<Leg>
          rowKey="legNo"
          size="small"
          pagination={false}
          dataSource={d.legs}
          columns={[
            { title: '轮次', dataIndex: 'legNo', width: 60 },
            { title: '阅件人', dataIndex: 'readerName', render: (v, l) => `${v}${l.readerUnitName ? `（${l.readerUnitName}）` : ''}` },
            { title: '送阅', dataIndex: 'sentAt', render: fmt },
            { title: '阅毕', dataIndex: 'readAt', render: (v, l) => (v ? `${fmt(v)} ${l.readNote ?? ''}` : '未阅') },
            { title: '退回检查', dataIndex: 'returnedAt', render: (v, l) => (v ? `${fmt(v)} ${l.missingPages ? '有短缺' : '无短缺'}，${l.hasInstructions ? '有批办意见' : '无批办意见'} ${l.checkNote ?? ''}` : '在外传阅') },
          ]}
        />
      </Card>
      {d.extensions.length > 0 && (
        <Card title="商定延期（DOC-27）" size="small">
          <Table<Ext> rowKey="agreedOn" size="small" pagination={false} dataSource={d.extensions} columns={[
            { title: '商定对象', dataIndex: 'agreedWith' }, { title: '商定日期', dataIndex: 'agreedOn' }, { title: '原期限', dataIndex: 'previousDueDate' },
            { title: '新期限', dataIndex: 'newDueDate' }, { title: '答复方式', dataIndex: 'replyMethod' }, { title: '是否生效', dataIndex: 'counted', render: (v) => (v ? '生效' : '逾期后登记，不改变期限') },
          ]} />
        </Card>
      )}
    </Space>
  );
}

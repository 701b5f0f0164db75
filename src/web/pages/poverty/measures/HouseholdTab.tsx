import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Timeline } from 'antd';
import { api, downloadUrl } from '../../../lib/api';
import { HAZARD, householdLabel, MEASURE_STATUS, options, TYPE_LABEL, useMonitored } from './common';
import { MeasureForm, type Incident, type Member } from './MeasureForm';

interface Measure { id: string; type: string; description: string; responsibleBody: string; startDate: string; amountFen: number | null; detail: Record<string, string>; status: string; recordedByName: string | null; history: { status: string; note: string | null; at: string }[] }
interface Action { id: string; hazard: string; sector: string; dueOn: string; status: string; overdue: boolean }
interface View { measures: Measure[]; actions: Action[]; members: Member[]; warnings: { ruleId: string; message: string; cite: string }[] }

/** One household's measures as history, its open sector items, and the MON-18 / MON-19 warnings. */
export function HouseholdTab({ onError, tick, refresh }: { onError: (e: unknown) => void; tick: number; refresh: () => void }) {
  const monitored = useMonitored(tick);
  const [householdId, setHouseholdId] = useState<string | undefined>();
  const [view, setView] = useState<View | null>(null);
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState(false);
  const [closing, setClosing] = useState<Measure | null>(null);
  const [pform] = Form.useForm();
  const [cform] = Form.useForm();
  useEffect(() => {
    if (!householdId) return;
    api.get<View>(`/poverty/households/${householdId}/measures`).then(setView, onError);
    api.get<{ items: Incident[] }>('/poverty/incidents').then((r) => setIncidents(r.items.filter((i) => i.householdId === householdId)), onError);
  }, [householdId, tick]);
  const saveProblem = async () => {
    const v = await pform.validateFields();
    await api.post(`/poverty/households/${householdId}/guarantee-problems`, v).then(() => { setProblem(false); refresh(); }, onError);
  };
  const saveClose = async () => {
    const v = await cform.validateFields();
    await api.post(`/poverty/measures/${closing!.id}/status`, v).then(() => { setClosing(null); refresh(); }, onError);
  };
  return (
    <Card
      title={<Select showSearch allowClear optionFilterProp="label" placeholder="选择监测户" style={{ width: 360 }} value={householdId} onChange={setHouseholdId} options={monitored.map((h) => ({ value: h.id, label: householdLabel(h) }))} data-testid="measure-household" />}
      extra={householdId && <Space><Button type="primary" onClick={() => setAdding(true)} data-testid="measure-new">登记措施</Button><Button onClick={() => { pform.resetFields(); setProblem(true); }}>登记“两不愁三保障”问题</Button></Space>}
    >
      {!householdId && <Alert type="info" showIcon title="选择监测户后查看和登记帮扶措施。措施按类型记录，登记后不再修改，办结或停止均留痕（MON-18 防返贫细则 四（三））。" />}
      {view && (
        <>
          {view.warnings.map((w) => <Alert key={w.ruleId} type="warning" showIcon style={{ marginBottom: 8 }} title={w.message} description={`制度依据：${w.ruleId} ${w.cite}`} data-testid={`warn-${w.ruleId}`} />)}
          {view.actions.filter((a) => a.status !== 'resolved').map((a) => (
            <Alert key={a.id} type={a.overdue ? 'error' : 'info'} style={{ marginBottom: 8 }} title={`${HAZARD[a.hazard]}问题：由${a.sector}部门落实，期限 ${a.dueOn}（${MEASURE_STATUS[a.status].label}${a.overdue ? '，已逾期' : ''}）`} />
          ))}
          <Table<Measure> rowKey="id" size="small" pagination={false} dataSource={view.measures} data-testid="measure-table"
            expandable={{ expandedRowRender: (m) => <Timeline items={m.history.map((h) => ({ content: `${new Date(h.at).toLocaleString('zh-CN')} ${MEASURE_STATUS[h.status]?.label ?? h.status}${h.note ? `：${h.note}` : ''}` }))} /> }}
            columns={[
              { title: '类型', dataIndex: 'type', render: (t: string) => TYPE_LABEL[t] ?? t },
              { title: '措施内容', dataIndex: 'description' },
              { title: '责任单位', dataIndex: 'responsibleBody' },
              { title: '开始日期', dataIndex: 'startDate' },
              { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={MEASURE_STATUS[s]?.color}>{MEASURE_STATUS[s]?.label ?? s}</Tag> },
              { title: '', key: 'a', render: (_, m) => (
                <Space>
                  {m.status === 'active' && <Button size="small" onClick={() => { cform.resetFields(); setClosing(m); }}>办结/停止</Button>}
                  {m.type === 'SUPPORT_OBLIGATION' && m.detail.step === 'agreement' && <Button size="small" href={downloadUrl(`/poverty/measures/${m.id}/agreement.pdf`)} target="_blank">打印三方协议</Button>}
                </Space>
              ) },
            ]} />
        </>
      )}
      {adding && <MeasureForm householdId={householdId ?? null} members={view?.members ?? []} incidents={incidents} onClose={() => setAdding(false)} onSaved={() => { setAdding(false); refresh(); }} onError={onError} />}
      <Modal open={problem} title="登记“两不愁三保障”或饮水安全问题（交行业部门落实，MON-18）" onCancel={() => setProblem(false)} onOk={() => void saveProblem()} destroyOnHidden>
        <Form form={pform} layout="vertical">
          <Form.Item name="hazard" label="问题" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={options(HAZARD)} /></Form.Item>
          <Form.Item name="note" label="发现的情况" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={closing !== null} title="措施办结或停止" onCancel={() => setClosing(null)} onOk={() => void saveClose()} destroyOnHidden>
        <Form form={cform} layout="vertical" initialValues={{ status: 'done' }}>
          <Form.Item name="status" label="结果"><Radio.Group options={[{ value: 'done', label: '已办结' }, { value: 'stopped', label: '停止' }]} /></Form.Item>
          <Form.Item name="note" label="情况说明" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

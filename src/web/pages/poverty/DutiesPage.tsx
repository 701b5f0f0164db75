import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { LEVEL, type HouseholdRow } from './labels';
import { StaffRegionsPanel } from './StaffRegionsPanel';

interface Overdue { householdId: string; householdCode: string; householderName: string; villageCode: string; villageName: string; level: string | null; includedOn: string; lastVisit: string | null; months: string[] }
interface Quarter { countyCode: string; countyName: string; quarter: string; dueOn: string; completedOn: string | null; state: string; sectorsCompared: string[] }
interface Week { countyCode: string; countyName: string; week: string; monday: string; sunday: string; submitted: boolean; nil: boolean; followups: number; overdue: boolean }
interface Followup { id: string; householdCode: string; householderName: string; villageName: string; personName: string; admittedOn: string | null; cause: string | null; detail: string | null; status: string; result: string | null; period: string }
interface StaffRegion { accountId: string; username: string; displayName: string; regionCode: string; regionName: string; level: string }

const QSTATE: Record<string, { label: string; color: string }> = { done: { label: '按时完成', color: 'green' }, late: { label: '逾期完成', color: 'orange' }, open: { label: '待完成', color: 'blue' }, overdue: { label: '已逾期', color: 'red' }, not_yet: { label: '未到提醒期', color: 'default' } };
const SECTOR: Record<string, string> = { education: '教育', housing: '住建', civil_affairs: '民政', health: '卫健', medical_insurance: '医保' };

/** 监测职责: monthly visits (MON-12), quarterly comparison (MON-11), weekly hospital list (MON-13), data scope. */
export default function DutiesPage() {
  const [overdue, setOverdue] = useState<Overdue[]>([]);
  const [quarters, setQuarters] = useState<Quarter[]>([]);
  const [weeks, setWeeks] = useState<Week[]>([]);
  const [followups, setFollowups] = useState<Followup[]>([]);
  const [staff, setStaff] = useState<StaffRegion[] | null>(null);
  const [monitored, setMonitored] = useState<HouseholdRow[]>([]);
  const [visitFor, setVisitFor] = useState<string | null | undefined>(undefined);
  const [doneFor, setDoneFor] = useState<Followup | null>(null);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [visitForm] = Form.useForm();
  const [doneForm] = Form.useForm();
  useEffect(() => {
    api.get<{ items: Overdue[] }>('/poverty/visits/overdue').then((r) => setOverdue(r.items), setError);
    api.get<{ items: Quarter[] }>('/poverty/quarters').then((r) => setQuarters(r.items), setError);
    api.get<{ items: Week[] }>('/poverty/hospital-weeks').then((r) => setWeeks(r.items), setError);
    api.get<{ items: Followup[] }>('/poverty/followups').then((r) => setFollowups(r.items), setError);
    api.get<{ items: StaffRegion[] }>('/poverty/staff-regions').then((r) => setStaff(r.items), () => setStaff(null));
    api.get<{ items: HouseholdRow[] }>('/poverty/households?monitored=true&pageSize=200').then((r) => setMonitored(r.items.filter((h) => h.monitoringStatus === 'monitored')), setError);
  }, [tick]);
  const refresh = () => setTick((x) => x + 1);
  const saveVisit = async () => {
    const v = await visitForm.validateFields();
    await api.post('/poverty/visits', { ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD') }).then(() => { setVisitFor(undefined); refresh(); }, setError);
  };
  const saveDone = async () => {
    const v = await doneForm.validateFields();
    await api.post(`/poverty/followups/${doneFor!.id}/done`, v).then(() => { setDoneFor(null); refresh(); }, setError);
  };
  const villages = [...new Set(overdue.map((o) => o.villageName))];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Tabs items={[
        {
          key: 'visits', label: `每月走访（逾期 ${overdue.length} 户）`, children: (
            <Card title="逾期未走访监测户（按村）" extra={<Space><Button type="primary" onClick={() => { visitForm.resetFields(); visitForm.setFieldsValue({ visitedOn: dayjs() }); setVisitFor(null); }} data-testid="visit-new">登记走访</Button><Button href={downloadUrl('/poverty/visits/overdue.xlsx')}>导出逾期清单</Button><Button href={downloadUrl('/poverty/visits.xlsx')}>导出走访台账</Button></Space>}>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title="乡村干部、驻村干部对监测户每月至少走访一次（MON-12 防返贫细则 四（一）1）；纳入当月不计，自纳入次月起每个自然月须有走访记录。" />
              {villages.map((v) => (
                <Card key={v} type="inner" size="small" title={`${v}（${overdue.filter((o) => o.villageName === v).length} 户）`} style={{ marginBottom: 12 }}>
                  <Table<Overdue> rowKey="householdId" size="small" pagination={false} dataSource={overdue.filter((o) => o.villageName === v)} columns={[
                    { title: '户编号', dataIndex: 'householdCode' }, { title: '户主', dataIndex: 'householderName' },
                    { title: '预警等级', dataIndex: 'level', render: (l: string | null) => (l ? <Tag color={LEVEL[l].color}>{LEVEL[l].label}</Tag> : null) },
                    { title: '纳入日期', dataIndex: 'includedOn' }, { title: '最近走访', dataIndex: 'lastVisit', render: (d: string | null) => d ?? '无' },
                    { title: '未走访月份', dataIndex: 'months', render: (m: string[]) => m.map((x) => <Tag key={x} color="red">{x}</Tag>) },
                    { title: '', key: 'a', render: (_, o) => <Button size="small" onClick={() => { visitForm.resetFields(); visitForm.setFieldsValue({ householdId: o.householdId, visitedOn: dayjs() }); setVisitFor(o.householdId); }}>登记走访</Button> },
                  ]} />
                </Card>
              ))}
              {overdue.length === 0 && <Alert type="success" title="所有监测户均已按月走访" />}
            </Card>
          ),
        },
        {
          key: 'quarter', label: '季度数据比对',
          children: (
            <Card title={`季度数据比对（每季度首月10日前，MON-11）`}>
              <Table<Quarter> rowKey="countyCode" pagination={false} dataSource={quarters} columns={[
                { title: '县（区）', dataIndex: 'countyName' }, { title: '季度', dataIndex: 'quarter' }, { title: '截止日期', dataIndex: 'dueOn' },
                { title: '已比对数据', dataIndex: 'sectorsCompared', render: (s: string[]) => (s.length ? s.map((x) => SECTOR[x] ?? x).join('、') : '—') },
                { title: '状态', dataIndex: 'state', render: (s: string, q) => <><Tag color={QSTATE[s]?.color}>{QSTATE[s]?.label ?? s}</Tag>{q.completedOn ? `${q.completedOn}完成` : ''}</> },
                { title: '', key: 'a', render: (_, q) => (q.completedOn ? null : <Button size="small" onClick={() => api.post('/poverty/quarters/complete', { countyCode: q.countyCode, quarter: q.quarter }).then(refresh, setError)}>确认本季度比对完成</Button>) },
              ]} />
            </Card>
          ),
        },
        {
          key: 'hospital', label: `每周住院名单（待跟进 ${followups.filter((f) => f.status === 'open').length}）`,
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Card title="医保部门每周住院名单报送（周一至周日，MON-13）" extra={<Button href="/poverty/comparison">上传住院名单</Button>}>
                <Table<Week> rowKey={(w) => `${w.countyCode}-${w.week}`} size="small" pagination={false} dataSource={weeks} columns={[
                  { title: '县（区）', dataIndex: 'countyName' }, { title: '周次', dataIndex: 'week' }, { title: '日期', key: 'd', render: (_, w) => `${w.monday} 至 ${w.sunday}` },
                  { title: '报送', key: 's', render: (_, w) => (w.submitted ? <Tag color="green">{w.nil ? '已报（无住院）' : `已报，跟进${w.followups}人`}</Tag> : w.overdue ? <Tag color="red">逾期未报</Tag> : <Tag>未报</Tag>) },
                  { title: '', key: 'a', render: (_, w) => (w.submitted ? null : <Button size="small" onClick={() => api.post('/poverty/hospital-weeks/nil', { countyCode: w.countyCode, week: w.week }).then(refresh, setError)}>报“本周无住院”</Button>) },
                ]} />
              </Card>
              <Card title="住院跟进任务（属地乡镇、村）">
                <Table<Followup> rowKey="id" size="small" dataSource={followups} columns={[
                  { title: '周次', dataIndex: 'period' }, { title: '村', dataIndex: 'villageName' }, { title: '户主', dataIndex: 'householderName' }, { title: '住院人', dataIndex: 'personName' },
                  { title: '入院日期', dataIndex: 'admittedOn' }, { title: '说明', dataIndex: 'detail' },
                  { title: '状态', dataIndex: 'status', render: (s: string, f) => (s === 'open' ? <Tag color="orange">待跟进</Tag> : <span><Tag color="green">已办结</Tag>{f.result}</span>) },
                  { title: '', key: 'a', render: (_, f) => (f.status === 'open' ? <Button size="small" onClick={() => { doneForm.resetFields(); setDoneFor(f); }}>登记跟进情况</Button> : null) },
                ]} />
              </Card>
            </Space>
          ),
        },
        ...(staff ? [{
          key: 'scope', label: '数据范围',
          children: <StaffRegionsPanel />,
        }] : []),
      ]} />
      <Modal open={visitFor !== undefined} title="登记入户走访" onCancel={() => setVisitFor(undefined)} onOk={() => void saveVisit()} destroyOnHidden>
        <Form form={visitForm} layout="vertical">
          <Form.Item name="householdId" label="监测户" rules={[{ required: true, message: '请选择监测户' }]}>
            <Select showSearch optionFilterProp="label" options={monitored.map((h) => ({ value: h.id, label: `${h.villageName} ${h.householderName}（${h.code}）` }))} />
          </Form.Item>
          <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Space>
            <Form.Item name="visitorName" label="走访人" rules={[{ required: true, whitespace: true, message: '请填写走访人' }]}><Input /></Form.Item>
            <Form.Item name="visitorRole" label="身份" rules={[{ required: true, message: '请选择' }]}><Select style={{ width: 140 }} options={['乡村干部', '驻村干部', '驻村工作队', '包村干部'].map((v) => ({ value: v, label: v }))} /></Form.Item>
          </Space>
          <Form.Item name="incomeObservation" label="收入情况" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="guaranteesObservation" label="“两不愁三保障”及饮水安全" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="problems" label="发现的问题"><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={doneFor !== null} title="登记住院跟进情况" onCancel={() => setDoneFor(null)} onOk={() => void saveDone()} destroyOnHidden>
        <Form form={doneForm} layout="vertical"><Form.Item name="result" label="跟进核实情况" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item></Form>
      </Modal>
    </Space>
  );
}

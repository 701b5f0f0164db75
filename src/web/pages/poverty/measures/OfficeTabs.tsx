import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api, downloadUrl } from '../../../lib/api';
import { LEVEL } from '../labels';
import { HAZARD, MEASURE_STATUS } from './common';

interface Action { id: string; householdCode: string; householderName: string; villageName: string; hazard: string; sector: string; openedOn: string; dueOn: string; status: string; measure: string | null; resolvedOn: string | null; result: string | null; overdue: boolean }
interface Missing { householdId: string; householdCode: string; householderName: string; villageName: string; level: string | null; members: number; extremePoor: boolean }
interface Report { bySubsidy: { subsidy: string; paid: number; notPaid: number; notApplicable: number }[]; notPaid: { householdCode: string; householderName: string; villageName: string; checkedOn: string; checkKind: string; items: string[] }[]; unchecked: { householdCode: string; householderName: string; villageName: string }[] }

/** MON-18: the sector items for the office — which sector, deadline in working days, status, overdue first. */
export function SectorTab({ onError, tick, refresh }: { onError: (e: unknown) => void; tick: number; refresh: () => void }) {
  const [items, setItems] = useState<Action[]>([]);
  const [resolving, setResolving] = useState<Action | null>(null);
  const [form] = Form.useForm();
  useEffect(() => void api.get<{ items: Action[] }>('/poverty/sector-actions').then((r) => setItems(r.items), onError), [tick]);
  const save = async () => {
    const v = await form.validateFields();
    await api.post(`/poverty/sector-actions/${resolving!.id}/resolve`, { resolvedOn: v.resolvedOn.format('YYYY-MM-DD'), result: v.result }).then(() => { setResolving(null); refresh(); }, onError);
  };
  return (
    <Card title="行业部门落实事项（MON-18 防返贫细则 四（三）2）" extra={<Button href={downloadUrl('/poverty/sector-actions.xlsx')}>导出XLSX</Button>}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="监测户出现“两不愁三保障”或饮水安全问题，由县脱贫攻坚领导小组统筹、行业部门及时落实行业政策；落实期限按工作日计算，须先登记行业部门措施，方可标记问题已解决。" />
      <Table<Action> rowKey="id" size="small" dataSource={items} data-testid="sector-actions" columns={[
        { title: '村', dataIndex: 'villageName' }, { title: '户主', dataIndex: 'householderName' }, { title: '户编号', dataIndex: 'householdCode' },
        { title: '问题', dataIndex: 'hazard', render: (h: string) => HAZARD[h] ?? h }, { title: '行业部门', dataIndex: 'sector' },
        { title: '登记日期', dataIndex: 'openedOn' }, { title: '落实期限', dataIndex: 'dueOn' },
        { title: '状态', dataIndex: 'status', render: (s: string, a) => (a.overdue ? <Tag color="red">逾期未落实</Tag> : <Tag color={MEASURE_STATUS[s]?.color}>{MEASURE_STATUS[s]?.label ?? s}</Tag>) },
        { title: '落实措施 / 结果', key: 'm', render: (_, a) => a.result ?? a.measure ?? '—' },
        { title: '', key: 'x', render: (_, a) => (a.status === 'resolved' ? null : <Button size="small" onClick={() => { form.resetFields(); setResolving(a); }}>问题已解决</Button>) },
      ]} />
      <Modal open={resolving !== null} title="登记问题已解决" onCancel={() => setResolving(null)} onOk={() => void save()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ resolvedOn: dayjs() }}>
          <Form.Item name="resolvedOn" label="解决日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="result" label="解决情况" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** MON-19: monitored households without labour capacity and without social security (应保尽保). */
export function SocialTab({ onError, tick }: { onError: (e: unknown) => void; tick: number }) {
  const [items, setItems] = useState<Missing[]>([]);
  useEffect(() => void api.get<{ items: Missing[] }>('/poverty/social-security/missing').then((r) => setItems(r.items), onError), [tick]);
  return (
    <Card title="应保尽保：无劳动能力、尚未落实社会保障措施的监测户（MON-19 防返贫细则 四（三）4）">
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="对无劳动能力的监测对象，强化农村低保、医疗、养老保险、特困人员救助供养和临时救助等社会保障措施；未落实的退出监测时须确认提示。" />
      <Table<Missing> rowKey="householdId" size="small" dataSource={items} data-testid="social-missing" columns={[
        { title: '村', dataIndex: 'villageName' }, { title: '户主', dataIndex: 'householderName' }, { title: '户编号', dataIndex: 'householdCode' },
        { title: '预警等级', dataIndex: 'level', render: (l: string | null) => (l ? <Tag color={LEVEL[l].color}>{LEVEL[l].label}</Tag> : null) },
        { title: '人口', dataIndex: 'members' }, { title: '特困', dataIndex: 'extremePoor', render: (b: boolean) => (b ? '是' : '否') },
      ]} />
    </Card>
  );
}

/** MON-20: the stable-subsidy checks — the latest check of each household, counted per subsidy. */
export function SubsidyTab({ onError, tick }: { onError: (e: unknown) => void; tick: number }) {
  const [r, setR] = useState<Report | null>(null);
  useEffect(() => void api.get<Report>('/poverty/subsidy-checks/report').then(setR, onError), [tick]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title="稳定补贴收入摸排统计（MON-20 防返贫细则 四（三）3，按各户最近一次摸排）" extra={<Button href={downloadUrl('/poverty/measures.xlsx?type=STABLE_SUBSIDY_CHECK')}>导出摸排记录</Button>}>
        <Table rowKey="subsidy" size="small" pagination={false} dataSource={r?.bySubsidy ?? []} columns={[
          { title: '补贴', dataIndex: 'subsidy' }, { title: '已发放（户）', dataIndex: 'paid' },
          { title: '未发放（户）', dataIndex: 'notPaid', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) }, { title: '不适用（户）', dataIndex: 'notApplicable' },
        ]} />
      </Card>
      <Card title="有未发放补贴的监测户">
        <Table rowKey="householdCode" size="small" pagination={false} dataSource={r?.notPaid ?? []} data-testid="subsidy-not-paid" columns={[
          { title: '村', dataIndex: 'villageName' }, { title: '户主', dataIndex: 'householderName' }, { title: '摸排日期', dataIndex: 'checkedOn' },
          { title: '方式', dataIndex: 'checkKind', render: (k: string) => (k === 'periodic' ? '定期' : '不定期') },
          { title: '未发放', dataIndex: 'items', render: (a: string[]) => a.map((x) => <Tag key={x} color="red">{x}</Tag>) },
        ]} />
      </Card>
      <Card title={`尚未摸排的监测户（${r?.unchecked.length ?? 0} 户）`}>
        <Space wrap>{(r?.unchecked ?? []).map((u) => <Tag key={u.householdCode}>{u.villageName} {u.householderName}</Tag>)}</Space>
      </Card>
    </Space>
  );
}

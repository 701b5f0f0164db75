import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { StatusTag } from './shared';
import { RuleText } from '../../lib/RuleText';

/**
 * 离白外出报告 (工作规则 第三十三条, WR-19): the reporting chain of each leave or trip out of
 * Baicheng — 综合科 records its report to the 市委、市政府办 for the principal leader; other
 * leaders and heads record their report to the principal leader (a principal's signature on
 * the request counts by itself). Approval waits until the chain is complete.
 */
interface Departure {
  id: string; subjectType: string; personName: string; unitName: string | null; roleLabel: string; role: string; destination: string; departOn: string; returnOn: string;
  status: string; cityFiledOn: string | null; principalReportedOn: string | null; principalReportMode: string | null; hubNotifiedOn: string | null; missing: string[]; late: string[];
}
const MODE: Record<string, string> = { approval: '主要领导审批', in_person: '当面报告', phone: '电话报告', written: '书面报告' };
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export default function DeparturesPage() {
  const { can } = useAuth();
  const hub = can('personnel.attendance');
  const [scope, setScope] = useState<'mine' | 'all'>(hub ? 'all' : 'mine');
  const [items, setItems] = useState<Departure[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [recording, setRecording] = useState<{ d: Departure; kind: 'city-filing' | 'principal-report' } | null>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const load = () => api.get<{ items: Departure[] }>(`/personnel/departures?scope=${scope}`).then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, [scope]);

  async function save() {
    const v = await form.validateFields();
    try {
      await api.post(`/personnel/departures/${recording!.d.id}/${recording!.kind}`, v);
      message.success('已登记');
      setRecording(null);
      load();
    } catch (e) { setError(e); }
  }
  const open = (d: Departure, kind: 'city-filing' | 'principal-report') => { form.resetFields(); form.setFieldsValue(kind === 'city-filing' ? { filedOn: today() } : { reportedOn: today(), mode: 'phone' }); setRecording({ d, kind }); };

  const table = (
    <Table rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} data-testid="departures" columns={[
      { title: '姓名', dataIndex: 'personName' }, { title: '身份', dataIndex: 'roleLabel' }, { title: '事由', render: (_: unknown, d: Departure) => (d.subjectType === 'leave' ? '请假' : '公出') },
      { title: '去向', dataIndex: 'destination' }, { title: '时间', render: (_: unknown, d: Departure) => `${d.departOn} 至 ${d.returnOn}` },
      { title: '审批', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
      { title: '报告情况', render: (_: unknown, d: Departure) => (d.role === 'principal'
        ? (d.cityFiledOn ? `${d.cityFiledOn} 已向市委、市政府办报备` : hub ? <Button size="small" onClick={() => open(d, 'city-filing')}>登记报备</Button> : '待综合科报备')
        : <Space orientation="vertical" size={0}>
            <span>{d.principalReportedOn ? `${d.principalReportedOn} ${MODE[d.principalReportMode ?? ''] ?? ''}` : <Button size="small" onClick={() => open(d, 'principal-report')}>登记向主要领导报告</Button>}</span>
            <Typography.Text type="secondary">{d.hubNotifiedOn ? `${d.hubNotifiedOn} 已通知综合科` : '未通知综合科'}</Typography.Text>
          </Space>) },
      { title: '', render: (_: unknown, d: Departure) => <>{d.missing.length > 0 && <Tag color="red">未齐全</Tag>}{d.late.length > 0 && <Tag color="orange">事后登记：{d.late.join('、')}</Tag>}</> },
    ]} />
  );
  return (
    <Card title="离白外出报告" extra={hub && <a href={downloadUrl('/personnel/departures.xlsx')}>导出 XLSX</a>}>
      <Typography.Paragraph type="secondary">
        <RuleText id="WR-19" />请假、公出申请勾选“离开白城”后在此登记，报告未登记齐全的不能批准。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {hub ? <Tabs activeKey={scope} onChange={(k) => setScope(k as 'mine' | 'all')} items={[{ key: 'all', label: '全部', children: table }, { key: 'mine', label: '本人', children: table }]} /> : table}
      <Modal open={!!recording} title={recording?.kind === 'city-filing' ? '登记向市委、市政府办报备' : '登记向办主要领导报告'} onCancel={() => setRecording(null)} onOk={save}>
        <Form form={form} layout="vertical">
          {recording?.kind === 'city-filing' ? (
            <>
              <Form.Item name="filedOn" label="报备日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
              <Form.Item name="ref" label="报备方式或文号" rules={[{ required: true, message: '请填写' }]}><Input maxLength={200} /></Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true }]}><Input type="date" /></Form.Item>
              <Form.Item name="mode" label="报告方式"><Radio.Group options={[{ value: 'in_person', label: '当面' }, { value: 'phone', label: '电话' }, { value: 'written', label: '书面' }]} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

/**
 * 违规问题登记簿 (FIN-17 会计法, RECEP-27 纪律处分条例): a confirmed violation with its rules,
 * the directly responsible, the leaders responsible and the handling; exported as XLSX.
 */
interface Row { id: string; ruleId: string; violatedRuleIds: string[]; occurredOn: string; facts: string; directNames: string | null; leaderNames: string | null; handling: string; recordedByName: string | null }
const ids = (s?: string) => String(s ?? '').split(/[、,，\s]+/).filter(Boolean);

export default function ViolationsPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [items, setItems] = useState<Row[]>([]);
  const { message } = App.useApp();
  const load = () => api.get<{ items: Row[] }>('/finance/violations').then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, []);

  async function submit() {
    try {
      const v = await form.validateFields();
      await api.post('/finance/violations', {
        violatedRuleIds: ids(v.violatedRuleIds).map((x) => x.toUpperCase()), occurredOn: v.occurredOn, facts: v.facts,
        directPersonIds: ids(v.directPersonIds), leaderPersonIds: ids(v.leaderPersonIds), handling: v.handling,
      });
      message.success('已登记');
      form.resetFields();
      setError(null);
      load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="违规问题登记簿" extra={<Button href={downloadUrl('/finance/ledger/violations.xlsx')}>导出（XLSX）</Button>}>
        <ErrorAlert error={error} />
        <Typography.Paragraph type="secondary">
          违反财务管理制度的，按《会计法》法律责任条款处理（财务管理制度七（二））；违反公务接待管理规定的，对直接责任者和领导责任者依情节给予纪律处分（公务接待制度第23条）。
        </Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item label="违反规则编号（如 RECEP-24、FIN-10）" name="violatedRuleIds" rules={[{ required: true }]}><Input style={{ width: 260 }} /></Form.Item>
            <Form.Item label="发生日期" name="occurredOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item label="直接责任者（人员编号，顿号分隔）" name="directPersonIds" rules={[{ required: true }]}><Input style={{ width: 260 }} placeholder="psn_tangning" /></Form.Item>
            <Form.Item label="领导责任者" name="leaderPersonIds"><Input style={{ width: 260 }} /></Form.Item>
          </Space>
          <Form.Item label="违规事实" name="facts" rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item label="处理意见" name="handling" rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" onClick={submit}>登记</Button>
        </Form>
      </Card>
      <Table<Row> rowKey="id" dataSource={items} pagination={{ pageSize: 20 }} columns={[
        { title: '发生日期', dataIndex: 'occurredOn' }, { title: '依据', dataIndex: 'ruleId' },
        { title: '违反规则', render: (_: unknown, r: Row) => r.violatedRuleIds.join('、') }, { title: '违规事实', dataIndex: 'facts' },
        { title: '直接责任者', dataIndex: 'directNames' }, { title: '领导责任者', dataIndex: 'leaderNames' }, { title: '处理意见', dataIndex: 'handling' },
      ]} />
    </Space>
  );
}

import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { api } from '../../lib/api';
import { useAuth } from '../../shell/auth';
import { ErrorAlert } from '../../lib/errors';
import { STATUS_LABEL, toFen, yuan } from './labels';

/**
 * 印刷品印制申请 (FMS-F4): 询价 and 预算 first (PRINT-01), 综合科审核 → 领导签批 (PRINT-02); 综合科
 * prints centrally and registers each hand-out, never more than printed (PRINT-03).
 */
interface Row { id: string; unitName: string | null; title: string; costFen: number; quantity: number; status: string; printedQuantity: number | null; distributedQuantity: number; flowInstanceId: string }

export default function PrintingPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [items, setItems] = useState<Row[]>([]);
  const [acting, setActing] = useState<{ row: Row; mode: 'printed' | 'distribute' } | null>(null);
  const [actForm] = Form.useForm();
  const { can } = useAuth();
  const office = can('finance.office');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const load = () => api.get<{ items: Row[] }>(`/finance/prints?scope=${office ? 'all' : 'mine'}`).then((r) => setItems(r.items), setError);
  useEffect(() => { load(); }, [office]);

  async function submit() {
    try {
      const v = await form.validateFields();
      const body = { title: v.title, costFen: toFen(v.cost), quantity: v.quantity, scope: v.scope, paper: v.paper ?? '', format: v.format ?? '', place: v.place ?? '', remark: v.remark ?? '',
        quotations: v.supplier ? [{ supplier: v.supplier, amountFen: toFen(v.quote), ref: v.quoteRef ?? '' }] : [] };
      const res = await api.post<{ instanceId: string }>('/finance/prints', { form: body });
      message.success('印制申请已提交');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) { setError(e); }
  }
  async function act() {
    if (!acting) return;
    try {
      const v = await actForm.validateFields();
      if (acting.mode === 'printed') await api.post(`/finance/prints/${acting.row.id}/printed`, { quantity: v.quantity, printer: v.printer, printedOn: v.date });
      else await api.post(`/finance/prints/${acting.row.id}/distributions`, { handedOn: v.date, recipient: v.recipient, quantity: v.quantity, receiver: v.receiver });
      message.success('已登记');
      setActing(null);
      load();
    } catch (e) { setError(e); setActing(null); }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="办机关各科室印刷品印制申请表">
        <Typography.Paragraph type="secondary">机关各科室印刷资料时，需询价并做出预算，报综合科科长→分管副主任审批后，由财务科统一印制并登记发放（财务管理制度四（六）1）。</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item label="印刷品名称" name="title" rules={[{ required: true }]}><Input style={{ width: 260 }} /></Form.Item>
            <Form.Item label="印刷费用（元）" name="cost" rules={[{ required: true }]}><InputNumber min={0} precision={2} /></Form.Item>
            <Form.Item label="印刷数量（本、册）" name="quantity" rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          </Space>
          <Form.Item label="发放范围" name="scope" rules={[{ required: true }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item label="纸张选择" name="paper"><Input /></Form.Item>
            <Form.Item label="开本" name="format"><Input /></Form.Item>
            <Form.Item label="印刷地点" name="place"><Input /></Form.Item>
            <Form.Item label="备注" name="remark"><Input /></Form.Item>
          </Space>
          <Typography.Text strong>询价</Typography.Text>
          <Space wrap>
            <Form.Item label="询价单位" name="supplier"><Input /></Form.Item>
            <Form.Item label="报价（元）" name="quote"><InputNumber min={0} precision={2} /></Form.Item>
            <Form.Item label="报价单编号" name="quoteRef"><Input /></Form.Item>
          </Space>
          <Button type="primary" onClick={submit}>提交申请</Button>
        </Form>
      </Card>
      <Card title={office ? '印刷品印制发放登记（全部）' : '本科室印制申请'}>
        <Table rowKey="id" dataSource={items} pagination={{ pageSize: 10 }} columns={[
          { title: '科（室）', dataIndex: 'unitName' }, { title: '印刷品名称', dataIndex: 'title' }, { title: '费用', dataIndex: 'costFen', render: (v: number) => yuan(v) },
          { title: '申请数量', dataIndex: 'quantity' }, { title: '状态', dataIndex: 'status', render: (v: string) => STATUS_LABEL[v] ?? v },
          { title: '印制/已发放', render: (_: unknown, r: Row) => (r.printedQuantity === null ? '未印制' : `${r.printedQuantity} / ${r.distributedQuantity}`) },
          { title: '', render: (_: unknown, r: Row) => <Space>
            <Link to={`/flow/instances/${r.flowInstanceId}`}>查看</Link>
            {office && r.status === 'approved' && r.printedQuantity === null && <Button size="small" onClick={() => { actForm.resetFields(); setActing({ row: r, mode: 'printed' }); }}>登记印制</Button>}
            {office && r.printedQuantity !== null && <Button size="small" onClick={() => { actForm.resetFields(); setActing({ row: r, mode: 'distribute' }); }}>登记发放</Button>}
          </Space> },
        ]} />
      </Card>
      <Modal open={!!acting} title={acting?.mode === 'printed' ? '登记统一印制' : '登记发放'} onCancel={() => setActing(null)} onOk={act} okText="登记">
        <Form form={actForm} layout="vertical">
          <Form.Item label="日期" name="date" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item label="数量" name="quantity" rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          {acting?.mode === 'printed' ? <Form.Item label="印制单位" name="printer" rules={[{ required: true }]}><Input /></Form.Item> : <>
            <Form.Item label="领取科室或单位" name="recipient" rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item label="领取人" name="receiver" rules={[{ required: true }]}><Input /></Form.Item></>}
        </Form>
      </Modal>
    </Space>
  );
}

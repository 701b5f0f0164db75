import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { downloadUrl } from '../../lib/api';
import { useAuth } from '../../shell/auth';

/**
 * 监督检查资料导出 (FIN-16): for an inspection, one read-only workbook of the chosen period —
 * expense vouchers with their attachments and signature trail, the ledgers, the cash counts and
 * the report calendar. Every export is recorded in the audit log.
 */
const SHEETS = ['报销凭证（含所附凭证、结算方式）', '审批签字记录（每一环节的签字人、意见、时间、代签）', '公务接待、物资采购、会议培训费、印刷品台账', '现金盘点台账', '报表报送记录', '违规问题登记簿'];
const firstOfYear = () => `${new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4)}-01-01`;
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

export default function InspectionExportPage() {
  const [from, setFrom] = useState(firstOfYear());
  const [to, setTo] = useState(today());
  const invalid = !from || !to || from > to;
  // 综合科 and the 审计管理员 read the same workbook under their own permission codes (三员分立).
  const base = useAuth().can('finance.inspection') ? '/finance/inspection.xlsx' : '/finance/inspection/audit.xlsx';
  return (
    <Card title="监督检查资料导出">
      <Typography.Paragraph type="secondary">财务科要依照有关法律、法规的规定，接受有关部门的监督检查，如实提供会计凭证、会计账簿和其他会计资料以及有关情况（财务管理制度七（一））。导出为只读资料，每次导出均记入审计日志。</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="起始日期" htmlFor="inspection-from"><Input id="inspection-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></Form.Item>
        <Form.Item label="截止日期" htmlFor="inspection-to"><Input id="inspection-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} /></Form.Item>
        <Button type="primary" disabled={invalid} href={invalid ? undefined : downloadUrl(`${base}?from=${from}&to=${to}`)}>导出（XLSX）</Button>
      </Form>
      {from > to && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="起始日期不能晚于截止日期" />}
      <Space direction="vertical">
        <Typography.Text strong>工作簿包含：</Typography.Text>
        {SHEETS.map((s) => <Typography.Text key={s}>· {s}</Typography.Text>)}
        <Typography.Text type="secondary">按单据提交日期（现金盘点按盘点日期、报表按报送期限）选取期间内的全部记录，不设条数上限。</Typography.Text>
      </Space>
    </Card>
  );
}

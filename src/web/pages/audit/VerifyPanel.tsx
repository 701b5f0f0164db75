import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

interface VerifyReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBroken?: { seq: number; id: number | null; reason: string; detail: string };
  unsealedTooLong: { id: number; at: string; event: string; ageSeconds: number }[];
  unsealedTooLongCount: number;
  maxUnsealedSeconds: number;
}

/** 「完整性校验」: walks the SM3 chain on the server and shows the verdict plainly. */
export function VerifyPanel() {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [at, setAt] = useState<string>('');

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await api.post<VerifyReport>('/audit/verify', {}));
      setAt(new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }));
    } catch (err) {
      setReport(null);
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={running} onClick={() => void run()} data-testid="audit-verify">
          完整性校验
        </Button>
        <Typography.Text type="secondary">逐条复核 SM3 哈希链，发现被篡改、删除或伪造的记录</Typography.Text>
      </Space>
      {error ? (
        <div data-testid="audit-verify-result">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      {report ? <VerifyResult report={report} at={at} /> : null}
    </Space>
  );
}

function VerifyResult({ report, at }: { report: VerifyReport; at: string }) {
  const unsealed =
    report.unsealedTooLongCount > 0
      ? `另有 ${report.unsealedTooLongCount} 条记录超过 ${report.maxUnsealedSeconds} 秒仍未链入哈希链（封存任务可能停止或有长时间未结束的事务），最早一条编号 ${report.unsealedTooLong[0]?.id ?? '—'}。`
      : '';
  if (report.firstBroken) {
    const b = report.firstBroken;
    return (
      <Alert
        type="error"
        showIcon
        data-testid="audit-verify-result"
        title={`校验未通过：${b.reason}（序号 ${b.seq}${b.id !== null ? `，记录编号 ${b.id}` : ''}）`}
        description={[`${b.detail}。`, `此前 ${Math.max(report.checked - 1, 0)} 条记录完好。`, unsealed, `校验时间 ${at}`].join('')}
      />
    );
  }
  if (!report.ok) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="audit-verify-result"
        title={`哈希链完好（已校验 ${report.checked} 条），但有记录长时间未封存`}
        description={`${unsealed}校验时间 ${at}`}
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      data-testid="audit-verify-result"
      title={`校验通过：已校验 ${report.checked} 条记录，哈希链完整`}
      description={`未发现被篡改、缺失或伪造的记录。校验时间 ${at}`}
    />
  );
}

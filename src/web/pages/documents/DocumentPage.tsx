import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Descriptions, Input, Space, Spin, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { useFlowAction } from '../flow/useFlowAction';
import { STATUS_LABEL, type DocDetail } from './types';
import IssueRecordsCard from './IssueRecordsCard';

const ITEMS: [string, string][] = [['kind', '发文种类'], ['content', '文件内容'], ['wording', '文字表述'], ['format', '体例格式'], ['attribute', '公开属性']];

/** 公文详情: elements, route (审签流程), 综合科 review, numbering, PDF/DOCX, reprint. */
export default function DocumentPage() {
  const { id } = useParams();
  const { me, can } = useAuth();
  const [d, setD] = useState<DocDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [review, setReview] = useState<Record<string, boolean>>({ kind: true, content: true, wording: true, format: true, attribute: true, noMixedContentConfirmed: false });
  const [reason, setReason] = useState('');
  const load = useCallback(() => void api.get<DocDetail>(`/documents/${id}`).then(setD, setLoadError), [id]);
  const { run, busy, error } = useFlowAction(load);
  useEffect(load, [load]);
  if (!d) return loadError ? <ErrorAlert error={loadError} /> : <Spin />;
  const mine = d.drafterPersonId === me?.personId;
  const editable = mine && ['draft', 'returned', 'signed', 'rejected', 'withdrawn'].includes(d.status);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card
        title={<span data-testid="doc-title">{d.title}</span>}
        extra={<Tag data-testid="doc-status">{STATUS_LABEL[d.status] ?? d.status}</Tag>}
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="发文字号"><span data-testid="doc-number">{d.docNumber ?? '未编号'}</span></Descriptions.Item>
          <Descriptions.Item label="成文日期">{d.issueDate ?? '未签发'}</Descriptions.Item>
          <Descriptions.Item label="文种">{d.kind}</Descriptions.Item>
          <Descriptions.Item label="紧急程度">{d.urgency}</Descriptions.Item>
          <Descriptions.Item label="主送">{d.mainRecipients.join('，')}</Descriptions.Item>
          <Descriptions.Item label="抄送">{d.ccRecipients.join('，')}</Descriptions.Item>
          <Descriptions.Item label="公开属性">{d.disclosure ?? '未确定'}</Descriptions.Item>
          <Descriptions.Item label="起草">{d.draftingUnitName} {d.drafterName}</Descriptions.Item>
          <Descriptions.Item label="按制度应由">{d.requiredSigner}签发</Descriptions.Item>
          <Descriptions.Item label="拟签发人 / 签发人">{d.signedByName ?? d.proposedSignerName ?? '按制度确定'}</Descriptions.Item>
        </Descriptions>
        {d.goReview && !d.goReview.passed && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={`综合科退回：${(d.goReview.reasons ?? []).join('；')}`} />}
        <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>{d.body.map((p) => p.text).join('\n')}</Typography.Paragraph>
        <Space wrap>
          {editable && <Link to={`/documents/${d.id}/edit`}><Button data-testid="doc-edit">修改</Button></Link>}
          {mine && ['draft', 'returned', 'rejected', 'withdrawn'].includes(d.status) && (
            <Button type="primary" loading={busy} data-testid="doc-submit" onClick={() => void run(`/documents/${d.id}/submit`, {}, '已送审')}>送审</Button>
          )}
          {d.flowInstanceId && <Link to={`/flow/instances/${d.flowInstanceId}`} data-testid="doc-route">查看审签流程</Link>}
          <a href={downloadUrl(`/documents/${d.id}/document.pdf`)} target="_blank" rel="noreferrer" data-testid="doc-pdf">下载 PDF</a>
          <a href={downloadUrl(`/documents/${d.id}/document.docx`)} data-testid="doc-docx">下载 DOCX</a>
        </Space>
      </Card>
      {can('documents.review') && d.status === 'in_review' && (
        <Card title="综合科审核（DOC-06）">
          <Space wrap>
            {ITEMS.map(([k, label]) => (
              <Checkbox key={k} checked={review[k]} onChange={(e) => setReview({ ...review, [k]: e.target.checked })}>{label}合格</Checkbox>
            ))}
            <Checkbox checked={review.noMixedContentConfirmed} onChange={(e) => setReview({ ...review, noMixedContentConfirmed: e.target.checked })}>确认无夹带（主动公开）</Checkbox>
            <Button type="primary" data-testid="doc-go-review" onClick={() => void run(`/documents/${d.id}/go-review`, review, '已记录审核结果')}>提交审核结果</Button>
          </Space>
        </Card>
      )}
      {can('documents.number') && d.status === 'signed' && (
        <Card title="编号（DOC-15、DOC-16）">
          <Button type="primary" data-testid="doc-number-btn" onClick={() => void run(`/documents/${d.id}/number`, { signedCopyMatches: true }, '已编号')}>核对手签稿与电子文本一致，编发文字号</Button>
        </Card>
      )}
      {d.docNumber && <IssueRecordsCard documentId={d.id} />}
      {can('documents.number') && d.status === 'numbered' && (
        <Card title="重印（DOC-21，沿用原发文字号）">
          <Space>
            <Input placeholder="重印原因" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 300 }} />
            <Button onClick={() => void run(`/documents/${d.id}/reprint`, { reason, majorChange: false }, '已登记重印')}>一般修改重印</Button>
            <Button danger onClick={() => void run(`/documents/${d.id}/reprint`, { reason, majorChange: true }, '已送原签发人重新签发')}>重大修改（重新签发）</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}

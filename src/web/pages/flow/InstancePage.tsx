import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { ActionPanel } from './ActionPanel';
import { FormView } from './FormView';
import { INSTANCE_STATUS, formatTime } from './labels';
import { RouteSteps } from './RouteSteps';
import { Trail } from './Trail';
import type { InstanceDetail } from './types';

/** 审批事项: the request, its route with every signature, the full trail, and what I may do now. */
export default function InstancePage() {
  const { id } = useParams<{ id: string }>();
  const [detail, setDetail] = useState<InstanceDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    if (!id) return;
    api.get<InstanceDetail>(`/flow/instances/${encodeURIComponent(id)}`).then(
      (d) => {
        setDetail(d);
        setError(null);
      },
      setError,
    );
  }, [id]);
  useEffect(load, [load]);

  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return <Result status={error.status === 404 ? '404' : '403'} title={error.message} />;
  }
  if (!detail) return error ? <ErrorAlert error={error} /> : <Spin style={{ margin: 48 }} />;
  const status = INSTANCE_STATUS[detail.status] ?? { label: detail.status, color: 'default' };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Card>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="flow-title">
            {detail.title}
          </Typography.Title>
          <Tag color={status.color} data-testid="flow-status" data-status={detail.status}>
            {status.label}
          </Tag>
        </Space>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'applicant', label: '申请人', children: `${detail.applicant.name}${detail.applicant.unitName ? `（${detail.applicant.unitName}）` : ''}` },
            { key: 'submitted', label: '提交时间', children: formatTime(detail.submittedAt) },
            { key: 'completed', label: '办结时间', children: detail.completedAt ? formatTime(detail.completedAt) : '—' },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <ActionPanel detail={detail} onChanged={load} />
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="申请内容" style={{ marginBottom: 16 }}>
            <FormView detail={detail} />
          </Card>
          <Card title="办理记录">
            <Trail detail={detail} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="审批流程">
            <RouteSteps detail={detail} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

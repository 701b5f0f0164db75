import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { currentSemester, DET_STATUS, ELIGIBILITY, ENROLMENT, qs, RegionSelect, SCHOOL_TYPE, SemesterSelect, useRegions, yuan } from './common';

interface Row {
  id: string; name: string; idMasked: string; householdCode: string; householderName: string; registeredStatus: string; exitYear: number | null;
  townshipName: string; villageName: string; schoolName: string; schoolLocation: string | null; schoolType: string; registrySystem: string | null;
  enrolmentStatus: string; hukouMovedOut: boolean; determinationStatus: string | null; comparison: string | null; inNationalRange: boolean | null;
  countyReview: string | null; eligibility: string; reasons: { ruleId: string; text: string }[]; paidFen: number | null;
}
const HH: Record<string, string> = { none: '一般户', poor: '未脱贫户', exited: '脱贫户' };
const DECISION: Record<string, string> = { EXITED_BEFORE_FIRST_SUBSIDY: '首次补助前已脱贫家庭的补助资格（RAIN-10）', OTHER_TYPE: '“等”类高职院校的人工确认（RAIN-08）', DROPOUT_NOT_WRONG: '个人原因退学、失学不按错补对待（RAIN-13）' };

/** 学生名单: every student of the register with the semester's eligibility and the reason when not eligible. */
export default function StudentsPage() {
  const regions = useRegions();
  const [semester, setSemester] = useState(currentSemester());
  const [filter, setFilter] = useState<{ region?: string; eligibility?: string; q?: string }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Row[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deciding, setDeciding] = useState<Row | null>(null);
  const [reload, setReload] = useState(0);
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    setError(null);
    api.get<{ items: Row[]; total: number }>(`/rain/students?${qs({ semester, ...filter, page, pageSize: 50 })}`).then(setData, setError);
  }, [semester, filter, page, reload]);
  const decide = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/rain/students/${deciding!.id}/decisions`, { kind: v.kind, approved: v.approved, decidedOn: v.decidedOn.format('YYYY-MM-DD'), ref: v.ref, note: v.note });
      message.success('已登记领导小组决定，资格已重新认定');
      setDeciding(null);
      setReload((n) => n + 1);
    } catch (e) {
      toast(e);
    }
  };
  return (
    <Card title="雨露计划学生名单">
      <ErrorAlert error={error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <SemesterSelect value={semester} onChange={(s) => { setPage(1); setSemester(s); }} />
        <RegionSelect regions={regions} value={filter.region} onChange={(v) => { setPage(1); setFilter({ ...filter, region: v }); }} />
        <Select allowClear placeholder="资格" style={{ width: 160 }} data-testid="eligibility-filter" options={Object.entries(ELIGIBILITY).map(([value, e]) => ({ value, label: e.label }))} onChange={(v) => { setPage(1); setFilter({ ...filter, eligibility: v }); }} />
        <Input.Search allowClear placeholder="学生姓名、学校、户编号" style={{ width: 240 }} onSearch={(q) => { setPage(1); setFilter({ ...filter, q }); }} />
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 名学生` }}
        columns={[
          { title: '学生', dataIndex: 'name', render: (n: string, r) => <span data-testid={`student-${n}`}>{n}<br /><Typography.Text type="secondary">{r.idMasked}</Typography.Text></span> },
          { title: '家庭', key: 'hh', render: (_, r) => <>{r.townshipName}{r.villageName}<br />{r.householderName}户 · {HH[r.registeredStatus]}{r.exitYear ? `（${r.exitYear}年脱贫）` : ''}</> },
          { title: '就读学校', key: 'school', render: (_, r) => <>{r.schoolName}{r.schoolLocation ? `（${r.schoolLocation}）` : ''}<br />{SCHOOL_TYPE[r.schoolType] ?? r.schoolType} · {r.registrySystem === 'MOE' ? '教育部学籍' : r.registrySystem === 'MOHRSS' ? '人社部学籍' : '无正式学籍'} · {ENROLMENT[r.enrolmentStatus]}</> },
          { title: '学籍比对', key: 'cmp', render: (_, r) => (r.comparison ? <>{r.comparison === 'ROLL' ? '比对匹配' : '源头确认'}<br />{r.inNationalRange ? '国家标识范围内' : '范围外'}</> : '—') },
          { title: '资格', dataIndex: 'eligibility', render: (e: string) => <Tag color={ELIGIBILITY[e]?.color}>{ELIGIBILITY[e]?.label ?? e}</Tag> },
          { title: '原因 / 说明', key: 'reasons', render: (_, r) => (r.reasons ?? []).map((x, i) => <div key={i} data-testid="eligibility-reason"><Tag>{x.ruleId}</Tag>{x.text}</div>) },
          { title: '进度', key: 'status', render: (_, r) => (r.determinationStatus ? DET_STATUS[r.determinationStatus] : '未列入') + (r.paidFen ? ` ${yuan(r.paidFen)}元` : '') },
          { title: '', key: 'act', render: (_, r) => (r.eligibility === 'needs_decision' || r.enrolmentStatus === 'DROPPED_OUT' || r.enrolmentStatus === 'OUT_OF_SCHOOL' ? <Button size="small" onClick={() => { form.resetFields(); setDeciding(r); }}>登记领导小组决定</Button> : null) },
        ]}
      />
      <Modal open={deciding !== null} title={`县级扶贫开发领导小组决定：${deciding?.name ?? ''}`} onCancel={() => setDeciding(null)} onOk={decide} okText="登记">
        <Form form={form} layout="vertical" initialValues={{ approved: true }}>
          <Form.Item name="kind" label="事项" rules={[{ required: true, message: '请选择事项' }]}>
            <Select options={Object.entries(DECISION).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="approved" label="决定"><Radio.Group options={[{ value: true, label: '同意' }, { value: false, label: '不同意' }]} /></Form.Item>
          <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="ref" label="依据（会议纪要、文号）" rules={[{ required: true, message: '请填写依据' }]}><Input /></Form.Item>
          <Form.Item name="note" label="说明"><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

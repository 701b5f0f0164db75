import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { PersonPicker } from '../flow/PersonPicker';
import { MATTER_KINDS } from './labels';

interface TopicForm {
  title: string;
  kind?: 'ordinary' | 'cadre' | 'briefing';
  matterKind?: string;
  amountYuan?: number;
  purpose?: string;
  materials?: string;
  preferredOpinion?: string;
  relatedStaffId?: string;
}
interface Values {
  bodyCode: 'party_group' | 'director_meeting';
  title: string;
  startAt: Dayjs;
  place: string;
  inviteInspector: boolean;
  topics: TopicForm[];
}

/** 筹备会议: the body, time, place and the agenda; members and 列席 come from the org. */
export default function CreateMeetingPage() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const topics = (v.topics ?? []).map((t) => ({
        title: t.title,
        kind: t.kind,
        materials: t.materials,
        preferredOpinion: t.preferredOpinion,
        relatedStaffIds: t.relatedStaffId ? [t.relatedStaffId] : undefined,
        matter: t.matterKind ? { kind: t.matterKind, amountFen: t.amountYuan != null ? Math.round(t.amountYuan * 100) : null, purpose: t.purpose, inOfficeName: true } : undefined,
      }));
      const { id } = await api.post<{ id: string }>('/meetings', { bodyCode: v.bodyCode, title: v.title, startAt: v.startAt.format(), place: v.place, inviteInspector: v.inviteInspector, topics });
      navigate(`/meetings/${id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="筹备会议">
      <ErrorAlert error={error} />
      <Form<Values> layout="vertical" onFinish={submit} initialValues={{ bodyCode: 'party_group', inviteInspector: true, startAt: dayjs().add(1, 'day').hour(9).minute(0), topics: [{ title: '' }] }}>
        <Form.Item name="bodyCode" label="会议类别" rules={[{ required: true }]}>
          <Select data-testid="meeting-body" options={[{ value: 'party_group', label: '党组会议' }, { value: 'director_meeting', label: '主任办公会议' }]} />
        </Form.Item>
        <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}><Input data-testid="meeting-title" /></Form.Item>
        <Form.Item name="startAt" label="会议时间" rules={[{ required: true }]}><DatePicker showTime format="YYYY-MM-DD HH:mm" data-testid="meeting-start" /></Form.Item>
        <Form.Item name="place" label="会议地点" rules={[{ required: true, message: '请填写会议地点' }]}><Input data-testid="meeting-place" /></Form.Item>
        <Form.Item name="inviteInspector" label="邀请纪检监察组长列席（党组会议）" valuePropName="checked"><Switch data-testid="meeting-invite" /></Form.Item>
        <Form.List name="topics">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" title={`议题 ${i + 1}`} extra={<Button size="small" onClick={() => remove(f.name)}>删除</Button>}>
                  <Form.Item name={[f.name, 'title']} label="议题名称" rules={[{ required: true, message: '请填写议题名称' }]}><Input data-testid={`topic-title-${i}`} /></Form.Item>
                  <Form.Item name={[f.name, 'kind']} label="议题性质">
                    <Select data-testid={`topic-kind-${i}`} allowClear placeholder="一般议题"
                      options={[{ value: 'ordinary', label: '一般议题' }, { value: 'cadre', label: '干部工作' }, { value: 'briefing', label: '通报事项' }]} />
                  </Form.Item>
                  <Space wrap>
                    <Form.Item name={[f.name, 'matterKind']} label="事项类别（“三重一大”自动认定）">
                      <Select data-testid={`topic-matter-${i}`} allowClear style={{ width: 240 }} options={Object.entries(MATTER_KINDS).map(([value, label]) => ({ value, label }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amountYuan']} label="金额（元）"><InputNumber data-testid={`topic-amount-${i}`} min={0} precision={2} style={{ width: 160 }} /></Form.Item>
                    <Form.Item name={[f.name, 'purpose']} label="用途"><Input data-testid={`topic-purpose-${i}`} /></Form.Item>
                  </Space>
                  <Form.Item name={[f.name, 'preferredOpinion']} label="呈报科室倾向性意见"><Input.TextArea rows={2} /></Form.Item>
                  <Form.Item name={[f.name, 'materials']} label="会议材料"><Input.TextArea rows={2} /></Form.Item>
                  <Form.Item name={[f.name, 'relatedStaffId']} label="与议题有关的列席人员（仅列席本议题）"><PersonPicker testId={`topic-staff-${i}`} /></Form.Item>
                </Card>
              ))}
              <Button onClick={() => add({ title: '' })} data-testid="add-topic">增加议题</Button>
            </Space>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }} data-testid="create-meeting">创建会议</Button>
      </Form>
    </Card>
  );
}

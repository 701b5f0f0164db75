import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Card, Drawer, Form, Image, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { currentSemester, DET_STATUS, putFile, RegionSelect, SemesterSelect, today, useRegions } from './common';

interface Pub { id: string; villageCode: string; villageName: string; place: string; startDate: string; periodDays: number; endDate: string; status: string; confirmedOn: string | null; listed: number; photos: number; openObjections: number }
interface Detail {
  id: string; place: string; startDate: string; endDate: string; status: string;
  lines: { determinationId: string; name: string; householdCode: string; householderName: string; schoolName: string; status: string }[];
  objections: { id: string; determinationId: string; name: string; reporter: string | null; content: string; filedOn: string; townshipFinding: string | null; townshipNote: string | null; countyDecision: string | null; countyNote: string | null; status: string }[];
  photos: { id: string; fileName: string }[];
}

/** 公示与异议: village publicity with its photo record, objections (township → county), leading-group confirmation. */
export default function PublicityPage() {
  const regions = useRegions();
  const [semester, setSemester] = useState(currentSemester());
  const [list, setList] = useState<Pub[]>([]);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [objecting, setObjecting] = useState<string | null>(null);
  const photo = useRef<HTMLInputElement>(null);
  const toast = useErrorToast();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [objForm] = Form.useForm();
  const load = useCallback(() => api.get<{ items: Pub[] }>(`/rain/publicities?semester=${semester}`).then((r) => setList(r.items), setError), [semester]);
  useEffect(() => void load(), [load]);
  const open = (id: string) => api.get<Detail>(`/rain/publicities/${id}`).then(setDetail, toast);
  const withAck = async (call: (ack: string[]) => Promise<unknown>, ack: string[] = []): Promise<void> => {
    try {
      await call(ack);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING' && e.rule) {
        const ids = ((e.details as { warnings?: { ruleId: string }[] })?.warnings ?? []).map((w) => w.ruleId);
        modal.confirm({ title: '制度提示', content: `${e.message}`, okText: '确认并继续', onOk: () => withAck(call, [...ack, ...ids]) });
      } else toast(e);
    }
  };
  const create = async () => {
    const v = await form.validateFields();
    await withAck(async (acknowledged) => {
      const r = await api.post<{ id: string; listed: number }>('/rain/publicities', { ...v, semester, acknowledged });
      message.success(`已公示 ${r.listed} 名拟补助对象`);
      setCreating(false);
      void load();
      void open(r.id);
    });
  };
  const uploadPhoto = async (file: File) => {
    try {
      await putFile(`/rain/publicities/${detail!.id}/photos?fileName=${encodeURIComponent(file.name)}`, file, file.type || 'image/jpeg');
      message.success('照片已留存备案');
      void open(detail!.id);
      void load();
    } catch (e) {
      toast(e);
    }
  };
  const confirm = () => withAck(async (acknowledged) => {
    const r = await api.post<{ confirmed: number; held: number }>(`/rain/publicities/${detail!.id}/confirm`, { confirmedOn: today(), ref: '县级扶贫领导小组确认', acknowledged });
    message.success(`已确认 ${r.confirmed} 人${r.held ? `，${r.held} 人因举报未办结暂缓` : ''}`);
    void open(detail!.id);
    void load();
  });
  const fileObjection = async () => {
    const v = await objForm.validateFields();
    try {
      await api.post('/rain/objections', { determinationId: objecting, reporter: v.reporter, content: v.content, filedOn: today() });
      setObjecting(null);
      void open(detail!.id);
      void load();
    } catch (e) {
      toast(e);
    }
  };
  const verify = (id: string, finding: 'SUBSTANTIATED' | 'UNFOUNDED') =>
    api.post(`/rain/objections/${id}/verify`, { finding, note: finding === 'SUBSTANTIATED' ? '乡镇党委政府查实' : '经核查举报不实', verifiedOn: today() }).then(() => open(detail!.id), toast);
  const decide = (id: string, approve: boolean) =>
    api.post(`/rain/objections/${id}/decide`, { approve, note: approve ? '县级扶贫部门核准取消补助资格' : '县级扶贫部门不予核准', decidedOn: today() }).then(() => { void open(detail!.id); void load(); }, toast);
  return (
    <Card title="公示与异议" extra={<Space><SemesterSelect value={semester} onChange={setSemester} /><Button type="primary" onClick={() => { form.resetFields(); setCreating(true); }} data-testid="new-publicity">村级公示</Button></Space>}>
      <ErrorAlert error={error} />
      <Table<Pub> rowKey="id" size="small" dataSource={list} onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })} columns={[
        { title: '村', dataIndex: 'villageName' },
        { title: '公示地点', dataIndex: 'place' },
        { title: '公示期', key: 'p', render: (_, r) => `${r.startDate} 至 ${r.endDate}（${r.periodDays}天）` },
        { title: '人数', dataIndex: 'listed' },
        { title: '现场照片', dataIndex: 'photos', render: (n: number) => (n > 0 ? `${n} 张` : <Tag color="red">未留存</Tag>) },
        { title: '未办结举报', dataIndex: 'openObjections', render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0) },
        { title: '状态', key: 's', render: (_, r) => (r.status === 'confirmed' ? `领导小组已确认（${r.confirmedOn}）` : '公示中') },
      ]} />
      <Modal open={creating} title="村两委公示拟补助对象名单" onCancel={() => setCreating(false)} onOk={create} okText="公示">
        <Form form={form} layout="vertical" initialValues={{ startDate: today(), periodDays: 7 }}>
          <Form.Item name="villageCode" label="村" rules={[{ required: true, message: '请选择村' }]}><RegionSelect regions={regions} levels={['village']} onChange={(v) => form.setFieldValue('villageCode', v)} placeholder="选择村" /></Form.Item>
          <Form.Item name="place" label="公示地点（本村人员密集处）" rules={[{ required: true, message: '请填写公示地点' }]}><Input /></Form.Item>
          <Form.Item name="startDate" label="公示开始日期（YYYY-MM-DD）" rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="periodDays" label="公示天数" rules={[{ required: true }]}><InputNumber min={1} max={60} /></Form.Item>
        </Form>
      </Modal>
      <Drawer open={detail !== null} width={820} title="公示详情" onClose={() => setDetail(null)}>
        {detail && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>公示地点：{detail.place}；公示期 {detail.startDate} 至 {detail.endDate}</div>
            <Space wrap>
              {detail.photos.map((p) => <Image key={p.id} width={96} src={`/api/v1/rain/files/${p.id}`} alt={p.fileName} />)}
              <input ref={photo} type="file" accept="image/jpeg,image/png" hidden data-testid="photo-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void uploadPhoto(f); e.target.value = ''; }} />
              <Button onClick={() => photo.current?.click()}>上传公示现场照片</Button>
              <Button type="primary" onClick={confirm} data-testid="confirm-publicity">县级扶贫领导小组确认</Button>
            </Space>
            <Table size="small" rowKey="determinationId" pagination={false} dataSource={detail.lines} columns={[
              { title: '学生', dataIndex: 'name' },
              { title: '户编号', dataIndex: 'householdCode' },
              { title: '户主', dataIndex: 'householderName' },
              { title: '就读学校', dataIndex: 'schoolName' },
              { title: '状态', dataIndex: 'status', render: (s: string) => DET_STATUS[s] ?? s },
              { title: '', key: 'o', render: (_, l) => (['publicised', 'confirmed'].includes(l.status) ? <Button size="small" onClick={() => { objForm.resetFields(); setObjecting(l.determinationId); }}>登记举报</Button> : null) },
            ]} />
            <Table size="small" rowKey="id" pagination={false} dataSource={detail.objections} title={() => '群众举报'} columns={[
              { title: '被举报人', dataIndex: 'name' },
              { title: '举报内容', dataIndex: 'content' },
              { title: '乡镇核查', key: 't', render: (_, o) => (o.townshipFinding ? (o.townshipFinding === 'SUBSTANTIATED' ? '查实' : '不实') : o.status === 'open' ? <Space><Button size="small" onClick={() => verify(o.id, 'SUBSTANTIATED')}>查实</Button><Button size="small" onClick={() => verify(o.id, 'UNFOUNDED')}>不实</Button></Space> : '') },
              { title: '县级核准', key: 'c', render: (_, o) => (o.countyDecision ? (o.countyDecision === 'APPROVED' ? '核准取消资格' : '不予核准') : o.status === 'open' ? <Space><Button size="small" danger onClick={() => decide(o.id, true)}>核准取消</Button><Button size="small" onClick={() => decide(o.id, false)}>驳回</Button></Space> : '') },
              { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'open' ? <Tag color="orange">未办结</Tag> : '已办结') },
            ]} />
          </Space>
        )}
      </Drawer>
      <Modal open={objecting !== null} title="登记群众举报" onCancel={() => setObjecting(null)} onOk={fileObjection} okText="登记">
        <Form form={objForm} layout="vertical">
          <Form.Item name="reporter" label="举报人（可不填）"><Input /></Form.Item>
          <Form.Item name="content" label="举报内容" rules={[{ required: true, message: '请填写举报内容' }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

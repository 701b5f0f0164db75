import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { api, ApiError, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { CATEGORY, SEAL_KIND, TAKEOUT_STATUS, USE_STATUS, type Seal, type UseRow } from './labels';
import { useDocumentChoice } from './useDocumentChoice';

/**
 * 用印申请 (印章使用管理制度): choose the seal and the kind of material — the kind decides who
 * approves (SEAL-02…04, SEAL-15); blank pages need a written application (SEAL-06); the
 * emergency path records the reason and the 分管领导's consent (SEAL-09). A 公文 (or a signed
 * one) names its document, so that its 用印 step finds this entry (SEAL-01, DOC-20); /seals?doc=<id>
 * arrives with the document chosen. Also: my entries, the 用印审批单 PDF, and take-out requests (SEAL-07).
 */
interface Person { id: string; name: string }
/** Material kinds that may be a 公文 of the 发文登记簿: G, and A when the 公文 is already signed. */
const DOC_CATEGORIES = ['gongwen', 'signed'];

export default function SealUsePage() {
  const [form] = Form.useForm();
  const [outForm] = Form.useForm();
  const [seals, setSeals] = useState<Seal[]>([]);
  const [mine, setMine] = useState<UseRow[]>([]);
  const [outs, setOuts] = useState<{ id: string; sealName: string; purpose: string; dueBack: string; status: string; flowInstanceId: string; overdue: boolean }[]>([]);
  const [leaders, setLeaders] = useState<Person[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [warning, setWarning] = useState<string[]>([]);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const category = Form.useWatch('category', form);
  const blankPage = Form.useWatch('blankPage', form);
  const emergency = Form.useWatch('emergency', form);
  const { can } = useAuth();
  const [params] = useSearchParams();
  const forDocument = DOC_CATEGORIES.includes(category);
  const docs = useDocumentChoice(form, can('documents.read'), forDocument, params.get('doc'), setError);
  const load = () => {
    api.get<{ items: Seal[] }>('/seals').then((r) => setSeals(r.items.filter((s) => s.status === 'active')), setError);
    api.get<{ items: UseRow[] }>('/seals/uses?scope=mine').then((r) => setMine(r.items), setError);
    api.get<{ items: typeof outs }>('/seals/takeouts').then((r) => setOuts(r.items), setError);
  };
  useEffect(() => {
    load();
    api.get<{ items: Person[] }>('/seals/leaders').then((r) => setLeaders(r.items), setError);
  }, []);

  async function submit() {
    setError(null);
    try {
      const v = await form.validateFields();
      const body = {
        sealId: v.sealId, category: v.category, documentTitle: v.documentTitle, copies: v.copies, blankPage: !!v.blankPage,
        blankApplication: v.blankPage ? v.blankApplication : undefined, signedByPersonId: v.category === 'signed' ? v.signedByPersonId : undefined,
        signedEvidence: v.category === 'signed' ? v.signedEvidence : undefined, reviewedOk: v.category === 'gongwen' ? !!v.reviewedOk : undefined, scopeConfirmed: !!v.scopeConfirmed,
        emergency: v.emergency ? { reason: v.emergencyReason ?? '', consentLeaderId: v.consentLeaderId ?? '' } : undefined,
        documentRef: DOC_CATEGORIES.includes(v.category) ? v.documentRef || undefined : undefined,
      };
      const res = await api.post<{ id: string; entryNo: string; instanceId: string | null }>('/seals/uses', { form: body, acknowledged: warning });
      message.success(`已登记用印 ${res.entryNo}`);
      setWarning([]);
      form.resetFields();
      load();
      if (res.instanceId) navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RULE_WARNING' && e.rule) setWarning((w) => [...w, e.rule!.id]);
      setError(e);
    }
  }

  async function takeOut() {
    try {
      const v = await outForm.validateFields();
      const res = await api.post<{ instanceId: string }>('/seals/takeouts', v);
      message.success('印章带出申请已提交综合科负责人');
      navigate(`/flow/instances/${res.instanceId}`);
    } catch (e) { setError(e); }
  }

  const sealOptions = seals.map((s) => ({ value: s.id, label: `${s.name}（${SEAL_KIND[s.kind] ?? s.kind}）` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title="用印申请">
        <ErrorAlert error={error} />
        <Typography.Paragraph type="secondary">印章使用遵循“先审批，后用印”的原则；单位印章一律不得在空白页面上使用；行文不规范的文档，印章管理人员拒绝用印（印章使用管理制度二.1、二.5、二.6）。</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ copies: 1, category: params.get('doc') ? 'gongwen' : 'routine' }}>
          <Space wrap>
            <Form.Item label="印章" name="sealId" rules={[{ required: true, message: '请选择印章' }]}><Select data-testid="seal-select" options={sealOptions} style={{ width: 320 }} /></Form.Item>
            <Form.Item label="材料类别" name="category" rules={[{ required: true }]}><Select data-testid="seal-category" options={Object.entries(CATEGORY).map(([value, label]) => ({ value, label }))} style={{ width: 380 }} /></Form.Item>
            <Form.Item label="份数" name="copies" rules={[{ required: true }]}><InputNumber min={1} max={1000} /></Form.Item>
          </Space>
          {forDocument && docs.enabled && (
            <Form.Item label="对应公文" name="documentRef" extra="选择后自动填写用印文件名称“标题（发文字号）”和印制份数；公文用印时据此找到本登记">
              <Select data-testid="seal-document" allowClear showSearch={{ optionFilterProp: 'label' }} options={docs.options} onChange={docs.choose}
                placeholder={docs.options.length ? '本年已编号、尚未用印的公文' : '本年没有尚未用印的已编号公文'} style={{ width: 520 }} />
            </Form.Item>
          )}
          <Form.Item label="用印文件名称" name="documentTitle" rules={[{ required: true, message: '请填写用印文件名称' }]}><Input maxLength={100} /></Form.Item>
          {category === 'signed' && (
            <Space wrap>
              <Form.Item label="签发的办领导" name="signedByPersonId" rules={[{ required: true }]}><Select options={leaders.map((p) => ({ value: p.id, label: p.name }))} style={{ width: 200 }} /></Form.Item>
              <Form.Item label="领导签字凭证（扫描件或档案号）" name="signedEvidence" rules={[{ required: true }]}><Input style={{ width: 320 }} /></Form.Item>
            </Space>
          )}
          {category === 'gongwen' && <Form.Item name="reviewedOk" valuePropName="checked"><Checkbox>本科室已对公文复核无误（公文运转管理制度第十三条）</Checkbox></Form.Item>}
          <Form.Item name="scopeConfirmed" valuePropName="checked"><Checkbox>用于科室公章、业务专用章时：本次用印在该章的使用范围内</Checkbox></Form.Item>
          <Form.Item name="blankPage" valuePropName="checked"><Checkbox>在空白页面上用印（须书面申请，经主要领导签字同意）</Checkbox></Form.Item>
          {blankPage && <Form.Item label="书面申请（理由）" name="blankApplication" rules={[{ required: true }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>}
          <Form.Item name="emergency" valuePropName="checked"><Checkbox>特殊情况急需使用公章（先行用章，事后及时补办手续）</Checkbox></Form.Item>
          {emergency && (
            <Space wrap>
              <Form.Item label="紧急事由" name="emergencyReason" rules={[{ required: true }]}><Input style={{ width: 320 }} /></Form.Item>
              <Form.Item label="已汇报并同意的分管领导" name="consentLeaderId" rules={[{ required: true }]}><Select options={leaders.map((p) => ({ value: p.id, label: p.name }))} style={{ width: 200 }} /></Form.Item>
            </Space>
          )}
          <Button type="primary" data-testid="seal-submit" onClick={submit}>{warning.length ? '确认提示并提交' : '登记并送审'}</Button>
        </Form>
      </Card>
      <Card title="我的用印登记">
        <Table rowKey="id" dataSource={mine} pagination={{ pageSize: 10 }} columns={[
          { title: '编号', dataIndex: 'entryNo' }, { title: '印章', dataIndex: 'sealName' }, { title: '文件名称', dataIndex: 'documentTitle' },
          { title: '类别', dataIndex: 'category', render: (v: string) => CATEGORY[v]?.slice(0, 1) ?? v }, { title: '份数', dataIndex: 'copies' },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{USE_STATUS[v] ?? v}</Tag> },
          { title: '', render: (_: unknown, r: UseRow) => <Space>{r.flowInstanceId && <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link>}<a href={downloadUrl(`/seals/uses/${r.id}/form.pdf`)} target="_blank" rel="noreferrer">用印审批单</a></Space> },
        ]} />
      </Card>
      <Card title="印章带出申请">
        <Typography.Paragraph type="secondary">印章原则上应在综合科使用；因特殊需要带出须经综合科负责人签字同意，带出期间只可用于申请事由（印章使用管理制度二.7）。</Typography.Paragraph>
        <Form form={outForm} layout="inline">
          <Form.Item label="印章" name="sealId" rules={[{ required: true }]}><Select options={sealOptions} style={{ width: 280 }} /></Form.Item>
          <Form.Item label="事由" name="purpose" rules={[{ required: true }]}><Input style={{ width: 240 }} /></Form.Item>
          <Form.Item label="交回日期" name="dueBack" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Button onClick={takeOut}>提交</Button>
        </Form>
        <Table style={{ marginTop: 12 }} rowKey="id" dataSource={outs} pagination={false} size="small" columns={[
          { title: '印章', dataIndex: 'sealName' }, { title: '事由', dataIndex: 'purpose' }, { title: '交回日期', dataIndex: 'dueBack' },
          { title: '状态', render: (_: unknown, r: (typeof outs)[number]) => <Tag color={r.overdue ? 'red' : undefined}>{TAKEOUT_STATUS[r.status] ?? r.status}{r.overdue ? '（逾期）' : ''}</Tag> },
          { title: '', render: (_: unknown, r: (typeof outs)[number]) => <Link to={`/flow/instances/${r.flowInstanceId}`}>审批</Link> },
        ]} />
      </Card>
    </Space>
  );
}

import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { SEAL_KIND, SEAL_STATUS, type Seal } from './labels';

/**
 * 印章登记、代管与停用 (综合科, leaders): the actions of the seal rules that are taken by the
 * 分管领导 of 综合科 (CONF-126) or by the keeper after a loss —
 *  - naming a stand-in keeper in advance for the keeper's absence (SEAL-12);
 *  - stopping seals on a change of the unit's name (all seals) or on damage (SEAL-11);
 *  - the loss case: reported to an 办领导, a void declaration, the filing with the authorities
 *    (SEAL-13); the case closes when all three are recorded.
 * The server checks who may act and cites the rule when it refuses.
 */
interface TempKeeper { id: string; sealName: string; personName: string; startDate: string; endDate: string; reason: string; designatedByName: string; current: boolean }
interface LossCase { id: string; sealName: string; discoveredOn: string; theft: boolean; reportedToName: string | null; voidDeclarationRef: string | null; filingRef: string | null; closedAt: string | null }
const STOP_REASON: Record<string, string> = { renamed: '单位名称变动', damaged: '使用损坏', lost: '遗失', stolen: '被盗' };
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export default function SealRegisterPage() {
  const [seals, setSeals] = useState<(Seal & { stoppedAt?: string | null })[]>([]);
  const [temps, setTemps] = useState<TempKeeper[]>([]);
  const [cases, setCases] = useState<LossCase[]>([]);
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  const [leaders, setLeaders] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [tempFor, setTempFor] = useState<Seal | null>(null);
  const [stopOpen, setStopOpen] = useState(false);
  const [stepFor, setStepFor] = useState<{ c: LossCase; step: 'report' | 'void' | 'filing' } | null>(null);
  const [tempForm] = Form.useForm();
  const [stopForm] = Form.useForm();
  const [stepForm] = Form.useForm();
  const { message } = App.useApp();
  const stopReason = Form.useWatch('reason', stopForm);
  const load = () => {
    api.get<{ items: Seal[] }>('/seals').then((r) => setSeals(r.items), setError);
    api.get<{ items: TempKeeper[] }>('/seals/temp-keepers').then((r) => setTemps(r.items), setError);
    api.get<{ items: LossCase[] }>('/seals/loss-cases').then((r) => setCases(r.items), setError);
  };
  useEffect(() => {
    load();
    api.get<{ people: { id: string; name: string; unitName: string | null }[] }>('/org/people').then((r) => setPeople(r.people.map((p) => ({ value: p.id, label: `${p.name}${p.unitName ? `（${p.unitName}）` : ''}` }))), () => undefined);
    api.get<{ items: { id: string; name: string }[] }>('/seals/leaders').then((r) => setLeaders(r.items.map((l) => ({ value: l.id, label: l.name }))), () => undefined);
  }, []);
  const act = async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null);
    try { await fn(); message.success(done); load(); return true; } catch (e) { setError(e); return false; }
  };
  const active = seals.filter((s) => s.status === 'active');
  const openCases = cases.filter((c) => !c.closedAt);

  return (
    <Card title="印章登记、代管与停用">
      <ErrorAlert error={error} />
      {openCases.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`印章遗失案件未办结 ${openCases.length} 件`} description="印章丢失须立即报告办领导，登报声明作废，并报有关部门备案（SEAL-13）。" />}
      <Tabs items={[
        { key: 'seals', label: '印章登记', children: (
          <>
            <Space style={{ marginBottom: 12 }}>
              <Button danger data-testid="seal-stop-open" onClick={() => { stopForm.resetFields(); setStopOpen(true); }}>停用印章（名称变动、损坏）</Button>
            </Space>
            <Table rowKey="id" dataSource={seals} pagination={false} data-testid="seal-register" columns={[
              { title: '印章', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind', render: (v: string) => SEAL_KIND[v] ?? v }, { title: '所属科室', dataIndex: 'ownerUnitName' },
              { title: '保管人', dataIndex: 'keeperName' }, { title: '今日代管', dataIndex: 'tempKeeperName' },
              { title: '状态', render: (_: unknown, s: Seal) => <Tag color={s.status === 'active' ? 'green' : 'default'}>{SEAL_STATUS[s.status] ?? s.status}{s.stopReason ? `（${STOP_REASON[s.stopReason] ?? s.stopReason}）` : ''}</Tag> },
              { title: '', render: (_: unknown, s: Seal) => s.status === 'active' && (
                <Button size="small" data-testid={`seal-temp-${s.id}`} onClick={() => { tempForm.resetFields(); tempForm.setFieldsValue({ startDate: today(), endDate: today() }); setTempFor(s); }}>指定临时代管人</Button>
              ) },
            ]} />
          </>
        ) },
        { key: 'temps', label: '临时代管记录', children: (
          <Table rowKey="id" dataSource={temps} pagination={{ pageSize: 20 }} columns={[
            { title: '印章', dataIndex: 'sealName' }, { title: '代管人', dataIndex: 'personName' }, { title: '开始', dataIndex: 'startDate' }, { title: '结束', dataIndex: 'endDate' },
            { title: '保管人外出事由', dataIndex: 'reason' }, { title: '指定人', dataIndex: 'designatedByName' }, { title: '', render: (_: unknown, t: TempKeeper) => t.current && <Tag color="blue">代管中</Tag> },
          ]} />
        ) },
        { key: 'loss', label: `遗失案件（${openCases.length}）`, children: (
          <Table rowKey="id" dataSource={cases} pagination={false} data-testid="seal-loss-cases" columns={[
            { title: '印章', dataIndex: 'sealName' }, { title: '发现日期', dataIndex: 'discoveredOn' }, { title: '情形', render: (_: unknown, c: LossCase) => (c.theft ? '被盗' : '遗失') },
            { title: '报告办领导', render: (_: unknown, c: LossCase) => c.reportedToName ?? <Button size="small" onClick={() => { stepForm.resetFields(); setStepFor({ c, step: 'report' }); }}>登记报告</Button> },
            { title: '登报声明作废', render: (_: unknown, c: LossCase) => c.voidDeclarationRef ?? <Button size="small" onClick={() => { stepForm.resetFields(); setStepFor({ c, step: 'void' }); }}>登记声明</Button> },
            { title: '报有关部门备案', render: (_: unknown, c: LossCase) => c.filingRef ?? <Button size="small" onClick={() => { stepForm.resetFields(); setStepFor({ c, step: 'filing' }); }}>登记备案</Button> },
            { title: '状态', render: (_: unknown, c: LossCase) => <Tag color={c.closedAt ? 'green' : 'red'}>{c.closedAt ? '已办结' : '办理中'}</Tag> },
          ]} />
        ) },
      ]} />

      <Modal open={!!tempFor} title={`指定临时代管人：${tempFor?.name ?? ''}`} okButtonProps={{ 'data-testid': 'seal-temp-ok' } as never} onCancel={() => setTempFor(null)}
        onOk={async () => { const v = await tempForm.validateFields(); if (await act(() => api.post(`/seals/${tempFor!.id}/temp-keepers`, v), '已指定临时代管人')) setTempFor(null); }}>
        <Alert type="info" style={{ marginBottom: 12 }} title="保管人外出须事前报告，由综合科分管领导指定代管人（SEAL-12、CONF-126）。" />
        <Form form={tempForm} layout="vertical">
          <Form.Item label="代管人" name="personId" rules={[{ required: true, message: '请选择代管人' }]}><Select showSearch optionFilterProp="label" options={people} data-testid="seal-temp-person" /></Form.Item>
          <Space><Form.Item label="开始日期" name="startDate" rules={[{ required: true }]}><Input type="date" data-testid="seal-temp-start" /></Form.Item><Form.Item label="结束日期" name="endDate" rules={[{ required: true }]}><Input type="date" data-testid="seal-temp-end" /></Form.Item></Space>
          <Form.Item label="保管人外出事由" name="reason" rules={[{ required: true, message: '请填写事由' }]}><Input maxLength={200} data-testid="seal-temp-reason" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={stopOpen} title="停用印章" okButtonProps={{ danger: true, 'data-testid': 'seal-stop-ok' } as never} onCancel={() => setStopOpen(false)}
        onOk={async () => {
          const v = await stopForm.validateFields();
          if (await act(() => api.post('/seals/stop', { reason: v.reason, sealIds: v.reason === 'renamed' ? undefined : v.sealIds }), '印章已停用')) setStopOpen(false);
        }}>
        <Alert type="warning" style={{ marginBottom: 12 }} title="单位名称变动时全部在用印章停止使用；印章损坏的停止使用。停用须经综合科分管领导批准，停用后由综合科统一封存或送销毁（SEAL-11）。" />
        <Form form={stopForm} layout="vertical" initialValues={{ reason: 'damaged' }}>
          <Form.Item label="停用原因" name="reason"><Radio.Group options={[{ value: 'damaged', label: '使用损坏' }, { value: 'renamed', label: '单位名称变动（全部印章）' }]} /></Form.Item>
          {stopReason !== 'renamed' && <Form.Item label="印章" name="sealIds" rules={[{ required: true, message: '请选择印章' }]}>
            <Checkbox.Group data-testid="seal-stop-ids" options={active.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>}
        </Form>
      </Modal>
      <Modal open={!!stepFor} title={`遗失案件：${stepFor?.c.sealName ?? ''}`} onCancel={() => setStepFor(null)}
        onOk={async () => {
          const v = await stepForm.validateFields();
          const body = stepFor!.step === 'report' ? { reportedToPersonId: v.value } : stepFor!.step === 'void' ? { voidDeclarationRef: v.value } : { filingRef: v.value };
          if (await act(() => api.post(`/seals/loss-cases/${stepFor!.c.id}`, body), '已登记')) setStepFor(null);
        }}>
        <Form form={stepForm} layout="vertical">
          {stepFor?.step === 'report'
            ? <Form.Item label="已报告的办领导" name="value" rules={[{ required: true, message: '请选择办领导' }]}><Select options={leaders} /></Form.Item>
            : <Form.Item label={stepFor?.step === 'void' ? '遗失声明（报刊名称、日期、版次）' : '备案部门及文号'} name="value" rules={[{ required: true, min: 2, message: '请填写' }]}><Input maxLength={200} /></Form.Item>}
        </Form>
      </Modal>
    </Card>
  );
}

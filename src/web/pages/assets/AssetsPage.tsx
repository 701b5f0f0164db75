import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { PersonPicker } from '../flow/PersonPicker';

/**
 * 固定资产 (财务管理制度 五): the ledger by using department, 综合科's registration, issue,
 * 调拨 and return, disposal with approval and the remittance to 市财政, reconciliation and the
 * yearly stocktake; 工会经费 (六): dues and allocation computed from the salary list, the ledger.
 */
const yuan = (fen: number | null | undefined) => (fen == null ? '' : `${(fen / 100).toFixed(2)}元`);
const SOURCE: Record<string, string> = { purchase: '购置', donation: '接受捐赠', transfer_in: '无偿调入' };
const STATUS: Record<string, string> = { registered: '在库', in_use: '在用', disposing: '处置中', disposed: '已处置', pending: '审批中', approved: '已批准', rejected: '未批准', closed: '已办结' };
interface Asset { id: string; assetNo: string; name: string; specModel: string; originalValueFen: number; source: string; unitId: string; unitName: string; holderName: string | null; location: string; status: string; ledgerRegistered: boolean; cardNo: string | null }
interface Unit { id: string; name: string }
interface UnitTree { id: string; name: string; children: UnitTree[] }

function Ledger() {
  const [items, setItems] = useState<Asset[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [target, setTarget] = useState<Record<string, string>>({});
  const [form] = Form.useForm();
  const { can } = useAuth();
  const { message } = App.useApp();
  const load = () => api.get<{ items: Asset[] }>('/assets').then((r) => setItems(r.items), setError);
  useEffect(() => {
    load();
    api.get<{ units: UnitTree[] }>('/org/units').then((r) => {
      const flat: Unit[] = [];
      const walk = (n: UnitTree) => { flat.push({ id: n.id, name: n.name }); n.children.forEach(walk); };
      r.units.forEach(walk);
      setUnits(flat);
    }, () => undefined);
  }, []);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setError(null);
    try { await fn(); message.success(ok); load(); } catch (e) { setError(e); }
  };
  const byUnit = [...new Set(items.map((a) => a.unitName))];
  return (
    <Card title="固定资产台账（按使用部门）" extra={<Button href={downloadUrl('/assets/ledger.xlsx')}>导出固定资产台账（XLSX）</Button>}>
      <ErrorAlert error={error} />
      {can('assets.manage') && (
        <Form form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ source: 'purchase', quantity: 1 }}>
          <Form.Item name="assetNo" rules={[{ required: true, message: '编号' }]}><Input placeholder="资产编号" style={{ width: 110 }} /></Form.Item>
          <Form.Item name="name" rules={[{ required: true, message: '名称' }]}><Input placeholder="名称" /></Form.Item>
          <Form.Item name="category" rules={[{ required: true, message: '类别' }]}><Input placeholder="类别" style={{ width: 100 }} /></Form.Item>
          <Form.Item name="specModel"><Input placeholder="规格型号" /></Form.Item>
          <Form.Item name="value" rules={[{ required: true, message: '原值' }]}><InputNumber min={0} precision={2} placeholder="原值（元）" /></Form.Item>
          <Form.Item name="acquiredOn" rules={[{ required: true, message: '日期' }]}><Input type="date" /></Form.Item>
          <Form.Item name="source"><Select style={{ width: 110 }} options={Object.entries(SOURCE).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="unitId" rules={[{ required: true, message: '使用部门' }]}><Select style={{ width: 150 }} placeholder="使用部门" options={units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="location"><Input placeholder="存放地点" style={{ width: 110 }} /></Form.Item>
          <Button onClick={() => act(async () => {
            const v = await form.validateFields();
            await api.post('/assets', { assetNo: v.assetNo, name: v.name, category: v.category, specModel: v.specModel ?? '', quantity: 1, originalValueFen: Math.round(v.value * 100), acquiredOn: v.acquiredOn, source: v.source, unitId: v.unitId, location: v.location ?? '' });
            form.resetFields(['assetNo', 'name', 'value']);
          }, '已验收登记')}>验收登记</Button>
        </Form>
      )}
      {byUnit.map((unit) => (
        <div key={unit} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{unit}（{items.filter((a) => a.unitName === unit).length} 项，原值 {yuan(items.filter((a) => a.unitName === unit).reduce((s, a) => s + a.originalValueFen, 0))}）</Typography.Title>
          <Table size="small" rowKey="id" pagination={false} dataSource={items.filter((a) => a.unitName === unit)} columns={[
            { title: '编号', dataIndex: 'assetNo' }, { title: '名称', dataIndex: 'name' }, { title: '规格型号', dataIndex: 'specModel' },
            { title: '原值', dataIndex: 'originalValueFen', render: (v: number) => yuan(v) }, { title: '来源', dataIndex: 'source', render: (v: string) => SOURCE[v] ?? v },
            { title: '使用人', dataIndex: 'holderName' }, { title: '财务卡片', dataIndex: 'cardNo', render: (v: string | null) => v ?? <Tag color="orange">未登记</Tag> },
            { title: '状态', dataIndex: 'status', render: (v: string) => STATUS[v] ?? v },
            {
              title: '操作', render: (_: unknown, a: Asset) => (
                <Space size="small" wrap>
                  {!a.cardNo && <Button size="small" onClick={() => act(() => api.post(`/assets/${a.id}/card`, { cardNo: `KP-${a.assetNo}` }), '已建立登记卡片')}>财务登记卡片</Button>}
                  {can('assets.manage') && (
                    <>
                      <Select size="small" style={{ width: 120 }} placeholder="调入部门" options={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v) => setTarget((x) => ({ ...x, [a.id]: v }))} />
                      <Button size="small" onClick={() => act(() => api.post(`/assets/${a.id}/transfer`, { toUnitId: target[a.id] }), '已调拨')}>调拨</Button>
                      {a.holderName && <Button size="small" onClick={() => act(() => api.post(`/assets/${a.id}/return`), '已交还')}>交还</Button>}
                    </>
                  )}
                  {!can('assets.manage') && <Button size="small" onClick={() => act(() => api.post(`/assets/${a.id}/reassign`, { toUnitId: target[a.id] ?? a.unitId }), '')}>申请调换部门</Button>}
                </Space>
              ),
            },
          ]} />
        </div>
      ))}
    </Card>
  );
}

interface Disposal { id: string; flowInstanceId: string; kind: string; reason: string; bookValueFen: number; status: string; proceedsFen: number | null; remittedFen: number | null; remittedOn: string | null; assetCount: number; decisionTitle: string | null; decidedOn: string | null }
interface Decision { id: string; title: string; decidedOn: string; bodyName: string; amountFen: number | null }

/** ASSET-10 with PG-S6 / SZYD-05: a large disposal picks the 党组 decision that covers its book value. */
function useDisposalDecisions(assets: Asset[], selected: string[] | undefined) {
  const [options, setOptions] = useState<{ items: Decision[]; largeLineFen: number } | null>(null);
  const valueFen = assets.filter((a) => selected?.includes(a.id)).reduce((s, a) => s + a.originalValueFen, 0);
  useEffect(() => {
    if (!selected?.length) return setOptions(null);
    api.get<{ items: Decision[]; largeLineFen: number }>(`/assets/disposals/decisions?amountFen=${valueFen}`).then(setOptions, () => setOptions(null));
  }, [valueFen, selected?.length]);
  return { valueFen, large: !!options && valueFen >= options.largeLineFen, options };
}

function Disposals() {
  const [items, setItems] = useState<Disposal[]>([]);
  const [assets, setAssets] = useState<Asset[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [amounts, setAmounts] = useState<Record<string, number>>({});
  const [form] = Form.useForm();
  const selected = Form.useWatch('assetIds', form) as string[] | undefined;
  const { valueFen, large, options } = useDisposalDecisions(assets, selected);
  const { message } = App.useApp();
  const load = () => {
    api.get<{ items: Disposal[] }>('/assets/disposals').then((r) => setItems(r.items), setError);
    api.get<{ items: Asset[] }>('/assets').then((r) => setAssets(r.items), setError);
  };
  useEffect(load, []);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setError(null);
    try { await fn(); message.success(ok); load(); } catch (e) { setError(e); }
  };
  return (
    <Card title="固定资产处置（未经批准不得擅自处置；残值变价收入一律上交市财政）">
      <ErrorAlert error={error} />
      <Form form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ kind: 'scrap' }}>
        <Form.Item name="assetIds" rules={[{ required: true, message: '资产' }]}><Select mode="multiple" style={{ width: 320 }} placeholder="选择资产" options={assets.filter((a) => a.status !== 'disposing').map((a) => ({ value: a.id, label: `${a.assetNo} ${a.name}` }))} /></Form.Item>
        <Form.Item name="kind"><Select style={{ width: 90 }} options={[{ value: 'loss', label: '报损' }, { value: 'scrap', label: '报废' }, { value: 'sale', label: '变卖' }]} /></Form.Item>
        <Form.Item name="reason" rules={[{ required: true, message: '原因' }]}><Input placeholder="处置原因" /></Form.Item>
        {large && (
          <Form.Item name="decisionId" rules={[{ required: true, message: '大额资产处置须选择党组决定' }]}>
            <Select data-testid="disposal-decision" style={{ width: 360 }} placeholder="选择党组集体研究决定（大额资产处置）" notFoundContent="没有金额能覆盖本次处置的有效决定"
              options={options?.items.map((d) => ({ value: d.id, label: `${d.title}（${d.bodyName} ${d.decidedOn}${d.amountFen != null ? `，${yuan(d.amountFen)}` : ''}${d.bodyName === '党组会议' ? '' : '，须向党组通报'}）` }))} />
          </Form.Item>
        )}
        <Button onClick={() => act(async () => {
          const v = await form.validateFields();
          const decision = large ? options?.items.find((d) => d.id === v.decisionId) : undefined;
          // A 主任办公会议 decision is allowed with the CONF-23 warning, shown in its label.
          const acknowledged = decision && decision.bodyName !== '党组会议' ? ['ASSET-10'] : [];
          await api.post('/assets/disposals', { form: { assetIds: v.assetIds, kind: v.kind, reason: v.reason, decisionId: decision?.id ?? null }, acknowledged });
          form.resetFields();
        }, '已提交处置审批')}>提交处置审批</Button>
      </Form>
      {selected?.length ? (
        <Typography.Paragraph type={large ? 'warning' : 'secondary'}>
          所选资产账面价值 {yuan(valueFen)}{large ? `，达到 ${yuan(options!.largeLineFen)}，属大额资产处置，须先经办党组集体研究决定并在此关联（ASSET-10；党组议事规则一（六）、“三重一大”四（三））` : ''}
        </Typography.Paragraph>
      ) : null}
      <Space style={{ marginBottom: 8 }}><a href={downloadUrl('/assets/disposals.xlsx')}>导出资产处置登记簿（XLSX）</a></Space>
      <Table rowKey="id" dataSource={items} pagination={false} columns={[
        { title: '方式', dataIndex: 'kind', render: (v: string) => ({ loss: '报损', scrap: '报废', sale: '变卖' }[v] ?? v) }, { title: '资产数', dataIndex: 'assetCount' },
        { title: '账面价值', dataIndex: 'bookValueFen', render: (v: number) => yuan(v) }, { title: '原因', dataIndex: 'reason' },
        { title: '党组决定', render: (_: unknown, d: Disposal) => (d.decisionTitle ? `${d.decisionTitle}（${d.decidedOn}）` : '') },
        { title: '状态', dataIndex: 'status', render: (v: string) => STATUS[v] ?? v },
        { title: '变价收入', dataIndex: 'proceedsFen', render: (v: number | null) => yuan(v) }, { title: '已上交市财政', render: (_: unknown, d: Disposal) => (d.remittedFen != null ? `${yuan(d.remittedFen)}（${d.remittedOn}）` : '') },
        {
          title: '', render: (_: unknown, d: Disposal) => (
            <Space size="small" wrap>
              <Link to={`/flow/instances/${d.flowInstanceId}`}>审批</Link>
              {d.status === 'approved' && (
                <>
                  <InputNumber size="small" min={0} precision={2} placeholder="金额（元）" onChange={(v) => setAmounts((x) => ({ ...x, [d.id]: Math.round(Number(v ?? 0) * 100) }))} />
                  {d.proceedsFen == null && <Button size="small" onClick={() => act(() => api.post(`/assets/disposals/${d.id}/proceeds`, { proceedsFen: amounts[d.id] ?? 0, target: 'city_finance' }), '已登记')}>登记变价收入</Button>}
                  {d.proceedsFen != null && d.remittedFen == null && <Button size="small" onClick={() => act(() => api.post(`/assets/disposals/${d.id}/remit`, { amountFen: amounts[d.id] ?? d.proceedsFen, remittedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), voucher: '非税收入缴款书' }), '已上交市财政')}>上交市财政</Button>}
                  <Button size="small" onClick={() => act(() => api.post(`/assets/disposals/${d.id}/close`), '已办结')}>办结</Button>
                </>
              )}
            </Space>
          ),
        },
      ]} />
    </Card>
  );
}

function Checks() {
  const [data, setData] = useState<{ reconciliations: { id: string; period: string; doneOn: string; closed: boolean; explanation: string | null; checks: Record<string, boolean> }[]; stocktakes: { id: string; year: number; doneOn: string; counted: number }[] }>({ reconciliations: [], stocktakes: [] });
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const load = () => api.get<typeof data>('/assets/checks').then(setData, setError);
  useEffect(() => { load(); }, []);
  const act = async (fn: () => Promise<unknown>) => { setError(null); try { await fn(); load(); } catch (e) { setError(e); } };
  return (
    <Card title="对账（账账、账卡、账实相符）与年度盘点">
      <ErrorAlert error={error} />
      <Form form={form} layout="inline" style={{ marginBottom: 12 }} initialValues={{ physical: 'yes' }}>
        <Form.Item name="period" rules={[{ required: true, message: '期间' }]}><Input placeholder="对账期间，如 2026-Q4" /></Form.Item>
        <Form.Item name="physical"><Select style={{ width: 120 }} options={[{ value: 'yes', label: '账实相符' }, { value: 'no', label: '账实不符' }]} /></Form.Item>
        <Form.Item name="explanation"><Input placeholder="差异说明" style={{ width: 260 }} /></Form.Item>
        <Button onClick={() => act(async () => { const v = await form.validateFields(); await api.post('/assets/reconciliations', { period: v.period, physicalMatches: v.physical === 'yes', explanation: v.explanation || null }); })}>对账</Button>
        <Button onClick={() => act(() => api.post('/assets/stocktakes', { year: Number(new Date().getFullYear()), discrepancies: [] }))}>完成本年度盘点</Button>
      </Form>
      <Table rowKey="id" dataSource={data.reconciliations} pagination={false} columns={[
        { title: '期间', dataIndex: 'period' }, { title: '日期', dataIndex: 'doneOn' },
        { title: '账账', render: (_: unknown, r: (typeof data.reconciliations)[number]) => (r.checks.ledgerVsAccount ? '相符' : '不符') },
        { title: '账卡', render: (_: unknown, r: (typeof data.reconciliations)[number]) => (r.checks.ledgerVsCards ? '相符' : '不符') },
        { title: '账实', render: (_: unknown, r: (typeof data.reconciliations)[number]) => (r.checks.ledgerVsPhysical ? '相符' : '不符') },
        { title: '说明', dataIndex: 'explanation' }, { title: '状态', dataIndex: 'closed', render: (v: boolean) => (v ? '已结束' : <Tag color="orange">待说明差异</Tag>) },
      ]} />
      <Table style={{ marginTop: 12 }} rowKey="id" dataSource={data.stocktakes} pagination={false} columns={[{ title: '年度', dataIndex: 'year' }, { title: '盘点日期', dataIndex: 'doneOn' }, { title: '盘点数量', dataIndex: 'counted' }]} />
    </Card>
  );
}

interface UnionLedger { entries: { id: string; direction: string; categoryLabel: string; amountFen: number; onDate: string; summary: string }[]; incomeFen: number; expenseFen: number; byCategory: { direction: string; label: string; amountFen: number }[] }
function Union() {
  const year = new Date().getFullYear();
  const [ledger, setLedger] = useState<UnionLedger | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string>('');
  const [dues] = Form.useForm();
  const [entry] = Form.useForm();
  const { can } = useAuth();
  const load = () => api.get<UnionLedger>(`/union/ledger?year=${year}`).then(setLedger, setError);
  useEffect(() => { load(); }, []);
  const act = async (fn: () => Promise<unknown>) => { setError(null); try { await fn(); load(); } catch (e) { setError(e); } };
  return (
    <Card title="工会经费" extra={<Button href={downloadUrl(`/union/ledger.xlsx?year=${year}`)}>导出工会经费台账（XLSX）</Button>}>
      <ErrorAlert error={error} />
      {can('union.manage') && (
        <>
          <Typography.Paragraph type="secondary">会费按本人工资收入的5‰计算，拨缴经费按全部职工工资总额的2%计算，均以分为单位四舍五入（财务管理制度六（一））。工资表每行“姓名 金额（元）”。</Typography.Paragraph>
          <Form form={dues} layout="inline" style={{ marginBottom: 12 }}>
            <Form.Item name="period" rules={[{ required: true, message: '月份' }]}><Input placeholder="月份 YYYY-MM" style={{ width: 120 }} /></Form.Item>
            <Form.Item name="lines" rules={[{ required: true, message: '工资表' }]}><Input.TextArea rows={3} placeholder={'张三 5000.00\n李四 4321.00'} style={{ width: 260 }} /></Form.Item>
            <Button onClick={() => act(async () => {
              const v = await dues.validateFields();
              const lines = String(v.lines).split('\n').map((l) => l.trim().split(/\s+/)).filter((p) => p.length >= 2).map(([memberName, amount]) => ({ memberName, salaryFen: Math.round(Number(amount) * 100) }));
              const r = await api.post<{ totalFen: number; members: unknown[] }>('/union/dues', { period: v.period, lines });
              const payroll = lines.reduce((s, l) => s + l.salaryFen, 0);
              const a = await api.post<{ grossFen: number; retainedFen: number }>('/union/allocations', { period: v.period, payrollFen: payroll, employees: lines.length });
              setResult(`会费 ${r.members.length} 人合计 ${yuan(r.totalFen)}；拨缴经费 ${yuan(a.grossFen)}，留成 ${yuan(a.retainedFen)}`);
            })}>计算会费与拨缴经费</Button>
          </Form>
          {result && <Typography.Paragraph>{result}</Typography.Paragraph>}
          <Form form={entry} layout="inline" style={{ marginBottom: 12 }} initialValues={{ direction: 'expense', category: 'activities' }}>
            <Form.Item name="direction"><Select style={{ width: 80 }} options={[{ value: 'income', label: '收入' }, { value: 'expense', label: '支出' }]} /></Form.Item>
            <Form.Item name="category"><Select style={{ width: 150 }} options={[['activities', '职工活动支出'], ['rights', '维权支出'], ['operations', '业务支出'], ['capital', '资本性支出'], ['undertaking', '事业支出'], ['other', '其他支出'], ['higher_subsidy', '上级工会补助收入'], ['admin_subsidy', '行政补助收入']].map(([value, label]) => ({ value, label }))} /></Form.Item>
            <Form.Item name="amount" rules={[{ required: true, message: '金额' }]}><InputNumber min={0} precision={2} placeholder="金额（元）" /></Form.Item>
            <Form.Item name="onDate" rules={[{ required: true, message: '日期' }]}><Input type="date" /></Form.Item>
            <Form.Item name="summary" rules={[{ required: true, message: '摘要' }]}><Input placeholder="摘要" /></Form.Item>
            <Form.Item name="standardItem"><Select allowClear style={{ width: 170 }} placeholder="开支标准" options={[{ value: '节日慰问（每人每节）', label: '节日慰问（每人每节）' }]} /></Form.Item>
            <Form.Item name="persons"><InputNumber min={1} placeholder="人数" /></Form.Item>
            <Button onClick={() => act(async () => { const v = await entry.validateFields(); await api.post('/union/entries', { direction: v.direction, category: v.category, amountFen: Math.round(v.amount * 100), onDate: v.onDate, summary: v.summary, standardItem: v.standardItem ?? null, persons: v.persons ?? null }); })}>登记</Button>
          </Form>
        </>
      )}
      {ledger && <Typography.Paragraph strong>{year}年收入 {yuan(ledger.incomeFen)}，支出 {yuan(ledger.expenseFen)}，结余 {yuan(ledger.incomeFen - ledger.expenseFen)}</Typography.Paragraph>}
      <Table rowKey="id" size="small" dataSource={ledger?.entries ?? []} pagination={{ pageSize: 20 }} columns={[
        { title: '日期', dataIndex: 'onDate' }, { title: '收支', dataIndex: 'direction', render: (v: string) => (v === 'income' ? '收入' : '支出') },
        { title: '类别', dataIndex: 'categoryLabel' }, { title: '摘要', dataIndex: 'summary' }, { title: '金额', dataIndex: 'amountFen', render: (v: number) => yuan(v) },
      ]} />
    </Card>
  );
}

export default function AssetsPage() {
  const { can } = useAuth();
  return (
    <Tabs items={[
      { key: 'ledger', label: '固定资产台账', children: <Ledger /> },
      ...(can('assets.manage') ? [{ key: 'disposals', label: '资产处置', children: <Disposals /> }, { key: 'checks', label: '对账与盘点', children: <Checks /> }] : []),
      ...(can('union.read') ? [{ key: 'union', label: '工会经费', children: <Union /> }] : []),
    ]} />
  );
}

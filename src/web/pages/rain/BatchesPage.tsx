import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Input, Space, Table, Tag } from 'antd';
import { api, downloadUrl } from '../../lib/api';
import { ErrorAlert, useErrorToast } from '../../lib/errors';
import { BATCH_STATUS, COUNTY_DEFAULT, currentSemester, semesterLabel, SemesterSelect, today, yuan } from './common';

interface Batch { id: string; countyCode: string; semester: string; status: string; fundSource: string; lineCount: number; totalFen: number; submittedOn: string | null; paidOn: string | null; flowRef: string | null }
interface Line { id: string; studentName: string; idMasked: string; householdCode: string; householderName: string; townshipName: string; villageCode: string; villageName: string; schoolName: string; amountFen: number; accountMasked: string; status: string; enteredOn: string | null; informedOn: string | null; townshipFiledOn: string | null; villageFiledOn: string | null }
interface Detail extends Batch { lines: Line[]; copies: { recipient: string; name: string; level: string; copiedOn: string | null }[] }

/** 发放批次: list + funds + accounts to the finance bureau, the flow and its copies, confirmation slips, entry. */
export default function BatchesPage() {
  const [semester, setSemester] = useState(currentSemester());
  const [list, setList] = useState<Batch[]>([]);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [flowRef, setFlowRef] = useState('');
  const [error, setError] = useState<unknown>(null);
  const toast = useErrorToast();
  const { message } = App.useApp();
  const load = useCallback(() => api.get<{ items: Batch[] }>(`/rain/batches?semester=${semester}`).then((r) => setList(r.items), setError), [semester]);
  useEffect(() => void load(), [load]);
  const open = (id: string) => api.get<Detail>(`/rain/batches/${id}`).then(setDetail, toast);
  const create = async () => {
    setError(null);
    try {
      const b = await api.post<{ id: string; lineCount: number; totalFen: number }>('/rain/batches', { countyCode: COUNTY_DEFAULT, semester });
      message.success(`已生成发放批次：${b.lineCount} 人，${yuan(b.totalFen)} 元`);
      await load();
      await open(b.id);
    } catch (e) {
      setError(e);
    }
  };
  const act = async (path: string, body: unknown, done: string) => {
    try {
      await api.post(`/rain/batches/${detail!.id}/${path}`, body);
      message.success(done);
      await open(detail!.id);
      void load();
    } catch (e) {
      toast(e);
    }
  };
  const confirmLine = (l: Line) => api.post(`/rain/payments/${l.id}/confirmation`, { informedOn: today(), townshipFiledOn: today(), villageFiledOn: today() }).then(() => open(detail!.id), toast);
  const enter = (ids: string[]) => api.post('/rain/entries', { paymentIds: ids, enteredOn: today() }).then(() => open(detail!.id), toast);
  const villages = detail ? [...new Map(detail.lines.map((l) => [l.villageCode, l.villageName])).entries()] : [];
  return (
    <Card title="补助发放批次" extra={<Space><SemesterSelect value={semester} onChange={setSemester} /><Button type="primary" onClick={create} data-testid="create-batch">生成发放批次</Button></Space>}>
      <ErrorAlert error={error} />
      <Table<Batch> rowKey="id" size="small" dataSource={list} onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })} columns={[
        { title: '批次', dataIndex: 'id' },
        { title: '学期', dataIndex: 'semester', render: semesterLabel },
        { title: '人数', dataIndex: 'lineCount' },
        { title: '金额（元）', dataIndex: 'totalFen', align: 'right', render: yuan },
        { title: '资金来源', dataIndex: 'fundSource' },
        { title: '状态', dataIndex: 'status', render: (s: string) => <Tag data-testid="batch-status">{BATCH_STATUS[s] ?? s}</Tag> },
        { title: '发放日期', dataIndex: 'paidOn' },
      ]} />
      <Drawer open={detail !== null} width={1000} title={detail ? `发放批次 ${detail.id}` : ''} onClose={() => setDetail(null)}>
        {detail && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={3} items={[
              { label: '学期', children: semesterLabel(detail.semester) },
              { label: '人数 / 金额', children: `${detail.lineCount} 人 / ${yuan(detail.totalFen)} 元` },
              { label: '资金来源', children: detail.fundSource },
              { label: '状态', children: BATCH_STATUS[detail.status] },
              { label: '提交财政局', children: detail.submittedOn ?? '—' },
              { label: '补助流水', children: detail.flowRef ? `${detail.flowRef}（${detail.paidOn}）` : '—' },
            ]} />
            <Space wrap>
              <Button href={downloadUrl(`/rain/batches/${detail.id}/list.xlsx`)} data-testid="export-list">导出发放名单（脱敏）</Button>
              <Button href={downloadUrl(`/rain/batches/${detail.id}/finance.xlsx`)} data-testid="export-finance">导出财政局发放清单（含完整账号，留痕）</Button>
              {detail.status === 'draft' && <Button type="primary" onClick={() => act('submit', { submittedOn: today() }, '已提交县级财政局')}>提交县级财政局</Button>}
              {detail.status === 'submitted' && (
                <>
                  <Input style={{ width: 220 }} placeholder="补助流水号" value={flowRef} onChange={(e) => setFlowRef(e.target.value)} />
                  <Button type="primary" disabled={!flowRef.trim()} onClick={() => act('paid', { paidOn: today(), flowRef }, '已登记发放')}>登记财政局发放</Button>
                </>
              )}
              {detail.status === 'paid' && villages.map(([code, name]) => <Button key={code} href={downloadUrl(`/rain/batches/${detail.id}/slips.pdf?village=${code}`)} target="_blank">打印资助确认单（{name}）</Button>)}
              {detail.status === 'paid' && <Button onClick={() => enter(detail.lines.filter((l) => !l.enteredOn).map((l) => l.id))}>登记全部已录入全国系统</Button>}
            </Space>
            {detail.copies.length > 0 && (
              <Descriptions size="small" title="补助流水抄送（RAIN-18）" column={3} items={detail.copies.map((c) => ({
                label: c.name,
                children: c.copiedOn ?? <Button size="small" onClick={() => act('copies', { recipient: c.recipient, copiedOn: today() }, '已登记抄送')}>登记抄送</Button>,
              }))} />
            )}
            <Table<Line> rowKey="id" size="small" dataSource={detail.lines} pagination={{ pageSize: 50 }} columns={[
              { title: '乡镇', dataIndex: 'townshipName' },
              { title: '村', dataIndex: 'villageName' },
              { title: '户主', dataIndex: 'householderName' },
              { title: '一卡通账号', dataIndex: 'accountMasked' },
              { title: '学生', dataIndex: 'studentName' },
              { title: '证件号码', dataIndex: 'idMasked' },
              { title: '学校', dataIndex: 'schoolName' },
              { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: yuan },
              { title: '发放确认', key: 'c', render: (_, l) => (l.informedOn ? l.informedOn : detail.status === 'paid' ? <Button size="small" onClick={() => confirmLine(l)}>登记确认</Button> : '—') },
              { title: '录入系统', dataIndex: 'enteredOn', render: (d: string | null) => d ?? '—' },
            ]} />
          </Space>
        )}
      </Drawer>
    </Card>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Card, Empty, Input, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';

interface RuleParam {
  key: string;
  label: string;
  value: unknown;
  default: unknown;
  unit?: string;
  demo: boolean;
}

interface Rule {
  id: string;
  family: string;
  cite: string;
  text: string;
  regulation: string;
  enforcement: string;
  enforcementLabel: string;
  params: RuleParam[];
}

const ENFORCEMENT_COLOR: Record<string, string> = {
  enforce: 'red',
  warn: 'orange',
  compute: 'blue',
  record: 'purple',
  remind: 'cyan',
  report: 'geekblue',
};

function formatValue(v: unknown, unit?: string): string {
  let s: string;
  if (typeof v === 'boolean') s = v ? '是' : '否';
  else if (Array.isArray(v)) s = v.map((x) => formatValue(x)).join('、');
  else if (v !== null && typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return unit ? `${s} ${unit}` : s;
}

function ParamLine({ p }: { p: RuleParam }) {
  const changed = JSON.stringify(p.value) !== JSON.stringify(p.default);
  return (
    <div>
      <Typography.Text type="secondary">{p.label}：</Typography.Text>
      <Typography.Text strong>{formatValue(p.value, p.unit)}</Typography.Text>
      {p.demo && (
        <Tooltip title="制度未明确规定此数值，这是演示单位选定的值，正式使用前应由本单位确定">
          <Tag color="gold" style={{ marginLeft: 8 }}>
            演示值
          </Tag>
        </Tooltip>
      )}
      {changed && (
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          （本单位设定；默认 {formatValue(p.default, p.unit)}）
        </Typography.Text>
      )}
    </div>
  );
}

function RuleItem({ r }: { r: Rule }) {
  return (
    <div style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`rule-${r.id}`}>
      <Space wrap size={8}>
        <Typography.Text code>{r.id}</Typography.Text>
        <Tag color={ENFORCEMENT_COLOR[r.enforcement]}>{r.enforcementLabel}</Tag>
        <Typography.Text type="secondary">{r.cite}</Typography.Text>
      </Space>
      <div style={{ margin: '6px 0' }}>{r.text}</div>
      {r.params.length > 0 && (
        <div style={{ paddingLeft: 12, borderLeft: '3px solid #f5f5f5' }}>
          {r.params.map((p) => (
            <ParamLine key={p.key} p={p} />
          ))}
        </div>
      )}
    </div>
  );
}

/** Search text of a rule; "演示值" finds the rules whose numbers the demo office chose. */
const matches = (r: Rule, q: string) =>
  [r.id, r.cite, r.text, r.regulation, r.enforcementLabel, ...r.params.map((p) => p.label), r.params.some((p) => p.demo) ? '演示值' : '']
    .some((s) => s.toLowerCase().includes(q));

/** 制度执行一览: every rule the software enforces, grouped by regulation, with its numbers. */
export default function RulesPage() {
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [q, setQ] = useState('');
  const [enforcement, setEnforcement] = useState<string | undefined>();

  useEffect(() => {
    api
      .get<{ rules: Rule[] }>('/rules')
      .then((r) => setRules(r.rules))
      .catch(setError);
  }, []);

  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const byReg = new Map<string, Rule[]>();
    for (const r of rules ?? []) {
      if (needle && !matches(r, needle)) continue;
      if (enforcement && r.enforcement !== enforcement) continue;
      const list = byReg.get(r.regulation) ?? [];
      list.push(r);
      byReg.set(r.regulation, list);
    }
    return [...byReg.entries()];
  }, [rules, q, enforcement]);
  const kinds = useMemo(() => [...new Map((rules ?? []).map((r) => [r.enforcement, r.enforcementLabel])).entries()], [rules]);

  const shown = groups.reduce((n, [, list]) => n + list.length, 0);
  const demoCount = (rules ?? []).reduce((n, r) => n + r.params.filter((p) => p.demo).length, 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          制度执行一览
        </Typography.Title>
        <Typography.Text type="secondary">
          本系统依据本单位制度自动执行、提示或计算的规则，逐条注明出处。
          {rules ? `共 ${new Set(rules.map((r) => r.regulation)).size} 项制度、${rules.length} 条规则` : ''}
          {demoCount > 0 ? `，其中 ${demoCount} 个参数为演示值` : ''}
        </Typography.Text>
      </div>
      <Space wrap>
        <Input.Search
          placeholder="搜索规则编号、条款、内容或参数（输入“演示值”可查看演示参数）"
          allowClear
          onChange={(e) => setQ(e.target.value)}
          onSearch={setQ}
          style={{ width: 420 }}
        />
        <Select
          allowClear
          placeholder="执行方式"
          value={enforcement}
          onChange={setEnforcement}
          style={{ width: 140 }}
          options={kinds.map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <ErrorAlert error={error} />
      {!rules && !error ? (
        <Spin />
      ) : groups.length === 0 ? (
        <Empty description={q || enforcement ? '没有符合条件的规则' : '尚未登记规则'} />
      ) : (
        <>
          {(q || enforcement) && <Typography.Text type="secondary">找到 {shown} 条规则</Typography.Text>}
          {groups.map(([regulation, list]) => (
            <Card key={regulation} size="small" title={regulation} extra={<Typography.Text type="secondary">{list.length} 条</Typography.Text>}>
              {list.map((r) => (
                <RuleItem key={r.id} r={r} />
              ))}
            </Card>
          ))}
        </>
      )}
    </Space>
  );
}

import { useState } from 'react';
import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { usePickers } from './common';
import { DisclosuresTab } from './DisclosuresTab';
import { FindingsTab } from './FindingsTab';
import { LettersTab } from './LettersTab';
import { NormativeTab } from './NormativeTab';
import { OverdueTab } from './OverdueTab';
import { SpeechesTab } from './SpeechesTab';

/** 工作规则登记簿 (综合科; leaders and the discipline group read): one tab per register, each with its XLSX export. */
export default function WorkRulesPage() {
  const { can } = useAuth();
  const keep = can('workrules.keep');
  const pickers = usePickers();
  const [error, setError] = useState<unknown>(null);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'normative';
  return (
    <Card title="工作规则登记簿">
      <Typography.Paragraph type="secondary">《白城市扶贫开发办公室工作规则》要求记录、提醒和报告的事项，由综合科登记；未办事项按规则提醒，直至登记完成。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Tabs activeKey={tab} onChange={(k) => { setError(null); setParams({ tab: k }); }} destroyOnHidden items={[
        { key: 'normative', label: '规范性文件', children: <NormativeTab keep={keep} pickers={pickers} setError={setError} /> },
        { key: 'disclosures', label: '向社会公开', children: <DisclosuresTab keep={keep} pickers={pickers} setError={setError} /> },
        { key: 'findings', label: '监督发现问题', children: <FindingsTab keep={keep} pickers={pickers} setError={setError} /> },
        { key: 'letters', label: '来信来访及12317', children: <LettersTab mine={false} pickers={pickers} setError={setError} /> },
        { key: 'speeches', label: '讲话文章报批', children: <SpeechesTab mine={false} pickers={pickers} setError={setError} /> },
        { key: 'overdue', label: '逾期事项报告', children: <OverdueTab setError={setError} /> },
      ]} />
    </Card>
  );
}

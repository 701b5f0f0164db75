import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { usePickers } from './common';
import { LettersTab } from './LettersTab';
import { SpeechesTab } from './SpeechesTab';

/** What a person handles under the 工作规则: letters they own or must annotate (WR-11, WR-16), their speech requests (WR-18). */
export default function MyWorkRulesPage() {
  const { can } = useAuth();
  const pickers = usePickers();
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title="我的来信来访与讲话报批">
      <ErrorAlert error={error} />
      <Tabs destroyOnHidden items={[
        { key: 'letters', label: '承办与阅批的来信来访', children: <LettersTab mine pickers={pickers} setError={setError} /> },
        ...(can('workrules.speech') ? [{ key: 'speeches', label: '讲话文章报党组同意', children: <SpeechesTab mine pickers={pickers} setError={setError} /> }] : []),
      ]} />
    </Card>
  );
}

import { useState } from 'react';
import { Button, Space, Tabs } from 'antd';
import { downloadUrl } from '../../lib/api';
import { ErrorAlert } from '../../lib/errors';
import { useMonitored } from './measures/common';
import { HouseholdTab } from './measures/HouseholdTab';
import { SectorTab, SocialTab, SubsidyTab } from './measures/OfficeTabs';
import { ConversionTab, IncidentTab } from './measures/AdjustTabs';

/** 帮扶措施 (MON-18…MON-23): measures by household, sector items, 应保尽保, subsidy checks, incidents, identification. */
export default function MeasuresPage() {
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const refresh = () => { setError(null); setTick((x) => x + 1); };
  const monitored = useMonitored(tick);
  const props = { onError: setError, tick, refresh };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Tabs
        tabBarExtraContent={<Button href={downloadUrl('/poverty/measures.xlsx')}>导出帮扶措施台账</Button>}
        items={[
          { key: 'household', label: '分户措施', children: <HouseholdTab {...props} /> },
          { key: 'sector', label: '行业部门落实', children: <SectorTab {...props} /> },
          { key: 'social', label: '应保尽保', children: <SocialTab {...props} /> },
          { key: 'subsidy', label: '稳定补贴摸排', children: <SubsidyTab {...props} /> },
          { key: 'incident', label: '重大变故', children: <IncidentTab {...props} /> },
          { key: 'convert', label: '识别为贫困户', children: <ConversionTab {...props} monitored={monitored} /> },
        ]}
      />
    </Space>
  );
}

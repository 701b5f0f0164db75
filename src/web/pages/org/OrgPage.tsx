import { useState } from 'react';
import { Button, Card, Space, Spin, Tabs, Typography } from 'antd';
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../lib/errors';
import { useAuth } from '../../shell/auth';
import { useOrgData } from './useOrgData';
import { UnitsTab } from './UnitsTab';
import { DivisionTab } from './DivisionTab';
import { ActingTab } from './ActingTab';
import { AssignLeadershipModal } from './AssignLeadershipModal';
import { ActingModal } from './ActingModal';

/** 组织机构: units and people, the leadership division (分管), acting arrangements. */
export default function OrgPage() {
  const { can } = useAuth();
  const manage = can('org.manage');
  const { data, loading, error, reload } = useOrgData();
  const [assigning, setAssigning] = useState(false);
  const [addingActing, setAddingActing] = useState(false);

  const actions = manage && (
    <Space>
      <Button type="primary" icon={<SwapOutlined />} data-testid="assign-leadership" onClick={() => setAssigning(true)}>
        分配分管
      </Button>
      <Button icon={<PlusOutlined />} data-testid="add-acting" onClick={() => setAddingActing(true)}>
        新增代理安排
      </Button>
    </Space>
  );

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>组织机构</Typography.Title>} extra={actions}>
      <ErrorAlert error={error} />
      <Spin spinning={loading}>
        <Tabs
          items={[
            { key: 'units', label: '机构与人员', children: <UnitsTab units={data.units} /> },
            { key: 'division', label: '领导分工', children: <DivisionTab division={data.division} manage={manage} onChanged={reload} /> },
            { key: 'acting', label: '代理安排', children: <ActingTab list={data.acting} manage={manage} onChanged={reload} /> },
          ]}
        />
      </Spin>
      {assigning && <AssignLeadershipModal data={data} onClose={() => setAssigning(false)} onDone={reload} />}
      {addingActing && <ActingModal people={data.people} onClose={() => setAddingActing(false)} onDone={reload} />}
    </Card>
  );
}

import { useMemo, useState } from 'react';
import { Col, Descriptions, Empty, Row, Table, Tag, Tree, Typography } from 'antd';
import { PersonDrawer } from './PersonDrawer';
import { flattenUnits, GRADE_LABEL, type PersonBrief, type UnitNode } from './types';

interface TreeItem {
  key: string;
  title: string;
  children: TreeItem[];
}

const toTree = (units: UnitNode[]): TreeItem[] => units.map((u) => ({ key: u.id, title: u.name, children: toTree(u.children) }));

/** Units as a tree; the selected unit's head, leader in charge and people with their posts. */
export function UnitsTab({ units }: { units: UnitNode[] }) {
  const all = useMemo(() => flattenUnits(units), [units]);
  const [selected, setSelected] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const unit = all.find((u) => u.id === selected) ?? all[0];
  if (!unit) return <Empty description="尚未建立机构" />;

  const columns = [
    { title: '姓名', dataIndex: 'name', render: (name: string, p: PersonBrief) => <Typography.Link onClick={() => setPersonId(p.id)}>{name}</Typography.Link> },
    { title: '职级', dataIndex: 'grade', render: (g: string) => GRADE_LABEL[g] ?? g },
    { title: '职务', dataIndex: 'posts', render: (posts: PersonBrief['posts']) => posts.map((p) => <Tag key={p.code}>{p.name}</Tag>) },
  ];

  return (
    <Row gutter={24}>
      <Col xs={24} md={7}>
        <Tree treeData={toTree(units)} defaultExpandAll selectedKeys={[unit.id]} onSelect={(keys) => keys[0] && setSelected(String(keys[0]))} />
      </Col>
      <Col xs={24} md={17}>
        <Descriptions size="small" column={2} title={unit.name} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="主要负责人">{unit.head?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="分管领导">{unit.kind === 'office' ? '主任主持全面工作' : (unit.leaderInCharge?.name ?? '—')}</Descriptions.Item>
        </Descriptions>
        <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={unit.people} data-testid="unit-people" />
      </Col>
      {personId && <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />}
    </Row>
  );
}

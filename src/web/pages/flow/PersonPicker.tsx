import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../lib/api';

interface PersonOption {
  id: string;
  name: string;
  unitName: string | null;
  posts: { code: string; name: string }[];
}

/** Pick a person of the office (转办、加签), searchable by name, unit or post. */
export function PersonPicker({ value, onChange, exclude = [], testId }: { value?: string; onChange?: (v: string) => void; exclude?: string[]; testId?: string }) {
  const [people, setPeople] = useState<PersonOption[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api.get<{ people: PersonOption[] }>('/org/people').then((r) => setPeople(r.people), () => setFailed(true));
  }, []);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      loading={!people && !failed}
      disabled={failed}
      placeholder={failed ? '无法读取人员名单（需要“查看组织机构”权限）' : '输入姓名、科室或职务查找'}
      data-testid={testId}
      options={(people ?? [])
        .filter((p) => !exclude.includes(p.id))
        .map((p) => ({ value: p.id, label: `${p.name}（${[p.unitName, ...p.posts.map((x) => x.name)].filter(Boolean).join('，')}）` }))}
    />
  );
}

import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../lib/api';

interface PersonOption {
  id: string;
  name: string;
  unitName: string | null;
  posts: { code: string; name: string }[];
}

type PickerProps =
  | { multiple?: false; value?: string; onChange?: (v: string) => void; exclude?: string[]; testId?: string }
  | { multiple: true; value?: string[]; onChange?: (v: string[]) => void; exclude?: string[]; testId?: string };

/** Pick a person of the office (转办、加签、试用对象) or several (同行人员), searchable by name, unit or post. */
export function PersonPicker({ value, onChange, exclude = [], testId, multiple }: PickerProps) {
  const [people, setPeople] = useState<PersonOption[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api.get<{ people: PersonOption[] }>('/org/people').then((r) => setPeople(r.people), () => setFailed(true));
  }, []);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange as (v: string | string[]) => void}
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

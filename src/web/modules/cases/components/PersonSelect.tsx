import { useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { useDebounced } from '@web/lib/useDebounced';
import { usePerson, usePersonSearch } from '@web/modules/people/hooks/usePeople';

export interface PersonSelectProps {
  id?: string;
  value?: string;
  onChange?(id: string | undefined): void;
  'aria-invalid'?: boolean;
}

/** Picks a person by typing a name, ID number or phone (searched on the server). */
export function PersonSelect({ id, value, onChange }: PersonSelectProps) {
  const { m } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const search = usePersonSearch({ q: q || undefined, page: 1, pageSize: 20 });
  const chosen = usePerson(value);
  const options = (q ? (search.data?.items ?? []) : []).map((p) => ({
    value: p.id,
    label: `${p.fullName} (${p.birthYear})${p.nationalId ? ` · ${p.nationalId}` : ''}`,
  }));
  if (value && chosen.data && !options.some((o) => o.value === value)) options.unshift({ value, label: `${chosen.data.fullName} (${chosen.data.birthYear})` });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setText}
      onChange={(v?: string) => onChange?.(v)}
      loading={search.isFetching}
      placeholder={m.cases.personSearch}
      options={options}
      notFoundContent={q && !search.isFetching ? m.common.noData : null}
      data-testid="case-person"
    />
  );
}

import { useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { useDebounced } from '@web/lib/useDebounced';
import { usePersonSearch } from '@web/modules/people/hooks/usePeople';

/** Picks households of a commune by typing the name of someone living there (searched on the server). */
export function HouseholdPicker({ id, communeCode, value, onChange }: { id?: string; communeCode?: string; value?: string[]; onChange?(ids: string[]): void }) {
  const { m } = useI18n();
  const [text, setText] = useState('');
  const [labels, setLabels] = useState<Record<string, string>>({});
  const q = useDebounced(text.trim(), 300);
  const search = usePersonSearch({ q: q || undefined, unit: communeCode, page: 1, pageSize: 20 });
  const found = (q && communeCode ? (search.data?.items ?? []) : []).filter((p) => p.householdId);
  const options = new Map<string, string>(Object.entries(labels).filter(([k]) => value?.includes(k)));
  for (const p of found) if (!options.has(p.householdId!)) options.set(p.householdId!, `${p.fullName} (${p.birthYear}) · ${p.address ?? ''}`);
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      value={value}
      filterOption={false}
      onSearch={setText}
      disabled={!communeCode}
      onChange={(ids: string[]) => {
        setLabels((old) => ({ ...old, ...Object.fromEntries(ids.map((h) => [h, options.get(h) ?? old[h] ?? h])) }));
        onChange?.(ids);
      }}
      loading={search.isFetching}
      placeholder={m.lockdown.householdSearch}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      notFoundContent={q && !search.isFetching ? m.common.noData : null}
    />
  );
}

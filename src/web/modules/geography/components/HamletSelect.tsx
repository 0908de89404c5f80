import { Select } from 'antd';
import { foldVietnamese } from '@domain/vn-text';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { useUnitChildren } from '../hooks/useUnits';

/** The hamlets of a commune (optional choice); empty and disabled until a commune is chosen. */
export function HamletSelect({
  id,
  communeCode,
  value,
  onChange,
}: {
  id?: string;
  communeCode?: string | null;
  value?: string | null;
  onChange?(v: string | null): void;
}) {
  const { m } = useI18n();
  const { data, isFetching } = useUnitChildren(communeCode && /^\d{5}$/.test(communeCode) ? communeCode : null);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      allowClear
      showSearch
      filterOption={(input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input))}
      loading={isFetching}
      disabled={!communeCode || (data?.length ?? 0) === 0}
      placeholder={m.people.noHamlet}
      options={(data ?? []).map((h) => ({ value: h.code, label: h.name }))}
    />
  );
}

import { Button, Input, InputNumber, Radio, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { InvestigationField as Field } from '@domain/investigation';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { VnDateInput } from '@web/ui/VnDateInput';

export interface InvestigationFieldProps {
  id: string;
  field: Field;
  value: unknown;
  onChange(value: unknown): void;
  invalid?: boolean;
}

const DATE_ITEM_KEYS = new Set(['from', 'to', 'on', 'date']);

/** One field of the investigation form, drawn from its definition (kind, choices, list item keys). */
export function InvestigationField({ id, field, value, onChange, invalid }: InvestigationFieldProps) {
  const { m, lang } = useI18n();
  const c = m.cases;
  switch (field.kind) {
    case 'boolean':
      return (
        <Radio.Group id={id} value={typeof value === 'boolean' ? value : undefined} onChange={(e) => onChange(e.target.value as boolean)}>
          <Radio value>{m.common.yes}</Radio>
          <Radio value={false}>{m.common.no}</Radio>
        </Radio.Group>
      );
    case 'choice':
      return (
        <Select
          id={id}
          allowClear
          style={{ width: '100%' }}
          status={invalid ? 'error' : undefined}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v?: string) => onChange(v ?? null)}
          options={(field.choices ?? []).map((ch) => ({ value: ch.code, label: lang === 'vi' ? ch.labelVi : ch.labelEn }))}
        />
      );
    case 'date':
      return <VnDateInput id={id} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} aria-invalid={invalid} />;
    case 'number':
      return (
        <InputNumber
          id={id}
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    case 'list': {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const keys = field.itemKeys ?? [];
      const setItem = (i: number, key: string, v: unknown) => onChange(items.map((it, j) => (j === i ? { ...it, [key]: v } : it)));
      return (
        <div id={id} data-testid={`inv-list-${field.key}`}>
          {items.map((item, i) => (
            <Space key={i} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
              {keys.map((k) => {
                const label = k === 'place' ? c.place : k === 'from' ? c.from : k === 'to' ? c.to : k;
                const v = item[k];
                return DATE_ITEM_KEYS.has(k) ? (
                  <div key={k} style={{ width: 130 }}>
                    <VnDateInput placeholder={`${label} (dd/mm/yyyy)`} value={typeof v === 'string' ? v : null} onChange={(nv) => setItem(i, k, nv)} />
                  </div>
                ) : (
                  <Input
                    key={k}
                    aria-label={label}
                    placeholder={label}
                    style={{ width: 220, maxWidth: '100%' }}
                    value={typeof v === 'string' ? v : ''}
                    onChange={(e) => setItem(i, k, e.target.value)}
                  />
                );
              })}
              <Button aria-label={c.remove} icon={<DeleteOutlined />} onClick={() => onChange(items.filter((_, j) => j !== i))} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...items, Object.fromEntries(keys.map((k) => [k, '']))])}>
            {c.addItem}
          </Button>
        </div>
      );
    }
    case 'datetime':
    case 'text':
    default:
      return (
        <Input.TextArea
          id={id}
          autoSize={{ minRows: 1, maxRows: 6 }}
          status={invalid ? 'error' : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { PersonView } from '@server/modules/people/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { useDebounced } from '@web/lib/useDebounced';
import { usePersonSearch } from '@web/modules/people/hooks/usePeople';

/**
 * A search box over the people of a commune with the matches as big buttons (a phone at the door).
 * `needHousehold`: persons with no household cannot be picked (for a household pool).
 */
export function PersonSearchList({
  id,
  testId,
  communeCode,
  needHousehold = false,
  onPick,
}: {
  /** The input's id, so the form item's label names it. */
  id?: string;
  testId: string;
  communeCode: string;
  needHousehold?: boolean;
  onPick(person: PersonView): void;
}) {
  const { m } = useI18n();
  const s = m.sampling;
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const search = usePersonSearch({ q: q || undefined, unit: communeCode, page: 1, pageSize: 8 });
  const items = q ? (search.data?.items ?? []) : [];
  return (
    <div>
      <Input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={s.searchPlaceholder}
        prefix={<SearchOutlined />}
        allowClear
        autoComplete="off"
        data-testid={testId}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        {items.map((p) => {
          const disabled = needHousehold && !p.householdId;
          return (
            <Button
              key={p.id}
              block
              disabled={disabled}
              onClick={() => onPick(p)}
              style={{ height: 'auto', padding: '8px 12px', textAlign: 'left', whiteSpace: 'normal' }}
              data-testid={`${testId}-option`}
            >
              <span style={{ display: 'block', width: '100%' }}>
                <strong>{p.fullName}</strong> ({p.birthYear})
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {disabled ? s.noHousehold : (p.address ?? p.nationalId ?? p.phone ?? '')}
                </Typography.Text>
              </span>
            </Button>
          );
        })}
        {q && !search.isFetching && !items.length ? <Typography.Text type="secondary">{s.noMatch}</Typography.Text> : null}
      </Space>
    </div>
  );
}

import { Alert, Button, List, Space, Tag } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { DuplicateWarning } from '@server/modules/people/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { UnitName } from '@web/modules/geography/components/UnitName';

/**
 * Likely duplicates of the person being entered or viewed. "Gộp hồ sơ" appears for users allowed to
 * merge when the caller supports it (`onMerge`).
 */
export function DuplicateWarnings({
  warnings,
  checking,
  onMerge,
}: {
  warnings: DuplicateWarning[] | undefined;
  checking?: boolean;
  onMerge?(w: DuplicateWarning): void;
}) {
  const { can } = useAuth();
  const { m } = useI18n();
  const d = m.duplicates;
  if (checking && !warnings?.length)
    return (
      <div style={{ color: 'rgba(0,0,0,0.45)', margin: '4px 0 12px' }} aria-live="polite">
        {d.checking}
      </div>
    );
  if (!warnings?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ margin: '8px 0 16px' }}
      message={d.title}
      data-testid="duplicate-warnings"
      description={
        <>
          <div style={{ marginBottom: 8 }}>{d.intro}</div>
          <List
            size="small"
            dataSource={warnings}
            rowKey="id"
            renderItem={(w) => (
              <List.Item
                actions={[
                  <Link key="open" to={paths.person(w.id)} target="_blank" rel="noopener">
                    {d.open}
                  </Link>,
                  ...(onMerge && can('people.merge')
                    ? [
                        <Button key="merge" size="small" icon={<MergeCellsOutlined />} onClick={() => onMerge(w)}>
                          {d.merge}
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <Space wrap size={[8, 0]}>
                  <strong>{w.fullName}</strong>
                  <span>{fill(d.born, { year: w.birthYear })}</span>
                  <UnitName code={w.communeCode} />
                  {w.nationalId ? (
                    <span>
                      {m.people.nationalId}: {w.nationalId}
                    </span>
                  ) : null}
                  <Tag color="orange">{fill(d.similarity, { pct: Math.round(w.similarity * 100) })}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}

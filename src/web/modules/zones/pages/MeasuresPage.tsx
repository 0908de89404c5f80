import { useSearchParams } from 'react-router';
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { vnDay } from '@domain/dates';
import { formatDate } from '@domain/format';
import { foldVietnamese } from '@domain/vn-text';
import type { MeasuresView } from '@server/modules/zones/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useLevelsBoard, useMeasures } from '../hooks/useLevels';

const STATUS_COLOUR: Record<MeasuresView['items'][number]['status'], string> = {
  allowed: 'green',
  limited: 'gold',
  restricted: 'orange',
  stopped: 'red',
  not_organised: 'red',
  rule: 'blue',
};

/** What applies in a commune today: the measures of the level in force there, for every user of that commune. */
export function MeasuresPage() {
  const { m, lang } = useI18n();
  const k = m.measures;
  const { me } = useAuth();
  const [search, setSearch] = useSearchParams();
  const day = search.get('day') ?? vnDay();
  const own = me?.scopeUnits.find((u) => u.code.length === 5)?.code;
  const unit = search.get('unit') ?? own;
  const board = useLevelsBoard(day);
  const measures = useMeasures(unit, day);
  const crumbs = [{ title: k.title }];
  if (board.isPending) return <PageSpinner />;
  if (board.error)
    return (
      <Page title={k.title} crumbs={crumbs}>
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      </Page>
    );
  const units = board.data.units.filter((u) => u.tier !== 'province');
  const set = (next: Record<string, string>) => setSearch({ ...(unit ? { unit } : {}), day, ...next });
  const data = measures.data;

  return (
    <Page title={k.title} crumbs={crumbs}>
      <p style={{ marginTop: 0 }}>{k.intro}</p>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          showSearch
          aria-label={k.unit}
          placeholder={k.unit}
          value={unit}
          onChange={(v: string) => set({ unit: v })}
          style={{ minWidth: 260 }}
          filterOption={(input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input))}
          options={units.map((u) => ({ value: u.unitCode, label: u.name }))}
        />
        <div style={{ width: 130 }}>
          <VnDateInput value={day} onChange={(v) => v && /^\d{4}-\d{2}-\d{2}$/.test(v) && set({ day: v })} />
        </div>
      </Space>
      {measures.error ? <QueryError error={measures.error} onRetry={() => void measures.refetch()} /> : null}
      {data && !data.level ? <Alert type="info" showIcon message={fill(k.none, { day: formatDate(day) })} /> : null}
      {data?.level ? (
        <>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            <Tag color={data.level.colour} style={{ fontSize: 16, padding: '2px 10px' }}>
              {/^\d$/.test(data.level.code) ? `${lang === 'vi' ? 'Cấp' : 'Level'} ${data.level.code} – ` : ''}
              {lang === 'vi' ? data.level.nameVi : data.level.nameEn}
            </Tag>{' '}
            {data.name} · {formatDate(data.day)}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{data.levelSource ? k.bySource[data.levelSource] : null}</Typography.Paragraph>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.items}
            columns={[
              { title: k.activity, key: 'activity', render: (_, i) => (lang === 'vi' ? i.activityVi : i.activityEn) },
              { title: k.status, dataIndex: 'status', render: (s: keyof typeof STATUS_COLOUR) => <Tag color={STATUS_COLOUR[s]}>{k.statuses[s]}</Tag> },
              { title: k.rule, key: 'rule', render: (_, i) => <div style={{ minWidth: 240, maxWidth: 560 }}>{lang === 'vi' ? i.ruleVi : i.ruleEn}</div> },
            ]}
          />
          {data.ruleSet ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {fill(k.basis, { legalBasis: data.ruleSet.legalBasis, version: data.ruleSet.version })}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

import { Table } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { QueryError } from '@web/ui/QueryError';
import { usePersonHistory, type HistoryEntry } from '../hooks/usePeople';
import { personLabels } from '../person-form-values';

const COLUMN_FIELDS: Record<string, string> = {
  full_name: 'fullName',
  birth_date: 'birthDate',
  birth_year: 'birthYear',
  national_id: 'nationalId',
  commune_code: 'communeCode',
  hamlet_code: 'hamletCode',
  household_id: 'householdId',
  district_code: 'communeCode',
};

/** Who changed the record, when, and which fields (from the audit log). */
export function PersonHistory({ personId }: { personId: string }) {
  const { m, dateTime } = useI18n();
  const p = m.people;
  const labels = personLabels(m);
  const { data, error, isPending } = usePersonHistory(personId);
  if (error) return <QueryError error={error} />;
  const fieldName = (f: string) => labels[COLUMN_FIELDS[f] ?? f] ?? f;
  return (
    <Table<HistoryEntry>
      rowKey="seq"
      size="small"
      loading={isPending}
      dataSource={data ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: p.noHistory }}
      columns={[
        { title: p.historyAt, dataIndex: 'at', render: (v: string) => dateTime(v) },
        { title: p.historyBy, dataIndex: 'actorName', render: (v: string | null) => v ?? m.common.none },
        { title: p.historyAction, dataIndex: 'action', render: (a: string) => (m.audit.actions as Record<string, string>)[a] ?? a },
        { title: p.historyFields, dataIndex: 'fields', render: (f: string[] | null) => [...new Set((f ?? []).map(fieldName))].join(', ') || m.common.none },
      ]}
    />
  );
}

import { Link } from 'react-router';
import { List, Space, Typography } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { useContacts, useContactTypes } from '../hooks/useCases';
import { ClassTag } from './ClassTag';
import { LineListEditor } from './LineListEditor';

/** The case's direct contacts (class, name, phone to call), then the line list to add more. */
export function ContactsTab({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { m, lang, dateTime, date } = useI18n();
  const c = m.cases;
  const { data, error, isPending, refetch } = useContacts(caseId);
  const types = useContactTypes();
  const typeName = (code: string) => (lang === 'vi' ? (types.data?.find((t) => t.code === code)?.nameVi ?? code) : code);
  return (
    <div>
      {isPending ? (
        <PageSpinner />
      ) : error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <List
          size="small"
          bordered
          header={
            <strong>
              {c.contacts} ({data.length})
            </strong>
          }
          locale={{ emptyText: c.noContacts }}
          dataSource={data}
          data-testid="contacts-list"
          renderItem={(r) => (
            <List.Item key={r.exposureId} data-testid="contact-row">
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <ClassTag value={r.class} />
                  {r.fullName ? <Link to={paths.person(r.personId)}>{r.fullName}</Link> : <span>{c.outOfScope}</span>}
                  {r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : null}
                </Space>
                {r.handOffTo ? (
                  <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="contact-handoff">
                    {r.handOffTo.length
                      ? `${c.handOffTo} ${r.handOffTo.map((p) => (p.agency ? `${p.fullName} (${p.agency})` : p.fullName)).join(', ')}`
                      : c.noHandOffTeam}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {typeName(r.contactType)} · {c.settings[r.setting]} · {dateTime(r.startAt)}
                  {r.quarantineUntil ? ` · ${c.quarantineUntil} ${date(r.quarantineUntil)}` : ''} · <UnitName code={r.communeCode} />
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {canWrite ? <LineListEditor caseId={caseId} /> : null}
    </div>
  );
}

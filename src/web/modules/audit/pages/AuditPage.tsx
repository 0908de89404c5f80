import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Form, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useUsers } from '@web/modules/users/hooks/useUsers';
import { ChainStatus } from '../components/ChainStatus';
import { useAuditLog, type AuditFilters, type AuditItem } from '../hooks/useAudit';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The personal-data access log, filtered and paged on the server, with the hash-chain check on top. */
export function AuditPage() {
  const { can } = useAuth();
  const { m, num, dateTime } = useI18n();
  const a = m.audit;
  const [form] = Form.useForm<AuditFilters>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const { data, error, isFetching, refetch } = useAuditLog(filters, page, pageSize);
  const users = useUsers(can('users.manage'));
  const actions = a.actions as Record<string, string>;
  const entities = a.entities as Record<string, string>;

  const apply = (v: AuditFilters) => {
    const dateErrors = (['from', 'to'] as const).filter((k) => v[k] && !ISO.test(v[k]!));
    form.setFields((['from', 'to'] as const).map((k) => ({ name: k, errors: dateErrors.includes(k) ? [m.validation.date] : [] })));
    if (dateErrors.length) return;
    const clean = Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null && String(x).trim() !== '')
        .map(([k, x]) => [k, String(x).trim()]),
    );
    setFilters(clean);
    setPage(1);
  };

  const columns: TableColumnsType<AuditItem> = [
    { title: a.seq, dataIndex: 'seq', align: 'right' },
    { title: a.at, dataIndex: 'at', render: (t: string) => dateTime(t) },
    { title: a.actor, dataIndex: 'actorName', render: (n: string | null) => n ?? m.common.none },
    { title: a.action, dataIndex: 'action', render: (x: string) => actions[x] ?? x },
    { title: a.entity, dataIndex: 'entity', render: (x: string) => entities[x] ?? x },
    {
      title: a.entityId,
      dataIndex: 'entityId',
      render: (id: string | null, r) =>
        !id ? (
          m.common.none
        ) : r.entity === 'person' ? (
          <Link to={paths.person(id)}>
            <code>{id}</code>
          </Link>
        ) : r.entity === 'household' ? (
          <Link to={paths.household(id)}>
            <code>{id}</code>
          </Link>
        ) : (
          <code>{id}</code>
        ),
    },
    { title: a.ip, dataIndex: 'ip', render: (ip: string | null) => ip ?? m.common.none },
    { title: a.fields, dataIndex: 'fields', render: (f: string[]) => f.join(', ') || m.common.none },
  ];

  return (
    <Page title={a.title} crumbs={[{ title: m.menu.admin }, { title: a.title }]}>
      <p style={{ marginTop: 0 }}>{a.intro}</p>
      <ChainStatus />
      <Form<AuditFilters> form={form} name="audit-filters" layout="vertical" onFinish={apply}>
        <div className="tc-filters">
          {can('users.manage') ? (
            <Form.Item name="actorId" label={a.actor} style={{ marginBottom: 0 }}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                loading={users.isPending}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.username} – ${u.fullName}` }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="actorId" label={a.actorId} style={{ marginBottom: 0 }}>
              <Input allowClear autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="action" label={a.action} style={{ marginBottom: 0 }}>
            <Select allowClear options={Object.entries(actions).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="entity" label={a.entity} style={{ marginBottom: 0 }}>
            <Select allowClear options={Object.entries(entities).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="entityId" label={a.entityId} style={{ marginBottom: 0 }}>
            <Input allowClear autoComplete="off" />
          </Form.Item>
          <Form.Item name="from" label={a.from} style={{ marginBottom: 0 }}>
            <VnDateInput />
          </Form.Item>
          <Form.Item name="to" label={a.to} style={{ marginBottom: 0 }}>
            <VnDateInput />
          </Form.Item>
        </div>
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" htmlType="submit">
            {a.apply}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {a.reset}
          </Button>
        </Space>
      </Form>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<AuditItem>
          rowKey="seq"
          size="small"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (r) => r.detail !== null && r.detail !== undefined,
            expandedRowRender: (r) => <pre className="tc-json">{JSON.stringify(r.detail, null, 2)}</pre>,
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => fill(a.total, { n: num(t) }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      )}
    </Page>
  );
}

import { App, Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { TestResultTag } from '../components/TestResultTag';
import { useResolveConflict, useResultConflicts, type ConflictDecision, type ResultConflict } from '../hooks/useResultConflicts';

/** Tubes for which a different result arrived: the lab decides which one stands. */
export function ResultConflictsPage() {
  const { m, lang, num, dateTime } = useI18n();
  const c = m.resultConflicts;
  const { message } = App.useApp();
  const { data, error, isPending, refetch } = useResultConflicts();
  const resolve = useResolveConflict();

  const decide = (row: ResultConflict, decision: ConflictDecision) =>
    resolve.mutateAsync({ id: row.id, decision }).then(
      (r) => void message.success(decision === 'reject' ? c.kept : r.casesOpened.length ? fill(c.acceptedCases, { n: num(r.casesOpened.length) }) : c.accepted),
      (err: unknown) => void message.error(errorMessage(err, m, lang)),
    );

  const columns: TableColumnsType<ResultConflict> = [
    { title: c.barcode, dataIndex: 'barcode', fixed: 'left', render: (b: string) => <strong>{b}</strong> },
    { title: m.units.commune, dataIndex: 'communeCode', responsive: ['md'], render: (code: string) => <UnitName code={code} /> },
    { title: c.current, key: 'current', render: (_, r) => <TestResultTag result={r.currentResult} ct={r.currentCt} /> },
    { title: c.proposed, key: 'proposed', render: (_, r) => <TestResultTag result={r.proposedResult} ct={r.proposedCt} /> },
    { title: c.proposedAt, dataIndex: 'proposedResultedAt', render: (t: string) => dateTime(t) },
    { title: c.createdAt, dataIndex: 'createdAt', responsive: ['lg'], render: (t: string) => dateTime(t) },
    {
      title: m.common.actions,
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space wrap>
          <Popconfirm
            title={fill(c.acceptConfirm, { barcode: r.barcode })}
            okText={c.accept}
            cancelText={m.common.cancel}
            onConfirm={() => decide(r, 'accept')}
          >
            <Button
              type="primary"
              size="small"
              icon={<CheckOutlined />}
              loading={resolve.isPending && resolve.variables?.id === r.id && resolve.variables.decision === 'accept'}
            >
              {c.accept}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={fill(c.rejectConfirm, { barcode: r.barcode })}
            okText={c.reject}
            cancelText={m.common.cancel}
            onConfirm={() => decide(r, 'reject')}
          >
            <Button
              size="small"
              icon={<CloseOutlined />}
              loading={resolve.isPending && resolve.variables?.id === r.id && resolve.variables.decision === 'reject'}
            >
              {c.reject}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Page title={c.title} crumbs={[{ title: c.title }]}>
      <p style={{ marginTop: 0 }}>{c.intro}</p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<ResultConflict>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data ?? []}
          loading={isPending}
          locale={{ emptyText: c.none }}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="conflicts-table"
        />
      )}
    </Page>
  );
}

import { useState } from 'react';
import { Button, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { TEST_TYPES, type TestType } from '@domain/testing';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { LabFormModal } from '../components/LabFormModal';
import { useLabs, type LabView } from '../hooks/useLabs';

/** The province's labs: daily capacity per test type, working hours, active or not. */
export function LabsPage() {
  const { m, num } = useI18n();
  const l = m.lab;
  const { data, error, isPending, refetch } = useLabs();
  const [editing, setEditing] = useState<LabView | 'new' | null>(null);

  const columns: TableColumnsType<LabView> = [
    { title: l.name, dataIndex: 'name', fixed: 'left' },
    { title: l.address, dataIndex: 'address', responsive: ['md'], render: (a: string | null) => a ?? m.common.none },
    ...TEST_TYPES.map((t: TestType) => ({
      title: m.sampling.testTypes[t],
      key: t,
      align: 'right' as const,
      render: (_: unknown, r: LabView) => (r.dailyCapacity[t] === undefined ? m.common.none : num(r.dailyCapacity[t])),
    })),
    { title: l.hours, key: 'hours', render: (_, r) => `${r.opensAt}–${r.closesAt}` },
    { title: l.active, dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{l.active}</Tag> : <Tag>{l.inactive}</Tag>) },
    {
      title: m.common.actions,
      key: 'edit',
      render: (_, r) => <Button icon={<EditOutlined />} aria-label={fill(l.editLab, { name: r.name })} onClick={() => setEditing(r)} />,
    },
  ];

  return (
    <Page
      title={l.labs}
      crumbs={[{ title: l.title, to: paths.lab }, { title: l.labs }]}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="lab-add">
          {l.addLab}
        </Button>
      }
    >
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<LabView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data ?? []}
          loading={isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={l.noLabs} /> }}
          data-testid="labs-table"
        />
      )}
      {editing ? <LabFormModal lab={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Page>
  );
}

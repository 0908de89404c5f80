import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { vnDay } from '@domain/dates';
import { formatDate, formatNumber } from '@domain/format';
import type { ZoneView } from '@server/modules/zones/lockdown/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { ZoneCreateDialog } from '../components/ZoneCreateDialog';
import { useLevelsBoard } from '../hooks/useLevels';
import { useZones } from '../hooks/useLockdown';

/** Lockdown zones in the user's scope, newest first; a field officer draws a new one. */
export function ZonesPage() {
  const { m, lang } = useI18n();
  const k = m.lockdown;
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'active' | 'lifted' | 'all'>('active');
  const zones = useZones(status === 'all' ? undefined : status);
  const board = useLevelsBoard(vnDay());
  const [adding, setAdding] = useState(false);
  const communes = (board.data?.units ?? []).filter((u) => u.tier === 'commune').map((u) => ({ code: u.unitCode, name: u.name }));
  return (
    <Page
      title={k.title}
      crumbs={[{ title: k.title }]}
      extra={
        can('zones.lockdown') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!communes.length}>
            {k.add}
          </Button>
        ) : null
      }
    >
      <p style={{ marginTop: 0 }}>{k.intro}</p>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={[
          { value: 'active', label: k.statuses.active },
          { value: 'lifted', label: k.statuses.lifted },
          { value: 'all', label: k.allStatuses },
        ]}
      />
      {zones.error ? <QueryError error={zones.error} onRetry={() => void zones.refetch()} /> : null}
      <Table<ZoneView>
        rowKey="id"
        size="small"
        loading={zones.isPending}
        dataSource={zones.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: k.none }}
        columns={[
          { title: k.name, dataIndex: 'name', render: (name: string, z) => <Link to={paths.zone(z.id)}>{name}</Link> },
          { title: k.commune, dataIndex: 'communeName' },
          { title: k.scopeKind, dataIndex: 'scopeKind', render: (s: ZoneView['scopeKind']) => k.scopeKinds[s] },
          { title: k.households, dataIndex: 'households', align: 'right', render: (n: number) => fill(k.householdsN, { n: formatNumber(n, lang) }) },
          { title: k.startedOn, dataIndex: 'startedOn', render: formatDate },
          {
            title: k.status,
            dataIndex: 'status',
            render: (s: ZoneView['status'], z) => (
              <Tag color={s === 'active' ? 'red' : 'green'}>{s === 'active' ? k.statuses.active : `${k.statuses.lifted} ${formatDate(z.liftedOn)}`}</Tag>
            ),
          },
        ]}
      />
      {adding ? <ZoneCreateDialog communes={communes} onClose={() => setAdding(false)} onCreated={(id) => navigate(paths.zone(id))} /> : null}
    </Page>
  );
}

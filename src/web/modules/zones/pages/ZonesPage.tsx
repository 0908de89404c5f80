import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
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
import { LevelMap, type MapUnit } from '../LevelMap';

/** Lockdown zones in the user's scope, newest first; a field officer draws a new one. */
export function ZonesPage() {
  const { m, lang } = useI18n();
  const k = m.lockdown;
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'active' | 'lifted' | 'all'>('active');
  const [search, setSearch] = useSearchParams();
  const commune = search.get('commune') ?? undefined;
  const zones = useZones(status === 'all' ? undefined : status, commune);
  const board = useLevelsBoard(vnDay());
  const [adding, setAdding] = useState(false);
  const [view, setView] = useState<'table' | 'map'>('table');
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
        style={{ marginBottom: 12, marginInlineEnd: 12 }}
        value={view}
        onChange={(v) => setView(v as typeof view)}
        options={[
          { value: 'table', label: m.levels.table },
          { value: 'map', label: m.levels.map },
        ]}
      />
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
      {commune ? (
        <Tag closable onClose={() => setSearch({})} style={{ marginBottom: 12 }}>
          {communes.find((c) => c.code === commune)?.name ?? commune}
        </Tag>
      ) : null}
      {view === 'map' ? (
        <LevelMap
          units={zoneMapUnits(board.data?.units ?? [], zones.data ?? [], k)}
          onSelect={(code) => {
            setSearch({ commune: code });
            setView('table');
          }}
        />
      ) : null}
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

/** The communes of the city on the map: those with a zone of the list in red (its names in the tooltip), the others in grey. */
function zoneMapUnits(
  units: readonly { unitCode: string; name: string; tier: string; parentCode: string | null }[],
  zones: readonly ZoneView[],
  k: { statuses: { active: string; lifted: string }; none: string },
): MapUnit[] {
  const province = units.find((u) => u.unitCode === '92') ?? units.find((u) => u.tier === 'province');
  const districts = new Map(units.filter((u) => u.tier === 'district' && u.parentCode === province?.unitCode).map((d) => [d.unitCode, d.name]));
  const byCommune = new Map<string, ZoneView[]>();
  for (const z of zones) byCommune.set(z.communeCode, [...(byCommune.get(z.communeCode) ?? []), z]);
  return units
    .filter((u) => u.tier === 'commune' && u.parentCode !== null && districts.has(u.parentCode))
    .map((u) => {
      const here = byCommune.get(u.unitCode) ?? [];
      const active = here.some((z) => z.status === 'active');
      return {
        code: u.unitCode,
        name: u.name,
        districtCode: u.parentCode!,
        districtName: districts.get(u.parentCode!)!,
        colour: active ? '#cf1322' : here.length ? '#389e0d' : '#f0f0f0',
        levelName: active ? k.statuses.active : here.length ? k.statuses.lifted : k.none,
        detail: here.map((z) => z.name).join(', ') || undefined,
      };
    });
}

import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Segmented, Select, Slider, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { addDays, vnDay } from '@domain/dates';
import { formatDate, formatDateTime, formatNumber } from '@domain/format';
import type { LevelRow, LevelsBoard } from '@server/modules/zones/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { BoundaryImport } from '../components/BoundaryImport';
import { DecisionDialog } from '../components/DecisionDialog';
import { LevelTag, levelColour, levelName } from '../components/LevelTag';
import { useBoundaries } from '../hooks/useBoundaries';
import { useAssess, useLevelsBoard } from '../hooks/useLevels';
import { LevelMap } from '../LevelMap';

type TreeRow = LevelRow & { children?: TreeRow[] };
const SLIDER_DAYS = 60;

/** Province → districts → communes, in the board's order (each unit follows its parent). */
function tree(units: readonly LevelRow[]): TreeRow[] {
  const byCode = new Map<string, TreeRow>(units.map((u) => [u.unitCode, { ...u }]));
  const roots: TreeRow[] = [];
  for (const u of byCode.values()) {
    const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(u);
    else roots.push(u);
  }
  return roots;
}

const per100k = (r: LevelRow) => {
  const f = r.proposal?.figures;
  return f && f.population > 0 ? (f.communityCases7d / f.population) * 100_000 : null;
};

/** The command center's level board: every unit's proposal with its grounds, the decision in force, a map, decisions. */
export function LevelsPage() {
  const { m, lang } = useI18n();
  const k = m.levels;
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const anchor = search.get('day') ?? vnDay();
  const [offset, setOffset] = useState(0);
  const day = addDays(anchor, offset);
  const [view, setView] = useState<'table' | 'map'>('table');
  const [show, setShow] = useState<'decided' | 'proposed'>('decided');
  const [deciding, setDeciding] = useState<LevelRow | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const { data, error, isPending, refetch } = useLevelsBoard(day);
  const assess = useAssess();
  const provinces = useMemo(() => (data ? data.units.filter((u) => u.tier === 'province') : []), [data]);
  const shownProvince = province ?? provinces.find((p) => p.unitCode === '92')?.unitCode ?? provinces[0]?.unitCode ?? null;
  const rows = useMemo(() => (data ? tree(data.units).filter((r) => r.unitCode === shownProvince) : []), [data, shownProvince]);
  const boundaries = useBoundaries(shownProvince, day, view === 'map');

  const crumbs = [{ title: k.title }];
  if (isPending) return <PageSpinner />;
  if (error)
    return (
      <Page title={k.title} crumbs={crumbs}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </Page>
    );

  const goTo = (d: string) => {
    setOffset(0);
    setSearch({ day: d });
  };
  const runAssess = async () => {
    try {
      const r = await assess.mutateAsync(day);
      message.success(fill(k.assessed, { n: formatNumber(r.units, lang), day: formatDate(day) }));
    } catch (err) {
      message.error(errorMessage(err, m, lang));
    }
  };
  const regime = data.regime;
  const assessed = data.units.some((u) => u.proposal);
  const shownLevel = (r: LevelRow) => (show === 'decided' ? (r.inForce?.level ?? null) : (r.proposal?.level ?? null));

  const columns: TableColumnsType<TreeRow> = [
    {
      title: k.unit,
      dataIndex: 'name',
      render: (name: string, r) => <Link to={paths.unitLevel(r.unitCode)}>{r.tier === 'commune' ? name : <strong>{name}</strong>}</Link>,
    },
    {
      title: k.proposal,
      key: 'proposal',
      render: (_, r) =>
        r.proposal ? (
          <Space size={4}>
            <LevelTag regime={regime} code={r.proposal.level} lang={lang} />
            {r.trend ? (
              <Tooltip title={k.trend[r.trend]}>
                <span aria-label={k.trend[r.trend]}>
                  {r.trend === 'up' ? (
                    <ArrowUpOutlined style={{ color: '#cf1322' }} />
                  ) : r.trend === 'down' ? (
                    <ArrowDownOutlined style={{ color: '#389e0d' }} />
                  ) : (
                    <MinusOutlined />
                  )}
                </span>
              </Tooltip>
            ) : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{k.noData}</Typography.Text>
        ),
    },
    {
      title: k.decision,
      key: 'decision',
      render: (_, r) =>
        r.decision ? (
          <Space direction="vertical" size={0}>
            <LevelTag regime={regime} code={r.decision.level} lang={lang} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.decision.decisionNumber} · {formatDate(r.decision.effectiveFrom)}
            </Typography.Text>
            {r.decision.overridesProposal ? (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {fill(k.overrides, { level: levelName(regime, r.decision.proposedLevel, lang) })}
              </Typography.Text>
            ) : null}
          </Space>
        ) : null,
    },
    {
      title: k.incidence,
      key: 'incidence',
      align: 'right',
      render: (_, r) => {
        const v = per100k(r);
        return v === null ? '' : formatNumber(Math.round(v * 10) / 10, lang);
      },
    },
    {
      title: k.reasons,
      key: 'reasons',
      render: (_, r) =>
        r.proposal ? (
          <div style={{ minWidth: 260, maxWidth: 520, fontSize: 13 }}>
            {r.proposal.reasons.map((x, i) => (
              <div key={i}>{lang === 'vi' ? x.vi : x.en}</div>
            ))}
            {r.proposal.missing.length ? (
              <Typography.Text type="warning">{fill(k.missing, { fields: r.proposal.missing.map((f) => k.missingFields[f] ?? f).join(', ') })}</Typography.Text>
            ) : null}
          </div>
        ) : null,
    },
    {
      title: m.common.actions,
      key: 'actions',
      render: (_, r) => (
        <Space size={4} wrap>
          {regime && r.proposal && can('zones.decide') ? (
            <Button size="small" onClick={() => setDeciding(r)}>
              {k.decide}
            </Button>
          ) : null}
          <Button size="small" onClick={() => navigate(paths.unitLevel(r.unitCode))}>
            {k.history}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Page title={k.title} crumbs={crumbs}>
      <p style={{ marginTop: 0 }}>{k.intro}</p>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <label htmlFor="levels-day">{k.day}</label>
        <div style={{ width: 130 }}>
          <VnDateInput id="levels-day" value={anchor} onChange={(v) => v && /^\d{4}-\d{2}-\d{2}$/.test(v) && goTo(v)} />
        </div>
        <Typography.Text strong>{formatDate(day)}</Typography.Text>
        {regime && can('zones.write') ? (
          <Button onClick={() => void runAssess()} loading={assess.isPending}>
            {k.assessNow}
          </Button>
        ) : null}
        {data.assessedAt ? <Typography.Text type="secondary">{fill(k.assessedAt, { at: formatDateTime(data.assessedAt) })}</Typography.Text> : null}
      </Space>
      <div style={{ maxWidth: 520, marginBottom: 12 }} title={k.slider}>
        <Slider
          min={-SLIDER_DAYS}
          max={0}
          value={offset}
          onChange={setOffset}
          tooltip={{ formatter: (v) => formatDate(addDays(anchor, v ?? 0)) }}
          aria-label={k.slider}
        />
      </div>
      {regime ? (
        <Typography.Paragraph type="secondary">
          {k.regime}: {fill(k.regimeLine, { legalBasis: regime.legalBasis, version: regime.version })}
        </Typography.Paragraph>
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={fill(k.noRegime, { day: formatDate(day) })}
          description={k.noRegimeHelp}
          action={
            data.lastRegimeDay ? (
              <Button size="small" onClick={() => goTo(data.lastRegimeDay!)}>
                {fill(k.goToDay, { day: formatDate(data.lastRegimeDay) })}
              </Button>
            ) : null
          }
        />
      )}
      {regime && !assessed ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={fill(k.notAssessed, { day: formatDate(day) })} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'table' | 'map')}
          options={[
            { value: 'table', label: k.table },
            { value: 'map', label: k.map },
          ]}
        />
        <Segmented
          value={show}
          onChange={(v) => setShow(v as 'decided' | 'proposed')}
          options={[
            { value: 'decided', label: k.showDecided },
            { value: 'proposed', label: k.showProposed },
          ]}
        />
        {view === 'map' ? <BoundaryImport provinces={provinces.map((p) => ({ code: p.unitCode, name: p.name }))} province={shownProvince} day={day} /> : null}
        {provinces.length > 1 ? (
          <Select
            value={shownProvince}
            onChange={setProvince}
            style={{ minWidth: 200 }}
            options={provinces.map((p) => ({ value: p.unitCode, label: p.name }))}
          />
        ) : null}
      </Space>
      {view === 'table' ? (
        <Table<TreeRow>
          rowKey="unitCode"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ defaultExpandAllRows: true }}
        />
      ) : (
        <LevelMap units={mapUnits(data, shownProvince, shownLevel, lang)} geojson={boundaries.data} onSelect={(code) => navigate(paths.unitLevel(code))} />
      )}
      {deciding && regime ? <DecisionDialog row={deciding} regime={regime} onClose={() => setDeciding(null)} /> : null}
    </Page>
  );
}

/** The communes of a province for the map, coloured by the level shown. */
function mapUnits(board: LevelsBoard, province: string | null, shownLevel: (r: LevelRow) => string | null, lang: 'vi' | 'en') {
  const districts = new Map(board.units.filter((u) => u.tier === 'district' && u.parentCode === province).map((d) => [d.unitCode, d.name]));
  return board.units
    .filter((u) => u.tier === 'commune' && u.parentCode !== null && districts.has(u.parentCode))
    .map((u) => {
      const level = shownLevel(u);
      return {
        code: u.unitCode,
        name: u.name,
        districtCode: u.parentCode!,
        districtName: districts.get(u.parentCode!)!,
        colour: level ? levelColour(board.regime, level) : '#d9d9d9',
        levelName: level ? levelName(board.regime, level, lang) : '',
        detail: u.proposal?.reasons[0] ? (lang === 'vi' ? u.proposal.reasons[0].vi : u.proposal.reasons[0].en) : undefined,
      };
    });
}

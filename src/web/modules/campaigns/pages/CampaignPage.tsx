import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Col, Empty, List, Row, Space, Table, Tag } from 'antd';
import { addDays, vnDay } from '@domain/dates';
import type { CampaignDetail } from '@server/modules/campaigns/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { LevelMap, type MapUnit } from '@web/modules/zones/LevelMap';
import { useBoundaries } from '@web/modules/zones/hooks/useBoundaries';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { LabCapacityDialog, TeamCapacityDialog } from '../components/CapacityDialogs';
import { CommunesTable, ROUND_COLOUR } from '../components/CommunesTable';
import { GroupsTable } from '../components/GroupsTable';
import { TrendChart } from '../components/TrendChart';
import { useCampaign, useMakePlan } from '../hooks/useCampaigns';

/** The campaign page: rounds by commune on the map and in a table, districts, the trend, teams, labs, plans. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { m, num, date } = useI18n();
  const k = m.campaign;
  const q = useCampaign(id);
  const c = q.data;
  const boundaries = useBoundaries(c?.provinceCode ?? null, vnDay());
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!c) return <Card loading />;
  return (
    <Page title={c.name} crumbs={[{ title: m.campaigns.title, to: paths.campaigns }, { title: c.name }]} extra={<PlanButtons campaign={c} />}>
      <p style={{ marginTop: 0 }}>
        {c.legalBasis} · {date(c.startsOn)}–{date(c.endsOn)} · {fill(k.ruleLine, { version: c.ruleVersion })}
      </p>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={k.map}>
            <LevelMap units={mapUnits(c, m)} geojson={boundaries.data} height={380} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={k.trend}>{c.trend.length ? <TrendChart trend={c.trend} /> : <Empty description={k.noTrend} />}</Card>
        </Col>
        <Col span={24}>
          <Card title={k.progress}>
            <CommunesTable communes={c.communeProgress} />
          </Card>
        </Col>
        {c.groups.length ? (
          <Col span={24}>
            <Card title={k.groups}>
              <GroupsTable groups={c.groups} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} xl={12}>
          <Card title={k.districts}>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={c.districts}
              columns={[
                { title: k.district, dataIndex: 'name' },
                { title: m.campaigns.householdsTarget, dataIndex: 'householdsTarget', align: 'right', render: (n: number) => num(n) },
                { title: k.covered, dataIndex: 'householdsCovered', align: 'right', render: (n: number) => num(n) },
                { title: k.persons, dataIndex: 'personsCovered', align: 'right', render: (n: number) => num(n) },
                { title: k.positive, dataIndex: 'positive', align: 'right', render: (n: number) => num(n) },
                { title: m.campaigns.overdueRounds, dataIndex: 'overdueRounds', align: 'right', render: (n: number) => num(n) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <PlansCard campaign={c} />
        </Col>
        <Col xs={24} xl={12}>
          <CapacityCard campaign={c} kind="teams" />
        </Col>
        <Col xs={24} xl={12}>
          <CapacityCard campaign={c} kind="labs" />
        </Col>
      </Row>
    </Page>
  );
}

function mapUnits(c: CampaignDetail, m: ReturnType<typeof useI18n>['m']): MapUnit[] {
  return c.communeProgress.map((x) => {
    const round = x.rounds.find((r) => r.no === x.currentRound) ?? [...x.rounds].reverse().find((r) => r.status !== 'upcoming') ?? x.rounds[0];
    return {
      code: x.code,
      name: x.name,
      districtCode: x.districtCode,
      districtName: x.districtName,
      colour: round ? ROUND_COLOUR[round.status] : ROUND_COLOUR.upcoming,
      levelName: round ? `${fill(m.campaign.round, { no: round.no })} · ${m.campaign.roundStatus[round.status]}` : m.campaign.roundStatus.upcoming,
      detail: round ? fill(m.campaign.coveredOf, { covered: round.householdsCovered, target: x.householdsTarget }) : undefined,
    };
  });
}

function PlanButtons({ campaign }: { campaign: CampaignDetail }) {
  const { m, lang } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const make = useMakePlan(campaign.id);
  if (!can('campaigns.plan') || campaign.status !== 'active') return null;
  const today = vnDay();
  const go = async (day: string) => {
    try {
      navigate(paths.campaignPlan((await make.mutateAsync({ day })).id));
    } catch (e) {
      message.error(errorMessage(e, m, lang));
    }
  };
  return (
    <Space wrap>
      {today >= campaign.startsOn && today <= campaign.endsOn ? (
        <Button loading={make.isPending} onClick={() => void go(today)}>
          {m.campaign.planToday}
        </Button>
      ) : null}
      {addDays(today, 1) <= campaign.endsOn ? (
        <Button type="primary" loading={make.isPending} onClick={() => void go(addDays(today, 1))}>
          {m.campaign.planTomorrow}
        </Button>
      ) : null}
    </Space>
  );
}

function PlansCard({ campaign }: { campaign: CampaignDetail }) {
  const { m, num, date } = useI18n();
  const k = m.campaign;
  return (
    <Card title={k.plans}>
      <List
        dataSource={campaign.plans}
        locale={{ emptyText: k.noPlans }}
        renderItem={(p) => (
          <List.Item extra={<Tag color={p.status === 'approved' ? 'green' : p.status === 'draft' ? 'blue' : 'default'}>{k.planStatus[p.status]}</Tag>}>
            <Link to={paths.campaignPlan(p.id)}>{fill(k.planDay, { day: date(p.day) })}</Link> ·{' '}
            {fill(k.planCounts, { covered: num(p.covered), candidates: num(p.candidates) })}
          </List.Item>
        )}
      />
    </Card>
  );
}

function CapacityCard({ campaign, kind }: { campaign: CampaignDetail; kind: 'teams' | 'labs' }) {
  const { m, num } = useI18n();
  const k = m.campaign;
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const districtName = (code: string) => campaign.districts.find((d) => d.code === code)?.name ?? code;
  return (
    <Card
      title={kind === 'teams' ? k.teams : k.labs}
      extra={can('campaigns.plan') ? <Button onClick={() => setOpen(true)}>{kind === 'teams' ? k.addTeam : k.addLab}</Button> : null}
    >
      {kind === 'teams' ? (
        <Table
          rowKey="teamId"
          size="small"
          pagination={false}
          dataSource={campaign.teams}
          columns={[
            { title: k.team, dataIndex: 'name' },
            { title: m.campaigns.commune, dataIndex: 'communeName' },
            { title: k.pooledPerDay, dataIndex: 'pooledPerDay', align: 'right', render: (n: number) => num(n) },
            { title: k.antigenPerDay, dataIndex: 'antigenPerDay', align: 'right', render: (n: number) => num(n) },
            { title: k.hamlets, dataIndex: 'hamlets', render: (h: string[] | null) => (h?.length ? h.length : k.allHamlets) },
          ]}
        />
      ) : (
        <Table
          rowKey="labId"
          size="small"
          pagination={false}
          dataSource={campaign.labs}
          columns={[
            { title: k.lab, dataIndex: 'name' },
            { title: k.labPooled, dataIndex: 'pooledPerDay', align: 'right', render: (n: number) => num(n) },
            { title: k.labSingle, dataIndex: 'singlePerDay', align: 'right', render: (n: number) => num(n) },
            { title: k.labDistricts, dataIndex: 'districts', render: (d: string[] | null) => (d?.length ? d.map(districtName).join(', ') : k.allDistricts) },
          ]}
        />
      )}
      {open && kind === 'teams' ? <TeamCapacityDialog campaign={campaign} onClose={() => setOpen(false)} /> : null}
      {open && kind === 'labs' ? <LabCapacityDialog campaign={campaign} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, List, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { planEdit, type PlanView } from '@server/modules/campaigns/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { pathOf } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { FormDialog } from '@web/ui/FormDialog';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { useApprovePlan, useEditPlan, usePlan } from '../hooks/useCampaigns';

type TeamRow = PlanView['teams'][number];

/** A day's plan: coverage against its bound, shortfalls and alternatives, labs, each team's hamlets; move, approve, export. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { m, num, date, lang } = useI18n();
  const k = m.plan;
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const q = usePlan(id);
  const approve = useApprovePlan(id);
  const [moving, setMoving] = useState(false);
  const p = q.data;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!p) return <Card loading />;
  const draft = p.status === 'draft';
  const onApprove = () =>
    modal.confirm({
      title: k.approve,
      content: k.approveConfirm,
      okText: k.approve,
      cancelText: m.common.cancel,
      onOk: async () => {
        try {
          await approve.mutateAsync(undefined);
          message.success(k.approved);
        } catch (e) {
          message.error(errorMessage(e, m, lang));
        }
      },
    });
  const n = (x: number) => num(Math.round(x));
  return (
    <Page
      title={fill(k.title, { day: date(p.day) })}
      crumbs={[{ title: m.campaigns.title, to: paths.campaigns }, { title: p.campaignName, to: paths.campaign(p.campaignId) }, { title: date(p.day) }]}
      extra={
        <Space wrap>
          <Tag color={p.status === 'approved' ? 'green' : draft ? 'blue' : 'default'}>{m.campaign.planStatus[p.status]}</Tag>
          {can('campaigns.work') ? (
            <Button icon={<DownloadOutlined />} href={pathOf('/api/campaigns/plans/:id/export', { params: { id } })} download>
              {k.export}
            </Button>
          ) : null}
          {draft && can('campaigns.plan') ? <Button onClick={() => setMoving(true)}>{k.move}</Button> : null}
          {draft && can('campaigns.plan') ? (
            <Button type="primary" onClick={onApprove} loading={approve.isPending}>
              {k.approve}
            </Button>
          ) : null}
        </Space>
      }
    >
      {p.status === 'superseded' ? <Alert type="warning" showIcon message={k.superseded} style={{ marginBottom: 16 }} /> : null}
      {p.started ? <Alert type="info" showIcon message={k.started} style={{ marginBottom: 16 }} /> : null}
      <p style={{ marginTop: 0 }} data-testid="plan-summary">
        {fill(k.summary, {
          covered: num(p.covered),
          candidates: num(p.candidates),
          bound: n(p.bound),
          ratio: `${num(Math.round(p.coverageOfBound * 1000) / 10)} %`,
        })}{' '}
        {p.kept ? fill(k.kept, { n: num(p.kept) }) : null}
      </p>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={k.shortfalls}>
            {p.shortfalls.length ? (
              <List
                dataSource={p.shortfalls}
                renderItem={(s) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      {s.teamShort.households ? (
                        <span>{fill(k.teamShort, { commune: s.communeName, teams: num(s.teamShort.teams), households: num(s.teamShort.households) })}</span>
                      ) : null}
                      {s.labShort.households ? <span>{fill(k.labShort, { commune: s.communeName, households: num(s.labShort.households) })}</span> : null}
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Alert type="success" showIcon message={k.noShortfall} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={k.whatIf}>
            <Space direction="vertical">
              <span>{fill(k.whatIfCurrent, { pooled: n(p.whatIf.current.pooled), single: n(p.whatIf.current.single) })}</span>
              <span>
                {fill(k.whatIfMax, { k: p.whatIf.maxPoolSize.k, pooled: n(p.whatIf.maxPoolSize.load.pooled), single: n(p.whatIf.maxPoolSize.load.single) })}
              </span>
              <span>{fill(k.whatIfAntigen, { single: n(p.whatIf.antigen.single) })}</span>
            </Space>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={k.labsUse}>
            <Row gutter={[16, 16]}>
              {p.labs.map((l) => (
                <Col key={l.labId} xs={24} sm={12} lg={8}>
                  <Statistic title={l.name} value={fill(k.labUse, { used: n(l.pooled), capacity: num(l.pooledCapacity) })} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={k.teams}>
            <Table<TeamRow>
              rowKey="teamId"
              size="small"
              pagination={false}
              dataSource={p.teams}
              columns={[
                {
                  title: m.campaign.team,
                  key: 'name',
                  render: (_, t) => (can('campaigns.work') ? <Link to={paths.campaignWorkList(p.id, t.teamId)}>{t.name}</Link> : t.name),
                },
                { title: m.campaigns.commune, dataIndex: 'communeName' },
                {
                  title: k.households,
                  key: 'households',
                  align: 'right',
                  render: (_, t) =>
                    t.households > t.capacity ? (
                      <Tag color="red" title={k.over}>
                        {num(t.households)}
                      </Tag>
                    ) : (
                      num(t.households)
                    ),
                },
                { title: k.capacity, dataIndex: 'capacity', align: 'right', render: (x: number) => num(x) },
                {
                  title: k.hamlets,
                  key: 'hamlets',
                  render: (_, t) =>
                    t.hamlets.map((h) => (
                      <Tag key={h.code ?? 'none'}>
                        {h.name}: {num(h.households)}
                        {h.priority.lockdown ? ` · ${k.priority.lockdown} ${num(h.priority.lockdown)}` : ''}
                        {h.priority.overdue ? ` · ${k.priority.overdue} ${num(h.priority.overdue)}` : ''}
                      </Tag>
                    )),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {moving ? <MoveDialog plan={p} onClose={() => setMoving(false)} /> : null}
    </Page>
  );
}

function MoveDialog({ plan, onClose }: { plan: PlanView; onClose(): void }) {
  const { m } = useI18n();
  const k = m.plan;
  const { message } = App.useApp();
  const edit = useEditPlan(plan.id);
  const hamlets = plan.teams.flatMap((t) =>
    t.hamlets.filter((h) => h.code).map((h) => ({ code: h.code!, name: h.name, commune: t.communeCode, team: t.name })),
  );
  return (
    <FormDialog<{ hamlet?: string; toTeamId?: string }, (typeof planEdit)['_output']>
      title={k.moveTitle}
      name="plan-move"
      schema={planEdit}
      fields={['moves', 'version']}
      toInput={(v) => ({ moves: [{ hamlet: v.hamlet, toTeamId: v.toTeamId }], version: plan.version })}
      fieldOf={(p) => (p[0] === 'moves' ? [String(p[2] ?? 'hamlet')] : p)}
      labelOf={(p) => (String(p.at(-1)) === 'toTeamId' ? k.moveTo : k.moveHamlet)}
      pending={edit.isPending}
      submit={async (body) => {
        await edit.mutateAsync(body);
        message.success(k.moved);
      }}
      onClose={onClose}
    >
      {(form) => <MoveFields form={form} plan={plan} hamlets={hamlets} />}
    </FormDialog>
  );
}

function MoveFields({
  form,
  plan,
  hamlets,
}: {
  form: ReturnType<typeof Form.useForm<{ hamlet?: string; toTeamId?: string }>>[0];
  plan: PlanView;
  hamlets: { code: string; name: string; commune: string; team: string }[];
}) {
  const { m } = useI18n();
  const chosen = hamlets.find((h) => h.code === Form.useWatch('hamlet', form));
  return (
    <>
      <Form.Item name="hamlet" label={m.plan.moveHamlet} required>
        <Select showSearch optionFilterProp="label" options={hamlets.map((h) => ({ value: h.code, label: `${h.name} (${h.team})` }))} />
      </Form.Item>
      <Form.Item name="toTeamId" label={m.plan.moveTo} required>
        <Select options={plan.teams.filter((t) => !chosen || t.communeCode === chosen.commune).map((t) => ({ value: t.teamId, label: t.name }))} />
      </Form.Item>
    </>
  );
}

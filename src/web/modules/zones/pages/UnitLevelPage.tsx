import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime, formatPercent } from '@domain/format';
import type { DecisionView, ProposalView, RegimeView, RiskInputView } from '@server/modules/zones/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { InputDialog } from '../components/InputDialog';
import { LevelTag } from '../components/LevelTag';
import { useLevelsBoard, useRiskInputs, useUnitHistory } from '../hooks/useLevels';

/** One unit: every assessment with its grounds, every decision, and the figures entered for it. */
export function UnitLevelPage() {
  const { code } = useParams();
  const { m, lang } = useI18n();
  const k = m.levels;
  const u = m.unitLevel;
  const { can } = useAuth();
  const history = useUnitHistory(code);
  const inputs = useRiskInputs(code);
  const latestDay = history.data?.proposals[0]?.day;
  // the level names and colours of the regime of the latest assessment
  const board = useLevelsBoard(latestDay ?? '', !!latestDay);
  const [adding, setAdding] = useState(false);
  if (history.isPending) return <PageSpinner />;
  const crumbs = [{ title: <Link to={paths.levels}>{k.title}</Link> }, { title: history.data?.name ?? code }];
  if (history.error)
    return (
      <Page title={k.title} crumbs={crumbs}>
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      </Page>
    );
  const h = history.data;
  const regime: RegimeView | null = latestDay ? (board.data?.regime ?? null) : null;

  return (
    <Page title={`${h.name} · ${k.tiers[h.tier]}`} crumbs={crumbs}>
      <Card size="small" title={u.decisions} style={{ marginBottom: 16 }}>
        <Table<DecisionView>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={h.decisions}
          columns={[
            { title: k.effectiveFrom, dataIndex: 'effectiveFrom', render: formatDate },
            {
              title: k.level,
              key: 'level',
              render: (_, d) => (
                <Space size={4}>
                  <LevelTag regime={regime} code={d.level} lang={lang} />
                  {d.overridesProposal ? <Tag color="warning">{fill(k.overrides, { level: d.proposedLevel })}</Tag> : null}
                </Space>
              ),
            },
            { title: k.decisionNumber, dataIndex: 'decisionNumber' },
            { title: k.decidedOn, dataIndex: 'decidedOn', render: formatDate },
            { title: k.signer, dataIndex: 'signer' },
            { title: k.reason, dataIndex: 'reason' },
          ]}
        />
      </Card>
      <Card size="small" title={u.proposals} style={{ marginBottom: 16 }}>
        <Table<ProposalView>
          rowKey="day"
          size="small"
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 14, hideOnSinglePage: true }}
          dataSource={h.proposals}
          columns={[
            { title: k.day, dataIndex: 'day', render: formatDate },
            { title: k.proposal, key: 'level', render: (_, p) => <LevelTag regime={regime} code={p.level} lang={lang} /> },
            {
              title: k.reasons,
              key: 'reasons',
              render: (_, p) => (
                <div style={{ minWidth: 260, maxWidth: 560, fontSize: 13 }}>
                  {p.reasons.map((x, i) => (
                    <div key={i}>{lang === 'vi' ? x.vi : x.en}</div>
                  ))}
                </div>
              ),
            },
            { title: k.regime, key: 'rule', render: (_, p) => `${p.ruleKind} v${p.ruleVersion}` },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={u.inputs}
        extra={
          can('zones.write') ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {u.addInput}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{u.inputsHelp}</Typography.Paragraph>
        {inputs.error ? <QueryError error={inputs.error} onRetry={() => void inputs.refetch()} /> : null}
        <Table<RiskInputView>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={inputs.isPending}
          dataSource={inputs.data ?? []}
          columns={[
            { title: u.input, dataIndex: 'input', render: (i: RiskInputView['input']) => u.inputKinds[i] },
            {
              title: u.value,
              key: 'value',
              render: (_, r) => (r.input === 'capacity_met' ? (r.value === 1 ? u.capacityYes : u.capacityNo) : formatPercent(r.value, lang)),
            },
            { title: u.asOf, dataIndex: 'asOf', render: formatDate },
            { title: u.source, dataIndex: 'source' },
            { title: '', dataIndex: 'enteredAt', render: (t: string) => <Typography.Text type="secondary">{formatDateTime(t)}</Typography.Text> },
          ]}
        />
      </Card>
      {adding && code ? <InputDialog unitCode={code} onClose={() => setAdding(false)} /> : null}
    </Page>
  );
}

import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { vnDay } from '@domain/dates';
import { ruleInForce } from '@domain/rule-sets/in-force';
import type { RuleSetView } from '@server/modules/rule-sets/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { ActivateButton } from '../components/ActivateButton';
import { NewVersionModal } from '../components/NewVersionModal';
import { StatusTag } from '../components/StatusTag';
import { useRuleSets } from '../hooks/useRuleSets';
import { ruleWindow } from '../rule-window';

const unverified = (r: RuleSetView) => Object.values(r.confidence).filter((t) => t === 'M').length;

/** Every rule-set kind with its versions: status, effective window, legal basis; add and activate versions. */
export function RuleSetsPage() {
  const { can } = useAuth();
  const { m } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const r = m.ruleSets;
  const { data, error, isPending, refetch } = useRuleSets();
  const [adding, setAdding] = useState<{ kind: string; base?: RuleSetView } | null>(null);
  if (isPending) return <PageSpinner />;
  const crumbs = [{ title: m.menu.admin }, { title: r.title }];
  if (error)
    return (
      <Page title={r.title} crumbs={crumbs}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </Page>
    );

  const today = vnDay();
  const kinds = [...new Set([...Object.keys(r.kinds), ...data.map((x) => x.kind)])];
  const columns = (inForce: RuleSetView | null): TableColumnsType<RuleSetView> => [
    { title: r.version, dataIndex: 'version', render: (v: number, x) => <Link to={paths.ruleSet(x.id)}>{fill(r.versionN, { n: v })}</Link> },
    { title: r.status, dataIndex: 'status', render: (s: RuleSetView['status'], x) => <StatusTag status={s} inForce={x.id === inForce?.id} /> },
    { title: r.window, key: 'window', render: (_, x) => ruleWindow(m, x.effectiveFrom, x.effectiveTo) },
    { title: r.legalBasis, dataIndex: 'legalBasis', render: (t: string) => <div style={{ minWidth: 240, maxWidth: 520 }}>{t}</div> },
    { title: r.confidence, key: 'm', render: (_, x) => (unverified(x) ? <Tag color="red">{unverified(x)} [M]</Tag> : null) },
    {
      title: m.common.actions,
      key: 'actions',
      render: (_, x) => (
        <Space size={4} wrap>
          <Link to={paths.ruleSet(x.id)}>
            <Button size="small">{m.common.view}</Button>
          </Link>
          {x.status === 'draft' && can('rules.manage') ? <ActivateButton ruleSet={x} size="small" /> : null}
        </Space>
      ),
    },
  ];

  return (
    <Page title={r.title} crumbs={crumbs}>
      <p style={{ marginTop: 0 }}>{r.intro}</p>
      {kinds.map((kind) => {
        const versions = data.filter((x) => x.kind === kind);
        const inForce = ruleInForce(versions, today);
        return (
          <Card
            key={kind}
            size="small"
            title={(r.kinds as Record<string, string>)[kind] ?? kind}
            style={{ marginBottom: 16 }}
            extra={
              can('rules.manage') ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding({ kind, base: versions[0] })}>
                  {r.addVersion}
                </Button>
              ) : null
            }
          >
            <Table<RuleSetView> rowKey="id" size="small" columns={columns(inForce)} dataSource={versions} pagination={false} scroll={{ x: 'max-content' }} />
          </Card>
        );
      })}
      {adding ? (
        <NewVersionModal
          kind={adding.kind}
          base={adding.base}
          onClose={() => setAdding(null)}
          onCreated={(created) => {
            setAdding(null);
            message.success(fill(r.created, { n: created.version }));
            navigate(paths.ruleSet(created.id));
          }}
        />
      ) : null}
    </Page>
  );
}

import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Segmented, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { vnDay } from '@domain/dates';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { ActivateButton } from '../components/ActivateButton';
import { NewVersionModal } from '../components/NewVersionModal';
import { PayloadTree } from '../components/PayloadTree';
import { StatusTag } from '../components/StatusTag';
import { useRuleSet } from '../hooks/useRuleSets';
import { ruleWindow } from '../rule-window';

/** One version: its legal basis and window, and the payload as a tagged tree or raw JSON. */
export function RuleSetPage() {
  const { id } = useParams();
  const { can } = useAuth();
  const { m, dateTime } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const r = m.ruleSets;
  const { data, error, isPending, refetch } = useRuleSet(id);
  const [view, setView] = useState<'tree' | 'json'>('tree');
  const [adding, setAdding] = useState(false);
  const crumbs = [{ title: m.menu.admin }, { title: r.title, to: paths.ruleSets }];
  if (isPending) return <PageSpinner />;
  if (error)
    return (
      <Page title={r.title} crumbs={crumbs}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </Page>
    );

  const kindName = (r.kinds as Record<string, string>)[data.kind] ?? data.kind;
  const title = `${kindName} · ${fill(r.versionN, { n: data.version })}`;
  const today = vnDay();
  const inForce = data.status === 'active' && data.effectiveFrom <= today && (!data.effectiveTo || today < data.effectiveTo);
  const unverified = Object.values(data.confidence).filter((t) => t === 'M').length;
  const extra = can('rules.manage') ? (
    <Space wrap>
      {data.status === 'draft' ? <ActivateButton ruleSet={data} /> : null}
      <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
        {r.addVersion}
      </Button>
    </Space>
  ) : null;

  return (
    <Page title={title} crumbs={[...crumbs, { title: fill(r.versionN, { n: data.version }) }]} extra={extra}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
          <Descriptions.Item label={r.kind}>{kindName}</Descriptions.Item>
          <Descriptions.Item label={r.status}>
            <StatusTag status={data.status} inForce={inForce} />
          </Descriptions.Item>
          <Descriptions.Item label={r.window}>{ruleWindow(m, data.effectiveFrom, data.effectiveTo)}</Descriptions.Item>
          <Descriptions.Item label={r.createdAt}>{dateTime(data.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={r.activatedAt}>{data.activatedAt ? dateTime(data.activatedAt) : m.common.none}</Descriptions.Item>
          <Descriptions.Item label={r.legalBasis} span={2}>
            {data.legalBasis}
          </Descriptions.Item>
          {data.notes ? (
            <Descriptions.Item label={r.notes} span={2}>
              {data.notes}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {unverified ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={fill(r.unverifiedCount, { n: unverified })} /> : null}
      <Card
        size="small"
        title={r.payload}
        extra={
          <Segmented<'tree' | 'json'>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'tree', label: r.asTree },
              { value: 'json', label: r.asJson },
            ]}
          />
        }
      >
        {view === 'tree' ? (
          <PayloadTree payload={data.payload} confidence={data.confidence} />
        ) : (
          <>
            <pre className="tc-json">{JSON.stringify(data.payload, null, 2)}</pre>
            <h3 style={{ fontSize: 14 }}>{r.confidence}</h3>
            <pre className="tc-json">{JSON.stringify(data.confidence, null, 2)}</pre>
          </>
        )}
      </Card>
      {adding ? (
        <NewVersionModal
          kind={data.kind}
          base={data}
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            message.success(fill(r.created, { n: created.version }));
            navigate(paths.ruleSet(created.id));
          }}
        />
      ) : null}
    </Page>
  );
}

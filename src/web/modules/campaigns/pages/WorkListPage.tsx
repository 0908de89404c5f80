import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { useWorkList } from '../hooks/useCampaigns';

const PRIORITY_COLOUR = { lockdown: 'red', overdue: 'orange', due: 'blue' } as const;

/** A sampling team's day on a phone: hamlets in route order, each household with its members, done or left. */
export function WorkListPage() {
  const { id = '', teamId = '' } = useParams();
  const { m, date, num } = useI18n();
  const k = m.workList;
  const q = useWorkList(id, teamId);
  const w = q.data;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!w) return <Card loading />;
  return (
    <Page
      title={fill(k.title, { team: w.teamName, day: date(w.day) })}
      crumbs={[{ title: m.campaigns.title, to: paths.campaigns }, { title: date(w.day), to: paths.campaignPlan(id) }, { title: w.teamName }]}
    >
      <Typography.Paragraph strong data-testid="work-counts">
        {fill(k.counts, { done: num(w.done), left: num(w.left) })}
      </Typography.Paragraph>
      {!w.sessionId ? <Alert type="info" showIcon message={k.noSession} style={{ marginBottom: 12 }} /> : null}
      {!w.hamlets.length ? <Empty description={k.none} /> : null}
      {w.hamlets.map((h) => (
        <Card key={h.code ?? 'none'} size="small" title={`${h.name} (${num(h.households.length)})`} style={{ marginBottom: 12 }}>
          <List
            dataSource={h.households}
            renderItem={(hh) => (
              <List.Item
                data-testid="work-household"
                actions={[
                  hh.done ? (
                    <Tag key="done" icon={<CheckCircleFilled />} color="success">
                      {k.done}
                    </Tag>
                  ) : w.sessionId ? (
                    <Link key="go" to={`${paths.samplingSession(w.sessionId)}?household=${hh.householdId}`}>
                      <Button type="primary">{k.collect}</Button>
                    </Link>
                  ) : null,
                ]}
              >
                <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{hh.address}</Typography.Text>
                    <Tag color={PRIORITY_COLOUR[hh.priority]}>{m.plan.priority[hh.priority]}</Tag>
                  </Space>
                  <Typography.Text>{hh.members.map((p) => `${p.fullName} (${p.birthYear ?? '—'})`).join(', ')}</Typography.Text>
                  <Typography.Text type="secondary">
                    {hh.lastSampledOn ? fill(k.last, { day: date(hh.lastSampledOn) }) : k.never}
                    {hh.labName ? ` · ${fill(k.lab, { lab: hh.labName })}` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Page>
  );
}

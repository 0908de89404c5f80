import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CampaignView } from '@server/modules/campaigns/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { CampaignCreateDialog } from '../components/CampaignCreateDialog';
import { useCampaigns } from '../hooks/useCampaigns';

/** The campaigns in the caller's scope: period, communes, target households, overdue rounds. */
export function CampaignsPage() {
  const { m, num, date } = useI18n();
  const k = m.campaigns;
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useCampaigns();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title={k.title}
      extra={
        can('campaigns.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {k.add}
          </Button>
        ) : null
      }
    >
      <p style={{ marginTop: 0 }}>{k.intro}</p>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <Table<CampaignView>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={k.none} /> }}
          columns={[
            { title: k.name, key: 'name', render: (_, c) => <Link to={paths.campaign(c.id)}>{c.name}</Link> },
            { title: k.legalBasis, dataIndex: 'legalBasis' },
            { title: k.period, key: 'period', render: (_, c) => `${date(c.startsOn)}–${date(c.endsOn)}` },
            { title: k.communes, dataIndex: 'communes', align: 'right', render: (n: number) => num(n) },
            { title: k.householdsTarget, dataIndex: 'householdsTarget', align: 'right', render: (n: number) => num(n) },
            { title: k.overdueRounds, dataIndex: 'overdueRounds', align: 'right', render: (n: number) => (n ? <Tag color="red">{num(n)}</Tag> : '0') },
            { title: '', dataIndex: 'status', render: (s: CampaignView['status']) => <Tag color={s === 'active' ? 'blue' : 'default'}>{k.status[s]}</Tag> },
          ]}
        />
      </Card>
      {adding ? <CampaignCreateDialog onClose={() => setAdding(false)} onCreated={(id) => navigate(paths.campaign(id))} /> : null}
    </Page>
  );
}

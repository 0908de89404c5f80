import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { KeyOutlined, StopOutlined } from '@ant-design/icons';
import type { TokenView } from '@server/modules/tokens/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { SecretOnceModal } from '@web/ui/SecretOnceModal';
import { TokenFormModal } from '../components/TokenFormModal';
import { useRevokeToken, useTokens } from '../hooks/useTokens';

const STATUS_COLOR = { active: 'green', expired: 'default', revoked: 'red' } as const;

/** API tokens for other systems (the national platform, a lab's LIS): issue, see last use, revoke. */
export function TokensPage() {
  const { m, lang, date, dateTime } = useI18n();
  const k = m.tokens;
  const { message } = App.useApp();
  const { data, error, isPending, refetch } = useTokens();
  const revoke = useRevokeToken();
  const [issuing, setIssuing] = useState(false);
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);

  const doRevoke = async (t: TokenView) => {
    try {
      await revoke.mutateAsync(t.id);
      message.success(fill(k.revoked, { name: t.name }));
    } catch (err) {
      message.error(errorMessage(err, m, lang));
    }
  };

  const columns: TableColumnsType<TokenView> = [
    {
      title: k.name,
      dataIndex: 'name',
      fixed: 'left',
      render: (n: string, t) => (
        <Space direction="vertical" size={0}>
          <strong>{n}</strong>
          <Typography.Text type="secondary" code>
            {t.prefix}…
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: k.permissions,
      dataIndex: 'permissions',
      render: (ps: string[]) => (
        <Space wrap size={4}>
          {ps.map((p) => (
            <Tag key={p}>{p}</Tag>
          ))}
        </Space>
      ),
    },
    { title: k.scope, dataIndex: 'scopeUnits', render: (s: TokenView['scopeUnits']) => s.map((x) => x.name).join(', ') },
    { title: k.issuedBy, dataIndex: 'issuedBy', render: (by: string, t) => `${by} · ${date(t.createdAt.slice(0, 10))}` },
    { title: k.expiresOn, dataIndex: 'expiresOn', render: (d: string) => date(d) },
    { title: k.lastUsed, dataIndex: 'lastUsedAt', render: (d: string | null) => (d ? dateTime(d) : k.neverUsed) },
    { title: k.status, dataIndex: 'status', render: (s: TokenView['status']) => <Tag color={STATUS_COLOR[s]}>{k.statuses[s]}</Tag> },
    {
      title: m.common.actions,
      key: 'actions',
      render: (_, t) =>
        t.status !== 'active' ? null : (
          <Popconfirm title={fill(k.revokeConfirm, { name: t.name })} okText={k.revoke} cancelText={m.common.cancel} onConfirm={() => void doRevoke(t)}>
            <Button size="small" danger icon={<StopOutlined />}>
              {k.revoke}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Page
      title={k.title}
      crumbs={[{ title: m.menu.admin }, { title: k.title }]}
      extra={
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
          {k.issue}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{k.intro}</Typography.Paragraph>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<TokenView>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={data ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: k.none }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      )}
      {issuing ? (
        <TokenFormModal
          onClose={() => setIssuing(false)}
          onIssued={(t) => {
            setIssuing(false);
            message.success(fill(k.issued, { name: t.name }));
            setShown({ name: t.name, token: t.token });
          }}
        />
      ) : null}
      {shown ? <SecretOnceModal title={fill(k.onceTitle, { name: shown.name })} help={k.onceHelp} secret={shown.token} onClose={() => setShown(null)} /> : null}
    </Page>
  );
}

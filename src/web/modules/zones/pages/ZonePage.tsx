import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import { vnDay } from '@domain/dates';
import { formatDate, formatNumber } from '@domain/format';
import { liftInput, supplyInput, type ZoneDetail } from '@server/modules/zones/lockdown/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { FormDialog } from '@web/ui/FormDialog';
import { ZoneResidents } from '../components/ZoneResidents';
import { useAddSupply, useLiftZone, useZone } from '../hooks/useLockdown';

const ROUND_COLOUR = { upcoming: 'default', open: 'processing', done: 'success', overdue: 'error' } as const;

/** One lockdown zone: households and residents, testing rounds, supplies, whether it may be lifted, and the lift. */
export function ZonePage() {
  const { id } = useParams();
  const { m, lang } = useI18n();
  const k = m.lockdown;
  const { can } = useAuth();
  const { message } = App.useApp();
  const zone = useZone(id);
  const addSupply = useAddSupply(id ?? '');
  const lift = useLiftZone(id ?? '');
  const [dialog, setDialog] = useState<'supply' | 'lift' | null>(null);
  if (zone.isPending) return <PageSpinner />;
  const crumbs = [{ title: <Link to={paths.zones}>{k.title}</Link> }, { title: zone.data?.name ?? '' }];
  if (zone.error)
    return (
      <Page title={k.title} crumbs={crumbs}>
        <QueryError error={zone.error} onRetry={() => void zone.refetch()} />
      </Page>
    );
  const z: ZoneDetail = zone.data;
  const active = z.status === 'active';
  const label = (names: Record<string, string>) => (p: (string | number)[]) => names[String(p[0])] ?? String(p[0]);

  return (
    <Page
      title={z.name}
      crumbs={crumbs}
      extra={
        <Space wrap>
          {active && can('zones.lockdown') ? <Button onClick={() => setDialog('supply')}>{k.addSupply}</Button> : null}
          {active && can('zones.decide') ? (
            <Button type="primary" danger={!z.lift.eligible} disabled={!z.lift.eligible} onClick={() => setDialog('lift')}>
              {k.lift}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={k.commune}>{z.communeName}</Descriptions.Item>
        <Descriptions.Item label={k.scopeKind}>{k.scopeKinds[z.scopeKind]}</Descriptions.Item>
        <Descriptions.Item label={k.startedOn}>{formatDate(z.startedOn)}</Descriptions.Item>
        <Descriptions.Item label={k.households}>{fill(k.householdsN, { n: formatNumber(z.households, lang) })}</Descriptions.Item>
        <Descriptions.Item label={k.residents}>{fill(k.residentsN, { n: formatNumber(z.residents, lang) })}</Descriptions.Item>
        <Descriptions.Item label={k.status}>
          <Tag color={active ? 'red' : 'green'}>{k.statuses[z.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={k.reason} span={3}>
          {z.reason}
        </Descriptions.Item>
      </Descriptions>
      {active ? (
        z.lift.eligible ? (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} message={fill(k.liftEligible, { days: z.lift.daysWithoutCase })} />
        ) : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={k.liftNotYet}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {z.lift.reasons.map((r) => (
                  <li key={r.code}>{lang === 'vi' ? r.vi : r.en}</li>
                ))}
              </ul>
            }
          />
        )
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={fill(k.liftedLine, { day: formatDate(z.liftedOn), number: z.liftDecisionNumber ?? '', signer: z.liftSigner ?? '' })}
        />
      )}
      <Card size="small" title={fill(k.rounds, { n: z.everyDays })} style={{ marginBottom: 16 }}>
        <Table
          rowKey="n"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={z.rounds}
          columns={[
            { title: k.round, dataIndex: 'n' },
            { title: k.window, key: 'w', render: (_, r) => `${formatDate(r.from)} – ${formatDate(r.to)}` },
            { title: k.status, dataIndex: 'status', render: (s: keyof typeof ROUND_COLOUR) => <Tag color={ROUND_COLOUR[s]}>{k.roundStatuses[s]}</Tag> },
            { title: k.sampled, key: 's', render: (_, r) => `${r.sampledHouseholds}/${r.households}` },
            {
              title: k.results,
              key: 'r',
              render: (_, r) =>
                r.negative ? (
                  <Tag color="green">{k.negative}</Tag>
                ) : (
                  <Space size={4}>
                    {r.positives ? <Tag color="red">{fill(k.positives, { n: r.positives })}</Tag> : null}
                    {r.pending ? <Tag>{fill(k.pending, { n: r.pending })}</Tag> : null}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={k.householdList} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          dataSource={z.householdList}
          columns={[
            { title: k.address, dataIndex: 'address', render: (a: string | null, h) => <Link to={paths.household(h.id)}>{a ?? h.id}</Link> },
            { title: k.residents, dataIndex: 'residents', align: 'right' },
          ]}
        />
        <ZoneResidents zoneId={z.id} zoneName={z.name} />
      </Card>
      <Card size="small" title={k.supplies}>
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          dataSource={z.supplies}
          columns={[
            { title: k.deliveredOn, dataIndex: 'deliveredOn', render: formatDate },
            { title: k.households, dataIndex: 'householdAddress', render: (a: string | null) => a ?? k.wholeZone },
            { title: k.items, dataIndex: 'items' },
            { title: k.deliveredBy, dataIndex: 'deliveredBy' },
          ]}
        />
      </Card>
      {dialog === 'supply' ? (
        <FormDialog<Record<string, string | null>, (typeof supplyInput)['_output']>
          title={k.addSupply}
          name="zone-supply"
          schema={supplyInput}
          fields={['householdId', 'deliveredOn', 'items', 'deliveredBy']}
          initialValues={{ deliveredOn: vnDay() }}
          labelOf={label({ householdId: k.supplyHousehold, deliveredOn: k.deliveredOn, items: k.items, deliveredBy: k.deliveredBy })}
          pending={addSupply.isPending}
          submit={async (input) => {
            await addSupply.mutateAsync(input);
            message.success(k.supplySaved);
          }}
          onClose={() => setDialog(null)}
        >
          {() => (
            <>
              <Form.Item name="householdId" label={k.supplyHousehold}>
                <Select allowClear options={z.householdList.map((h) => ({ value: h.id, label: h.address ?? h.id }))} />
              </Form.Item>
              <Form.Item name="deliveredOn" label={k.deliveredOn} required>
                <VnDateInput />
              </Form.Item>
              <Form.Item name="items" label={k.items} required>
                <Input.TextArea rows={2} maxLength={1000} placeholder="Gạo 10 kg, rau củ, trứng" />
              </Form.Item>
              <Form.Item name="deliveredBy" label={k.deliveredBy} required>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </>
          )}
        </FormDialog>
      ) : null}
      {dialog === 'lift' ? (
        <FormDialog<Record<string, string | null>, (typeof liftInput)['_output']>
          title={`${k.lift}: ${z.name}`}
          name="zone-lift"
          schema={liftInput}
          fields={['liftedOn', 'decisionNumber', 'signer', 'note']}
          initialValues={{ liftedOn: vnDay() }}
          labelOf={label({ liftedOn: k.liftedOn, decisionNumber: k.decisionNumber, signer: k.signer, note: k.note })}
          pending={lift.isPending}
          submit={async (input) => {
            await lift.mutateAsync(input);
            message.success(k.lifted);
          }}
          onClose={() => setDialog(null)}
        >
          {() => (
            <>
              <Form.Item name="liftedOn" label={k.liftedOn} required>
                <VnDateInput />
              </Form.Item>
              <Form.Item name="decisionNumber" label={k.decisionNumber} required>
                <Input maxLength={60} autoComplete="off" placeholder="55/QĐ-UBND" />
              </Form.Item>
              <Form.Item name="signer" label={k.signer} required>
                <Input maxLength={120} autoComplete="off" />
              </Form.Item>
              <Form.Item name="note" label={k.note}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          )}
        </FormDialog>
      ) : null}
    </Page>
  );
}

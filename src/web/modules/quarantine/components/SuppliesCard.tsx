import { useState } from 'react';
import { App, Button, Card, InputNumber, Select, Space, Table } from 'antd';
import { vnDay } from '@domain/dates';
import type { SuppliesView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { errorMessage } from '@web/lib/form-errors';
import { fill } from '@web/lib/fill';
import { useSupplies } from '../hooks/useQuarantine';
import { useDeliver } from '../hooks/useQuarantineMutations';

type Item = SuppliesView['items'][number];

/** What the facility needs today (per person present, per test due) against what was delivered; a delivery is recorded here. */
export function SuppliesCard({ facilityId }: { facilityId: string }) {
  const { m, lang, num, date } = useI18n();
  const k = m.facilityPage;
  const { message } = App.useApp();
  const supplies = useSupplies(facilityId);
  const deliver = useDeliver(facilityId);
  const [item, setItem] = useState<string | undefined>();
  const [quantity, setQuantity] = useState<number | null>(null);
  const s = supplies.data;
  const save = () =>
    deliver.mutate(
      { day: s?.day ?? vnDay(), item: item!, quantity: quantity! },
      {
        onSuccess: () => {
          message.success(k.delivery);
          setQuantity(null);
        },
        onError: (err) => void message.error(errorMessage(err, m, lang)),
      },
    );
  return (
    <Card size="small" title={fill(k.supplies, { day: date(s?.day) })} loading={supplies.isPending} style={{ marginBottom: 16 }}>
      {s ? <p style={{ marginTop: 0 }}>{fill(k.suppliesLine, { present: num(s.present), tests: num(s.testsDue) })}</p> : null}
      <Table<Item>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={s?.items ?? []}
        columns={[
          { title: k.item, dataIndex: 'nameVi' },
          { title: k.needed, dataIndex: 'needed', align: 'right', render: num },
          {
            title: k.delivered,
            dataIndex: 'delivered',
            align: 'right',
            render: (d: number, r) => <span style={{ color: d < r.needed ? '#cf1322' : '#389e0d' }}>{num(d)}</span>,
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Select
          aria-label={k.item}
          placeholder={k.item}
          style={{ minWidth: 200 }}
          value={item}
          onChange={setItem}
          options={(s?.items ?? []).map((i) => ({ value: i.code, label: i.nameVi }))}
        />
        <InputNumber aria-label={k.quantity} placeholder={k.quantity} min={1} max={1_000_000} precision={0} value={quantity} onChange={setQuantity} />
        <Button onClick={save} disabled={!item || !quantity} loading={deliver.isPending}>
          {k.deliver}
        </Button>
      </Space>
    </Card>
  );
}

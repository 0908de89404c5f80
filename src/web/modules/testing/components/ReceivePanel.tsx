import { useState } from 'react';
import { Button, Card, Empty, Table, type TableColumnsType } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { usePendingShipments, type ReceivedView, type ShipmentView } from '../hooks/useShipments';
import { ReceiveReportView } from './ReceiveReportView';
import { ShipmentReceive } from './ShipmentReceive';

/** The lab's intake: shipments on their way to it, one received at a time by scanning, and what the scan found. */
export function ReceivePanel({ labId }: { labId: string }) {
  const { m, num, dateTime } = useI18n();
  const l = m.lab;
  const pending = usePendingShipments(labId);
  const [receiving, setReceiving] = useState<ShipmentView | null>(null);
  const [report, setReport] = useState<ReceivedView | null>(null);

  const columns: TableColumnsType<ShipmentView> = [
    { title: l.shipment, dataIndex: 'code' },
    { title: l.team, dataIndex: 'teamName', responsive: ['sm'] },
    { title: l.commune, dataIndex: 'communeCode', responsive: ['md'], render: (c: string) => <UnitName code={c} /> },
    { title: l.sentAt, dataIndex: 'sentAt', responsive: ['sm'], render: (t: string) => dateTime(t) },
    { title: l.tubes, dataIndex: 'tubes', align: 'right', render: (n: number) => num(n) },
    {
      title: m.common.actions,
      key: 'receive',
      render: (_, r) => (
        <Button
          type={receiving?.id === r.id ? 'primary' : 'default'}
          onClick={() => {
            setReport(null);
            setReceiving(r);
          }}
          data-testid="shipment-receive"
        >
          {l.receive}
        </Button>
      ),
    },
  ];

  return (
    <>
      {report ? <ReceiveReportView report={report} onClose={() => setReport(null)} /> : null}
      {receiving ? (
        <ShipmentReceive
          key={receiving.id}
          shipment={receiving}
          onCancel={() => setReceiving(null)}
          onDone={(r) => {
            setReceiving(null);
            setReport(r);
          }}
        />
      ) : null}
      <Card size="small" title={l.pending}>
        {pending.error ? (
          <QueryError error={pending.error} onRetry={() => void pending.refetch()} />
        ) : (
          <Table<ShipmentView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={pending.data ?? []}
            loading={pending.isFetching && !pending.data}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={l.noPending} /> }}
            data-testid="pending-shipments"
          />
        )}
      </Card>
    </>
  );
}

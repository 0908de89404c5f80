import { useState } from 'react';
import { Button, Popover, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { pathOf } from '@web/lib/api';
import { VnDateInput } from '@web/ui/VnDateInput';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The certificates of everyone released from a room on a day, as one PDF to print. */
export function GroupCertificates({ roomId, today }: { roomId: string; today: string }) {
  const { m } = useI18n();
  const k = m.facilityPage;
  const [day, setDay] = useState<string | null>(today);
  const ok = !!day && ISO.test(day);
  const url = ok ? pathOf('/api/quarantine/rooms/:id/certificates', { params: { id: roomId }, query: { day, format: 'pdf' } }) : undefined;
  return (
    <Popover
      trigger="click"
      title={k.groupCertificates}
      content={
        <Space direction="vertical">
          <label>
            <div>{k.groupDay}</div>
            <VnDateInput value={day} onChange={setDay} />
          </label>
          <Button type="primary" href={url} download disabled={!ok} icon={<PrinterOutlined />}>
            {k.groupPrint}
          </Button>
        </Space>
      }
    >
      <Button size="small" icon={<PrinterOutlined />}>
        {k.groupCertificates}
      </Button>
    </Popover>
  );
}

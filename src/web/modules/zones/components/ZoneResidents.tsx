import { useState } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import type { PersonView } from '@server/modules/people/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Link } from 'react-router';
import { useZoneResidents } from '../hooks/useLockdown';

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The residents of a zone, shown on demand (each opening is audited as a read) and downloadable as CSV. */
export function ZoneResidents({ zoneId, zoneName }: { zoneId: string; zoneName: string }) {
  const { m } = useI18n();
  const k = m.lockdown;
  const [open, setOpen] = useState(false);
  const residents = useZoneResidents(zoneId, open);

  function download(persons: PersonView[]) {
    const rows = [[k.fullName, k.birthYear, k.phone, k.address], ...persons.map((p) => [p.fullName, p.birthYear, p.phone, p.address])];
    const text = '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `nguoi-dan-${zoneName.replace(/\s+/g, '-')}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  if (!open)
    return (
      <Button icon={<TeamOutlined />} style={{ marginTop: 12 }} onClick={() => setOpen(true)}>
        {k.showResidents}
      </Button>
    );
  const data = residents.data;
  return (
    <div style={{ marginTop: 12 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button icon={<DownloadOutlined />} disabled={!data?.persons.length} onClick={() => data && download(data.persons)}>
          {k.exportResidents}
        </Button>
        {data?.hidden ? <Typography.Text type="secondary">{fill(k.hiddenResidents, { n: data.hidden })}</Typography.Text> : null}
      </Space>
      <Table<PersonView>
        rowKey="id"
        size="small"
        loading={residents.isPending}
        dataSource={data?.persons ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: k.fullName, dataIndex: 'fullName', render: (n: string, p) => <Link to={paths.person(p.id)}>{n}</Link> },
          { title: k.birthYear, dataIndex: 'birthYear' },
          { title: k.phone, dataIndex: 'phone' },
          { title: k.address, dataIndex: 'address' },
        ]}
      />
    </div>
  );
}

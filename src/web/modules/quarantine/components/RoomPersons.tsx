import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { FacilityDetail, StayView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { pathOf } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { AbsenceDialog } from './AbsenceDialog';
import { GroupCertificates } from './GroupCertificates';
import { ReleaseDialog } from './ReleaseDialog';
import { TestDays } from './TestDays';
import { TransferDialog } from './TransferDialog';

type Action = { kind: 'transfer' | 'release' | 'absence'; stay: StayView };

const certificateUrl = (id: string, format: 'pdf' | 'docx') => pathOf('/api/quarantine/stays/:id/certificate', { params: { id }, query: { format } });

/** The persons of one room (present, and those who left today) with their plan, tests and what can be done for each. */
export function RoomPersons({ detail, roomId }: { detail: FacilityDetail; roomId: string }) {
  const { m, date } = useI18n();
  const k = m.facilityPage;
  const q = m.quarantine;
  const [action, setAction] = useState<Action | null>(null);
  const room = detail.rooms.find((r) => r.id === roomId)!;
  const stays = detail.stays.filter((s) => s.roomId === roomId);
  const close = () => setAction(null);
  return (
    <section data-testid="room-persons">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
        <h3 style={{ margin: 0 }}>{fill(k.roomTitle, { code: room.code })}</h3>
        <Space wrap>
          {room.occupied < room.beds ? <Link to={paths.admission(detail.facility.id, room.id)}>{k.admitHere}</Link> : null}
          <GroupCertificates roomId={room.id} today={detail.day} />
        </Space>
      </Space>
      <Table<StayView>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={stays}
        locale={{ emptyText: k.roomEmpty }}
        columns={[
          { title: k.bed, dataIndex: 'bed', width: 60 },
          {
            title: k.person,
            dataIndex: 'personName',
            render: (name: string, s) => (
              <div>
                <strong>{name}</strong> {s.birthYear ? `(${s.birthYear})` : ''}
                <div>
                  {s.positiveOn ? <Tag color="red">{fill(q.positiveOn, { day: date(s.positiveOn).slice(0, 5) })}</Tag> : null}
                  {s.status !== 'open' ? <Tag>{`${q.stayStatuses[s.status]} ${date(s.endedOn)}`}</Tag> : null}
                </div>
              </div>
            ),
          },
          { title: k.cls, dataIndex: 'reason', render: (r: StayView['reason']) => q.reasons[r] },
          { title: k.entry, dataIndex: 'admittedOn', render: date },
          { title: k.lastDay, dataIndex: 'lastDay', render: (d: string) => <span data-testid="stay-last-day">{date(d)}</span> },
          { title: k.tests, key: 'tests', render: (_, s) => <TestDays stay={s} today={detail.day} /> },
          {
            title: m.common.actions,
            key: 'actions',
            render: (_, s) =>
              s.status === 'open' ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setAction({ kind: 'transfer', stay: s })}>
                    {k.transfer}
                  </Button>
                  <Button size="small" type="primary" onClick={() => setAction({ kind: 'release', stay: s })}>
                    {k.release}
                  </Button>
                  <Button size="small" onClick={() => setAction({ kind: 'absence', stay: s })}>
                    {k.absence}
                  </Button>
                </Space>
              ) : s.status === 'released' ? (
                <Space size={4} wrap>
                  <a href={certificateUrl(s.id, 'pdf')} download data-testid="certificate-pdf">
                    <DownloadOutlined /> {k.certificatePdf}
                  </a>
                  <a href={certificateUrl(s.id, 'docx')} download>
                    <DownloadOutlined /> {k.certificateDocx}
                  </a>
                </Space>
              ) : null,
          },
        ]}
      />
      {action?.kind === 'transfer' ? <TransferDialog stay={action.stay} from={detail.facility} today={detail.day} onClose={close} /> : null}
      {action?.kind === 'release' ? <ReleaseDialog stay={action.stay} today={detail.day} onClose={close} /> : null}
      {action?.kind === 'absence' ? <AbsenceDialog stay={action.stay} today={detail.day} onClose={close} /> : null}
    </section>
  );
}

import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Card, Col, Descriptions, Row, Space, Statistic } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import type { FacilityDetail } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { PageSpinner } from '@web/ui/PageSpinner';
import { QueryError } from '@web/ui/QueryError';
import { BedsBar } from '../components/BedsBar';
import { FacilityEditDialog } from '../components/FacilityEditDialog';
import { FacilityStatusTag } from '../components/FacilityStatusTag';
import { RoomGrid } from '../components/RoomGrid';
import { RoomPersons } from '../components/RoomPersons';
import { SuppliesCard } from '../components/SuppliesCard';
import { TasksCard } from '../components/TasksCard';
import { useFacility } from '../hooks/useQuarantine';

/** One facility: its figures, rooms by area with their cohorts, the persons of the room opened, open tasks and supplies. */
export function FacilityPage() {
  const { id } = useParams();
  const { m } = useI18n();
  const b = m.quarantineBoard;
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const detail = useFacility(id);
  const [editing, setEditing] = useState(false);
  if (detail.isPending) return <PageSpinner />;
  const crumbs = [{ title: <Link to={paths.quarantine}>{b.title}</Link> }, { title: detail.data?.facility.name ?? '' }];
  if (detail.error)
    return (
      <Page title={b.title} crumbs={crumbs}>
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </Page>
    );
  const d = detail.data;
  const f = d.facility;
  const roomId = search.get('room');
  const room = d.rooms.find((r) => r.id === roomId);
  return (
    <Page
      title={f.name}
      crumbs={crumbs}
      extra={
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {m.facilityPage.edit}
          </Button>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate(paths.admission(f.id, room?.id))}>
            {m.quarantine.admit}
          </Button>
        </Space>
      }
    >
      <FacilityFigures detail={d} />
      <Card size="small" title={m.facilityPage.rooms} style={{ marginBottom: 16 }}>
        <RoomGrid rooms={d.rooms} selected={room?.id ?? null} onOpen={(r) => setSearch(r === roomId ? {} : { room: r }, { replace: true })} />
      </Card>
      {room ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <RoomPersons detail={d} roomId={room.id} />
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <TasksCard tasks={d.tasks} today={d.day} />
        </Col>
        <Col xs={24} xl={9}>
          <SuppliesCard facilityId={f.id} />
        </Col>
      </Row>
      {editing ? <FacilityEditDialog facility={f} onClose={() => setEditing(false)} /> : null}
    </Page>
  );
}

function FacilityFigures({ detail }: { detail: FacilityDetail }) {
  const { m, num } = useI18n();
  const k = m.facilityPage;
  const q = m.quarantine;
  const f = detail.facility;
  const used = (u: number, t: number) => fill(q.usedOf, { used: num(u), total: num(t) });
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={k.tier}>{`${f.tierName} (${q.kinds[f.kind]})`}</Descriptions.Item>
        <Descriptions.Item label={k.managingAgency}>{f.managingAgency}</Descriptions.Item>
        <Descriptions.Item label={k.status}>
          <FacilityStatusTag facility={f} />
        </Descriptions.Item>
        <Descriptions.Item label={k.place}>{f.place}</Descriptions.Item>
        <Descriptions.Item label={k.address}>{f.address}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} lg={6}>
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>{q.beds}</div>
          <BedsBar occupied={f.occupied} beds={f.beds} />
        </Col>
        {(
          [
            [q.free, num(f.free)],
            [q.icu, used(f.icuUsed, f.icuBeds)],
            [q.oxygen, used(f.oxygenUsed, f.oxygenPoints)],
            [k.admittedToday, num(detail.admittedToday)],
            [k.releasedToday, num(detail.releasedToday)],
          ] as const
        ).map(([title, value]) => (
          <Col key={title} xs={12} sm={6} lg={3}>
            <Statistic title={title} value={value} valueStyle={{ fontSize: 20 }} />
          </Col>
        ))}
      </Row>
    </>
  );
}

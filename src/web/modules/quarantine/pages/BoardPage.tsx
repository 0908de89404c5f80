import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Space } from 'antd';
import { HomeOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { CapacityFigures } from '../components/CapacityFigures';
import { FacilitiesTable } from '../components/FacilitiesTable';
import { FacilityCreateDialog } from '../components/FacilityCreateDialog';
import { TierTable } from '../components/TierTable';
import { useBoard } from '../hooks/useQuarantine';

/** The occupancy board: the city's beds and their use, by tier and by facility, with the releases due this week. */
export function BoardPage() {
  const { m, date } = useI18n();
  const b = m.quarantineBoard;
  const { can } = useAuth();
  const navigate = useNavigate();
  const board = useBoard();
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title={b.title}
      crumbs={[{ title: b.title }]}
      extra={
        <Space wrap>
          {can('quarantine.stays') ? (
            <>
              <Button icon={<HomeOutlined />} onClick={() => navigate(paths.homeCare)}>
                {b.homeCare}
              </Button>
              <Button icon={<UserAddOutlined />} onClick={() => navigate(paths.admission())}>
                {m.quarantine.admit}
              </Button>
            </>
          ) : null}
          {can('quarantine.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {b.add}
            </Button>
          ) : null}
        </Space>
      }
    >
      <p style={{ marginTop: 0 }}>
        {b.intro} {board.data ? fill(b.dayLine, { day: date(board.data.day) }) : null}
      </p>
      {board.error ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data ? (
        <>
          <CapacityFigures board={board.data} />
          <TierTable tiers={board.data.tiers} />
        </>
      ) : null}
      <FacilitiesTable facilities={board.data?.facilities ?? []} loading={board.isPending} />
      {adding ? <FacilityCreateDialog onClose={() => setAdding(false)} onCreated={(id) => navigate(paths.facility(id))} /> : null}
    </Page>
  );
}

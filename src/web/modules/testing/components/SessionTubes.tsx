import { useState } from 'react';
import { Button, Card, Checkbox, Empty, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { formatDateTime } from '@domain/format';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import type { SessionView, TubeView } from '../hooks/useSessions';
import { SampleStatusTag } from './SampleStatusTag';
import { ShipDialog } from './ShipDialog';
import { TestResultTag } from './TestResultTag';

/** A tube the team still holds: collected, never shipped, not a rapid test (read on the spot). */
const unshipped = (t: TubeView) => t.status === 'collected' && !t.shipmentId && t.testType !== 'rapid_antigen';

/** The session's tubes, newest first, with their status and result; tubes not yet sent can be chosen and shipped. */
export function SessionTubes({ session, canShip }: { session: SessionView; canShip: boolean }) {
  const { m } = useI18n();
  const s = m.sampling;
  const [chosen, setChosen] = useState<string[]>([]);
  const [shipping, setShipping] = useState(false);
  const tubes = [...session.tubes].reverse();
  const open = tubes.filter(unshipped).map((t) => t.barcode);
  const selected = chosen.filter((b) => open.includes(b));

  return (
    <Card size="small" title={fill(s.tubes, { n: session.tubes.length })} style={{ marginBottom: 16 }} data-testid="session-tubes">
      {!tubes.length ? (
        <Empty description={s.noTubes} />
      ) : (
        <Checkbox.Group value={selected} onChange={(v) => setChosen(v as string[])} style={{ display: 'block' }}>
          {tubes.map((t) => (
            <div key={t.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="tube-row" data-barcode={t.barcode}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                {canShip && unshipped(t) ? <Checkbox value={t.barcode} aria-label={t.barcode} /> : null}
                <Typography.Text strong style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
                  {t.barcode}
                </Typography.Text>
                <SampleStatusTag status={t.status} />
                {t.result ? <TestResultTag result={t.result} ct={t.ctValue} /> : null}
              </div>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {s.testTypes[t.testType]} · {formatDateTime(t.collectedAt).slice(11)} · {fill(s.members, { n: t.membersCount })}
              </Typography.Text>
              <Typography.Text style={{ display: 'block', fontSize: 13 }}>
                {t.members.map((p) => `${p.fullName ?? m.common.none}${p.suspected ? ` (${s.suspected})` : ''}`).join(', ')}
              </Typography.Text>
            </div>
          ))}
        </Checkbox.Group>
      )}
      {canShip && open.length ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Button block onClick={() => setChosen(open)} data-testid="select-unshipped">
            {s.selectUnshipped}
          </Button>
          <Button block type="primary" icon={<SendOutlined />} disabled={!selected.length} onClick={() => setShipping(true)} data-testid="ship-open">
            {fill(s.ship, { n: selected.length })}
          </Button>
        </Space>
      ) : null}
      {shipping ? (
        <ShipDialog
          session={session}
          barcodes={selected}
          onClose={(shipped) => {
            setShipping(false);
            if (shipped) setChosen([]);
          }}
        />
      ) : null}
    </Card>
  );
}

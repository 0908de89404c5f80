import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Result } from 'antd';
import type { StayView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { AdmissionForm } from '../components/AdmissionForm';

/** Admission, on a phone at the gate of a site or on a desk: the form, then what was done and the next person. */
export function AdmissionPage() {
  const { m, date } = useI18n();
  const k = m.admission;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [admitted, setAdmitted] = useState<StayView | null>(null);
  const [round, setRound] = useState(0);
  const initial = { facilityId: params.get('facility') ?? undefined, roomId: params.get('room') ?? undefined };
  const place = (s: StayView) =>
    s.setting === 'home'
      ? m.quarantine.settings.home
      : [s.facilityName, s.roomCode, s.bed ? `${m.facilityPage.bed} ${s.bed}` : null].filter(Boolean).join(' · ');
  return (
    <Page title={k.title} crumbs={[{ title: <Link to={paths.quarantine}>{m.quarantineBoard.title}</Link> }, { title: k.title }]}>
      <Card style={{ maxWidth: 640 }}>
        {admitted ? (
          <Result
            status="success"
            title={fill(k.doneTitle, { name: admitted.personName })}
            subTitle={fill(k.doneLine, { place: place(admitted), from: date(admitted.startedOn), lastDay: date(admitted.lastDay) })}
            extra={[
              <Button
                key="next"
                type="primary"
                onClick={() => {
                  setAdmitted(null);
                  setRound((n) => n + 1);
                }}
              >
                {k.next}
              </Button>,
              admitted.facilityId ? (
                <Button key="facility" onClick={() => navigate(paths.facility(admitted.facilityId!) + (admitted.roomId ? `?room=${admitted.roomId}` : ''))}>
                  {k.viewFacility}
                </Button>
              ) : null,
            ]}
          />
        ) : (
          <>
            <p style={{ marginTop: 0 }}>{k.intro}</p>
            <AdmissionForm key={round} initial={initial} onAdmitted={setAdmitted} />
          </>
        )}
      </Card>
    </Page>
  );
}

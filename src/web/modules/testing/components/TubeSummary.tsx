import { Alert, Descriptions } from 'antd';
import { messageFor } from '@domain/error-catalog';
import { useI18n } from '@web/app/i18n/I18nProvider';
import type { SampleView } from '../hooks/useSamples';
import { SampleStatusTag } from './SampleStatusTag';
import { TestResultTag } from './TestResultTag';

/** The tube a technician scanned: its test type, how many persons are in it, where it is, its result so far. */
export function TubeSummary({ tube }: { tube: SampleView }) {
  const { m, lang, num, dateTime } = useI18n();
  const l = m.lab;
  const notReceived = tube.status === 'collected' || tube.status === 'in_transit';
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 12 }}
        data-testid="result-tube"
        items={[
          { key: 'barcode', label: l.barcode, children: <strong style={{ fontSize: 16 }}>{tube.barcode}</strong> },
          { key: 'type', label: l.testType, children: m.sampling.testTypes[tube.testType] },
          { key: 'members', label: l.members, children: num(tube.membersCount) },
          { key: 'collected', label: m.sampling.sessionDate, children: dateTime(tube.collectedAt) },
          {
            key: 'status',
            label: l.status,
            children: (
              <>
                <SampleStatusTag status={tube.status} />
                {tube.result ? <TestResultTag result={tube.result} ct={tube.ctValue} /> : null}
              </>
            ),
          },
        ]}
      />
      {notReceived ? (
        <Alert type="warning" showIcon message={messageFor('testing.sample_not_received', lang, { barcode: tube.barcode })} style={{ marginBottom: 12 }} />
      ) : null}
    </>
  );
}

import { Tag } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import type { SampleStatus } from '../hooks/useSessions';

const COLORS: Record<SampleStatus, string> = { collected: 'blue', in_transit: 'gold', received: 'cyan', resulted: 'default', retest: 'magenta' };

/** Where a tube is: collected, in transit, received by the lab, resulted, or to be retested. */
export function SampleStatusTag({ status }: { status: SampleStatus }) {
  const { m } = useI18n();
  return <Tag color={COLORS[status]}>{m.sampling.statuses[status]}</Tag>;
}

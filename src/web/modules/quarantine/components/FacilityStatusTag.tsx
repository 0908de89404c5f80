import { Tag } from 'antd';
import type { FacilityView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';

const COLOUR = { open: 'green', full: 'orange', closed: 'default' } as const;

/** Mở / Đầy / Đóng (khử khuẩn): an open facility without a free bed shows as full. */
export function FacilityStatusTag({ facility }: { facility: Pick<FacilityView, 'status' | 'beds' | 'free'> }) {
  const { m } = useI18n();
  const shown = facility.status === 'open' && facility.beds > 0 && facility.free === 0 ? 'full' : facility.status;
  return <Tag color={COLOUR[shown]}>{m.quarantine.statuses[shown]}</Tag>;
}

import { Progress } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

/** Occupied of total beds, as figures and a bar that turns orange at 80 % and red when full. */
export function BedsBar({ occupied, beds }: { occupied: number; beds: number }) {
  const { m, num } = useI18n();
  const share = beds ? occupied / beds : 0;
  return (
    <div style={{ minWidth: 140 }}>
      <span>{fill(m.quarantine.usedOf, { used: num(occupied), total: num(beds) })}</span>
      <Progress
        percent={Math.round(share * 100)}
        size="small"
        showInfo={false}
        strokeColor={share >= 1 ? '#cf1322' : share >= 0.8 ? '#fa8c16' : '#52c41a'}
        aria-label={fill(m.quarantine.usedOf, { used: num(occupied), total: num(beds) })}
      />
    </div>
  );
}

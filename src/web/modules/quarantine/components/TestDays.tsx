import { Space, Tag } from 'antd';
import type { StayView } from '@server/modules/quarantine/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';

/** A stay's test days: answered by a negative (✓), still due, or overdue (red). */
export function TestDays({ stay, today }: { stay: Pick<StayView, 'testDays' | 'testsDone'>; today: string }) {
  const { m, date } = useI18n();
  const k = m.facilityPage;
  const done = new Set(stay.testsDone);
  if (!stay.testDays.length) return <span>{m.common.none}</span>;
  return (
    <Space size={[4, 4]} wrap>
      {stay.testDays.map((d) => {
        const ok = done.has(d);
        const day = date(d).slice(0, 5);
        return (
          <Tag key={d} color={ok ? 'green' : d < today ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
            {fill(ok ? k.testDone : k.testDue, { day })}
          </Tag>
        );
      })}
    </Space>
  );
}

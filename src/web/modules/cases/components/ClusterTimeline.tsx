import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { casesPerDay } from '../cases-per-day';
import type { ChainNode } from '../hooks/useCases';

/** The cluster's epidemic curve as plain bars: one line per day, the bar's length the day's cases. */
export function ClusterTimeline({ nodes }: { nodes: ChainNode[] }) {
  const { m, date, num } = useI18n();
  const k = m.clusters;
  const days = casesPerDay(nodes);
  if (!days.length) return <p>{k.noCases}</p>;
  const max = Math.max(...days.map((d) => d.cases));
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0, maxWidth: 720 }} data-testid="cluster-timeline" aria-label={k.timeline}>
      {days.map(({ day, cases }) => (
        <li
          key={day}
          style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '2px 0' }}
          data-testid="timeline-day"
          aria-label={fill(k.dayCases, { day: date(day), n: num(cases) })}
        >
          <span style={{ width: 88, flex: 'none', fontVariantNumeric: 'tabular-nums' }}>{date(day)}</span>
          <span style={{ flex: 1, background: '#f5f5f5', borderRadius: 3, height: 16 }}>
            <span style={{ display: 'block', width: `${(cases / max) * 100}%`, height: '100%', background: '#cf1322', borderRadius: 3 }} />
          </span>
          <span style={{ width: 40, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{num(cases)}</span>
        </li>
      ))}
    </ol>
  );
}

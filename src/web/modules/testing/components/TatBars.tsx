import { formatPercent } from '@domain/format';
import { TAT_BUCKETS } from '@domain/testing';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import type { TestingFigures } from '../hooks/useTestingSummary';

/** Later buckets in warmer colours: the eye goes to the slow results. */
const COLORS = ['#389e0d', '#7cb305', '#d4b106', '#fa8c16', '#cf1322'];

/** Turnaround of the day's results as plain bars: one line per bucket, the bar's length its share. */
export function TatBars({ tat, resulted }: { tat: TestingFigures['tat']; resulted: number }) {
  const { m, num, lang } = useI18n();
  const t = m.testingSummary.tat;
  if (!resulted) return <p style={{ margin: 0 }}>{t.none}</p>;
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0, maxWidth: 720 }} data-testid="tat-bars" aria-label={t.title}>
      {TAT_BUCKETS.map((b, i) => {
        const share = tat[b] / resulted;
        return (
          <li
            key={b}
            style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '4px 0' }}
            aria-label={fill(t.bucket, { label: t[b], n: num(tat[b]), share: formatPercent(share, lang) })}
          >
            <span style={{ width: 80, flex: 'none' }}>{t[b]}</span>
            <span style={{ flex: 1, background: '#f5f5f5', borderRadius: 3, height: 16 }}>
              <span style={{ display: 'block', width: `${share * 100}%`, height: '100%', background: COLORS[i], borderRadius: 3 }} />
            </span>
            <span style={{ width: 110, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {num(tat[b])} ({formatPercent(share, lang)})
            </span>
          </li>
        );
      })}
    </ol>
  );
}

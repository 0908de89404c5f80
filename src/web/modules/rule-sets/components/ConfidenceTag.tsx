import { Tag } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';

const COLOURS = { V: 'green', P: 'gold', M: 'red' } as const;

/** [V]/[P]/[M] beside a rule value; M (from memory, unverified) spells out that it must be checked. */
export function ConfidenceTag({ tag }: { tag: 'V' | 'P' | 'M' }) {
  const { m } = useI18n();
  const text = m.ruleSets.tags[tag];
  return (
    <Tag color={COLOURS[tag]} title={text} style={{ marginInlineStart: 6 }} data-confidence={tag}>
      {tag === 'M' ? text : `[${tag}]`}
    </Tag>
  );
}

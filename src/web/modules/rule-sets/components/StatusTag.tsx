import { Tag } from 'antd';
import type { RuleSetView } from '@server/modules/rule-sets/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';

const COLOURS = { draft: 'default', active: 'green', retired: 'default' } as const;

export function StatusTag({ status, inForce }: { status: RuleSetView['status']; inForce?: boolean }) {
  const { m } = useI18n();
  return (
    <>
      <Tag color={COLOURS[status]}>{m.ruleSets.statuses[status]}</Tag>
      {inForce ? <Tag color="blue">{m.ruleSets.inForceToday}</Tag> : null}
    </>
  );
}

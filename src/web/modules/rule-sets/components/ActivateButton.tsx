import { App, Button, Popconfirm } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { formatDate } from '@domain/format';
import type { RuleSetView } from '@server/modules/rule-sets/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { errorMessage } from '@web/lib/form-errors';
import { useActivateRuleSet } from '../hooks/useRuleSets';

/** Puts a draft in force from its effective date, after a confirmation. */
export function ActivateButton({ ruleSet, size }: { ruleSet: RuleSetView; size?: 'small' | 'middle' }) {
  const { m, lang } = useI18n();
  const { message } = App.useApp();
  const activate = useActivateRuleSet();
  const r = m.ruleSets;
  return (
    <Popconfirm
      title={fill(r.activateConfirm, { n: ruleSet.version, from: formatDate(ruleSet.effectiveFrom) })}
      okText={r.activate}
      cancelText={m.common.cancel}
      onConfirm={async () => {
        try {
          await activate.mutateAsync(ruleSet.id);
          message.success(fill(r.activated, { n: ruleSet.version }));
        } catch (err) {
          message.error(errorMessage(err, m, lang));
        }
      }}
    >
      <Button size={size} type="primary" icon={<CheckCircleOutlined />} loading={activate.isPending}>
        {r.activate}
      </Button>
    </Popconfirm>
  );
}

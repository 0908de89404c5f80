import { App, Form, Input, Select } from 'antd';
import { formatDate } from '@domain/format';
import { decisionBody, type LevelRow, type RegimeView } from '@server/modules/zones/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useDecide } from '../hooks/useLevels';
import { FormDialog } from '@web/ui/FormDialog';
import { levelName } from './LevelTag';

type Values = Partial<Record<'level' | 'decisionNumber' | 'decidedOn' | 'effectiveFrom' | 'signer' | 'reason', string | null>>;

/** An official's decision on a unit's level: confirms the proposal of the day or overrides it, with number, signer and dates. */
export function DecisionDialog({ row, regime, onClose }: { row: LevelRow; regime: RegimeView; onClose(): void }) {
  const { m, lang } = useI18n();
  const k = m.levels;
  const { message } = App.useApp();
  const decide = useDecide();
  const proposal = row.proposal!;
  return (
    <FormDialog<Values, (typeof decisionBody)['_output']>
      title={fill(k.decisionTitle, { unit: row.name })}
      name="risk-decision"
      schema={decisionBody}
      fields={['level', 'decisionNumber', 'decidedOn', 'effectiveFrom', 'signer', 'reason', 'assessmentDay']}
      initialValues={{ level: proposal.level, decidedOn: proposal.day, effectiveFrom: proposal.day }}
      toInput={(v) => ({ ...v, assessmentDay: proposal.day })}
      labelOf={(p) => ((k as Record<string, unknown>)[String(p[0])] as string | undefined) ?? String(p[0])}
      pending={decide.isPending}
      submit={async (body) => {
        const saved = await decide.mutateAsync({ code: row.unitCode, body });
        message.success(fill(k.decided, { number: saved.decisionNumber }));
      }}
      onClose={onClose}
      intro={<p>{fill(k.decisionHelp, { day: formatDate(proposal.day), level: levelName(regime, proposal.level, lang) })}</p>}
    >
      {() => (
        <>
          <Form.Item name="level" label={k.level} required>
            <Select options={regime.levels.map((l) => ({ value: l.code, label: levelName(regime, l.code, lang) }))} />
          </Form.Item>
          <Form.Item name="decisionNumber" label={k.decisionNumber} required>
            <Input maxLength={60} autoComplete="off" placeholder="1234/QĐ-UBND" />
          </Form.Item>
          <Form.Item name="decidedOn" label={k.decidedOn} required>
            <VnDateInput />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={k.effectiveFrom} required>
            <VnDateInput />
          </Form.Item>
          <Form.Item name="signer" label={k.signer} required>
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
          <Form.Item name="reason" label={k.reason}>
            <Input.TextArea maxLength={1000} rows={2} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

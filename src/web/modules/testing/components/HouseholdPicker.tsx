import { Button, Typography } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { useHousehold } from '@web/modules/people/hooks/usePeople';
import { PersonSearchList } from './PersonSearchList';

/** A form control: the household is found through one of its members; once chosen, its address and a "change" button. */
export function HouseholdPicker({
  id,
  value,
  onChange,
  communeCode,
}: {
  id?: string;
  value?: string;
  onChange?(householdId: string | undefined): void;
  communeCode: string;
}) {
  const { m } = useI18n();
  const household = useHousehold(value);
  if (!value)
    return (
      <PersonSearchList id={id} testId="household-search" communeCode={communeCode} needHousehold onPick={(p) => onChange?.(p.householdId ?? undefined)} />
    );
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }} data-testid="household-picked">
      <Typography.Text strong style={{ flex: 1, minWidth: 0, fontSize: 16 }}>
        {household.data?.address ?? m.common.loading}
      </Typography.Text>
      <Button id={id} onClick={() => onChange?.(undefined)}>
        {m.sampling.change}
      </Button>
    </div>
  );
}

import { Button, Typography } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { usePerson } from '@web/modules/people/hooks/usePeople';
import { PersonSearchList } from './PersonSearchList';

/** A form control: a registered person found by name, ID or phone; once chosen, the name and a "change" button. */
export function PersonPicker({
  id,
  value,
  onChange,
  communeCode,
}: {
  id?: string;
  value?: string;
  onChange?(personId: string | undefined): void;
  communeCode: string;
}) {
  const { m } = useI18n();
  const person = usePerson(value);
  if (!value) return <PersonSearchList id={id} testId="person-search" communeCode={communeCode} onPick={(p) => onChange?.(p.id)} />;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }} data-testid="person-picked">
      <Typography.Text strong style={{ flex: 1, minWidth: 0, fontSize: 16 }}>
        {person.data ? `${person.data.fullName} (${person.data.birthYear})` : m.common.loading}
      </Typography.Text>
      <Button id={id} onClick={() => onChange?.(undefined)}>
        {m.sampling.change}
      </Button>
    </div>
  );
}

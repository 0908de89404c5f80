import { App, Form, InputNumber, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { labCapacityInput, teamCapacityInput, type CampaignDetail } from '@server/modules/campaigns/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { api } from '@web/lib/api';
import { useUnitChildren } from '@web/modules/geography/hooks/useUnits';
import { FormDialog } from '@web/ui/FormDialog';
import { useSetLab, useSetTeam } from '../hooks/useCampaigns';

interface TeamValues {
  teamId?: string;
  pooledPerDay?: number;
  antigenPerDay?: number;
  hamlets?: string[];
}

/** A team's households per day in the campaign (by method) and the hamlets it works. */
export function TeamCapacityDialog({ campaign, onClose }: { campaign: CampaignDetail; onClose(): void }) {
  const { m } = useI18n();
  const k = m.campaign;
  const { message } = App.useApp();
  const save = useSetTeam(campaign.id);
  const communes = new Set(campaign.communeProgress.map((c) => c.code));
  const teams = useQuery({ queryKey: ['campaigns', 'teams-of-testing'], queryFn: () => api.get('/api/testing/teams') });
  const labels: Record<string, string> = { teamId: k.team, pooledPerDay: k.pooledPerDay, antigenPerDay: k.antigenPerDay, hamlets: k.hamlets };
  return (
    <FormDialog<TeamValues, (typeof teamCapacityInput)['_output']>
      title={k.addTeam}
      name="campaign-team"
      schema={teamCapacityInput}
      fields={Object.keys(labels)}
      initialValues={{ pooledPerDay: 120, antigenPerDay: 150 }}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      pending={save.isPending}
      submit={async (body) => {
        await save.mutateAsync(body);
        message.success(k.saved);
      }}
      onClose={onClose}
    >
      {(form) => <TeamFields form={form} teams={(teams.data ?? []).filter((t) => communes.has(t.communeCode))} />}
    </FormDialog>
  );
}

function TeamFields({ form, teams }: { form: ReturnType<typeof Form.useForm<TeamValues>>[0]; teams: { id: string; name: string; communeCode: string }[] }) {
  const { m } = useI18n();
  const k = m.campaign;
  const teamId = Form.useWatch('teamId', form);
  const hamlets = useUnitChildren(teams.find((t) => t.id === teamId)?.communeCode ?? null);
  return (
    <>
      <Form.Item name="teamId" label={k.team} required>
        <Select showSearch optionFilterProp="label" options={teams.map((t) => ({ value: t.id, label: t.name }))} />
      </Form.Item>
      <Form.Item name="pooledPerDay" label={k.pooledPerDay} required>
        <InputNumber min={1} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="antigenPerDay" label={k.antigenPerDay} required>
        <InputNumber min={1} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="hamlets" label={k.hamlets}>
        <Select mode="multiple" allowClear placeholder={k.allHamlets} options={(hamlets.data ?? []).map((h) => ({ value: h.code, label: h.name }))} />
      </Form.Item>
    </>
  );
}

interface LabValues {
  labId?: string;
  pooledPerDay?: number;
  singlePerDay?: number;
  districts?: string[];
}

/** A lab's runs per day given to the campaign, and the districts whose tubes it receives. */
export function LabCapacityDialog({ campaign, onClose }: { campaign: CampaignDetail; onClose(): void }) {
  const { m } = useI18n();
  const k = m.campaign;
  const { message } = App.useApp();
  const save = useSetLab(campaign.id);
  const labs = useQuery({ queryKey: ['campaigns', 'labs-of-testing'], queryFn: () => api.get('/api/testing/labs') });
  const labels: Record<string, string> = { labId: k.lab, pooledPerDay: k.labPooled, singlePerDay: k.labSingle, districts: k.labDistricts };
  return (
    <FormDialog<LabValues, (typeof labCapacityInput)['_output']>
      title={k.addLab}
      name="campaign-lab"
      schema={labCapacityInput}
      fields={Object.keys(labels)}
      labelOf={(p) => labels[String(p[0])] ?? String(p[0])}
      pending={save.isPending}
      submit={async (body) => {
        await save.mutateAsync(body);
        message.success(k.saved);
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="labId" label={k.lab} required>
            <Select showSearch optionFilterProp="label" options={(labs.data ?? []).map((l) => ({ value: l.id, label: l.name }))} />
          </Form.Item>
          <Form.Item name="pooledPerDay" label={k.labPooled} required>
            <InputNumber min={1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="singlePerDay" label={k.labSingle} required>
            <InputNumber min={1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="districts" label={k.labDistricts}>
            <Select mode="multiple" allowClear placeholder={k.allDistricts} options={campaign.districts.map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

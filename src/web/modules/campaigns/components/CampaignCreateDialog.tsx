import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { addDays, vnDay } from '@domain/dates';
import { campaignInput } from '@server/modules/campaigns/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { FormDialog } from '@web/ui/FormDialog';
import { VnDateInput } from '@web/ui/VnDateInput';
import { useCreateCampaign } from '../hooks/useCampaigns';

interface Values {
  name?: string;
  legalBasis?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  communes?: { code?: string; everyDays?: number | null; method?: 'rt_pcr_pooled' | 'rapid_antigen' | null }[];
  groups?: { name?: string; communeCode?: string; occupations?: string[]; everyDays?: number | null; method?: 'rt_pcr_pooled' | 'rapid_antigen' | null }[];
}

/** A campaign: its name and legal basis, its period, its communes (interval and method from the rules unless given). */
export function CampaignCreateDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { m } = useI18n();
  const k = m.campaigns;
  const { message } = App.useApp();
  const create = useCreateCampaign();
  const labels: Record<string, string> = {
    name: k.name,
    legalBasis: k.legalBasis,
    startsOn: k.startsOn,
    endsOn: k.endsOn,
    communes: k.communes,
    groups: k.groups,
  };
  const fieldLabels: Record<string, string> = {
    everyDays: k.everyDays,
    method: k.method,
    code: k.commune,
    name: k.groupName,
    communeCode: k.groupCommune,
    occupations: k.occupations,
  };
  const labelOf = (p: (string | number)[]) =>
    (p[0] === 'communes' || p[0] === 'groups') && p.length > 2
      ? `${labels[p[0]]} ${Number(p[1]) + 1}: ${fieldLabels[String(p[2])] ?? String(p[2])}`
      : (labels[String(p[0])] ?? String(p[0]));
  return (
    <FormDialog<Values, (typeof campaignInput)['_output']>
      title={k.add}
      name="campaign-create"
      schema={campaignInput}
      fields={Object.keys(labels)}
      initialValues={{ startsOn: vnDay(), endsOn: addDays(vnDay(), 8), communes: [{}] }}
      toInput={(v) => ({
        ...v,
        communes: (v.communes ?? []).map((c) => ({ code: c.code, everyDays: c.everyDays ?? undefined, method: c.method ?? undefined })),
        groups: (v.groups ?? []).map((g) => ({ ...g, everyDays: g.everyDays ?? undefined, method: g.method ?? undefined })),
      })}
      labelOf={labelOf}
      pending={create.isPending}
      submit={async (input) => {
        const made = await create.mutateAsync(input);
        message.success(k.created);
        onCreated(made.id);
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="name" label={k.name} required>
            <Input maxLength={200} autoComplete="off" placeholder="Xét nghiệm diện rộng đợt 3" />
          </Form.Item>
          <Form.Item name="legalBasis" label={k.legalBasis} required>
            <Input maxLength={300} autoComplete="off" placeholder="TB 03-TB/BCĐ ngày 07/9/2021" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={k.startsOn} required>
              <VnDateInput />
            </Form.Item>
            <Form.Item name="endsOn" label={k.endsOn} required>
              <VnDateInput />
            </Form.Item>
          </Space>
          <Form.List name="communes">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[row.name, 'code']} label={`${k.commune} ${i + 1}`} required style={{ minWidth: 260 }}>
                      <UnitPicker leaf="commune" />
                    </Form.Item>
                    <Form.Item name={[row.name, 'everyDays']} label={k.everyDays} tooltip={k.everyDaysHelp}>
                      <InputNumber min={1} max={60} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'method']} label={k.method}>
                      <Select
                        allowClear
                        placeholder={k.methodDefault}
                        style={{ width: 220 }}
                        options={(['rt_pcr_pooled', 'rapid_antigen'] as const).map((v) => ({ value: v, label: m.methods[v] }))}
                      />
                    </Form.Item>
                    {rows.length > 1 ? (
                      <Button type="text" aria-label="−" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} style={{ marginTop: 30 }} />
                    ) : null}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {k.addCommune}
                </Button>
              </>
            )}
          </Form.List>
          <Form.List name="groups">
            {(rows, { add, remove }) => (
              <div style={{ marginTop: 16 }}>
                {rows.map((row, i) => (
                  <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[row.name, 'name']} label={`${k.groupName} ${i + 1}`} required>
                      <Input maxLength={200} autoComplete="off" placeholder="Tiểu thương chợ Xuân Khánh" style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'communeCode']} label={k.groupCommune} required style={{ minWidth: 260 }}>
                      <UnitPicker leaf="commune" />
                    </Form.Item>
                    <Form.Item name={[row.name, 'occupations']} label={k.occupations} tooltip={k.occupationsHelp} required>
                      <Select mode="tags" tokenSeparators={[',']} open={false} style={{ width: 240 }} placeholder="tiểu thương, giao hàng" />
                    </Form.Item>
                    <Form.Item name={[row.name, 'everyDays']} label={k.everyDays} tooltip={k.everyDaysHelp}>
                      <InputNumber min={1} max={60} style={{ width: 110 }} />
                    </Form.Item>
                    <Button type="text" aria-label="−" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} style={{ marginTop: 30 }} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {k.addGroup}
                </Button>
              </div>
            )}
          </Form.List>
        </>
      )}
    </FormDialog>
  );
}

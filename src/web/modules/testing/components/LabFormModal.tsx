import { useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { TEST_TYPES, type TestType } from '@domain/testing';
import { labInput } from '@server/modules/testing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { fill } from '@web/lib/fill';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors, type FieldPath } from '@web/lib/form-errors';
import { useSaveLab, type LabView } from '../hooks/useLabs';

interface Values {
  name?: string;
  address?: string | null;
  dailyCapacity?: Partial<Record<TestType, number | null>>;
  opensAt?: string;
  closesAt?: string;
  active: boolean;
}

const FIELDS = ['name', 'address', 'dailyCapacity', 'opensAt', 'closesAt', 'active'];

/** Adds or edits a lab: name, address, tests a day per test type, working hours, active. */
export function LabFormModal({ lab, onClose }: { lab?: LabView; onClose(): void }) {
  const { m, lang } = useI18n();
  const l = m.lab;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveLab(lab?.id);
  const [general, setGeneral] = useState<string | null>(null);
  const labels: Record<string, string> = { name: l.name, address: l.address, opensAt: l.opensAt, closesAt: l.closesAt, ...m.sampling.testTypes };
  const labelOf = (p: FieldPath) => labels[String(p[p.length - 1])] ?? String(p[0]);

  const submit = async () => {
    setGeneral(null);
    const v = form.getFieldsValue(true) as Values;
    const dailyCapacity = Object.fromEntries(Object.entries(v.dailyCapacity ?? {}).filter(([, n]) => n !== null && n !== undefined));
    const input = {
      name: v.name ?? '',
      address: v.address ?? null,
      dailyCapacity,
      opensAt: v.opensAt?.trim() ?? '',
      closesAt: v.closesAt?.trim() ?? '',
      active: v.active,
    };
    const parsed = labInput.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, input, lang, m, labelOf));
      return;
    }
    try {
      const saved = await save.mutateAsync(parsed.data);
      message.success(fill(l.labSaved, { name: saved.name }));
      onClose();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, FIELDS, m, lang);
      showFieldErrors(form, fields);
      setGeneral(text);
    }
  };

  return (
    <Modal
      open
      title={lab ? fill(l.editLab, { name: lab.name }) : l.addLab}
      okText={m.common.save}
      cancelText={m.common.cancel}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      width={640}
    >
      {general ? <Alert type="error" showIcon message={general} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        name="lab"
        layout="vertical"
        initialValues={
          lab
            ? { name: lab.name, address: lab.address, dailyCapacity: lab.dailyCapacity, opensAt: lab.opensAt, closesAt: lab.closesAt, active: lab.active }
            : { opensAt: '07:00', closesAt: '22:00', active: true, dailyCapacity: {} }
        }
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        onFinish={() => void submit()}
      >
        <Form.Item name="name" label={l.name} required>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={l.address}>
          <Input maxLength={300} />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{l.capacity}</legend>
          <Row gutter={16}>
            {TEST_TYPES.map((t) => (
              <Col key={t} xs={24} sm={8}>
                <Form.Item name={['dailyCapacity', t]} label={m.sampling.testTypes[t]}>
                  <InputNumber min={0} max={1_000_000} controls={false} inputMode="numeric" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </fieldset>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="opensAt" label={l.opensAt} required>
              <Input inputMode="numeric" maxLength={5} placeholder="07:00" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="closesAt" label={l.closesAt} required>
              <Input inputMode="numeric" maxLength={5} placeholder="22:00" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="active" label={l.active} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

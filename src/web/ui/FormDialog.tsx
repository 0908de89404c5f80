import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { ZodType } from 'zod';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { clearChangedErrors, showFieldErrors, splitProblem, zodFieldErrors, type FieldPath } from '@web/lib/form-errors';

/**
 * A modal form checked by the route's own zod schema before it is sent, with the server's field errors put back under
 * their fields and any other error above the form. Nothing is sent while a field is wrong.
 */
export function FormDialog<V extends object, I>(props: {
  title: ReactNode;
  name: string;
  schema: ZodType<I>;
  /** The form's top-level field names (server errors on other fields show above the form). */
  fields: readonly string[];
  initialValues?: Partial<V>;
  /** The request body from the form's values. */
  toInput?: (values: V) => unknown;
  /** Maps a body field to the form field showing it (when they differ). */
  fieldOf?: (path: FieldPath) => FieldPath;
  labelOf: (path: FieldPath) => string;
  pending: boolean;
  submit(input: I): Promise<unknown>;
  onClose(): void;
  intro?: ReactNode;
  children: (form: FormInstance<V>) => ReactNode;
}) {
  const { m, lang } = useI18n();
  const [form] = Form.useForm<V>();
  const [general, setGeneral] = useState<string | null>(null);
  const fieldOf = props.fieldOf ?? ((p: FieldPath) => p);

  async function submit() {
    setGeneral(null);
    const values = form.getFieldsValue(true) as V;
    const input = props.toInput ? props.toInput(values) : values;
    const parsed = props.schema.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(
        form,
        zodFieldErrors(parsed.error, input, lang, m, props.labelOf).map((e) => ({ ...e, name: fieldOf(e.name) })),
      );
      return;
    }
    try {
      await props.submit(parsed.data);
      props.onClose();
    } catch (err) {
      const { fields, general: text } = splitProblem(err, props.fields, m, lang);
      showFieldErrors(
        form,
        fields.map((e) => ({ ...e, name: fieldOf(e.name) })),
      );
      setGeneral(text);
    }
  }

  return (
    <Modal
      open
      title={props.title}
      okText={m.common.save}
      cancelText={m.common.cancel}
      okButtonProps={{ loading: props.pending }}
      onCancel={props.onClose}
      onOk={() => void submit()}
    >
      {props.intro}
      {general ? <Alert type="error" showIcon message={general} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        name={props.name}
        initialValues={props.initialValues}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        onFinish={() => void submit()}
      >
        {props.children(form)}
      </Form>
    </Modal>
  );
}

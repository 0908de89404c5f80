import { useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { exposureSetting } from '@server/modules/tracing/schemas';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ApiError } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { errorMessage, problemFieldErrors } from '@web/lib/form-errors';
import { useAddContacts, useContactTypes } from '../hooks/useCases';
import { LINE_COLUMNS, emptyRow, parsePasted, validateRows, type LineColumn, type LineRow } from '../line-list';

/** The contact line list: type rows, or paste lines copied from Excel; every row is checked, then all are saved at once. */
export function LineListEditor({ caseId }: { caseId: string }) {
  const { m, lang } = useI18n();
  const c = m.cases;
  const { message } = App.useApp();
  const types = useContactTypes();
  const add = useAddContacts(caseId);
  const [rows, setRows] = useState<LineRow[]>(() => [emptyRow()]);
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const labelOf = (col: string) => (col === 'endAt' ? c.endAt : col === 'startAt' ? c.from : (((c as Record<string, unknown>)[col] as string) ?? col));

  const set = (i: number, col: LineColumn, v: string) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [col]: v } : r)));
    setErrors(({ [`${i}.${col}`]: _, ...rest }) => rest);
  };

  function fillFromPaste() {
    const parsed = parsePasted(pasted, types.data ?? [], m);
    if (!parsed.length) return;
    const kept = rows.filter((r) => LINE_COLUMNS.some((col) => r[col].trim()));
    setRows([...kept, ...parsed]);
    setPasted('');
    setErrors({});
  }

  async function saveAll() {
    setGeneral(null);
    const filled = rows.filter((r) => LINE_COLUMNS.some((col) => r[col].trim()));
    setRows(filled.length ? filled : [emptyRow()]);
    if (!filled.length) return;
    const { lines, errors: found } = validateRows(filled, labelOf, m, lang);
    setErrors(found);
    if (Object.keys(found).length) {
      setGeneral(m.common.fixErrors);
      return;
    }
    try {
      const res = await add.mutateAsync(lines);
      message.success(fill(c.contactsSaved, { n: String(res.exposures), created: String(res.created) }));
      setRows([emptyRow()]);
      setErrors({});
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(Object.fromEntries(problemFieldErrors(err.problem).map((e) => [e.name.join('.').replace(/^rows\./, ''), e.errors[0]])));
      }
      setGeneral(errorMessage(err, m, lang));
    }
  }

  const cell = (col: LineColumn, width: number) => ({
    title: col === 'startAt' ? c.startAt : labelOf(col),
    key: col,
    width,
    render: (_: unknown, r: LineRow, i: number) => {
      const err = errors[`${i}.${col}`];
      const common = { 'aria-label': `${labelOf(col)} ${i + 1}`, status: err ? ('error' as const) : undefined };
      let input: React.ReactNode;
      if (col === 'sex') {
        input = (
          <Select
            {...common}
            style={{ width: '100%' }}
            value={r.sex || undefined}
            onChange={(v: string) => set(i, col, v)}
            options={[
              { value: 'male', label: c.sexes.male },
              { value: 'female', label: c.sexes.female },
            ]}
          />
        );
      } else if (col === 'contactType') {
        input = (
          <Select
            {...common}
            style={{ width: '100%' }}
            value={r.contactType || undefined}
            onChange={(v: string) => set(i, col, v)}
            popupMatchSelectWidth={false}
            options={(types.data ?? []).map((t) => ({ value: t.code, label: lang === 'vi' ? t.nameVi : t.code }))}
          />
        );
      } else if (col === 'setting') {
        input = (
          <Select
            {...common}
            style={{ width: '100%' }}
            value={r.setting || undefined}
            onChange={(v: string) => set(i, col, v)}
            options={exposureSetting.options.map((s) => ({ value: s, label: c.settings[s] }))}
          />
        );
      } else {
        input = (
          <Input
            {...common}
            value={r[col]}
            onChange={(e) => set(i, col, e.target.value)}
            placeholder={col === 'startAt' || col === 'endAt' ? 'dd/mm/yyyy hh:mm' : undefined}
          />
        );
      }
      return err ? (
        <div data-testid={`line-error-${i}-${col}`}>
          {input}
          <div role="alert" style={{ color: '#cf1322', fontSize: 12 }}>
            {err}
          </div>
        </div>
      ) : (
        input
      );
    },
  });

  const widths: Record<LineColumn, number> = {
    fullName: 180,
    birthYear: 80,
    sex: 90,
    nationalId: 130,
    phone: 120,
    communeCode: 100,
    contactType: 200,
    setting: 140,
    startAt: 150,
    endAt: 150,
  };
  const columns: TableColumnsType<LineRow> = [
    ...LINE_COLUMNS.map((col) => cell(col, widths[col])),
    {
      key: 'remove',
      width: 48,
      render: (_, __, i) => (
        <Button
          aria-label={c.remove}
          icon={<DeleteOutlined />}
          onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((_, j) => j !== i) : [emptyRow()]))}
        />
      ),
    },
  ];

  return (
    <Card size="small" title={c.lineList} style={{ marginTop: 16 }} data-testid="line-list">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={c.pasteHint}
          placeholder={c.pasteHint}
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          data-testid="line-paste"
        />
        <Button onClick={fillFromPaste} disabled={!pasted.trim()} data-testid="line-fill">
          {c.pasteFill}
        </Button>
        {general ? <Alert type="error" showIcon message={general} data-testid="line-error" /> : null}
        <Table<LineRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="line-table"
        />
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, emptyRow()])}>
            {c.addRow}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={add.isPending} onClick={() => void saveAll()} data-testid="line-save">
            {c.saveAll}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

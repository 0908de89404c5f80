import { Link, useSearchParams } from 'react-router';
import { Button, Form, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { detectedIn as detectedInEnum } from '@server/modules/cases/schemas';
import type { CaseView } from '@server/modules/cases/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { pathOf } from '@web/lib/api';
import { fill } from '@web/lib/fill';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { VnDateInput } from '@web/ui/VnDateInput';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { PersonLink } from '../components/PersonLink';
import { CASE_PAGE_SIZES, caseFiltersOf, caseQuery, useCaseList } from '../hooks/useCases';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The case list: unit, confirmation dates, detection setting and status filters kept in the URL; server paging; Excel export. */
export function CasesPage() {
  const { can } = useAuth();
  const { m, num, date } = useI18n();
  const c = m.cases;
  const [params, setParams] = useSearchParams();
  const filters = caseFiltersOf(params);
  const { data, error, isFetching, isPlaceholderData, refetch } = useCaseList(filters);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  }
  const setDate = (key: 'from' | 'to') => (v: string | null) => {
    if (v === null || ISO.test(v)) update({ [key]: v, page: null });
  };

  const columns: TableColumnsType<CaseView> = [
    { title: c.caseCode, dataIndex: 'caseCode', render: (code: string, r) => <Link to={paths.caseDetail(r.id)}>{code}</Link> },
    { title: c.person, dataIndex: 'personId', render: (id: string) => <PersonLink id={id} /> },
    { title: c.confirmedOn, dataIndex: 'confirmedOn', render: (d: string) => date(d) },
    { title: c.detectedIn, dataIndex: 'detectedIn', responsive: ['md'], render: (d: CaseView['detectedIn']) => c.detectedIns[d] },
    { title: c.clinicalStatus, dataIndex: 'clinicalStatus', responsive: ['lg'], render: (s: CaseView['clinicalStatus']) => c.clinicalStatuses[s] },
    { title: m.units.commune, dataIndex: 'communeCode', responsive: ['sm'], render: (code: string) => <UnitName code={code} /> },
    { title: c.status, dataIndex: 'status', render: (s: CaseView['status']) => <Tag color={s === 'active' ? 'red' : 'default'}>{c.statuses[s]}</Tag> },
  ];

  const extra = (
    <Space wrap>
      <a href={pathOf('/api/cases/export.xlsx', { query: caseQuery(filters) })} download data-testid="cases-export">
        <Button icon={<FileExcelOutlined />}>{c.exportExcel}</Button>
      </a>
      {can('cases.write') ? (
        <Link to={paths.newCase()}>
          <Button type="primary" icon={<PlusOutlined />}>
            {c.newCase}
          </Button>
        </Link>
      ) : null}
    </Space>
  );

  return (
    <Page title={c.title} crumbs={[{ title: c.title }]} extra={extra}>
      <Form layout="vertical" name="case-filters" onSubmitCapture={(e) => e.preventDefault()}>
        <div className="tc-filters">
          <Form.Item label={m.units.filter} htmlFor="cases-unit" style={{ marginBottom: 0, flexGrow: 3, maxWidth: 720 }}>
            <UnitPicker id="cases-unit" leaf="commune" anyLevel value={filters.unit} onChange={(code) => update({ unit: code ?? null, page: null })} />
          </Form.Item>
          <Form.Item label={c.from} htmlFor="cases-from" style={{ marginBottom: 0, width: 140 }}>
            <VnDateInput id="cases-from" value={filters.from ?? null} onChange={setDate('from')} />
          </Form.Item>
          <Form.Item label={c.to} htmlFor="cases-to" style={{ marginBottom: 0, width: 140 }}>
            <VnDateInput id="cases-to" value={filters.to ?? null} onChange={setDate('to')} />
          </Form.Item>
          <Form.Item label={c.detectedIn} htmlFor="cases-detected" style={{ marginBottom: 0, minWidth: 200 }}>
            <Select
              id="cases-detected"
              allowClear
              placeholder={c.all}
              value={filters.detectedIn}
              onChange={(v?: string) => update({ detectedIn: v ?? null, page: null })}
              options={detectedInEnum.options.map((d) => ({ value: d, label: c.detectedIns[d] }))}
            />
          </Form.Item>
          <Form.Item label={c.status} htmlFor="cases-status" style={{ marginBottom: 0, minWidth: 160 }}>
            <Select
              id="cases-status"
              allowClear
              placeholder={c.all}
              value={filters.status}
              onChange={(v?: string) => update({ status: v ?? null, page: null })}
              options={(['active', 'withdrawn'] as const).map((s) => ({ value: s, label: c.statuses[s] }))}
            />
          </Form.Item>
        </div>
      </Form>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<CaseView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching && (isPlaceholderData || !data)}
          scroll={{ x: 'max-content' }}
          data-testid="cases-table"
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: CASE_PAGE_SIZES,
            showSizeChanger: true,
            showTotal: () => (data ? fill(c.total, { n: num(data.total) }) : ''),
            onChange: (p, size) =>
              update({ page: size !== filters.pageSize || p === 1 ? null : String(p), size: size === CASE_PAGE_SIZES[0] ? null : String(size) }),
          }}
        />
      )}
    </Page>
  );
}

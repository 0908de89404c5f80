import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Form, Input, Space, Table, type TableColumnsType } from 'antd';
import { HomeOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import type { PersonView } from '@server/modules/people/schemas';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { fill } from '@web/lib/fill';
import { useDebounced } from '@web/lib/useDebounced';
import { Page } from '@web/ui/Page';
import { QueryError } from '@web/ui/QueryError';
import { UnitName } from '@web/modules/geography/components/UnitName';
import { UnitPicker } from '@web/modules/geography/components/UnitPicker';
import { PAGE_SIZES, searchParamsOf, usePersonSearch } from '../hooks/usePeople';

/** Live search (debounced, diacritics ignored by the server), unit filter, server-side paging; state kept in the URL. */
export function PeopleSearchPage() {
  const { can } = useAuth();
  const { m, num, date } = useI18n();
  const p = m.people;
  const [params, setParams] = useSearchParams();
  const search = searchParamsOf(params);
  const { unit, page, pageSize } = search;
  const q = search.q ?? '';

  const [text, setText] = useState(q);
  const typed = useDebounced(text.trim(), 300);
  useEffect(() => {
    // Typing settled: it becomes the URL's q (the URL stays the truth, so back/forward restore a search).
    if (typed !== q.trim()) update({ q: typed || null, page: null });
  }, [typed]);
  useEffect(() => {
    if (q.trim() !== typed) setText(q);
  }, [q]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  }

  const { data, error, isFetching, isPlaceholderData, refetch } = usePersonSearch(search);

  const columns: TableColumnsType<PersonView> = [
    { title: p.fullName, dataIndex: 'fullName', render: (name: string, r) => <Link to={paths.person(r.id)}>{name}</Link> },
    { title: p.birth, key: 'birth', render: (_, r) => (r.birthDate ? date(r.birthDate) : r.birthYear) },
    { title: p.sex, dataIndex: 'sex', responsive: ['md'], render: (s: PersonView['sex']) => p.sexes[s] },
    { title: p.nationalId, dataIndex: 'nationalId', responsive: ['sm'], render: (v: string | null) => v ?? m.common.none },
    { title: p.phone, dataIndex: 'phone', responsive: ['lg'], render: (v: string | null) => v ?? m.common.none },
    { title: p.commune, dataIndex: 'communeCode', render: (c: string) => <UnitName code={c} /> },
    { title: p.address, dataIndex: 'address', responsive: ['lg'], render: (v: string | null) => v ?? m.common.none },
  ];

  const extra = can('people.write') ? (
    <Space wrap>
      <Link to={paths.newPerson}>
        <Button type="primary" icon={<UserAddOutlined />}>
          {p.newPerson}
        </Button>
      </Link>
      <Link to={paths.newHousehold}>
        <Button icon={<HomeOutlined />}>{p.newHousehold}</Button>
      </Link>
    </Space>
  ) : null;

  return (
    <Page title={p.title} crumbs={[{ title: p.title }]} extra={extra}>
      <Form layout="vertical" name="people-search" onSubmitCapture={(e) => e.preventDefault()}>
        <div className="tc-filters">
          <Form.Item label={p.search} htmlFor="people-q" style={{ marginBottom: 0, flexGrow: 2 }}>
            <Input
              id="people-q"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={p.searchPlaceholder}
              prefix={<SearchOutlined />}
              allowClear
              autoComplete="off"
              data-testid="people-search"
            />
          </Form.Item>
          <Form.Item label={m.units.filter} htmlFor="people-unit" style={{ marginBottom: 0, flexGrow: 3, maxWidth: 720 }}>
            <UnitPicker id="people-unit" leaf="hamlet" anyLevel value={unit} onChange={(code) => update({ unit: code ?? null, page: null })} />
          </Form.Item>
        </div>
      </Form>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<PersonView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching && (isPlaceholderData || !data)}
          scroll={{ x: 'max-content' }}
          data-testid="people-table"
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: () => (data ? fill(data.totalCapped ? p.totalCapped : p.total, { n: num(data.total) }) : ''),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize !== pageSize || nextPage === 1 ? null : String(nextPage), size: nextSize === PAGE_SIZES[0] ? null : String(nextSize) }),
          }}
        />
      )}
    </Page>
  );
}

import { Link } from 'react-router';
import { Table, type TableColumnsType } from 'antd';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { paths } from '@web/app/paths';
import { UnitName } from '@web/modules/geography/components/UnitName';
import type { ChainNode } from '../hooks/useCases';
import { ClassTag } from './ClassTag';

/** The chain's nodes as a table: readable without the graph. */
export function ChainNodesTable({ nodes }: { nodes: ChainNode[] }) {
  const { m } = useI18n();
  const c = m.cases;
  const columns: TableColumnsType<ChainNode> = [
    { title: c.fullName, key: 'name', render: (_, n) => (n.fullName ? <Link to={paths.person(n.id)}>{n.fullName}</Link> : c.outOfScope) },
    { title: c.class, dataIndex: 'class', render: (v: ChainNode['class']) => <ClassTag value={v} /> },
    { title: c.caseCode, dataIndex: 'caseCode', render: (v: string | null) => v ?? m.common.none },
    { title: c.depth, dataIndex: 'depth' },
    { title: m.units.commune, dataIndex: 'communeCode', responsive: ['sm'], render: (code: string) => <UnitName code={code} /> },
  ];
  return (
    <>
      <h3 style={{ marginTop: 16 }}>{c.nodeList}</h3>
      <Table<ChainNode>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={nodes}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="chain-nodes"
      />
    </>
  );
}

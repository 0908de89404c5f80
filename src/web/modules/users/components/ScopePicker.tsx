import { useState } from 'react';
import { TreeSelect } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { foldVietnamese } from '@domain/vn-text';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { api } from '@web/lib/api';
import { levelOfCode } from '@web/lib/units';

export interface ScopeUnit {
  value: string;
  label: string;
}

interface Node {
  id: string;
  pId: string | 0;
  value: string;
  title: string;
  isLeaf: boolean;
}

/**
 * The units a user may see: the city, districts or communes, picked from a tree that loads each level
 * on opening. Starts from the administrator's own scope.
 */
export function ScopePicker({ id, value, onChange }: { id?: string; value?: ScopeUnit[]; onChange?(v: ScopeUnit[]): void }) {
  const { me } = useAuth();
  const { m } = useI18n();
  const qc = useQueryClient();
  const [nodes, setNodes] = useState<Node[]>(() =>
    (me?.scopeUnits ?? []).map((u) => ({ id: u.code, pId: 0, value: u.code, title: u.name, isLeaf: levelOfCode(u.code) === 'commune' })),
  );

  const loadData = async (node: { value?: string | number }) => {
    const code = String(node.value);
    if (nodes.some((n) => n.pId === code)) return;
    const children = await qc.fetchQuery({
      queryKey: ['unit', code, 'children'],
      queryFn: () => api.get('/api/units/:code/children', { params: { code } }),
      staleTime: 5 * 60_000,
    });
    setNodes((prev) => [
      ...prev,
      ...children
        .filter((c) => levelOfCode(c.code) !== 'hamlet')
        .map((c) => ({ id: c.code, pId: code, value: c.code, title: c.name, isLeaf: levelOfCode(c.code) === 'commune' })),
    ]);
  };

  return (
    <TreeSelect
      id={id}
      multiple
      labelInValue
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      value={value}
      onChange={(v: ScopeUnit[]) => onChange?.(v.map((x) => ({ value: x.value, label: String(x.label) })))}
      showSearch
      filterTreeNode={(input, node) => foldVietnamese(String(node.title ?? '')).includes(foldVietnamese(input))}
      placeholder={m.users.scopeHelp}
      style={{ width: '100%' }}
      listHeight={320}
    />
  );
}

import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import type { UnitDetail } from '@server/modules/geography/schemas';
import { foldVietnamese } from '@domain/vn-text';
import { useAuth } from '@web/app/AuthProvider';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { childLevel, levelOfCode, type UnitLevel } from '@web/lib/units';
import { useUnit, useUnitChildren } from '../hooks/useUnits';

export interface UnitPickerProps {
  id?: string;
  value?: string | null;
  onChange?(code: string | undefined): void;
  /** The deepest level offered. */
  leaf: UnitLevel;
  /** A filter: any chosen level is the value. Otherwise only a unit of the `leaf` level is. */
  anyLevel?: boolean;
  disabled?: boolean;
}

const filterOption = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

/** Codes from the user's scope unit down to the unit (its ancestors outside the scope left out). */
function pathWithin(unit: UnitDetail, roots: string[]): string[] {
  const full = [...unit.ancestors.map((a) => a.code), unit.code];
  const start = full.findIndex((c) => roots.includes(c));
  return start >= 0 ? full.slice(start) : full;
}

/**
 * Cascading selects from the user's scope units down (province → district → commune → hamlet), each
 * level loaded from /api/units/:code/children. A scope of one unit starts fixed at that unit.
 */
export function UnitPicker({ id, value, onChange, leaf, anyLevel = false, disabled }: UnitPickerProps) {
  const { me } = useAuth();
  const { m } = useI18n();
  const roots = me?.scopeUnits ?? [];
  const rootCodes = roots.map((r) => r.code);
  const base = roots.length === 1 ? [roots[0].code] : [];
  const [path, setPath] = useState<string[]>(base);
  const [target, setTarget] = useState<string | null>(value ?? null);
  const emitted = useRef<string | undefined>(value ?? undefined);
  const detail = useUnit(target);

  const valueOf = (p: string[]): string | undefined => {
    const last = p[p.length - 1];
    if (!last) return undefined;
    if (anyLevel) return p.length > base.length ? last : undefined;
    return levelOfCode(last) === leaf ? last : undefined;
  };

  // A value set from outside (a saved record, the URL, a form reset): rebuild the path to it.
  useEffect(() => {
    const v = value ?? undefined;
    if (v === emitted.current) return;
    emitted.current = v;
    if (v) setTarget(v);
    else {
      setTarget(null);
      setPath(base);
    }
  }, [value]);

  useEffect(() => {
    if (target && detail.data?.code === target) {
      setPath(pathWithin(detail.data, rootCodes));
      setTarget(null);
    }
  }, [target, detail.data]);

  // A form whose only possible unit is the user's one commune gets it without asking.
  useEffect(() => {
    const v = valueOf(base);
    if (!anyLevel && v && !value) {
      emitted.current = v;
      onChange?.(v);
    }
  }, []);

  const choose = (index: number, code: string | undefined) => {
    const next = code ? [...path.slice(0, index), code] : path.slice(0, Math.max(index, base.length));
    setPath(next);
    const out = valueOf(next);
    emitted.current = out;
    onChange?.(out);
  };

  const loading = !!target && detail.isPending;
  const selects: React.ReactNode[] = [];
  const selectStyle = { flex: '1 1 180px', minWidth: 160 };
  // The field's <label> points at the first select the user can change (a single scope unit is fixed).
  const rootFixed = roots.length === 1;
  if (roots.length > 0) {
    selects.push(
      <Select
        key="root"
        id={rootFixed ? undefined : id}
        aria-label={m.units[levelOfCode(roots[0].code)]}
        style={selectStyle}
        value={path[0]}
        disabled={disabled || rootFixed}
        loading={loading}
        allowClear={!rootFixed}
        showSearch
        filterOption={filterOption}
        placeholder={m.units.choose}
        options={roots.map((r) => ({ value: r.code, label: r.name }))}
        onChange={(code?: string) => choose(0, code)}
      />,
    );
  }
  for (let i = 0; i < path.length; i++) {
    const below = childLevel(levelOfCode(path[i]));
    if (!below || levelOfCode(path[i]) === leaf) break;
    selects.push(
      <ChildSelect
        key={path[i]}
        id={rootFixed && i === 0 ? id : undefined}
        parent={path[i]}
        level={below}
        value={path[i + 1]}
        disabled={disabled || loading}
        style={selectStyle}
        onChange={(code) => choose(i + 1, code)}
        label={m.units[below]}
        placeholder={anyLevel ? m.units.all : m.units.choose}
      />,
    );
  }
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>{selects}</div>;
}

function ChildSelect(props: {
  id?: string;
  parent: string;
  level: UnitLevel;
  value?: string;
  disabled?: boolean;
  style: React.CSSProperties;
  label: string;
  placeholder: string;
  onChange(code: string | undefined): void;
}) {
  const { data, isPending } = useUnitChildren(props.parent);
  if (props.level === 'hamlet' && data && data.length === 0) return null;
  return (
    <Select
      id={props.id}
      aria-label={props.label}
      style={props.style}
      value={props.value}
      disabled={props.disabled}
      loading={isPending}
      allowClear
      showSearch
      filterOption={filterOption}
      placeholder={`${props.label}: ${props.placeholder}`}
      options={(data ?? []).map((u) => ({ value: u.code, label: u.name }))}
      onChange={(code?: string) => props.onChange(code)}
      data-level={props.level}
    />
  );
}

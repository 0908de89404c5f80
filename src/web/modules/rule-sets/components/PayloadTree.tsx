import type { ReactNode } from 'react';
import { useI18n } from '@web/app/i18n/I18nProvider';
import { ConfidenceTag } from './ConfidenceTag';

type Confidence = Record<string, 'V' | 'P' | 'M'>;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A rule-set payload as a readable nested list, each tagged value (JSON Pointer) with its confidence tag. */
export function PayloadTree({ payload, confidence }: { payload: unknown; confidence: Confidence }) {
  return (
    <ul className="tc-tree tc-tree-root" data-testid="payload-tree">
      {entries(payload).map(([key, value]) => (
        <TreeNode key={key} name={key} value={value} pointer={`/${escape(key)}`} confidence={confidence} />
      ))}
    </ul>
  );
}

function entries(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.map((v, i) => [String(i), v]);
  if (value && typeof value === 'object') return Object.entries(value as Record<string, unknown>);
  return [];
}

function TreeNode({ name, value, pointer, confidence }: { name: string; value: unknown; pointer: string; confidence: Confidence }) {
  const { m, num } = useI18n();
  const tag = confidence[pointer];
  const label = /^\d+$/.test(name) ? `[${name}]` : name;
  if (value !== null && typeof value === 'object') {
    const children = entries(value);
    return (
      <li>
        <span className="tc-tree-key">{label}</span>
        {tag ? <ConfidenceTag tag={tag} /> : null}
        {children.length ? (
          <ul className="tc-tree">
            {children.map(([k, v]) => (
              <TreeNode key={k} name={k} value={v} pointer={`${pointer}/${escape(k)}`} confidence={confidence} />
            ))}
          </ul>
        ) : (
          <span> {Array.isArray(value) ? '[ ]' : '{ }'}</span>
        )}
      </li>
    );
  }
  let shown: ReactNode;
  if (typeof value === 'number') shown = num(value);
  else if (typeof value === 'boolean') shown = value ? m.common.yes : m.common.no;
  else if (value === null || value === undefined) shown = m.common.none;
  else shown = String(value);
  return (
    <li>
      <span className="tc-tree-key">{label}:</span> <span>{shown}</span>
      {tag ? <ConfidenceTag tag={tag} /> : null}
    </li>
  );
}

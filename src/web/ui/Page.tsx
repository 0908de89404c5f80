import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '@web/app/i18n/I18nProvider';

export interface Crumb {
  title: ReactNode;
  to?: string;
}

/** A routed page: breadcrumbs, the heading, actions on the right, then the content. */
export function Page({ title, crumbs = [], extra, children }: { title: ReactNode; crumbs?: Crumb[]; extra?: ReactNode; children?: ReactNode }) {
  const { m } = useI18n();
  const items = [{ title: <Link to="/">{m.common.home}</Link> }, ...crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))];
  return (
    <div className="tc-page">
      <Breadcrumb items={items} />
      <div className="tc-page-head">
        <h1>{title}</h1>
        {extra ? <div>{extra}</div> : null}
      </div>
      {children}
    </div>
  );
}

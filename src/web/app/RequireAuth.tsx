import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Result } from 'antd';
import type { Permission } from '@domain/access';
import { messageFor } from '@domain/error-catalog';
import { PageSpinner } from '@web/ui/PageSpinner';
import { useAuth } from './AuthProvider';
import { useI18n } from './i18n/I18nProvider';
import { paths } from './paths';

/** Logged-in users only; others go to the login page and come back after it. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? paths.login : `${paths.login}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** A page of a module the user's role may not use: a plain "not allowed" (the menu does not link to it). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  const { lang } = useI18n();
  if (!can(permission)) return <Result status="403" title={messageFor('auth.forbidden', lang)} />;
  return <>{children}</>;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Permission } from '@domain/access';
import type { Me } from '@server/modules/auth/schemas';
import { api, ApiError, setCsrfToken, setSessionLostHandler } from '@web/lib/api';

interface Auth {
  me: Me | null;
  loading: boolean;
  /** True after the server ended the session (expired, password reset, account disabled). */
  sessionEnded: boolean;
  can(permission: Permission): boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);
const ME = ['me'] as const;

/** Drops every cached answer of the previous session but the session query itself (its observer stays attached). */
function forgetSessionData(qc: QueryClient, me: Me | null) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME[0] });
  qc.setQueryData(ME, me);
}

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get('/api/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** The session's user; fetched at start-up, before React renders (see main.tsx). */
export const meQuery = queryOptions({ queryKey: ME, queryFn: fetchMe, staleTime: Infinity, retry: 1 });

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [sessionEnded, setSessionEnded] = useState(false);
  const { data, isPending } = useQuery(meQuery);
  const me = data ?? null;
  if (me) setCsrfToken(me.csrfToken);

  useEffect(() => {
    setSessionLostHandler(() => {
      if (!qc.getQueryData(ME)) return;
      setSessionEnded(true);
      forgetSessionData(qc, null);
    });
    return () => setSessionLostHandler(null);
  }, [qc]);

  const login = useCallback(
    async (username: string, password: string) => {
      const who = await api.post('/api/auth/login', { body: { username, password } });
      setCsrfToken(who.csrfToken);
      forgetSessionData(qc, who);
      setSessionEnded(false);
      return who;
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken('');
      forgetSessionData(qc, null);
    }
  }, [qc]);

  const value = useMemo<Auth>(
    () => ({
      me,
      loading: isPending,
      sessionEnded,
      can: (p) => !!me?.permissions.includes(p),
      login,
      logout,
    }),
    [me, isPending, sessionEnded, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
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

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [sessionEnded, setSessionEnded] = useState(false);
  const { data, isPending } = useQuery({ queryKey: ME, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const me = data ?? null;
  if (me) setCsrfToken(me.csrfToken);

  useEffect(() => {
    setSessionLostHandler(() => {
      if (!qc.getQueryData(ME)) return;
      setSessionEnded(true);
      qc.clear();
      qc.setQueryData(ME, null);
    });
    return () => setSessionLostHandler(null);
  }, [qc]);

  const login = useCallback(async (username: string, password: string) => {
    const who = await api.post<Me>('/api/auth/login', { username, password });
    setCsrfToken(who.csrfToken);
    qc.clear();
    qc.setQueryData(ME, who);
    setSessionEnded(false);
    return who;
  }, [qc]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken('');
      qc.clear();
      qc.setQueryData(ME, null);
    }
  }, [qc]);

  const value = useMemo<Auth>(() => ({
    me, loading: isPending, sessionEnded,
    can: (p) => !!me?.permissions.includes(p),
    login, logout,
  }), [me, isPending, sessionEnded, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

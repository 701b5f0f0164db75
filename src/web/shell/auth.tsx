import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../lib/api';

export interface Me {
  accountId: string;
  username: string;
  displayName: string;
  personId: string | null;
  unitName: string | null;
  roles: string[];
  permissions: string[];
  adminKind: 'system' | 'security' | 'audit' | null;
  mustChangePassword: boolean;
  demo: boolean;
}

interface AuthState {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<void>;
  logout(): Promise<void>;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/auth/me'));
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
    const onExpired = () => setMe(null);
    window.addEventListener('guicheng:unauthenticated', onExpired);
    return () => window.removeEventListener('guicheng:unauthenticated', onExpired);
  }, [refresh]);
  const logout = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);
  const can = useCallback((p: string) => Boolean(me?.permissions.includes(p)), [me]);
  return <AuthContext.Provider value={{ me, loading, refresh, logout, can }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

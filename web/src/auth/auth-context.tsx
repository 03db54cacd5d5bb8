import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { User } from '../api/types';

interface AuthState {
  /** undefined while the session is being checked, null when signed out. */
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

interface SessionBody {
  user: User;
  csrfToken: string;
}

// Asked as soon as the bundle runs, not after the first render: the page waits on it.
const firstSession = api<SessionBody>('/api/auth/me');
firstSession.then(() => performance.mark('halfsky:session')).catch(() => undefined);

/** The session as checked when the app started (rejected when signed out). */
export const sessionAtStart = (): Promise<{ user: User }> => firstSession;

/** Holds the signed-in user; asks /api/auth/me once at start (the cookie may still be valid). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    firstSession
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) console.error(e);
        setUser(null);
      });
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const s = await api<SessionBody>('/api/auth/login', { method: 'POST', body: { username, password } });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);
  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user (inside the signed-in layout only). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('no user');
  return user;
}

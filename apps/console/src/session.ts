// The signed-in session: the API key lives in sessionStorage only (never a URL, never a log, never localStorage),
// the role and permissions come from GET /v1/session.
import { Api } from './api';

export type Session = { key: string; role: string; permissions: readonly string[]; api: Api };

const STORAGE_KEY = 'tally.apiKey';

export const can = (session: Session, permission: string): boolean => session.permissions.includes(permission);

type SessionView = { role: string; keyId: string | null; permissions: string[] };

/** Asks the api who the key is; throws the api's error (401 for an unknown key). */
export const openSession = async (key: string): Promise<Session> => {
  const api = new Api(key);
  const view = await api.get<SessionView>('/v1/session');
  return { key, role: view.role, permissions: view.permissions, api };
};

export const storedKey = (): string | null => {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

export const storeKey = (key: string): void => sessionStorage.setItem(STORAGE_KEY, key);

export const clearKey = (): void => sessionStorage.removeItem(STORAGE_KEY);

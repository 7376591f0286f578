// Hash routing (`#/board?pipeline=p1`): the api serves only `/` and `/assets/*`, and a key never enters a URL.
import { useEffect, useState } from 'preact/hooks';

export type Route = { path: string; params: URLSearchParams };

export const parseHash = (hash: string): Route => {
  const raw = hash.replace(/^#/, '') || '/';
  const question = raw.indexOf('?');
  const path = question === -1 ? raw : raw.slice(0, question);
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(question === -1 ? '' : raw.slice(question + 1)) };
};

export const hrefOf = (path: string, params?: Record<string, string | undefined>): string => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined && value !== '') query.set(name, value);
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
};

export const navigate = (path: string, params?: Record<string, string | undefined>): void => {
  location.hash = hrefOf(path, params);
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
};

// Loads api answers for a page: useApi gives { data, error, loading, reload }, usePagedApi a paged list. A 403 lands in
// `error` for <ErrorBanner/>.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loaded<T> = { data: T | null; error: unknown; loading: boolean; reload: () => void };

export const useApi = <T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> => {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
};

export type PagedLoad<T> = { items: T[]; error: unknown; loading: boolean; hasMore: boolean; more: () => void };

type Page<T> = Readonly<{ data: T[]; nextCursor?: string | null }>;

/**
 * Loads a paged api list: its first page whenever `deps` change, the next one on `more()`. Only the latest request's
 * answer lands: an older answer arriving late (the user searched again meanwhile) must not replace a newer one.
 */
export const usePagedApi = <T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, deps: readonly unknown[]): PagedLoad<T> => {
  const [state, setState] = useState<{ items: T[]; cursor: string | null; error: unknown; loading: boolean }>({
    items: [],
    cursor: null,
    error: null,
    loading: true,
  });
  const latest = useRef(0);
  // The render's own fetchPage: it closes over the query the page shows now.
  const fetchNow = useRef(fetchPage);
  fetchNow.current = fetchPage;
  const load = useCallback((after: string | null) => {
    const request = ++latest.current;
    const current = () => request === latest.current;
    // A new query starts from an empty table: the last query's rows would show under the new one's columns.
    setState((s) => ({ ...s, items: after ? s.items : [], cursor: after ? s.cursor : null, error: null, loading: true }));
    fetchNow.current(after).then(
      (page) => current() && setState((s) => ({ items: after ? [...s.items, ...page.data] : page.data, cursor: page.nextCursor ?? null, error: null, loading: false })),
      (error: unknown) => current() && setState((s) => ({ ...s, error, loading: false })),
    );
  }, []);
  useEffect(() => {
    load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  // Unmounted: no answer may land.
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );
  const { items, cursor, error, loading } = state;
  return { items, error, loading, hasMore: cursor !== null, more: () => cursor !== null && load(cursor) };
};

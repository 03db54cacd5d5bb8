import { useCallback, useEffect, useState } from 'react';
import { api } from './client';
import { takePrefetched } from './prefetch';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs a path (null: nothing yet; a prefetched request of it is taken) and keeps its data, error and loading
 * state; reload() asks again.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    (takePrefetched<T>(path) ?? api<T>(path))
      .then((data) => live && setState({ data, error: undefined, loading: false }))
      .catch((error: unknown) => live && setState({ data: undefined, error, loading: false }));
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

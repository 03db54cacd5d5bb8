import { api } from './client';

const pending = new Map<string, Promise<unknown>>();

/**
 * Starts a GET now, before the page that needs it has rendered (the landing page's data, asked for with the
 * session check); the first `useApi` of the same path takes the answer instead of asking again.
 */
export function prefetch<T>(path: string): Promise<T> {
  let request = pending.get(path) as Promise<T> | undefined;
  if (!request) {
    request = api<T>(path);
    pending.set(path, request);
    // A refused prefetch (signed out: 401) is dropped, so that the page asks again once it can.
    request.catch(() => pending.delete(path));
  }
  return request;
}

/** The prefetched request of a path, once (later calls ask the server again). */
export function takePrefetched<T>(path: string): Promise<T> | undefined {
  const request = pending.get(path) as Promise<T> | undefined;
  pending.delete(path);
  return request;
}

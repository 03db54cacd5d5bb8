/** A coded API error: `{code, message, fields?}` as the server sends it, with the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let lang = 'zh';

/** Remembers the CSRF token of the session (sent as x-csrf-token on every non-GET request). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The language asked of the server for its messages. */
export function setApiLanguage(next: string): void {
  lang = next;
}

/** One typed fetch for every API call: JSON in and out, the session cookie, CSRF, coded errors. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': lang };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const b = (body ?? {}) as {
      code?: string;
      message?: string;
      fields?: { field: string; message: string }[];
    };
    throw new ApiError(
      response.status,
      b.code ?? 'HTTP_' + response.status,
      b.message ?? response.statusText,
      b.fields,
    );
  }
  return body as T;
}

/** Sends a file as the raw request body (the round upload), with the CSRF header; coded errors as api(). */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: {
      'accept-language': lang,
      'content-type': file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    credentials: 'same-origin',
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    fields?: { field: string; message: string }[];
  };
  if (!response.ok)
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? '',
      body.fields,
    );
  return body as T;
}

/** True when the route is not on this server yet (a module still being built). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'ROUTE_NOT_FOUND';
}

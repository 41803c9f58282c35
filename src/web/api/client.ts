/**
 * The one way pages talk to the server: JSON over fetch, the session cookie, the CSRF header on
 * writes, and errors turned into Chinese messages a user can read. A 401 outside the login form
 * sends the user to the login page and back to where they were.
 */

export interface FieldIssue {
  /** JSON pointer of the field, e.g. "/applicant/email". */
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

const UNREACHABLE = '无法连接服务器：请检查网络后重试';

/**
 * Uploads a file as the request body with progress (fetch reports none): POST `/api${path}`.
 * Resolves with the JSON answer; rejects with an ApiError carrying the server's message.
 */
export function upload<T>(
  path: string,
  body: Blob,
  onProgress: (fraction: number) => void,
  contentType = 'application/octet-stream',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', UNREACHABLE));
    xhr.onload = () => {
      let data: { code?: string; message?: string } | null = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        if (xhr.status === 401) window.location.assign(loginPathFor(window.location));
        const fallback = xhr.status >= 500 ? '服务器出现问题，请稍后再试' : `上传未成功（${xhr.status}）`;
        reject(new ApiError(xhr.status, data?.code ?? 'HTTP', data?.message ?? fallback));
      }
    };
    xhr.send(body);
  });
}

export function loginPathFor(location: Location): string {
  const next = `${location.pathname}${location.search}`;
  return `/login?next=${encodeURIComponent(next)}`;
}

export interface RequestOptions {
  /** Do not redirect to the login page on 401 (the login form itself, the session probe). */
  allowUnauthenticated?: boolean;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', UNREACHABLE);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return data as T;
  const error = (data ?? {}) as { code?: string; message?: string; details?: unknown };
  if (response.status === 401 && !options.allowUnauthenticated) {
    window.location.assign(loginPathFor(window.location));
  }
  const fields = Array.isArray(error.details)
    ? (error.details as FieldIssue[]).filter((d) => typeof d?.path === 'string')
    : [];
  const fallback = response.status >= 500 ? '服务器出现问题，请稍后再试' : `请求未成功（${response.status}）`;
  throw new ApiError(response.status, error.code ?? 'HTTP', error.message ?? fallback, fields);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A download (letters, reports): POST or GET, returned as a Blob with its file name. */
export async function download(path: string, body?: unknown): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (body !== undefined && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', UNREACHABLE);
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(
      response.status,
      error.code ?? 'HTTP',
      error.message ?? `下载未成功（${response.status}）`,
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const fileName = star ? decodeURIComponent(star[1]!) : (plain?.[1] ?? 'download');
  return { blob: await response.blob(), fileName };
}

/** Hands a downloaded file to the browser under its name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Field messages by dotted path ("applicant.email"), for antd Form.setFields. */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields
    .filter((f) => f.path.length > 1)
    .map((f) => ({ name: f.path.slice(1).split('/'), errors: [f.message] }));
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '出现了意外问题，请刷新页面后重试';
}

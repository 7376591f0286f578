// The console's only way to the api: fetch with the session's key in the Authorization header (never in a URL),
// same origin. get() throws an ApiError-shaped Error on a non-2xx answer; send() never throws on 4xx/5xx.
export type ApiError = { status: number; error: string; message: string; body: unknown };

/** An Error that carries the api's answer: `status`, its `error` code and `message`, and the whole `body`. */
export class ApiRequestError extends Error implements ApiError {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export const isApiError = (value: unknown): value is ApiError =>
  typeof value === 'object' && value !== null && typeof (value as ApiError).status === 'number' && 'error' in value;

const parseBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
};

const errorOf = (status: number, body: unknown): ApiRequestError => {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === 'string' ? record.error : `HTTP_${status}`;
  const raw = record.message;
  const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : typeof body === 'string' && body ? body : `HTTP ${status}`;
  return new ApiRequestError(status, code, message, body);
};

export class Api {
  constructor(
    private readonly key: string,
    private readonly base = '',
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.key}`, ...extra };
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(this.base + path, { headers: this.headers({ Accept: 'application/json' }), cache: 'no-store' });
    const body = await parseBody(response);
    if (!response.ok) throw errorOf(response.status, body);
    return body as T;
  }

  /** Sends a command; the caller shows a 4xx/5xx (`status`, `body`). A string body is sent as is (YAML, text). */
  async send<T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const init: RequestInit = { method, headers: this.headers(headers), cache: 'no-store' };
    if (body !== undefined) {
      if (typeof body === 'string') {
        init.body = body;
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
          (init.headers as Record<string, string>)['Content-Type'] = 'text/plain';
        }
      } else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
      }
    }
    const response = await fetch(this.base + path, init);
    return { status: response.status, body: (await parseBody(response)) as T, headers: response.headers };
  }

  /** A text answer (CSV downloads); throws like get() on a non-2xx answer. */
  async getText(path: string): Promise<string> {
    const response = await fetch(this.base + path, { headers: this.headers({ Accept: 'text/csv, text/plain, */*' }), cache: 'no-store' });
    if (!response.ok) throw errorOf(response.status, await parseBody(response));
    return response.text();
  }

  /**
   * Server-sent events over fetch (EventSource cannot send Authorization). Resolves when the stream ends or the
   * signal aborts; throws like get() when the api refuses the stream. Resume by passing the last id seen. `onOpen`
   * runs once the api has accepted the stream (its headers arrived), before any event.
   */
  async stream(
    path: string,
    onEvent: (e: { id: string; event: string; data: string }) => void,
    options: { lastEventId?: string; signal?: AbortSignal; onOpen?: () => void } = {},
  ): Promise<void> {
    const headers = this.headers({ Accept: 'text/event-stream' });
    if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
    let response: Response;
    try {
      response = await fetch(this.base + path, { headers, signal: options.signal, cache: 'no-store' });
    } catch (error) {
      if (options.signal?.aborted) return;
      throw error;
    }
    if (!response.ok || !response.body) throw errorOf(response.status, await parseBody(response));
    options.onOpen?.();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let id = options.lastEventId ?? '';
    let event = '';
    let data: string[] = [];
    const line = (text: string): void => {
      if (text === '') {
        if (data.length) onEvent({ id, event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        return;
      }
      if (text.startsWith(':')) return;
      const colon = text.indexOf(':');
      const field = colon === -1 ? text : text.slice(0, colon);
      let value = colon === -1 ? '' : text.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    };
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let newline: number;
        while ((newline = buffer.search(/\r\n|\r|\n/)) !== -1) {
          const size = buffer.startsWith('\r\n', newline) ? 2 : 1;
          line(buffer.slice(0, newline));
          buffer = buffer.slice(newline + size);
        }
      }
    } catch (error) {
      if (options.signal?.aborted) return;
      throw error;
    } finally {
      reader.releaseLock();
    }
  }
}

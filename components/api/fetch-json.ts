/** A failed API call, carrying the `{error: {code, message}}` the API answered with. */
export class ApiRequestError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** GET a JSON API route with the session cookie; non-2xx answers become ApiRequestError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { accept: "application/json", ...init?.headers },
    cache: "no-store",
  });
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const message = body?.error?.message ?? `Request failed (${res.status} ${res.statusText}).`;
  throw new ApiRequestError(res.status, body?.error?.code ?? "http_error", message);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 401)
    return "Your session has ended. Sign in again to continue.";
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

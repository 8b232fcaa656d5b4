import { ApiRequestError, errorMessage } from "./fetch-json";

/** A failed API call that also carries the per-field messages (`error.fields`) forms show next to their inputs. */
export class FormRequestError extends ApiRequestError {
  constructor(
    status: number,
    code: string,
    message: string,
    public readonly fields: Record<string, string> = {},
  ) {
    super(status, code, message);
  }
}

/** Send JSON with the session cookie (same origin); the parsed answer, or null for 204. */
export async function sendJson<T>(
  url: string,
  method: "POST" | "PATCH" | "DELETE",
  body?: unknown,
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: {
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  if (res.status === 204) return null as T;
  const json = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  if (res.ok) return json as T;
  const error = json?.error;
  throw new FormRequestError(
    res.status,
    error?.code ?? "http_error",
    error?.message ?? `Request failed (${res.status} ${res.statusText}).`,
    error?.fields,
  );
}

export interface FormErrors {
  /** Messages for the form's own fields, by field name. */
  fields: Record<string, string>;
  /** The overall message, when no field message explains the failure. */
  message: string | null;
}

/**
 * Splits an error into messages for `known` fields (server keys like "roles.0.site" count for
 * "roles") and a general message when none of them applies.
 */
export function formErrors(error: unknown, known: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  if (error instanceof FormRequestError) {
    for (const [key, text] of Object.entries(error.fields)) {
      const name = key.split(".")[0] ?? key;
      if (known.includes(name) && !fields[name]) fields[name] = text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
  // One field at fault: the server's full sentence reads better there than the short field note.
  if (error instanceof FormRequestError && Object.keys(error.fields).length === 1 && error.status !== 400) {
    for (const name of Object.keys(fields)) fields[name] = error.message;
  }
  const message =
    Object.keys(fields).length > 0
      ? null
      : error instanceof TypeError
        ? "Can't reach Fieldwatch. Check your connection and try again."
        : errorMessage(error);
  return { fields, message };
}

export const NO_ERRORS: FormErrors = { fields: {}, message: null };

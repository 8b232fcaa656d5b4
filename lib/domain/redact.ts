/**
 * Secrets that travel inside URLs, blanked out of a line before it is logged: the broker secret
 * mosquitto-go-auth has to send as `?secret=` (it can't send headers), other credentials in
 * query strings, and the password of a `scheme://user:password@host` URL.
 */
const QUERY_SECRET = /([?&;](?:secret|password|passwd|token|access_token)=)[^&;\s"'#]+/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@"']*:)[^\s@/?#"']+@/gi;

export const REDACTED = "[redacted]";

export function redactSecrets(line: string): string {
  return line.replace(QUERY_SECRET, `$1${REDACTED}`).replace(URL_PASSWORD, `$1${REDACTED}@`);
}

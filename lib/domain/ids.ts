/** A UUID in its usual text form (8-4-4-4-12 hex digits, either case), as PostgreSQL writes our ids. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `s` is a UUID. Ids from a URL or a body are checked before they reach a uuid column:
 * PostgreSQL answers a malformed one with an error, and the caller should see "not found" instead.
 */
export const isUuid = (s: string): boolean => UUID_PATTERN.test(s);

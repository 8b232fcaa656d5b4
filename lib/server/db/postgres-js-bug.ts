/**
 * postgres.js 3.4.9 can throw from a setImmediate when a connection closes with a small write
 * still buffered ("Cannot read properties of null (reading 'write')" in nextWrite; upstream
 * porsager/postgres#1154, #1208, unfixed in the latest release). The query itself has already
 * been rejected with CONNECTION_CLOSED and is retried by the caller, so the throw carries no
 * information — but as an uncaught exception it would take the process down.
 */
export function isPostgresJsClosedSocketBug(err: unknown): boolean {
  // Structural, not instanceof: test runners hand over serialised errors.
  const { message = "", stack = "" } = (err ?? {}) as { message?: string; stack?: string };
  return /reading 'write'/.test(message) && /nextWrite[\s\S]*postgres[\\/]src[\\/]connection\.js/.test(stack);
}

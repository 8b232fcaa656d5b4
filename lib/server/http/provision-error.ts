import type { RowError } from "../devices/provision";
import { ApiError } from "./errors";

const STATUS: Record<RowError["kind"], number> = { conflict: 409, forbidden: 403, invalid_reference: 422 };

/** What provisioning one device answers when it can't: the first problem's status, every problem by field. */
export function provisionError(errors: RowError[]): ApiError {
  const first = errors[0]!;
  const fields = Object.fromEntries(errors.map((e) => [e.field, e.message]));
  return new ApiError(STATUS[first.kind], first.kind, `${first.field}: ${first.message}`, fields);
}

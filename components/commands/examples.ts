/** Ready-made commands the send form offers for a device type (what the demo devices understand). */
export interface CommandExample {
  label: string;
  command: Record<string, unknown>;
}

const PING: CommandExample = { label: "Ping", command: { action: "ping" } };

const BY_TYPE: Record<string, CommandExample[]> = {
  "soil-sensor": [
    { label: "Open valve", command: { action: "open_valve" } },
    { label: "Close valve", command: { action: "close_valve" } },
    PING,
  ],
};

export function commandExamples(typeSlug: string | null | undefined): CommandExample[] {
  return (typeSlug && BY_TYPE[typeSlug]) || [PING];
}

export const formatCommand = (command: Record<string, unknown>) => JSON.stringify(command, null, 2);

/** What each reason means, in the words of someone fixing it. */
export const REASON_LABELS: Record<string, string> = {
  malformed: "Malformed",
  unknown_device: "Unknown device",
  disabled_device: "Disabled device",
  out_of_range: "Out of range",
  too_large: "Too large",
  bad_timestamp: "Bad timestamp",
  bad_topic: "Bad topic",
  internal_error: "Internal error",
};

export const reasonLabel = (reason: string) => REASON_LABELS[reason] ?? reason;

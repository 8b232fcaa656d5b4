"use client";

import { useId, useState, type FormEvent } from "react";
import { commandProblem } from "@/lib/domain/commands/validate";
import { formErrors, NO_ERRORS } from "../api/send-json";
import { Button } from "../ui/button";
import { FieldError, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";
import { commandExamples, formatCommand } from "./examples";
import { useSendCommand } from "./use-commands";

/** The problem with the text as a command, checked before it is sent (the API says the same). */
function problemWith(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'Not valid JSON. A command is a JSON object, e.g. {"action": "ping"}.';
  }
  const problem = commandProblem(value);
  return problem && `The command ${problem}.`;
}

/** A JSON command for one device, prefilled with an example its type understands. */
export function SendCommandForm({ deviceKey, typeSlug }: { deviceKey: string; typeSlug: string | null }) {
  const examples = commandExamples(typeSlug);
  const [text, setText] = useState(() => formatCommand(examples[0]!.command));
  const [localError, setLocalError] = useState<string | null>(null);
  const send = useSendCommand(deviceKey);
  const server = send.error ? formErrors(send.error, ["command"]) : NO_ERRORS;
  const fieldError = localError ?? server.fields.command;
  const id = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = problemWith(text);
    setLocalError(problem);
    if (!problem) send.mutate(JSON.parse(text) as Record<string, unknown>);
  }

  function edit(next: string) {
    setText(next);
    setLocalError(null);
    send.reset();
  }

  return (
    <form onSubmit={onSubmit} aria-label="Send command" className="space-y-3 px-4 py-4">
      <div className="space-y-1.5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <label htmlFor={id} className="font-medium">
            Command (JSON)
          </label>
          <div className="flex flex-wrap gap-1.5" role="group" aria-label="Examples">
            {examples.map((example) => (
              <Button
                key={example.label}
                className="px-2 py-1 text-xs"
                onClick={() => edit(formatCommand(example.command))}
              >
                {example.label}
              </Button>
            ))}
          </div>
        </div>
        <textarea
          id={id}
          name="command"
          value={text}
          onChange={(e) => edit(e.target.value)}
          rows={4}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          className={`${inputClass} font-mono text-xs`}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ""}`}
        />
        <p id={`${id}-hint`} className="text-xs text-muted">
          Sent as-is on <code>devices/{deviceKey}/commands</code> with an <code>id</code> added; the device
          answers within 30 s.
        </p>
        {fieldError && <FieldError id={`${id}-error`}>{fieldError}</FieldError>}
      </div>
      {server.message && <Notice>{server.message}</Notice>}
      {send.isSuccess && (
        <Notice tone="ok" className="text-sm">
          Sent. The device&apos;s answer shows in the history below.
        </Notice>
      )}
      <Button type="submit" variant="primary" busy={send.isPending}>
        {send.isPending ? "Sending…" : "Send command"}
      </Button>
    </form>
  );
}

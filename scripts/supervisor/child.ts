import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { formatLogLine } from "./format";

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * A child process the supervisor keeps alive: output prefixed with its name, restarted with
 * backoff when it dies unexpectedly, given up on after repeated crashes.
 */
export class SupervisedChild {
  private process: ChildProcess | null = null;
  private stopping = false;
  private crashes: number[] = [];

  constructor(
    private readonly spec: ChildSpec,
    private readonly onGiveUp: (reason: string) => void,
  ) {}

  start(): void {
    const child = spawn(this.spec.command, this.spec.args, {
      env: this.spec.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.process = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) =>
        console.log(formatLogLine(this.spec.name, line)),
      );
    }
    child.on("exit", (code, signal) => {
      this.process = null;
      if (this.stopping) return;
      const now = Date.now();
      this.crashes = [...this.crashes.filter((t) => now - t < 60_000), now];
      if (this.crashes.length >= 5)
        return this.onGiveUp(
          `${this.spec.name} crashed 5 times in a minute (last: ${signal ?? `exit ${code}`})`,
        );
      const delay = 500 * 2 ** (this.crashes.length - 1);
      console.log(
        formatLogLine(
          "fieldwatch",
          `${this.spec.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`,
        ),
      );
      setTimeout(() => !this.stopping && this.start(), delay);
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.process;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
  }
}

/** Runs a command to completion with output shown, e.g. `next build`. */
export function runToCompletion(spec: ChildSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, spec.args, { env: spec.env, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => console.log(formatLogLine(spec.name, line)));
    }
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${spec.name} failed with exit code ${code}`)),
    );
  });
}

// Everything that escapes a call instead of settling through it: window errors, unhandled
// promise rejections, and errors Angular's ErrorHandler catches (one counting handler is
// provided to every Angular stack). A scenario reads the counters before and after itself.

export interface Counters {
  windowErrors: number;
  unhandledRejections: number;
  errorHandler: number;
  /** The first few messages, to say what escaped. */
  samples: string[];
}

export const counters: Counters = {
  windowErrors: 0,
  unhandledRejections: 0,
  errorHandler: 0,
  samples: [],
};

function sample(kind: string, value: unknown): void {
  if (counters.samples.length < 20) counters.samples.push(`${kind}: ${describe(value)}`);
}

export function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

export function installGlobalCounters(): void {
  window.addEventListener('error', (event) => {
    counters.windowErrors++;
    sample('error', event.error ?? event.message);
  });
  window.addEventListener('unhandledrejection', (event) => {
    counters.unhandledRejections++;
    sample('unhandledrejection', event.reason);
  });
}

export function countHandledByAngular(error: unknown): void {
  counters.errorHandler++;
  sample('ErrorHandler', error);
}

/**
 * Failed attempts by kind, as Keel's NETWORK_CALL_SINK saw them, for stacks created with
 * `logAttempts` (a diagnosis: the failed call's own kind may be what the last attempt met, such
 * as budget-exhausted, not what the first one did).
 */
export const attemptFailures: Record<string, number> = {};

export function countAttemptFailure(kind: string): void {
  attemptFailures[kind] = (attemptFailures[kind] ?? 0) + 1;
}

/** The number of escapes so far, for before/after differences. */
export function escapes(): number {
  return counters.windowErrors + counters.unhandledRejections + counters.errorHandler;
}

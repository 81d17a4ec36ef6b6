import type { DecodeRepair } from '@keel/network';

/**
 * What the schemas of one `decode()` call had to repair, and where they are in the payload.
 * Decoding is synchronous, so one module-level session at a time is enough (the same reasoning
 * as Angular's injection context): `decode` opens it, `orDefault`, `objectOf` and `listOf`
 * write to it, and nothing is recorded when schemas run outside `decode`.
 */
interface RepairSession {
  readonly repairs: DecodeRepair[];
  readonly path: (string | number)[];
}

let session: RepairSession | null = null;

/** Runs `parse` with a fresh repair session and returns what it repaired. */
export function collectRepairs<T>(parse: () => T): { result: T; repairs: DecodeRepair[] } {
  const outer = session;
  const current: RepairSession = { repairs: [], path: [] };
  session = current;
  try {
    return { result: parse(), repairs: current.repairs };
  } finally {
    session = outer;
  }
}

/** Runs `parse` one level deeper in the payload (an object key or a list index). */
export function withinPath<T>(segment: string | number, parse: () => T): T {
  if (!session) return parse();
  const current = session;
  current.path.push(segment);
  try {
    return parse();
  } finally {
    current.path.pop();
  }
}

export function noteRepair(action: DecodeRepair['action'], reason: string): void {
  session?.repairs.push({ path: formatPath(session.path), action, reason });
}

/** A mark to roll back to: repairs inside a list item that ends up dropped do not count. */
export function repairMark(): number {
  return session?.repairs.length ?? 0;
}

export function rollbackRepairs(mark: number): void {
  if (session) session.repairs.length = mark;
}

/** `items[3].notes`, the way the API names fields in validation errors. */
function formatPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  }
  return text || '(root)';
}

/** How a value that failed its schema looked: `missing`, `null`, `a number`, … */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

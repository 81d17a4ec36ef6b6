import type { IncomingHttpHeaders } from 'node:http';

/** What a valid `traceparent` header says (W3C Trace Context, level 1). */
export interface TraceParent {
  readonly version: string;
  readonly traceId: string;
  readonly parentId: string;
  readonly flags: string;
}

// version-traceId-parentId-flags, lower-case hex only. A later version may append fields after
// a dash; version ff is invalid (W3C Trace Context §3.2.2.2 and §3.2.4).
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * The trace context of a request, or null when its `traceparent` is missing, repeated or
 * invalid (a receiver then starts a new trace; the dev API simply has none). All-zero trace or
 * parent ids are invalid; version 00 allows nothing after the flags.
 */
export function traceParentOf(headers: IncomingHttpHeaders): TraceParent | null {
  const raw = headers['traceparent'];
  if (typeof raw !== 'string' || raw.length > 512) return null;
  const match = TRACEPARENT.exec(raw.trim());
  if (!match) return null;
  const [, version = '', traceId = '', parentId = '', flags = '', rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return null;
  return { version, traceId, parentId, flags };
}

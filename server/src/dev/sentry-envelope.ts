export interface SentryEnvelope {
  receivedAt: string;
  project: string;
  header: Record<string, unknown>;
  items: { header: Record<string, unknown>; payload: unknown }[];
}

export type EnvelopeResult = { ok: true; envelope: SentryEnvelope } | { ok: false; reason: string };

/**
 * What the sink reads and keeps (issue 14). Real SDK events nest a dozen levels at most (the
 * browser SDK normalizes `extra` and `contexts` to depth 3) and weigh a few tens of KB, so these
 * bounds only stop abuse: JSON nested 200,000 deep parses (V8's parser does not recurse) but
 * then overflows the stack of every JSON.stringify, i.e. of every later GET of the events.
 */
export const envelopeLimits = {
  /** Arrays and objects inside one another, in any header or payload. */
  maxDepth: 64,
  /** One item's payload (an envelope as a whole is bounded by the 1 MiB body limit). */
  maxItemBytes: 256 * 1024,
  maxItems: 100,
} as const;

/**
 * Parses a Sentry envelope (https://develop.sentry.dev/sdk/data-model/envelopes/): a JSON
 * header line, then per item a JSON header line and a payload. An item header with `length`
 * gives the payload's size in bytes (it may then contain newlines); without it the payload
 * runs to the next newline. Payloads that are JSON are parsed; others (attachments) are kept
 * as text. An envelope that cannot be read, or breaks `envelopeLimits`, is refused whole, with
 * the reason: the sink keeps all of an envelope or nothing.
 */
export function parseSentryEnvelope(
  body: Buffer,
  project: string,
  receivedAt: string,
): EnvelopeResult {
  let offset = 0;
  const readLine = (): Buffer => {
    const end = body.indexOf(0x0a, offset);
    const line = body.subarray(offset, end === -1 ? body.length : end);
    offset = end === -1 ? body.length : end + 1;
    return line;
  };
  const refuse = (reason: string): EnvelopeResult => ({ ok: false, reason });

  const header = parseObject(readLine());
  if (header === tooDeep)
    return refuse(`The envelope header nests deeper than ${envelopeLimits.maxDepth} levels.`);
  if (!header) return refuse('The envelope header is not a JSON object.');
  const items: SentryEnvelope['items'] = [];
  while (offset < body.length) {
    const headerLine = readLine();
    if (headerLine.length === 0) continue;
    const at = `Item ${items.length}`;
    if (items.length === envelopeLimits.maxItems) {
      return refuse(`The envelope has more than ${envelopeLimits.maxItems} items.`);
    }
    const itemHeader = parseObject(headerLine);
    if (itemHeader === tooDeep)
      return refuse(`${at}: its header nests deeper than ${envelopeLimits.maxDepth} levels.`);
    if (!itemHeader) return refuse(`${at}: its header is not a JSON object.`);
    const length = itemHeader['length'];
    let payload: Buffer;
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0) {
      if (offset + length > body.length) {
        return refuse(`${at}: its length says ${length} bytes, more than the envelope holds.`);
      }
      payload = body.subarray(offset, offset + length);
      offset += length;
      if (body[offset] === 0x0a) offset += 1;
    } else {
      payload = readLine();
    }
    if (payload.length > envelopeLimits.maxItemBytes) {
      return refuse(
        `${at}: its payload is ${payload.length} bytes; the sink keeps up to ${envelopeLimits.maxItemBytes}.`,
      );
    }
    const value = parseJsonOrText(payload);
    if (value === tooDeep)
      return refuse(`${at}: its payload nests deeper than ${envelopeLimits.maxDepth} levels.`);
    items.push({ header: itemHeader, payload: value });
  }
  return { ok: true, envelope: { receivedAt, project, header, items } };
}

/** Stands for JSON that parsed but nests deeper than `envelopeLimits.maxDepth`. */
const tooDeep: unique symbol = Symbol('too deep');

function parseObject(line: Buffer): Record<string, unknown> | typeof tooDeep | undefined {
  const value = parseJsonOrText(line);
  if (value === tooDeep) return tooDeep;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function parseJsonOrText(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  return depthOf(value) > envelopeLimits.maxDepth ? tooDeep : value;
}

/**
 * How many arrays and objects nest in `value` (`[]` is 1, `{"a":[1]}` is 2), without
 * recursion: it must survive the very values it is there to refuse. Stops counting just past
 * the limit.
 */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > envelopeLimits.maxDepth) break;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

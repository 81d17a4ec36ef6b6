export interface SentryEnvelope {
  receivedAt: string;
  project: string;
  header: Record<string, unknown>;
  items: { header: Record<string, unknown>; payload: unknown }[];
}

/**
 * Parses a Sentry envelope (https://develop.sentry.dev/sdk/data-model/envelopes/): a JSON
 * header line, then per item a JSON header line and a payload. An item header with `length`
 * gives the payload's size in bytes (it may then contain newlines); without it the payload
 * runs to the next newline. Payloads that are JSON are parsed; others (attachments) are kept
 * as text. Returns undefined when the envelope cannot be read.
 */
export function parseSentryEnvelope(
  body: Buffer,
  project: string,
  receivedAt: string,
): SentryEnvelope | undefined {
  let offset = 0;
  const readLine = (): Buffer => {
    const end = body.indexOf(0x0a, offset);
    const line = body.subarray(offset, end === -1 ? body.length : end);
    offset = end === -1 ? body.length : end + 1;
    return line;
  };

  const header = parseObject(readLine());
  if (!header) return undefined;
  const items: SentryEnvelope['items'] = [];
  while (offset < body.length) {
    const headerLine = readLine();
    if (headerLine.length === 0) continue;
    const itemHeader = parseObject(headerLine);
    if (!itemHeader) return undefined;
    const length = itemHeader['length'];
    let payload: Buffer;
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0) {
      if (offset + length > body.length) return undefined;
      payload = body.subarray(offset, offset + length);
      offset += length;
      if (body[offset] === 0x0a) offset += 1;
    } else {
      payload = readLine();
    }
    items.push({ header: itemHeader, payload: parseJsonOrText(payload) });
  }
  return { receivedAt, project, header, items };
}

function parseObject(line: Buffer): Record<string, unknown> | undefined {
  const value = parseJsonOrText(line);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function parseJsonOrText(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One server-sent event: its `event:` name (`message` when none was given) and its data. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Reads server-sent events (the `text/event-stream` format of the HTML standard) out of a
 * response's text as it grows: `read` takes the whole text so far (what Angular's
 * `HttpDownloadProgressEvent.partialText` holds) and returns the events completed since the
 * last call. Comments (`: heartbeat`) and `id:`/`retry:` fields carry nothing for Keel and are
 * skipped; an event without data is dropped, as the standard says.
 */
export class SseReader {
  /** How much of the text has been read into complete lines. */
  private offset = 0;
  private event = '';
  private data: string[] = [];

  read(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    for (;;) {
      const end = nextLineEnd(text, this.offset);
      if (end === -1) break;
      const line = text.slice(this.offset, end);
      // A CR LF pair is one line end.
      this.offset = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
      if (line === '') {
        if (this.data.length > 0)
          events.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return events;
  }
}

function nextLineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (cr === -1) return lf;
  // A lone CR at the very end may be the first half of a CR LF still on its way.
  if (cr === text.length - 1) return lf === -1 ? -1 : Math.min(lf, cr);
  return lf === -1 ? cr : Math.min(lf, cr);
}

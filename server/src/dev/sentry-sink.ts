import type { SentryEnvelope } from './sentry-envelope.ts';

// Enough for any debugging session; a runaway loop of errors cannot eat the memory: at most
// this many envelopes, and at most this many bytes of them as received (each is up to 1 MiB).
const maxEnvelopes = 500;
const maxKeptBytes = 16 * 1024 * 1024;

/** What the Sentry SDK of the app sent to the dev API, newest last. */
export class SentrySink {
  private envelopes: { envelope: SentryEnvelope; bytes: number }[] = [];
  private keptBytes = 0;

  /** Keeps `envelope` (`bytes` long as received), dropping the oldest ones over the bounds. */
  add(envelope: SentryEnvelope, bytes: number): void {
    this.envelopes.push({ envelope, bytes });
    this.keptBytes += bytes;
    while (this.envelopes.length > maxEnvelopes || this.keptBytes > maxKeptBytes) {
      this.keptBytes -= this.envelopes.shift()?.bytes ?? 0;
    }
  }

  clear(): void {
    this.envelopes = [];
    this.keptBytes = 0;
  }

  /** The envelopes, plus `events`: the payloads of every item of type "event", flattened. */
  toJSON() {
    const envelopes = this.envelopes.map((kept) => kept.envelope);
    const events = envelopes.flatMap((envelope) =>
      envelope.items
        .filter((item) => item.header['type'] === 'event')
        .map((item) => ({
          receivedAt: envelope.receivedAt,
          project: envelope.project,
          event: item.payload,
        })),
    );
    return { envelopes, events };
  }
}

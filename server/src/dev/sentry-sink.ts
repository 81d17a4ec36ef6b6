import type { SentryEnvelope } from './sentry-envelope.ts';

// Enough for any debugging session; a runaway loop of errors cannot eat the memory.
const maxEnvelopes = 500;

/** What the Sentry SDK of the app sent to the dev API, newest last. */
export class SentrySink {
  private envelopes: SentryEnvelope[] = [];

  add(envelope: SentryEnvelope): void {
    this.envelopes.push(envelope);
    if (this.envelopes.length > maxEnvelopes) this.envelopes.shift();
  }

  clear(): void {
    this.envelopes = [];
  }

  /** The envelopes, plus `events`: the payloads of every item of type "event", flattened. */
  toJSON() {
    const events = this.envelopes.flatMap((envelope) =>
      envelope.items
        .filter((item) => item.header['type'] === 'event')
        .map((item) => ({
          receivedAt: envelope.receivedAt,
          project: envelope.project,
          event: item.payload,
        })),
    );
    return { envelopes: this.envelopes, events };
  }
}

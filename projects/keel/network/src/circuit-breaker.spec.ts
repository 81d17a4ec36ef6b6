import { CircuitBreaker } from './circuit-breaker';
import { DEFAULT_CIRCUIT_BREAKER } from './network-layer-options';

const T0 = Date.UTC(2026, 0, 1);

describe('CircuitBreaker', () => {
  let breaker: CircuitBreaker;

  beforeEach(() => {
    breaker = new CircuitBreaker(DEFAULT_CIRCUIT_BREAKER);
  });

  describe('closed', () => {
    it('starts closed and admits calls', () => {
      expect(breaker.state(T0)).toBe('closed');
      expect(breaker.admit(T0)).toBe('pass');
    });

    it('stays closed after 9 calls even when all of them failed', () => {
      recordMany(breaker, 9, false, T0);
      expect(breaker.state(T0)).toBe('closed');
      expect(breaker.admit(T0)).toBe('pass');
    });

    it('opens when half of 10 calls within the window failed', () => {
      recordMany(breaker, 5, true, T0);
      recordMany(breaker, 5, false, T0 + 1000);
      expect(breaker.state(T0 + 1000)).toBe('open');
    });

    it('stays closed when fewer than half of 10 calls failed', () => {
      recordMany(breaker, 6, true, T0);
      recordMany(breaker, 4, false, T0 + 1000);
      expect(breaker.state(T0 + 1000)).toBe('closed');
    });

    it('does not count outcomes older than the 30 s window', () => {
      recordMany(breaker, 9, false, T0);
      breaker.record(false, T0 + 30_000);
      expect(breaker.state(T0 + 30_000)).toBe('closed');
    });

    it('counts outcomes just inside the 30 s window', () => {
      recordMany(breaker, 9, false, T0);
      breaker.record(false, T0 + 29_999);
      expect(breaker.state(T0 + 29_999)).toBe('open');
    });
  });

  describe('open', () => {
    beforeEach(() => {
      recordMany(breaker, 10, false, T0);
    });

    it('refuses calls', () => {
      expect(breaker.admit(T0 + 1000)).toBe('rejected');
    });

    it('says how long until a probe may go out', () => {
      expect(breaker.retryInMs(T0 + 1000)).toBe(4000);
    });

    it('never reports a negative wait', () => {
      expect(breaker.retryInMs(T0 + 60_000)).toBe(0);
    });

    it('still refuses just before the 5 s are up', () => {
      expect(breaker.admit(T0 + 4999)).toBe('rejected');
    });

    it('turns half-open after 5 s', () => {
      expect(breaker.state(T0 + 5000)).toBe('half-open');
    });

    it('does not restart its 5 s for failures of attempts let through before it opened', () => {
      recordMany(breaker, 10, false, T0 + 4000);
      expect(breaker.state(T0 + 5000)).toBe('half-open');
      expect(breaker.admit(T0 + 5000)).toBe('probe');
    });
  });

  describe('half-open', () => {
    const later = T0 + 5000;

    beforeEach(() => {
      recordMany(breaker, 10, false, T0);
    });

    it('admits exactly one probe', () => {
      expect(breaker.admit(later)).toBe('probe');
      expect(breaker.admit(later)).toBe('rejected');
      expect(breaker.admit(later + 100)).toBe('rejected');
    });

    it('ignores a late outcome of an attempt admitted before it opened', () => {
      breaker.admit(later);
      breaker.record(true, later + 10);
      expect(breaker.state(later + 10)).toBe('half-open');
      breaker.record(false, later + 20, true);
      expect(breaker.state(later + 20)).toBe('open');
    });

    it('closes when the probe succeeds', () => {
      breaker.admit(later);
      breaker.record(true, later + 50, true);
      expect(breaker.state(later + 50)).toBe('closed');
      expect(breaker.admit(later + 50)).toBe('pass');
      expect(breaker.admit(later + 50)).toBe('pass');
    });

    it('starts a fresh count after closing', () => {
      breaker.admit(later);
      breaker.record(true, later + 50, true);
      recordMany(breaker, 9, false, later + 100);
      expect(breaker.state(later + 100)).toBe('closed');
    });

    it('re-opens for another 5 s when the probe fails', () => {
      breaker.admit(later);
      breaker.record(false, later + 50, true);
      expect(breaker.state(later + 50)).toBe('open');
      expect(breaker.admit(later + 50)).toBe('rejected');
      expect(breaker.retryInMs(later + 50)).toBe(5000);
    });

    it('lets a probe through again once a failed probe’s 5 s are up', () => {
      breaker.admit(later);
      breaker.record(false, later + 50, true);
      expect(breaker.admit(later + 5050)).toBe('probe');
    });

    it('lets a probe through the next time it opens, after a probe closed it', () => {
      breaker.admit(later);
      breaker.record(true, later + 50, true);
      recordMany(breaker, 10, false, later + 100);
      expect(breaker.admit(later + 5100)).toBe('probe');
    });

    it('frees the probe slot when the probe is abandoned', () => {
      breaker.admit(later);
      breaker.abandon();
      expect(breaker.state(later + 10)).toBe('half-open');
      expect(breaker.admit(later + 10)).toBe('probe');
    });
  });
});

describe('CircuitBreaker window and reads', () => {
  let breaker: CircuitBreaker;

  beforeEach(() => {
    breaker = new CircuitBreaker(DEFAULT_CIRCUIT_BREAKER);
  });

  it('changes no state when read: an open breaker read as half-open later still reads open now', () => {
    recordMany(breaker, 10, false, T0);
    expect(breaker.state(T0 + 6000)).toBe('half-open');
    expect(breaker.retryInMs(T0 + 6000)).toBe(0);
    expect(breaker.state(T0 + 1000)).toBe('open');
    expect(breaker.admit(T0 + 1000)).toBe('rejected');
  });

  it('turns half-open for good only when it admits the probe', () => {
    recordMany(breaker, 10, false, T0);
    expect(breaker.admit(T0 + 5000)).toBe('probe');
    expect(breaker.state(T0 + 1000)).toBe('half-open');
  });

  it('slides its window bucket by bucket over a long run', () => {
    // One failure a second for two minutes among successes: never half of the last 30 s.
    for (let s = 0; s < 120; s++) {
      breaker.record(false, T0 + s * 1000);
      breaker.record(true, T0 + s * 1000 + 1);
      breaker.record(true, T0 + s * 1000 + 2);
    }
    expect(breaker.state(T0 + 120_000)).toBe('closed');
    // Then only failures: it opens once they are half of what the window still holds.
    let opened = -1;
    for (let i = 0; i < 200 && opened < 0; i++) {
      breaker.record(false, T0 + 120_000 + i * 100);
      if (breaker.state(T0 + 120_000 + i * 100) === 'open') opened = i;
    }
    // The window holds 29 failures and 58 successes; each new second drops one bucket of
    // 1 + 2: with the 27th new failure (2.6 s in), 29 + 27 − 2 = 54 failures ≥ 58 − 4 successes.
    expect(opened).toBe(26);
  });

  it('keeps what it counted when the clock steps back a second', () => {
    recordMany(breaker, 8, false, T0 + 2000);
    breaker.record(false, T0 + 1000);
    breaker.record(false, T0 + 2000);
    expect(breaker.state(T0 + 2000)).toBe('open');
  });

  it('forgets everything after a gap longer than its window', () => {
    recordMany(breaker, 10, true, T0);
    recordMany(breaker, 9, false, T0 + 1000);
    breaker.record(false, T0 + 90_000);
    expect(breaker.state(T0 + 90_000)).toBe('closed');
    recordMany(breaker, 9, false, T0 + 90_000);
    expect(breaker.state(T0 + 90_000)).toBe('open');
  });
});

function recordMany(breaker: CircuitBreaker, count: number, ok: boolean, now: number): void {
  for (let i = 0; i < count; i++) breaker.record(ok, now);
}

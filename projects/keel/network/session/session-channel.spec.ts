import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';

import { SESSION_CHANNEL, type SessionMessage } from './session-channel';

/** A `BroadcastChannel` of this tab: what it posted, and `hear` for another tab's message. */
class FakeBroadcastChannel extends EventTarget {
  static opened: FakeBroadcastChannel[] = [];
  readonly posted: unknown[] = [];

  constructor(readonly name: string) {
    super();
    FakeBroadcastChannel.opened.push(this);
  }

  postMessage(data: unknown): void {
    this.posted.push(data);
  }

  close(): void {
    // Nothing to release in the fake.
  }

  hear(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

describe('SESSION_CHANNEL', () => {
  beforeEach(() => {
    FakeBroadcastChannel.opened = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: DOCUMENT,
          useValue: { defaultView: { BroadcastChannel: FakeBroadcastChannel } },
        },
      ],
    });
  });

  it('talks on the BroadcastChannel keel-session, the one every version of the app opens', () => {
    TestBed.inject(SESSION_CHANNEL).post({ type: 'refreshing' });
    const [browser] = FakeBroadcastChannel.opened;
    expect(FakeBroadcastChannel.opened.length).toBe(1);
    expect(browser.name).toBe('keel-session');
    expect(browser.posted).toEqual([{ type: 'refreshing' }]);
  });

  it('hands on the session messages of other tabs and ignores shapes it does not know', () => {
    const heard: SessionMessage[] = [];
    TestBed.inject(SESSION_CHANNEL).listen((message) => heard.push(message));
    const [browser] = FakeBroadcastChannel.opened;
    browser.hear({ type: 'flags-changed', version: 7 });
    browser.hear({ type: 'signed-out', reason: 'expired' });
    expect(heard).toEqual([{ type: 'signed-out', reason: 'expired' }]);
  });
});

import { DOCUMENT } from '@angular/common';
import {
  EnvironmentInjector,
  createEnvironmentInjector,
  runInInjectionContext,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { type TabChannel, openTabChannel } from './tab-channel';

/**
 * `BroadcastChannel` as a browser has it: a message reaches every other open channel of the
 * same name (never the sender) as a `message` event; a closed channel neither sends nor hears.
 */
class FakeBroadcastChannel extends EventTarget {
  static open: FakeBroadcastChannel[] = [];

  constructor(readonly name: string) {
    super();
    FakeBroadcastChannel.open.push(this);
  }

  postMessage(data: unknown): void {
    for (const other of FakeBroadcastChannel.open)
      if (other !== this && other.name === this.name)
        other.dispatchEvent(new MessageEvent('message', { data }));
  }

  close(): void {
    FakeBroadcastChannel.open = FakeBroadcastChannel.open.filter((c) => c !== this);
  }
}

const isText = (data: unknown): data is string => typeof data === 'string';

describe('openTabChannel', () => {
  let tabs: EnvironmentInjector[];

  beforeEach(() => {
    FakeBroadcastChannel.open = [];
    tabs = [];
  });

  afterEach(() => tabs.forEach((tab) => tab.destroy()));

  /** A tab of this origin (its own injector) opening the channel `name`. */
  function openTab(
    name = 'keel-test',
    window: unknown = { BroadcastChannel: FakeBroadcastChannel },
  ) {
    const tab = createEnvironmentInjector(
      [{ provide: DOCUMENT, useValue: { defaultView: window } }],
      TestBed.inject(EnvironmentInjector),
    );
    tabs.push(tab);
    const channel: TabChannel<string> = runInInjectionContext(tab, () =>
      openTabChannel(name, isText),
    );
    const heard: string[] = [];
    const stop = channel.listen((message) => heard.push(message));
    return { tab, channel, heard, stop };
  }

  it('carries a message to the other tabs of the channel, never back to the sender', () => {
    const sender = openTab();
    const other = openTab();
    const elsewhere = openTab('keel-other');
    sender.channel.post('hello');
    expect(other.heard).toEqual(['hello']);
    expect(sender.heard).toEqual([]);
    expect(elsewhere.heard).toEqual([]);
  });

  it('ignores a message its check does not believe', () => {
    const sender = openTab();
    const other = openTab();
    (sender.channel as unknown as TabChannel<unknown>).post({ type: 'from an older version' });
    sender.channel.post('known');
    expect(other.heard).toEqual(['known']);
  });

  it('stops calling a listener once it is stopped', () => {
    const sender = openTab();
    const other = openTab();
    other.stop();
    sender.channel.post('hello');
    expect(other.heard).toEqual([]);
  });

  it('closes the channel with its injector: that tab hears nothing more', () => {
    const sender = openTab();
    const other = openTab();
    tabs.splice(tabs.indexOf(other.tab), 1);
    other.tab.destroy();
    sender.channel.post('hello');
    expect(other.heard).toEqual([]);
    expect(FakeBroadcastChannel.open.length).toBe(1);
  });

  for (const [what, window] of [
    ['a browser without BroadcastChannel', {}],
    ['no window (server rendering)', null],
  ] as const) {
    it(`carries nothing, and fails nothing, with ${what}`, () => {
      const lonely = openTab('keel-test', window);
      expect(() => lonely.channel.post('hello')).not.toThrow();
      expect(() => lonely.stop()).not.toThrow();
      expect(lonely.heard).toEqual([]);
    });
  }
});

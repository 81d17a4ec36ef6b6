import { TestBed } from '@angular/core/testing';
import { ShellOutlets } from '../../shared/shell-outlets';
import { OrderOutbox } from './order-outbox';
import { injectOrderOutbox, outboxOutlet } from './outbox-outlet';
import { OutboxPanel } from './outbox-panel';
import { outboxClearedForSignOut } from './outbox-sign-out';

describe('injectOrderOutbox', () => {
  it('gives the outbox and hands its panel and sign-out question to the shell', () => {
    const outbox = {};
    TestBed.configureTestingModule({ providers: [{ provide: OrderOutbox, useValue: outbox }] });
    const outlets = TestBed.inject(ShellOutlets);
    expect(outlets.outbox()).toBeNull();
    expect(TestBed.runInInjectionContext(() => injectOrderOutbox())).toBe(outbox as OrderOutbox);
    expect(outlets.outbox()).toBe(outboxOutlet);
    expect(outboxOutlet).toEqual({
      panel: OutboxPanel,
      clearedForSignOut: outboxClearedForSignOut,
    });
  });
});

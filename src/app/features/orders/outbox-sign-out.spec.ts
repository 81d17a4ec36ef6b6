import { Injector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { OrderOutbox } from './order-outbox';
import { outboxClearedForSignOut } from './outbox-sign-out';

describe('outboxClearedForSignOut', () => {
  let count: ReturnType<typeof signal<number>>;
  let read: () => void;
  let discardAll: jasmine.Spy;
  let open: jasmine.Spy;
  let answer: boolean | undefined;

  beforeEach(() => {
    count = signal(0);
    discardAll = jasmine.createSpy('discardAll').and.resolveTo();
    answer = undefined;
    open = jasmine.createSpy('open').and.callFake(() => ({ afterClosed: () => of(answer) }));
    TestBed.configureTestingModule({
      providers: [
        {
          provide: OrderOutbox,
          useValue: {
            count,
            discardAll,
            ready: new Promise<void>((resolve) => (read = resolve)),
          },
        },
        { provide: MatDialog, useValue: { open } },
      ],
    });
  });

  const ask = () => outboxClearedForSignOut(TestBed.inject(Injector));

  it('waits for the outbox to be read before it counts', async () => {
    let done = false;
    const cleared = ask().then((value) => ((done = true), value));
    await Promise.resolve();
    expect(done).toBeFalse();
    count.set(1);
    answer = true;
    read();
    expect(await cleared).toBeTrue();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('signs out without asking when nothing waits', async () => {
    read();
    expect(await ask()).toBeTrue();
    expect(open).not.toHaveBeenCalled();
    expect(discardAll).not.toHaveBeenCalled();
  });

  it('asks with the count, and discards only when the user confirms', async () => {
    count.set(2);
    read();
    answer = true;
    expect(await ask()).toBeTrue();
    expect(open).toHaveBeenCalledWith(ConfirmDialog, {
      data: {
        title: 'Discard 2 unsent changes?',
        message:
          'They are kept on this device until they reach the server. Signing out discards them; stay signed in to send them once you are online.',
        confirm: 'Discard and sign out',
      },
    });
    expect(discardAll).toHaveBeenCalledTimes(1);
  });

  it('keeps the changes, and says stay, when the dialog is cancelled or dismissed', async () => {
    count.set(1);
    read();
    for (const dismissed of [false, undefined]) {
      answer = dismissed;
      expect(await ask()).toBeFalse();
    }
    expect(open.calls.mostRecent().args[1].data.title).toBe('Discard 1 unsent change?');
    expect(discardAll).not.toHaveBeenCalled();
  });
});

import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { AppError } from '@keel/network';
import { ErrorSnack, ErrorSnackbar, OFFLINE_ACTION_MESSAGE } from './error-snackbar';

describe('ErrorSnackbar', () => {
  let opened: { data: unknown; duration: number | undefined }[];
  let action: Subject<void>;
  let dismissed: Subject<void>;

  beforeEach(() => {
    opened = [];
    action = new Subject<void>();
    dismissed = new Subject<void>();
    const snackBar = {
      openFromComponent: (
        _component: typeof ErrorSnack,
        config: { data: unknown; duration?: number },
      ) => {
        opened.push({ data: config.data, duration: config.duration });
        return {
          onAction: () => action,
          afterDismissed: () => dismissed,
          dismiss: () => dismissed.next(),
        };
      },
      open: () => undefined,
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: MatSnackBar, useValue: snackBar },
        provideRouter([
          { path: 'a', children: [] },
          { path: 'b', children: [] },
        ]),
      ],
    });
  });

  it('shows the AppError’s message with Retry, and stays until used', () => {
    TestBed.inject(ErrorSnackbar).show(
      new AppError({ kind: 'server', status: 503 }),
      () => undefined,
    );
    expect(opened).toEqual([
      {
        data: { message: 'The server had a problem. Try again in a moment.', canRetry: true },
        duration: undefined,
      },
    ]);
  });

  it('never promises to retry an action that failed offline by itself', () => {
    TestBed.inject(ErrorSnackbar).show(new AppError({ kind: 'offline' }), () => undefined);
    expect(opened[0].data).toEqual({ message: OFFLINE_ACTION_MESSAGE, canRetry: true });
    expect(OFFLINE_ACTION_MESSAGE).not.toMatch(/we will/i);
  });

  it('runs the retry when Retry is pressed', () => {
    const retry = jasmine.createSpy('retry');
    TestBed.inject(ErrorSnackbar).show(new AppError({ kind: 'network' }), retry);
    action.next();
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry for an error that retrying cannot fix, and goes away by itself', () => {
    TestBed.inject(ErrorSnackbar).show(
      new AppError({ kind: 'forbidden', status: 403 }),
      () => undefined,
    );
    expect(opened[0]).toEqual({
      data: { message: 'You do not have permission to do this.', canRetry: false },
      duration: 10_000,
    });
  });

  it('stays quiet for an ended session: the sign-in page explains it', () => {
    TestBed.inject(ErrorSnackbar).show(new AppError({ kind: 'auth-expired', status: 401 }));
    expect(opened).toEqual([]);
  });

  it('uses a more specific message when given one', () => {
    const error = new AppError({ kind: 'validation', status: 422 });
    TestBed.inject(ErrorSnackbar).show(error, undefined, 'The change was not accepted.');
    expect(opened[0].data).toEqual({ message: 'The change was not accepted.', canRetry: false });
  });

  it('takes a Retry away once the user goes to another page', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/a');
    const closed = jasmine.createSpy('closed');
    dismissed.subscribe(closed);
    TestBed.inject(ErrorSnackbar).show(new AppError({ kind: 'network' }), () => undefined);
    await router.navigateByUrl('/a?page=2');
    expect(closed).not.toHaveBeenCalled();
    await router.navigateByUrl('/b');
    expect(closed).toHaveBeenCalledTimes(1);
  });
});

import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { SwUpdate, type UnrecoverableStateEvent, type VersionEvent } from '@angular/service-worker';
import { Subject } from 'rxjs';
import { AppUpdate } from './app-update';
import { AppUpdateBanner } from './app-update-banner';
import { RELOAD_PAGE } from './version-notices';

/** What AppUpdate uses of `SwUpdate`, driven by the test. */
class FakeSwUpdate {
  isEnabled = true;
  readonly versionUpdates = new Subject<VersionEvent>();
  readonly unrecoverable = new Subject<UnrecoverableStateEvent>();
  checkForUpdate = jasmine.createSpy('checkForUpdate').and.resolveTo(false);
}

const READY: VersionEvent = {
  type: 'VERSION_READY',
  currentVersion: { hash: 'a' },
  latestVersion: { hash: 'b' },
};

describe('AppUpdate', () => {
  let sw: FakeSwUpdate;
  let reload: jasmine.Spy;

  function setup(enabled = true): AppUpdate {
    sw = new FakeSwUpdate();
    sw.isEnabled = enabled;
    reload = jasmine.createSpy('reload');
    TestBed.configureTestingModule({
      providers: [
        { provide: SwUpdate, useValue: sw },
        { provide: RELOAD_PAGE, useValue: reload },
      ],
    });
    return TestBed.inject(AppUpdate);
  }

  it('offers nothing until a new version is ready', () => {
    const update = setup();
    sw.versionUpdates.next({ type: 'VERSION_DETECTED', version: { hash: 'b' } });
    expect(update.available()).toBeNull();
    sw.versionUpdates.next(READY);
    expect(update.available()).toBe('ready');
  });

  it('says when this version cannot be served any more', () => {
    const update = setup();
    sw.unrecoverable.next({ type: 'UNRECOVERABLE_STATE', reason: 'evicted' });
    sw.versionUpdates.next(READY);
    expect(update.available()).toBe('broken');
  });

  it('asks the worker for the newest version before it reloads (the 426 path)', async () => {
    const update = setup();
    let checked = false;
    sw.checkForUpdate.and.callFake(async () => {
      expect(reload).not.toHaveBeenCalled();
      checked = true;
      return true;
    });
    await update.reload();
    expect(checked).toBeTrue();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('still reloads when the check fails (offline keeps the cached version)', async () => {
    const update = setup();
    sw.checkForUpdate.and.rejectWith(new Error('offline'));
    await update.reload();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('checks when the tab becomes visible again', () => {
    setup();
    const state = spyOnProperty(document, 'visibilityState').and.returnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sw.checkForUpdate).not.toHaveBeenCalled();
    state.and.returnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sw.checkForUpdate).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a service worker (development, unit tests)', async () => {
    const update = setup(false);
    sw.versionUpdates.next(READY);
    expect(update.available()).toBeNull();
    await update.reload();
    expect(sw.checkForUpdate).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

describe('AppUpdateBanner', () => {
  let sw: FakeSwUpdate;

  beforeEach(() => {
    sw = new FakeSwUpdate();
    TestBed.configureTestingModule({
      providers: [
        { provide: SwUpdate, useValue: sw },
        { provide: RELOAD_PAGE, useValue: () => undefined },
      ],
    });
  });

  let fixture: ComponentFixture<AppUpdateBanner>;

  /** The banner after `event` reached the app's AppUpdate. */
  async function render(event: () => void): Promise<HTMLElement> {
    TestBed.inject(AppUpdate);
    event();
    fixture = TestBed.createComponent(AppUpdateBanner);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function buttons(root: HTMLElement): string[] {
    return [...root.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
  }

  it('offers the new version with Reload and Not now; Not now hides it', async () => {
    const root = await render(() => sw.versionUpdates.next(READY));
    expect(root.textContent).toContain('A new version is available');
    expect(buttons(root)).toEqual(['Not now', 'Reload']);
    root.querySelector('button')?.click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="app-update"]')).toBeNull();
  });

  it('offers only Reload for a broken version, and shows progress while it updates', async () => {
    const root = await render(() =>
      sw.unrecoverable.next({ type: 'UNRECOVERABLE_STATE', reason: 'evicted' }),
    );
    expect(root.textContent).toContain('can no longer be loaded');
    expect(buttons(root)).toEqual(['Reload']);
    sw.checkForUpdate.and.returnValue(new Promise(() => undefined));
    root.querySelector('button')?.click();
    await fixture.whenStable();
    expect(buttons(root)).toEqual(['Updating…']);
  });
});

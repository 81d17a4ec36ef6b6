import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { APP_VERSION, ApiVersionSignals, VERSION_REPORTER } from '@keel/network';
import { MemoryStorage } from '@keel/network/testing';
import { UpdateRequiredScreen } from './update-required-screen';
import { RELOAD_PAGE, VERSION_NOTICE_STORAGE } from './version-notices';

describe('UpdateRequiredScreen', () => {
  let fixture: ComponentFixture<UpdateRequiredScreen>;
  let reload: jasmine.Spy<() => void>;

  beforeEach(() => {
    reload = jasmine.createSpy('reload');
    TestBed.configureTestingModule({
      providers: [
        { provide: APP_VERSION, useValue: '0.1.0' },
        { provide: RELOAD_PAGE, useValue: reload },
        { provide: VERSION_NOTICE_STORAGE, useValue: new MemoryStorage() },
        {
          provide: VERSION_REPORTER,
          useValue: { upgradeRequired: () => undefined, deprecated: () => undefined },
        },
      ],
    });
    fixture = TestBed.createComponent(UpdateRequiredScreen);
  });

  afterEach(() => fixture.destroy());

  function dialog(): HTMLDialogElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector('dialog');
  }

  async function upgradeRequired(minVersion: string | null): Promise<void> {
    TestBed.inject(ApiVersionSignals).observeUpgradeRequired(minVersion);
    await fixture.whenStable();
  }

  it('shows nothing while the API accepts this version', async () => {
    await fixture.whenStable();
    expect(dialog()).toBeNull();
  });

  it('opens a modal dialog after a 426', async () => {
    await upgradeRequired('9.0.0');
    expect(dialog()?.open).toBeTrue();
    expect(dialog()?.matches(':modal')).toBeTrue();
  });

  it('names the minimum version and this version', async () => {
    await upgradeRequired('9.0.0');
    expect(dialog()?.textContent).toContain('Version 9.0.0 or newer is required');
    expect(dialog()?.textContent).toContain('(0.1.0)');
  });

  it('leaves the minimum version out when the 426 did not name one', async () => {
    await upgradeRequired(null);
    expect(dialog()?.textContent).not.toContain('or newer');
  });

  it('is labelled "Update required" for assistive technology', async () => {
    await upgradeRequired('9.0.0');
    const title = document.getElementById(dialog()?.getAttribute('aria-labelledby') ?? '');
    expect(dialog()?.getAttribute('role')).toBe('alertdialog');
    expect(title?.textContent).toBe('Update required');
  });

  it('puts focus on Reload', async () => {
    await upgradeRequired('9.0.0');
    expect(document.activeElement?.textContent?.trim()).toBe('Reload');
  });

  it('reloads the page when Reload is pressed', async () => {
    await upgradeRequired('9.0.0');
    dialog()?.querySelector('button')?.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('ignores Escape', async () => {
    await upgradeRequired('9.0.0');
    const cancel = new Event('cancel', { cancelable: true });
    dialog()?.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBeTrue();
  });

  it('opens again if the browser closes it anyway', async () => {
    await upgradeRequired('9.0.0');
    const element = dialog() as HTMLDialogElement;
    // The screen's own close listener was added first, so it has run when this one does.
    const closed = new Promise((resolve) => element.addEventListener('close', resolve));
    element.close();
    await closed;
    expect(element.open).toBeTrue();
  });
});

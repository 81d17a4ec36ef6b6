import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { APP_VERSION, ApiVersionSignals, VERSION_REPORTER } from '@keel/network';
import { MemoryStorage } from '@keel/network/testing';
import { DeprecationBanner } from './deprecation-banner';
import { VERSION_NOTICE_STORAGE } from './version-notices';

describe('DeprecationBanner', () => {
  let fixture: ComponentFixture<DeprecationBanner>;
  let session: MemoryStorage;

  function create(): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        { provide: APP_VERSION, useValue: '0.1.0' },
        { provide: VERSION_NOTICE_STORAGE, useValue: session },
        {
          provide: VERSION_REPORTER,
          useValue: { upgradeRequired: () => undefined, deprecated: () => undefined },
        },
      ],
    });
    fixture = TestBed.createComponent(DeprecationBanner);
  }

  async function text(): Promise<string> {
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function deprecated(sunset: string | null): void {
    TestBed.inject(ApiVersionSignals).observeDeprecation('@1893456000', sunset, null);
  }

  beforeEach(() => {
    session = new MemoryStorage();
    create();
  });

  it('shows nothing while the version is not deprecated', async () => {
    expect(await text()).toBe('');
  });

  it('shows the sunset date', async () => {
    deprecated('Tue, 15 Jan 2030 00:00:00 GMT');
    expect(await text()).toContain(
      'This version of Keel (0.1.0) is deprecated and stops working on January 15, 2030.',
    );
  });

  it('says the version is deprecated without a date when no sunset was announced', async () => {
    deprecated(null);
    expect(await text()).toContain('This version of Keel (0.1.0) is deprecated. Reload');
  });

  it('goes away when dismissed', async () => {
    deprecated(null);
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector('button')?.click();
    expect(await text()).toBe('');
  });

  it('stays away on the next page load of the same session once dismissed', async () => {
    deprecated(null);
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector('button')?.click();
    create();
    deprecated(null);
    expect(await text()).toBe('');
  });
});

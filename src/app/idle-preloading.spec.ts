import { TestBed } from '@angular/core/testing';
import { SwUpdate } from '@angular/service-worker';
import { firstValueFrom, of } from 'rxjs';
import { IdlePreloading } from './idle-preloading';

describe('IdlePreloading', () => {
  it('preloads nothing where the service worker caches the pages (production builds)', async () => {
    TestBed.configureTestingModule({
      providers: [{ provide: SwUpdate, useValue: { isEnabled: true } }],
    });
    const load = jasmine.createSpy('load').and.returnValue(of('page'));
    expect(await firstValueFrom(TestBed.inject(IdlePreloading).preload({}, load))).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads each page once the app has loaded and is idle, without a service worker', async () => {
    TestBed.configureTestingModule({
      providers: [{ provide: SwUpdate, useValue: { isEnabled: false } }],
    });
    const load = jasmine.createSpy('load').and.returnValue(of('page'));
    // Karma's page has long finished loading: only the idle callback is left to wait for.
    expect(await firstValueFrom(TestBed.inject(IdlePreloading).preload({}, load))).toBe('page');
    expect(load).toHaveBeenCalledTimes(1);
  });
});

import { TestBed } from '@angular/core/testing';
import { SessionStore, proactiveRefreshAt } from './session-store';

const USER = { id: 'u1', email: 'demo@keel.dev', name: 'Demo', roles: ['user'] };
const NOW = Date.UTC(2026, 0, 1);

describe('proactiveRefreshAt', () => {
  it('refreshes 30 s before a long-lived token expires', () => {
    expect(proactiveRefreshAt(NOW, 600_000)).toBe(NOW + 570_000);
  });

  it('refreshes with a quarter of its life left when that is less than 30 s', () => {
    expect(proactiveRefreshAt(NOW, 60_000)).toBe(NOW + 45_000);
  });
});

describe('SessionStore', () => {
  let store: InstanceType<typeof SessionStore>;

  beforeEach(() => (store = TestBed.inject(SessionStore)));

  it('starts unknown and not signed in, with nothing held', () => {
    expect(store.status()).toBe('unknown');
    expect(store.isSignedIn()).toBeFalse();
    expect(store.accessToken()).toBeNull();
    expect(store.refreshAt()).toBeNull();
  });

  it('holds a signed-in user with the token, its expiry and when to refresh it', () => {
    store.signedIn(USER, 'token', 600_000, NOW);
    expect(store.isSignedIn()).toBeTrue();
    expect(store.user()).toEqual(USER);
    expect(store.accessToken()).toBe('token');
    expect(store.expiresAt()).toBe(NOW + 600_000);
    expect(store.refreshAt()).toBe(NOW + 570_000);
  });

  it('replaces the token, its expiry and the refresh time, keeping the user', () => {
    store.signedIn(USER, 'token', 600_000, NOW);
    store.tokenRefreshed('newer', 60_000, NOW + 1_000);
    expect(store.accessToken()).toBe('newer');
    expect(store.expiresAt()).toBe(NOW + 61_000);
    expect(store.refreshAt()).toBe(NOW + 46_000);
    expect(store.user()).toEqual(USER);
  });

  it('is signed in once the user of a restored token is known', () => {
    store.tokenRefreshed('token', 600_000, NOW);
    expect(store.isSignedIn()).toBeFalse();
    store.userKnown(USER);
    expect(store.status()).toBe('signed-in');
    expect(store.isSignedIn()).toBeTrue();
    expect(store.user()).toEqual(USER);
  });

  it('is signed in without a user or a token while unconfirmed', () => {
    store.unconfirmed();
    expect(store.isSignedIn()).toBeTrue();
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
  });

  it('drops the user and every token when signed out', () => {
    store.signedIn(USER, 'token', 600_000, NOW);
    store.signedOut();
    expect(store.status()).toBe('signed-out');
    expect(store.isSignedIn()).toBeFalse();
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    expect(store.expiresAt()).toBeNull();
    expect(store.refreshAt()).toBeNull();
  });
});

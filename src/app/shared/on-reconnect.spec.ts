import { Component, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AppError, NETWORK_STATUS } from '@keel/network';
import { FakeNetworkStatus } from '@keel/network/testing';
import { AsyncPanel, type PanelResource } from './async-panel';
import { describeError } from './describe-error';
import { ErrorState } from './error-state';

@Component({
  imports: [ErrorState, AsyncPanel],
  template: `
    @if (error(); as e) {
      <app-error-state
        [message]="e.message"
        [retryable]="e.retryable"
        [retryWhenOnline]="e.retryWhenOnline"
        [retrying]="loading()"
        (retry)="stateRetries = stateRetries + 1"
      />
    }
    <app-async-panel heading="Panel" [resource]="resource" />
  `,
})
class Host {
  /** The failure; the panel reads the AppError behind it, as a resource would hold it. */
  readonly failure = signal<AppError | undefined>(undefined);
  readonly error = computed(() => {
    const failure = this.failure();
    return failure ? describeError(failure, { reading: true }) : null;
  });
  readonly loading = signal(false);
  stateRetries = 0;
  panelRetries = 0;
  readonly resource: PanelResource = {
    isLoading: this.loading,
    hasValue: () => false,
    error: this.failure,
    reload: () => {
      this.panelRetries++;
      return true;
    },
  };
}

describe('a failed load retries by itself when the connection comes back', () => {
  let network: FakeNetworkStatus;
  let host: Host;

  beforeEach(() => {
    network = new FakeNetworkStatus();
    TestBed.configureTestingModule({ providers: [{ provide: NETWORK_STATUS, useValue: network }] });
    const fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    fixture.autoDetectChanges();
  });

  for (const kind of ['offline', 'network'] as const) {
    it(`after a(n) ${kind} failure, once per reconnect, in ErrorState and AsyncPanel`, () => {
      network.goOffline();
      host.failure.set(new AppError({ kind }));
      TestBed.tick();
      expect([host.stateRetries, host.panelRetries]).toEqual([0, 0]);
      network.goOnline();
      expect([host.stateRetries, host.panelRetries]).toEqual([1, 1]);
      // Still online: another "online" event is no reconnect.
      network.goOnline();
      expect([host.stateRetries, host.panelRetries]).toEqual([1, 1]);
      network.goOffline();
      network.goOnline();
      expect([host.stateRetries, host.panelRetries]).toEqual([2, 2]);
    });
  }

  it('not for a failure a connection cannot mend', () => {
    host.failure.set(new AppError({ kind: 'server' }));
    TestBed.tick();
    network.goOffline();
    network.goOnline();
    expect([host.stateRetries, host.panelRetries]).toEqual([0, 0]);
  });

  it('not while the retried load is still running', () => {
    host.failure.set(new AppError({ kind: 'offline' }));
    host.loading.set(true);
    TestBed.tick();
    network.goOffline();
    network.goOnline();
    expect([host.stateRetries, host.panelRetries]).toEqual([0, 0]);
  });

  it('not when there is no error to mend', () => {
    TestBed.tick();
    network.goOffline();
    network.goOnline();
    expect(host.panelRetries).toBe(0);
  });
});

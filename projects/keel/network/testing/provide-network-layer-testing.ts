import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import {
  NETWORK_CLOCK,
  type NetworkLayerOptions,
  NETWORK_STATUS,
  provideNetworkLayer,
  RETRY_RANDOM,
} from '@keel/network';
import { FakeNetworkClock } from './fake-network-clock';
import { FakeNetworkStatus } from './fake-network-status';

export interface NetworkLayerTesting {
  readonly clock: FakeNetworkClock;
  readonly network: FakeNetworkStatus;
  readonly providers: (Provider | EnvironmentProviders)[];
}

/**
 * The real chain over `HttpTestingController`, with a fake clock, a switchable online status and
 * `random` for jitter (default 0.5, so a backoff of cap C waits C/2).
 */
export function networkLayerTesting(
  options: NetworkLayerOptions = {},
  random: () => number = () => 0.5,
): NetworkLayerTesting {
  const clock = new FakeNetworkClock();
  const network = new FakeNetworkStatus();
  return {
    clock,
    network,
    providers: [
      provideNetworkLayer(options),
      provideHttpClientTesting(),
      { provide: NETWORK_CLOCK, useValue: clock },
      { provide: NETWORK_STATUS, useValue: network },
      { provide: RETRY_RANDOM, useValue: random },
    ],
  };
}

// Internal to the network layer's specs (not exported from the testing entry): the whole chain over
// HttpTestingController, with what its hooks heard, and the stage-alone setups the per-stage
// specs share.
import {
  HttpClient,
  type HttpInterceptorFn,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AppError } from '../src/app-error';
import { NETWORK_ERROR_REPORTER, type ReportedCall } from '../src/error-mapper-interceptor';
import type { NetworkLayerOptions } from '../src/network-layer-options';
import { NETWORK_CALL_SINK, type NetworkCallRecord } from '../src/observability-interceptor';
import { type NetworkLayerTesting, networkLayerTesting } from '@keel/network/testing';

export interface ChainTestBed extends NetworkLayerTesting {
  readonly http: HttpClient;
  readonly backend: HttpTestingController;
  /** What `NETWORK_CALL_SINK` heard, one record per logical call. */
  readonly records: NetworkCallRecord[];
  /** What `NETWORK_ERROR_REPORTER` heard, one entry per failed logical call. */
  readonly reported: { readonly error: AppError; readonly call: ReportedCall }[];
}

/**
 * Configures TestBed with the real chain (`networkLayerTesting`), a sink and a reporter that
 * keep what they hear, and `extra` providers (which win over the layer's).
 */
export function chainTestBed(
  options: NetworkLayerOptions = {},
  extra: (Provider | EnvironmentProviders)[] = [],
  random?: () => number,
): ChainTestBed {
  const layer = networkLayerTesting(options, random);
  const records: NetworkCallRecord[] = [];
  const reported: { error: AppError; call: ReportedCall }[] = [];
  TestBed.configureTestingModule({
    providers: [
      ...layer.providers,
      {
        provide: NETWORK_CALL_SINK,
        useValue: { record: (r: NetworkCallRecord) => records.push(r) },
      },
      {
        provide: NETWORK_ERROR_REPORTER,
        useValue: {
          report: (error: AppError, call: ReportedCall) => reported.push({ error, call }),
        },
      },
      ...extra,
    ],
  });
  return {
    ...layer,
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    records,
    reported,
  };
}

/**
 * One stage wired alone, without the error mapper that makes the plan: how a hand-wired chain
 * (or one in another order) reaches it.
 */
export function stageAlone(stage: HttpInterceptorFn): {
  http: HttpClient;
  backend: HttpTestingController;
} {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(withInterceptors([stage])), provideHttpClientTesting()],
  });
  return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
}

/** Runs `run` with the global `ngDevMode` set to `value`, as a build would leave it. */
export function withNgDevMode(value: unknown, run: () => void): void {
  const global = globalThis as { ngDevMode?: unknown };
  const saved = global.ngDevMode;
  global.ngDevMode = value;
  try {
    run();
  } finally {
    global.ngDevMode = saved;
  }
}

/** An RFC 9457 body for `status`. */
export function problem(status: number): Record<string, unknown> {
  return { type: `/problems/${status}`, title: `Status ${status}`, status };
}

export function fail503(req: TestRequest): void {
  req.flush(problem(503), { status: 503, statusText: 'Service Unavailable' });
}

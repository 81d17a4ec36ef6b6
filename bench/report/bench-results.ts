// What `npm run bench` writes to bench/results.json, and what the report reads back.
import type { BundleResult } from '../bundle';
import type { BenchConfig } from '../config';
import type {
  BurstsResult,
  OutageResult,
  OverheadResult,
  SoakResult,
  StormResult,
} from '../harness/scenarios';
import type { LighthouseResult } from '../lighthouse';

export interface BenchResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    kernel: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    versions: Record<string, string | undefined>;
    chromium: string | null;
    commit: string;
    uncommittedFiles: number;
  };
  config: BenchConfig;
  durationMs: number;
  overhead?: OverheadResult;
  /** The concurrent bursts again, with the CPU throttled. */
  burstsThrottled?: BurstsResult & { throttle: number };
  storm?: StormResult[];
  outage?: OutageResult[];
  soak?: SoakResult[];
  bundle?: BundleResult;
  bundleError?: string;
  lighthouse?: LighthouseResult;
  lighthouseError?: string;
  pageCounters?: unknown;
}

// The page's entry: counts escapes from the first moment, then exposes the scenarios to the
// Node side (bench/run.ts, e2e/soak.e2e.ts) as `window.keelBench`.
import './jit';
import { counters, installGlobalCounters } from './counters';
import {
  SOAK_PHASES,
  bursts,
  inPage,
  inPageBlocks,
  overhead,
  outage,
  soak,
  storm,
  timeline,
  fetchDepth,
} from './scenarios';

installGlobalCounters();

const api = {
  overhead,
  bursts,
  inPage,
  inPageBlocks,
  storm,
  outage,
  soak,
  timeline,
  fetchDepth,
  soakPhases: () => SOAK_PHASES,
  counters: () => ({ ...counters, samples: [...counters.samples] }),
  userAgent: () => navigator.userAgent,
};

export type KeelBench = typeof api;

(window as unknown as { keelBench: KeelBench }).keelBench = api;
document.title = 'keel bench: ready';

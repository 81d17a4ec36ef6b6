// The scenarios of issues 7 and 10, run inside the page. Each one creates the stacks it needs, drives
// the dev API's controls itself (so the same code runs behind the bench server and behind
// ng serve in the e2e soak), and returns plain JSON for the Node side to report.
export { type BurstsResult, bursts } from './bursts';
export { inPage, inPageBlocks } from './in-page';
export { type OutageOptions, type OutageResult, outage } from './outage';
export { type OverheadOptions, type OverheadResult, overhead } from './overhead';
export { type Spread, median, percentile } from './shared';
export { SOAK_PHASES, SOAK_ROUTES, type SoakOptions, type SoakResult, soak } from './soak';
export { type StormOptions, type StormRep, type StormResult, storm } from './storm';
export { type TimelineResult, fetchDepth, timeline } from './timeline';

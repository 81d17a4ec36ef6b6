// lint as: src/app/core/data/lint-fixture.ts
// core/data reaching up into core/observability (the cycle issue 15 removed).
export { metricDecodeReporter } from '../observability';

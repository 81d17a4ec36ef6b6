// lint as: projects/keel/network/data/lint-fixture.ts
// @keel/network/data reaching up into observability (the cycle issue 15 removed).
export { metricDecodeReporter } from '@keel/network/observability';

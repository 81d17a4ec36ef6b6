// lint as: src/app/core/http/lint-fixture.ts
// core/ knows nothing of features.
export { OrderOutbox } from '../../features/orders';

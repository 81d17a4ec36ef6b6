// lint as: projects/keel/network/src/lint-fixture.ts
// The library knows nothing of the app.
export { OrderOutbox } from '../../../../src/app/features/orders';

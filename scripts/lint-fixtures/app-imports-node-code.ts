// lint as: src/app/features/network/lint-fixture.ts
// The app reaching into the server for a shape it shares with it.
export type { ChaosConfig } from '../../../../server/src/chaos/chaos-config';

// lint as: src/app/features/network/lint-fixture.ts
// A value import of contracts/: the import would stay in the bundle although nothing is there.
import { type ChaosConfig } from '../../../../contracts/dev-api';

export const off: Partial<ChaosConfig> = {};

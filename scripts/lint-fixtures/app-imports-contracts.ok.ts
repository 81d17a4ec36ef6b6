// lint as: src/app/features/network/lint-fixture.ts
// The shared wire type, imported as a type.
import type { ChaosConfig } from '../../../../contracts/dev-api';

export const off: Partial<ChaosConfig> = {};

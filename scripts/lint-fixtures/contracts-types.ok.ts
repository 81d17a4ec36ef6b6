// lint as: contracts/lint-fixture.ts
// Interfaces and type aliases, and a type from another contract.
import type { ChaosConfig } from './dev-api';

export interface ChaosPreset {
  name: string;
  config: Partial<ChaosConfig>;
}
export type ChaosPresets = ChaosPreset[];

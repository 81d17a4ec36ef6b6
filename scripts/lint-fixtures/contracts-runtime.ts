// lint as: contracts/lint-fixture.ts
// Runtime code in contracts/: no side loads the folder, so a value here exists nowhere.
import type { FastifyInstance } from 'fastify';

export const noChaos = { latencyMs: 0 };
export type App = FastifyInstance;

// lint as: server/src/lint-fixture.ts
// The same, typed.
export const typed: unknown = JSON.parse('{}');

// lint as: server/src/lint-fixture.ts
// Node code gets typescript-eslint's recommended rules.
export const untyped: any = JSON.parse('{}');

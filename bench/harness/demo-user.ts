// The dev API's seeded demo user (server/src/db/seed-data.ts), for the harness in the page and
// for the Node side (reload.ts, lighthouse.ts) alike: no imports, so both can load it.
export const DEMO = { email: 'demo@keel.dev', password: 'keel-demo' } as const;

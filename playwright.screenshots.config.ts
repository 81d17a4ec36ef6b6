// `npm run screenshots`: retakes the README's pictures with the same servers as e2e.
import base from './playwright.config';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  ...base,
  testMatch: '**/*.shot.ts',
  reporter: [['list']],
  use: { ...base.use, viewport: { width: 1280, height: 1000 } },
});

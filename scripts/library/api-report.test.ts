// The public API of each @keel/network entry point against its golden report
// (projects/keel/network/api/*.api.md): a change to what the package exports fails here until
// `npm run api:update` rewrites the golden and the diff is reviewed with the change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module of the build scripts, without typings
import { ENTRY_POINTS, apiReport } from './api-report.mjs';

describe('the public API of @keel/network', () => {
  for (const specifier of ENTRY_POINTS as string[]) {
    it(`${specifier} matches its golden report`, () => {
      const report = apiReport(specifier) as {
        changed: boolean;
        golden: string;
        built: string;
        messages: string[];
      };
      assert.deepEqual(report.messages, [], 'API Extractor had nothing to warn about');
      assert.equal(
        report.changed,
        false,
        `the built API differs from ${report.golden}: see \`diff ${report.golden} ${report.built}\`; ` +
          'if the change is meant, run `npm run api:update` and commit the new report',
      );
    });
  }
});

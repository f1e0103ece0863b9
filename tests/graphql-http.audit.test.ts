/** GraphQL-over-HTTP conformance: every MUST of graphql-http's server audit passes. */
import { auditServer } from 'graphql-http';
import { describe, expect, test } from './support/fixtures.js';

describe('GraphQL over HTTP', () => {
  test('passes every MUST of the graphql-http audit', async ({ url }) => {
    const results = await auditServer({ url });
    const failedMusts = results
      .filter((result) => result.status !== 'ok' && result.name.startsWith('MUST'))
      .map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(results.length).toBeGreaterThan(30);
    expect(failedMusts).toEqual([]);
  });
});

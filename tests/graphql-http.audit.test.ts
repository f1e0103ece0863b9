/** GraphQL-over-HTTP conformance: every MUST of graphql-http's server audit passes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditServer } from 'graphql-http';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer(await createTestDatabase());
});
afterAll(() => server?.stop());

describe('GraphQL over HTTP', () => {
  it('passes every MUST of the graphql-http audit', async () => {
    const results = await auditServer({ url: server.url });
    const failedMusts = results
      .filter((result) => result.status !== 'ok' && result.name.startsWith('MUST'))
      .map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(results.length).toBeGreaterThan(30);
    expect(failedMusts).toEqual([]);
  });
});

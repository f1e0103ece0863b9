/**
 * GET /metrics (Prometheus text): operations by type, root field and outcome,
 * latency, open sockets and subscriptions, events delivered, rate-limit
 * refusals, the database pool, event-log lag; protected by METRICS_TOKEN when
 * set. Scraped before and after some traffic: the counters move.
 */
import { codes, gql, send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { headCursor } from './support/events.js';
import { createOrg } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { subscribeEvents } from './support/subscriptions.js';
import { LogInDocument } from './generated/graphql.js';

const TOKEN = 'metrics-token-for-tests';
test.override('serverEnv', { METRICS_TOKEN: TOKEN, RATE_LIMITS: 'true', RATE_LIMIT_LOGIN_ACCOUNT: '1/1m' });

async function scrape(url: string): Promise<string> {
  const response = await fetch(url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample (`name{labels} value`, labels in any order), 0 when absent. */
function sample(text: string, name: string, labels = ''): number {
  const wanted = labels.split(',').filter(Boolean).sort().join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    if ((match[2] ?? '').split(',').filter(Boolean).sort().join(',') === wanted) return Number(match[3]);
  }
  return 0;
}

describe('GET /metrics', () => {
  test('wants the METRICS_TOKEN when one is set', async ({ url }) => {
    const metrics = url.replace(/\/graphql$/, '/metrics');
    expect((await fetch(metrics)).status).toBe(401);
    expect((await fetch(metrics, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  test('counts operations, outcomes, sockets, deliveries and refusals as they happen', async ({ url, wsUrl, adminToken }) => {
    const org = await createOrg(url, adminToken);
    const before = await scrape(url);

    expect(codes(await send(url, '{ helpRequests(first: 1) { totalCount } }'))).toEqual([]);
    expect(codes(await send(url, '{ helpRequest(id: "%%") { id } }'))).toEqual(['BAD_USER_INPUT']);
    // From the head read now: the event posted next is replayed even if the subscription starts after it.
    const subscriber = subscribeEvents(wsUrl, { after: await headCursor(url) }, org.owner.token);
    const request = await postRequest(url, org.owner.token, org.id);
    await subscriber.waitFor((event) => event.request.id === request.id);
    await gql(url, LogInDocument, { email: 'nobody@example.org', password: 'wrong-password' });
    expect(codes(await gql(url, LogInDocument, { email: 'nobody@example.org', password: 'wrong-password' }))).toEqual(['RATE_LIMITED']);

    const during = await scrape(url);
    const ok = 'code="OK",field="helpRequests",type="query"';
    expect(sample(during, 'graphql_operations_total', ok)).toBe(sample(before, 'graphql_operations_total', ok) + 1);
    const bad = 'code="BAD_USER_INPUT",field="helpRequest",type="query"';
    expect(sample(during, 'graphql_operations_total', bad)).toBe(sample(before, 'graphql_operations_total', bad) + 1);
    expect(sample(during, 'graphql_operation_duration_seconds_count', 'type="query"')).toBeGreaterThan(
      sample(before, 'graphql_operation_duration_seconds_count', 'type="query"'),
    );
    expect(sample(during, 'graphql_ws_open_sockets')).toBeGreaterThanOrEqual(1);
    expect(sample(during, 'graphql_ws_active_subscriptions')).toBeGreaterThanOrEqual(1);
    expect(sample(during, 'request_events_delivered_total')).toBeGreaterThan(sample(before, 'request_events_delivered_total'));
    expect(sample(during, 'rate_limit_refusals_total', 'limit="login-account"')).toBe(1);
    expect(during).toContain('db_pool_connections_in_use');
    expect(during).toContain('db_pool_waiting_requests');
    expect(sample(during, 'request_event_log_lag')).toBeGreaterThanOrEqual(0);

    await subscriber.close();
    // No label holds anything a client chose (operation names, ids, e-mail addresses).
    expect(during).not.toContain('nobody@example.org');
    expect(during).not.toContain('%%');
  });
});

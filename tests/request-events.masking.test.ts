/** An unexpected failure inside the event stream reaches the subscriber masked, with nothing internal. */
import { describe, expect, test } from './support/fixtures.js';
import { subscribeEvents } from './support/subscriptions.js';
import { admin } from './support/pg.js';
import { encodeEventCursor } from '../src/modules/event-log/event-feed.service.js';

describe('errors inside the event stream', () => {
  test('are masked as INTERNAL_SERVER_ERROR without SQL or stack', async ({ databaseUrl, wsUrl }) => {
    // Break the table the replay reads, for this database only, then restore it.
    await admin(databaseUrl, (client) => client.query('ALTER TABLE request_event RENAME TO request_event_away'));
    try {
      const sub = subscribeEvents(wsUrl, { after: encodeEventCursor('0') });
      const errors = await sub.failed;
      expect(errors).toHaveLength(1);
      expect(errors[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(errors[0].message).toBe('Internal server error');
      expect(JSON.stringify(errors)).not.toMatch(/request_event|relation|select|at /i);
      await sub.close();
    } finally {
      await admin(databaseUrl, (client) => client.query('ALTER TABLE request_event_away RENAME TO request_event'));
    }
  });
});

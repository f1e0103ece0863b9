#!/usr/bin/env node
/**
 * Captures the SQL our server sends PostgreSQL for one stats operation, for
 * W3's floor (stats-floor.mjs) to replay: "the stats' raw SQL", whatever the
 * server's statements are today, parameters included.
 *
 *   node bench/servers/stats-capture.mjs <database url> <operations.json>
 *
 * Starts the compiled app in this process (dist/src/app.js) and wraps the
 * query method of the pg client its pool is made of (CountingClient, from
 * dist/src/db/statement-count.js). A statement is kept when it is sent on
 * behalf of an HTTP operation (the statement counter's async context is
 * set), so the expiry job, the event hub and start-up are left out. Each
 * operation (`{ name, body }`) is sent once; prints
 * `{ name: [{ text, values }] }`.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../dist/src/config.js';
import { createLogger } from '../../dist/src/shared/logger.js';
import { startApp } from '../../dist/src/app.js';
import { CountingClient, statementCount } from '../../dist/src/db/statement-count.js';

const [databaseUrl, operationsFile] = process.argv.slice(2);
const operations = JSON.parse(readFileSync(operationsFile, 'utf8'));

let captured = null;
const query = CountingClient.prototype.query;
Object.defineProperty(CountingClient.prototype, 'query', {
  value: function (...args) {
    if (captured && statementCount() !== null) {
      const [first, second] = args;
      const text = typeof first === 'string' ? first : first?.text;
      const values = Array.isArray(second) ? second : (first?.values ?? []);
      if (typeof text === 'string') captured.push({ text, values });
    }
    return Reflect.apply(query, this, args);
  },
  writable: true,
  configurable: true,
});

const config = loadConfig({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PORT: '0',
  HOST: '127.0.0.1',
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  RATE_LIMITS: 'false',
  SQL_COUNT_HEADER: 'true',
  EXPIRY_INTERVAL_MS: '86400000',
});
const app = await startApp(config, createLogger('warn'));
const out = {};
try {
  for (const { name, body } of operations) {
    captured = [];
    const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await response.json();
    if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    out[name] = captured;
    captured = null;
  }
} finally {
  await app.stop();
}
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);

#!/usr/bin/env node
/**
 * W3's floor: the stats' raw SQL (captured from our server by
 * stats-capture.mjs) run directly with pg behind a bare HTTP server. A POST of
 * `{"op": name}` runs that operation's statements, concurrently over a pool as
 * large as the server's (in order on one connection if they hold a
 * transaction), and answers their rows as JSON.
 *
 *   node bench/servers/stats-floor.mjs <port> <database url> <pool size> <statements.json>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';

const [port, connectionString, poolSize, statementsFile] = process.argv.slice(2);
const operations = JSON.parse(readFileSync(statementsFile, 'utf8'));
const pool = new pg.Pool({ connectionString, max: Number(poolSize) });
const TRANSACTION = /^\s*(BEGIN|START TRANSACTION|COMMIT|SET TRANSACTION)/i;

async function run(statements) {
  if (statements.some((s) => TRANSACTION.test(s.text))) {
    const client = await pool.connect();
    try {
      const rows = [];
      for (const s of statements) rows.push((await client.query(s.text, s.values)).rows);
      return rows;
    } finally {
      client.release();
    }
  }
  return Promise.all(statements.map(async (s) => (await pool.query(s.text, s.values)).rows));
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const statements = operations[JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}').op];
    if (!statements) {
      response.writeHead(404).end('{"errors":[{"message":"unknown op"}]}');
      return;
    }
    run(statements).then(
      (rows) =>
        response
          .writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': String(statements.length) })
          .end(JSON.stringify({ data: rows })),
      (error) => response.writeHead(500).end(JSON.stringify({ errors: [{ message: String(error) }] })),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});

#!/usr/bin/env node
/**
 * HTTP load generator: one process of its own (so its CPU is never counted as
 * the server's), N keep-alive connections each sending POSTs back to back for
 * a fixed time, on loopback.
 *
 *   node bench/load/http-load.mjs <spec.json>
 *
 * spec: { url, seconds, connections: [{ headers, bodies: [string], cycle }] }
 * (one entry per connection: its own token, its own bodies; `cycle: false`
 * sends each body once, for claims, and the connection stops when its bodies
 * run out). Prints one JSON line: requests, elapsed seconds, req/s, latency
 * percentiles (ms), outcomes (OK, or the first error's extensions.code, or
 * HTTP_<status>), the sum of `x-sql-statements` headers, and a sample error.
 *
 * HTTP/1.1 is spoken directly on TCP sockets, each request's bytes built
 * before the clock starts: on 2 cores the generator shares the CPU with the
 * server it measures, and node:http costs twice as much per request (about
 * 150 us against 70 here). No package beyond Node's own, so the smoke test
 * runs it without the peers' install.
 */
import net from 'node:net';
import { readFileSync } from 'node:fs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const target = new URL(spec.url);
const deadline = performance.now() + spec.seconds * 1000;
// An answer that takes longer than this is an error, not a latency: the bench is bounded in time.
const REQUEST_TIMEOUT_MS = Math.max(10_000, spec.seconds * 1000);

const latencies = [];
const outcomes = {};
let statements = 0;
let statementResponses = 0;
let errorSample = null;
let lastDone = performance.now();

function count(outcome, body) {
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  if (outcome !== 'OK' && errorSample === null) errorSample = body.slice(0, 500);
}

/** The bytes of one POST. */
function requestBytes(headers, body) {
  const payload = Buffer.from(body, 'utf8');
  const lines = [
    `POST ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    'Content-Type: application/json',
    `Content-Length: ${payload.length}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), payload]);
}

/**
 * One answer parsed out of `buffer` (status, headers, body), or null while it
 * is incomplete. Handles Content-Length and chunked bodies.
 */
function parseResponse(buffer) {
  const headerEnd = buffer.indexOf('\r\n\r\n');
  if (headerEnd < 0) return null;
  const head = buffer.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const headers = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let offset = headerEnd + 4;
  if (headers['content-length'] !== undefined) {
    const end = offset + Number(headers['content-length']);
    if (buffer.length < end) return null;
    return { status, headers, body: buffer.subarray(offset, end), rest: buffer.subarray(end) };
  }
  if (!/chunked/i.test(headers['transfer-encoding'] ?? '')) throw new Error(`answer without length: ${head}`);
  const parts = [];
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString('latin1', offset, lineEnd), 16);
    const start = lineEnd + 2;
    if (buffer.length < start + size + 2) return null;
    if (size === 0) return { status, headers, body: Buffer.concat(parts), rest: buffer.subarray(start + 2) };
    parts.push(buffer.subarray(start, start + size));
    offset = start + size + 2;
  }
}

function record(response, started) {
  const now = performance.now();
  latencies.push(now - started);
  lastDone = now;
  const sql = response.headers['x-sql-statements'];
  if (sql !== undefined) {
    statements += Number(sql);
    statementResponses += 1;
  }
  // Only answers that carry errors are decoded and parsed: the generator stays cheap.
  if (response.status !== 200) count(`HTTP_${response.status}`, response.body.toString('utf8'));
  else if (response.body.includes('"errors"')) {
    const text = response.body.toString('utf8');
    let code = 'ERROR';
    try {
      code = JSON.parse(text).errors?.[0]?.extensions?.code ?? 'ERROR';
    } catch {
      code = 'BAD_JSON';
    }
    count(code, text);
  } else count('OK', '');
}

/** A keep-alive connection that sends its requests one after the other; reconnects if the server closes it. */
function connection({ headers = {}, bodies, cycle = true }) {
  const requests = bodies.map((body) => requestBytes(headers, body));
  return new Promise((resolve) => {
    let socket = null;
    let buffer = Buffer.alloc(0);
    let sent = 0;
    let started = 0;
    let timer = null;
    let inFlight = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve();
    };
    const next = () => {
      if (performance.now() >= deadline || (!cycle && sent >= requests.length)) return finish();
      started = performance.now();
      const bytes = requests[sent++ % requests.length];
      clearTimeout(timer);
      timer = setTimeout(() => {
        count('TIMEOUT', 'no answer');
        lastDone = performance.now();
        finish();
      }, REQUEST_TIMEOUT_MS);
      if (!socket) open();
      inFlight = true;
      socket.write(bytes);
    };
    const open = () => {
      buffer = Buffer.alloc(0);
      socket = net.connect({ host: target.hostname, port: Number(target.port) });
      socket.setNoDelay(true);
      socket.on('data', (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const response = parseResponse(buffer);
        if (!response) return;
        buffer = response.rest;
        inFlight = false;
        record(response, started);
        if (/close/i.test(response.headers.connection ?? '')) {
          socket.destroy();
          socket = null;
        }
        next();
      });
      const lost = (reason) => {
        count('NETWORK', reason);
        lastDone = performance.now();
        finish();
      };
      const current = socket;
      socket.on('error', (error) => lost(String(error.message)));
      // Closed by the server between two requests (an idle timeout): the next one opens another.
      socket.on('close', () => {
        if (socket !== current) return;
        if (inFlight) lost('closed while waiting for an answer');
        else socket = null;
      });
    };
    next();
  });
}

const started = performance.now();
await Promise.all(spec.connections.map(connection));
const elapsed = (lastDone - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * p) - 1)] : null);
const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    seconds: round(elapsed),
    rps: round(latencies.length / elapsed),
    latencyMs: {
      p50: round(at(0.5)),
      p90: round(at(0.9)),
      p99: round(at(0.99)),
      max: round(at(1)),
      mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    },
    outcomes,
    sqlStatements: statementResponses ? { sum: statements, responses: statementResponses } : null,
    errorSample,
  }) + '\n',
);
process.exit(0);

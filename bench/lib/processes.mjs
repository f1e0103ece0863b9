/**
 * Child processes of the bench: servers (ours and the peers) and load
 * generators. Every one is bounded in time, and every one still running when
 * the bench ends (normally, on an error, on Ctrl-C) is stopped.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const running = new Set();

/** Kills what is left (SIGKILL: the bench is ending, nothing is waited for). */
export function killAll() {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
process.once('exit', killAll);

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a Node server (on this Node, the project's 24) and waits until
 * `readyPath` answers over HTTP. Its stderr is kept (the last lines go into the
 * error when it fails to start).
 */
export async function startServer({ name, script, args = [], nodeArgs = [], env = {}, port, readyPath = '/graphql', timeoutMs = 60_000 }) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child);
  });
  const url = `http://127.0.0.1:${port}`;
  const until = performance.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${name} exited at start (${JSON.stringify(exited)}): ${stderr.trim().split('\n').slice(-8).join('\n')}`);
    if (performance.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer on ${url}${readyPath} within ${timeoutMs / 1000} s: ${stderr.slice(-1000)}`);
    }
    try {
      // Any HTTP answer (a GET on a GraphQL endpoint may be a 400 or 405) means it listens.
      await fetch(url + readyPath, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      await sleep(200);
    }
  }
  return {
    name,
    pid: child.pid,
    url,
    stderr: () => stderr,
    /** SIGTERM, then SIGKILL after 10 s. */
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/**
 * Runs a Node script to its end and returns its stdout as JSON (the load
 * generators print one JSON line). Killed after `timeoutMs`.
 */
export async function runJson(script, args, { timeoutMs, env = {} }) {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? signal)));
  clearTimeout(timer);
  running.delete(child);
  if (code !== 0) throw new Error(`${path.basename(script)} ended with ${code}: ${stderr.trim().slice(-1500)}`);
  return JSON.parse(stdout.trim().split('\n').pop());
}

/** Runs the HTTP load generator on `spec` (written to a temporary file: it may hold many bodies). */
export async function runHttpLoad(spec) {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-load-'));
  const file = path.join(dir, 'spec.json');
  try {
    await writeFile(file, JSON.stringify(spec));
    return await runJson(path.join(import.meta.dirname, '..', 'load', 'http-load.mjs'), [file], {
      timeoutMs: spec.seconds * 1000 + 60_000,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

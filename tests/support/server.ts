/**
 * Real servers for tests: in-process (fast, same code path as main.ts minus
 * signals) or as separate `node dist/src/main.js` processes on one database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/shared/logger.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestServer {
  url: string;
  wsUrl: string;
  app: App;
  stop(): Promise<void>;
}

/** The environment of a test server: an explicit database, port 0, quiet logs. */
export function testEnv(databaseUrl: string, env: Record<string, string> = {}): Record<string, string> {
  // Rate limits off unless a test is about them (api.md: RATE_LIMITS=false is the switch, no other bypass).
  return { DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DB_POOL_SIZE: '4', RATE_LIMITS: 'false', ...env };
}

export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig(testEnv(databaseUrl, env));
  const app = await startApp(config, createLogger(process.env.TEST_LOG_LEVEL ?? config.logLevel));
  return { url: app.url, wsUrl: app.url.replace(/^http/, 'ws'), app, stop: () => app.stop() };
}

export interface SpawnedServer {
  url: string;
  wsUrl: string;
  child: ChildProcess;
  /** Every line the process wrote, stdout and stderr. */
  output: string[];
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node dist/src/main.js` with `env` (not inheriting DATABASE_URL & co.)
 * and resolves once it logs that it is ready. `detached` puts it in its own
 * process group, as a terminal does, so a test can signal the whole group.
 */
export async function spawnServer(
  env: Record<string, string>,
  options: { detached?: boolean; logLevel?: string } = {},
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    // The ready line is how we learn the URL: always log at info.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_FORMAT: 'json',
      ...env,
      LOG_LEVEL: options.logLevel ?? 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        const url = /"url":"(http:[^"]+)"/.exec(line)?.[1];
        if (url && line.includes('ready')) resolve(url);
      });
    }
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready:\n${output.join('\n')}`)));
  });
  const url = await ready;
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    child,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `node dist/src/main.js` expecting it to fail at start-up; resolves with its exit code and output. */
export async function runServerExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, stderr };
}

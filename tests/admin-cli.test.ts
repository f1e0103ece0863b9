/** `npm run admin -- create --email E`: creates or promotes, asking for the password. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { ROOT, startServer } from './support/server.js';
import { gql } from './support/client.js';
import { logIn, signUp } from './support/personas.js';

function runAdminCli(databaseUrl: string, args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/modules/identity/admin.cli.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('admin CLI', () => {
  it('creates an administrator with the password read from standard input, then promotes nobody twice', async () => {
    const url = await createTestDatabase();
    const created = await runAdminCli(url, ['create', '--email', 'Chief@Example.org'], 'chief-password-1\n');
    expect(created).toMatchObject({ code: 0, stdout: 'administrator Chief@Example.org: created\n' });
    const server = await startServer(url);
    try {
      const token = await logIn(server.url, 'chief@example.org', 'chief-password-1');
      expect((await gql(server.url, '{ viewer { isAdmin } }', {}, token)).body.data!.viewer.isAdmin).toBe(true);

      const user = await signUp(server.url);
      const promoted = await runAdminCli(url, ['create', '--email', user.email], 'whatever-password\n');
      expect(promoted.stdout).toContain('promoted');
      expect((await gql(server.url, '{ viewer { isAdmin } }', {}, user.token)).body.data!.viewer.isAdmin).toBe(true);
      // The password was not overwritten.
      expect(await logIn(server.url, user.email, 'password-123')).toBeTruthy();
    } finally {
      await server.stop();
    }
  });

  it('refuses bad usage and short passwords with one line and exit code 1', async () => {
    const url = await createTestDatabase();
    const usage = await runAdminCli(url, ['make'], '');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^error: arguments: usage/);
    const short = await runAdminCli(url, ['create', '--email', 'x@example.org'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
  });
});

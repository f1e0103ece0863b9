/** `npm run admin -- create --email E`: creates or promotes, asking for the password. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { logIn, signUp } from './support/personas.js';
import { ROOT } from './support/server.js';
import { ViewerIsAdminDocument } from './generated/graphql.js';

function runAdminCli(databaseUrl: string, args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/modules/identity/admin.cli.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('admin CLI', () => {
  test('creates an administrator with the password read from standard input, then promotes nobody twice', async ({ databaseUrl, url }) => {
    const created = await runAdminCli(databaseUrl, ['create', '--email', 'Chief@Example.org'], 'chief-password-1\n');
    expect(created).toMatchObject({ code: 0, stdout: 'administrator Chief@Example.org: created\n' });
    const token = await logIn(url, 'chief@example.org', 'chief-password-1');
    expect((await gql(url, ViewerIsAdminDocument, {}, token)).body.data!.viewer!.isAdmin).toBe(true);

    const user = await signUp(url);
    const promoted = await runAdminCli(databaseUrl, ['create', '--email', user.email], 'whatever-password\n');
    expect(promoted.stdout).toContain('promoted');
    expect((await gql(url, ViewerIsAdminDocument, {}, user.token)).body.data!.viewer!.isAdmin).toBe(true);
    // The password was not overwritten.
    expect(await logIn(url, user.email, 'password-123')).toBeTruthy();
  });

  test('refuses bad usage and short passwords with one line and exit code 1', async ({ databaseUrl }) => {
    const usage = await runAdminCli(databaseUrl, ['make'], '');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^error: arguments: usage/);
    const short = await runAdminCli(databaseUrl, ['create', '--email', 'x@example.org'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
  });
});

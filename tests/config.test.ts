/** Configuration is checked once; a bad value ends the process with one line naming the variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { runServerExpectingFailure } from './support/server.js';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: null,
      migrateOnStart: true,
      demoData: null,
      expiryIntervalMs: 60_000,
      maxSubscriberLag: 1000,
      statsTimeZone: 'Asia/Shanghai',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START'],
    [{ STATS_TIME_ZONE: 'Mars/Olympus' }, 'STATS_TIME_ZONE'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ SESSION_TTL: 'forever' }, 'SESSION_TTL'],
    [{ ADMIN_EMAIL: 'a@b.example' }, 'ADMIN_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  it('reads durations with units', () => {
    expect(loadConfig({ SESSION_TTL: '12h' }).sessionTtlSeconds).toBe(12 * 3600);
  });
});

describe('the server process with bad configuration', () => {
  it.each([
    [{ PORT: 'abc', DATABASE_URL: 'postgres://localhost/x' }, /^error: PORT: /],
    [{ DATABASE_URL: 'nonsense' }, /^error: DATABASE_URL: /],
    [{ DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none' }, /^error: DATABASE_URL: cannot connect/],
  ])('exits with 1 and one line for %o', async (env, line) => {
    const { code, stderr } = await runServerExpectingFailure(env);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

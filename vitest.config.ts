import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The page tests (tests/browser/) drive a real Chromium. BROWSER_TESTS=true
 * requires them (.ci/run installs Chromium and sets it in one of its two
 * passes); BROWSER_TESTS=false leaves them out; unset, they run where Debian's
 * chromium is installed, and a line says why when they do not.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTests = process.env.BROWSER_TESTS === undefined ? existsSync(chromium) : process.env.BROWSER_TESTS === 'true';
if (!browserTests && process.env.BROWSER_TESTS === undefined) {
  process.stderr.write(
    `note: page tests (tests/browser/) left out: no Chromium at ${chromium} (apt-get install chromium fonts-wqy-microhei)\n`,
  );
}

export default defineConfig({
  resolve: {
    // Vite would pick graphql's ESM build for our sources while the libraries
    // (run by Node) load its CommonJS build: two GraphQLError classes. Node
    // itself resolves 'graphql' to CommonJS, so the tests do the same.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(browserTests ? [] : ['tests/browser/**'])],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // Two cores: two files at a time, each with its own database and servers.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: process.env.VITEST_JSON_REPORT ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]] : ['default'],
  },
});

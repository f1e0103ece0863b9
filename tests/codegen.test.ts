/**
 * The typed documents the tests and examples send are generated from
 * schema/schema.graphql and the operations in examples/operations and
 * tests/operations (codegen.ts). They are committed; this fails when they no
 * longer match what `npm run codegen` would write.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { describe, expect, test } from 'vitest';
import config from '../codegen.js';
import { ROOT } from './support/server.js';

describe('generated typed documents', () => {
  test('are what npm run codegen writes today (run it and commit the result)', async () => {
    // generate() is typed `any` (its watch mode returns nothing useful); without watch it gives the files.
    const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as Types.FileOutput[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = await readFile(path.resolve(ROOT, output.filename), 'utf8').catch(() => null);
      expect(committed, `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  });
});

/**
 * The typed documents are generated from schema/schema.graphql and the
 * operations in examples/operations and tests/operations (codegen.ts), into
 * two outputs: examples/generated/ (the examples' typed SDK) and
 * tests/generated/ (what the tests send). Both are committed; this fails when
 * either no longer matches what `npm run codegen` would write.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { describe, expect, test } from 'vitest';
import config from '../codegen.js';
import { ROOT } from './support/server.js';

describe('generated typed documents', () => {
  test('are what npm run codegen writes today, in both outputs (run it and commit the result)', async () => {
    // generate() is typed `any` (its watch mode returns nothing useful); without watch it gives the files.
    const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as Types.FileOutput[];
    const directories = new Set(outputs.map((output) => path.relative(ROOT, path.dirname(path.resolve(ROOT, output.filename)))));
    expect([...directories].sort()).toEqual(['examples/generated', 'tests/generated']);
    for (const output of outputs) {
      const committed = await readFile(path.resolve(ROOT, output.filename), 'utf8').catch(() => null);
      expect(committed, `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  });

  test("the examples' SDK holds the operations of examples/operations only, as typed GraphQL ASTs", async () => {
    const sdk = await readFile(path.join(ROOT, 'examples/generated/graphql.ts'), 'utf8');
    expect(sdk).toContain('export const RequestFeedDocument = {"kind":"Document"');
    expect(sdk).not.toContain('TypedDocumentString'); // the tests' string form
    expect(sdk).not.toMatch(/\benum\b/); // Node's type stripping cannot run an enum
    expect(sdk).not.toContain('StatsEveryFigureDocument'); // a tests/operations query
  });
});

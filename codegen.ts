/**
 * Typed documents, generated from the committed schema by `npm run codegen`:
 * every operation in examples/operations/ (what clients of this server send;
 * the README and examples use them) and tests/operations/ (what only the tests
 * send) becomes a typed document string in tests/generated/graphql.ts, with
 * its result and variables types. The generated files are committed; a test
 * fails when they are stale (tests/codegen.test.ts).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/operations/**/*.graphql', 'tests/operations/**/*.graphql'],
  generates: {
    'tests/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as strings: nothing to print before sending, and no graphql-js
        // AST shared between the tests and the server under test.
        documentMode: 'string',
        importExtension: '.js',
        useTypeImports: true,
        enumsAsTypes: true,
        // Scalars as they travel in JSON.
        scalars: { DateTime: 'string', LocalDate: 'string', LocalTime: 'string', TimeZone: 'string' },
      },
    },
  },
};

export default config;

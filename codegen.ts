/**
 * Typed documents, generated from the committed schema by `npm run codegen`,
 * in two outputs. The generated files are committed; a test fails when either
 * is stale (tests/codegen.test.ts).
 *
 * - examples/generated/: the typed SDK of the examples, from
 *   examples/operations/ only (what clients of this server send). Each
 *   operation is a typed GraphQL AST constant, which urql, Apollo Client and
 *   graphql-ws accept as they are; the code is plain erasable TypeScript, so
 *   Node runs the examples without a build step.
 * - tests/generated/: every operation of examples/operations/ and
 *   tests/operations/ (what only the tests send), as typed document strings:
 *   nothing to print before sending, and no graphql-js AST shared between the
 *   tests and the server under test.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Scalars as they travel in JSON. */
const scalars = { DateTime: 'string', LocalDate: 'string', LocalTime: 'string', TimeZone: 'string' };

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'examples/generated/': {
      documents: ['examples/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'documentNode',
        // What Node's type stripping needs: imports named as the files are, types imported as
        // types (erased), unions instead of enums (an enum is code to generate, not to erase).
        importExtension: '.ts',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars,
      },
    },
    'tests/generated/': {
      documents: ['examples/operations/**/*.graphql', 'tests/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        importExtension: '.js',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars,
      },
    },
  },
};

export default config;

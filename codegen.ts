/**
 * Typed documents for tests and examples, generated from the committed schema:
 * `npm run codegen` writes tests/generated/. Scalars map to strings as they
 * travel over the wire.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['tests/documents/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'tests/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        importExtension: '.js',
        scalars: { DateTime: 'string' },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;

// ESLint flat config. Prettier owns the layout (eslint-config-prettier turns off
// the rules that would fight it); ESLint owns correctness, with
// typescript-eslint's type-checked rules everywhere. `npm run lint` runs it and
// .ci/run runs it before the tests.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.dependency-cruiser.cjs', 'node_modules/', 'dist/', '.data/', '.test-results/', 'tests/generated/', 'examples/generated/'] },
  js.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // The server: the strict set.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'migrations/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    rules: {
      // Query results are typed by the table declarations (modules/tables.ts): a cast
      // would hide a renamed column until run time. Narrowing casts are refused.
      '@typescript-eslint/no-unsafe-type-assertion': 'error',
      // SQL text lives in src/db/raw.ts only, one named function per statement or
      // expression Kysely cannot build; elsewhere queries are built, and typed, by Kysely.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', importNames: ['sql'], message: 'Write SQL text only in src/db/raw.ts, as a named function.' }] },
      ],
    },
  },
  // The browser pages (built by Vite, served by src/server/pages.ts).
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/db/raw.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The examples: what integrators read first, and copy; the strict set, as for the server.
  // Their own tsconfig (examples/tsconfig.json) holds them to what Node's type stripping runs.
  {
    files: ['examples/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
  },
  // Tests, benchmarks and tool configs: the recommended set. Tests index into
  // answers whose shape the test itself asserts; a wrong `!` fails the test,
  // which is what the strict set's no-non-null-assertion would protect against.
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', '*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
  },
  // Rules shared by every TypeScript file; each setting says why it differs from the preset.
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Numbers in messages and SQL fragments are fine; objects and nullish values are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // A leading underscore marks a parameter a signature requires but the body does not
      // use (Express's four-argument error handler, type-graphql's subscription args).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Apollo Server plugins and graphql-ws callbacks are typed as returning promises;
      // `async` is the plain way to write such a hook even when it awaits nothing.
      '@typescript-eslint/require-await': 'off',
      // type-graphql object types whose fields all come from field resolvers are empty classes.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
    },
  },
  // Plain JavaScript (examples, benchmark drivers, this file): no type information.
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);

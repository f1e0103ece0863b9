/** `npm run schema`: writes the schema built from the code to schema/schema.graphql. */
import { writeFile } from 'node:fs/promises';
import { buildSchema, printSchemaSdl } from './build-schema.js';

const target = new URL('../../../schema/schema.graphql', import.meta.url);
await writeFile(target, printSchemaSdl(await buildSchema()));
process.stdout.write(`wrote ${target.pathname}\n`);

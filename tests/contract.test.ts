/**
 * The built schema against the public contract (../shared/contract) and against
 * the committed schema/schema.graphql. Not-yet-built contract coordinates are
 * listed in tests/contract-pending.txt; the list must be exact both ways.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema as buildSdl,
  isSpecifiedScalarType,
  isEnumType,
  isObjectType,
  isInterfaceType,
  isInputObjectType,
  type GraphQLSchema,
} from 'graphql';
import { CriticalityLevel, diff, type Change, type TypeOfChangeType } from '@graphql-inspector/core';
import { describe, expect, it } from 'vitest';
import { buildSchema, printSchemaSdl } from '../src/server/build-schema.js';
import { ROOT } from './support/server.js';

const CONTRACT = path.resolve(ROOT, '../shared/contract/schema.graphql');
const PENDING = path.join(ROOT, 'tests/contract-pending.txt');

const PENDING_HEADER = `# Contract coordinates not built yet, one per line: a type name when the whole
# type is missing, Type.field otherwise. tests/contract.test.ts fails when this
# list is not exactly what the build lacks. Regenerate with
# WRITE_CONTRACT_PENDING=1 npx vitest run tests/contract.test.ts
`;

/** Additions the contract allows although graphql-inspector rates them DANGEROUS. */
const ALLOWED_DANGEROUS = new Set(['ENUM_VALUE_ADDED', 'OBJECT_TYPE_INTERFACE_ADDED']);

function pendingCoordinates(): string[] {
  return readFileSync(PENDING, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function hasCoordinate(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName, fieldName] = coordinate.split('.');
  const type = schema.getType(typeName);
  if (!type) return false;
  if (fieldName === undefined) return true;
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return fieldName in type.getFields();
  return false;
}

/** Contract coordinates the built schema lacks: a type when the whole type is missing, Type.member otherwise. */
function missingCoordinates(contract: GraphQLSchema, built: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    const mine = built.getType(type.name);
    if (!mine) {
      missing.push(type.name);
    } else if (
      (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) &&
      (isObjectType(mine) || isInterfaceType(mine) || isInputObjectType(mine))
    ) {
      for (const field of Object.keys(type.getFields())) if (!(field in mine.getFields())) missing.push(`${type.name}.${field}`);
    } else if (isEnumType(type) && isEnumType(mine)) {
      for (const value of type.getValues()) if (!mine.getValue(value.name)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

const ROOT_CHANGES: Record<string, string> = {
  SCHEMA_QUERY_TYPE_CHANGED: 'Query',
  SCHEMA_MUTATION_TYPE_CHANGED: 'Mutation',
  SCHEMA_SUBSCRIPTION_TYPE_CHANGED: 'Subscription',
};

function coveredBy(change: Change<TypeOfChangeType>, pending: Set<string>): boolean {
  const [typeName, fieldName] = (change.path ?? ROOT_CHANGES[change.type] ?? '').split('.');
  return pending.has(typeName) || (fieldName !== undefined && pending.has(`${typeName}.${fieldName}`));
}

describe('schema', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema` after changing the code)', async () => {
    const committed = readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8');
    expect(printSchemaSdl(await buildSchema())).toBe(committed);
  });

  it.skipIf(!existsSync(CONTRACT))('breaks nothing in the contract, except what tests/contract-pending.txt lists', async () => {
    const contract = buildSdl(readFileSync(CONTRACT, 'utf8'));
    const built = await buildSchema();
    if (process.env.WRITE_CONTRACT_PENDING === '1') {
      // Developer aid: rewrite the list from the build, then review the diff.
      writeFileSync(PENDING, PENDING_HEADER + missingCoordinates(contract, built).join('\n') + '\n');
    }
    const pending = pendingCoordinates();

    const alreadyBuilt = pending.filter((coordinate) => hasCoordinate(built, coordinate));
    expect(alreadyBuilt, 'listed as pending but built: remove them from contract-pending.txt').toEqual([]);
    expect([...pending].sort(), 'tests/contract-pending.txt must list exactly what is not built').toEqual(
      missingCoordinates(contract, built),
    );

    // diff() declares Change<any>: every change it returns has one of the ChangeType values.
    const changes = (await diff(contract, built)) as Change<TypeOfChangeType>[];
    const pendingSet = new Set(pending);
    const breaking = changes
      .filter((change) => change.criticality.level !== CriticalityLevel.NonBreaking)
      .filter((change) => !(change.criticality.level === CriticalityLevel.Dangerous && ALLOWED_DANGEROUS.has(change.type)))
      .filter((change) => !coveredBy(change, pendingSet))
      .map((change) => `${change.criticality.level} ${change.type} ${change.path}: ${change.message}`);
    expect(breaking).toEqual([]);
  });
});

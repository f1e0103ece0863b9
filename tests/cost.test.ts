/**
 * The query cost limit (api.md, "Limits"): priced before any resolver runs,
 * with the operation's variables, on HTTP and WebSocket; every list field
 * declares its cost; everything the project documents or ships stays within
 * the limits when run anonymously.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { codes, send, wsConnect, wsRun } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { ROOT } from './support/server.js';
import { buildSchema } from '../src/server/build-schema.js';
import { DEFAULT_MAX_COST, DEFAULT_MAX_SUBSCRIPTION_COST, operationCost } from '../src/server/cost.js';

let schema: GraphQLSchema;
test.beforeAll(async () => {
  schema = await buildSchema();
});

/** Every operation of a document, each as a document of its own (with the fragments it may use). */
function operationsOf(text: string): string[] {
  const document = parse(text);
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => [operation, ...fragments].map((d) => print(d)).join('\n'));
}

/** The operations the project documents (the graphql blocks of README.md and docs/) or ships (examples/operations), plus GraphiQL's introspection. */
async function shippedOperations(): Promise<{ where: string; text: string }[]> {
  const found: { where: string; text: string }[] = [];
  const pages = ['README.md', ...(await readdir(path.join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  for (const page of pages) {
    const markdown = await readFile(path.join(ROOT, page), 'utf8');
    for (const [i, block] of [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].entries()) {
      for (const text of operationsOf(block[1] ?? '')) found.push({ where: `${page} block ${i + 1}`, text });
    }
  }
  const dir = path.join(ROOT, 'examples/operations');
  for (const file of await readdir(dir)) {
    for (const text of operationsOf(await readFile(path.join(dir, file), 'utf8')))
      found.push({ where: `examples/operations/${file}`, text });
  }
  found.push({ where: "GraphiQL's introspection query", text: getIntrospectionQuery() });
  return found;
}

const FAN_OUT = `query ($n: Int) {
  associations(first: $n) { edges { node { helpRequests(first: $n) { edges { node {
    requester { helpRequests(first: $n) { edges { node { title slots { claims { association { name } } } } } } }
  } } } } } }
}`;

describe('the cost of an operation', () => {
  test('is declared on every list field of the schema, so a new one cannot forget it', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const returned = getNullableType(field.type);
        const listOfObjects = isListType(returned) && isObjectType(getNamedType(returned));
        const connection = isObjectType(getNamedType(field.type)) && getNamedType(field.type).name.endsWith('Connection');
        if ((listOfObjects || connection) && field.extensions.complexity === undefined) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('grows with first and counts first: null as the default, never as zero', () => {
    const document = parse(FAN_OUT);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const cost = (n: number | null) => operationCost(schema, document, operation, { n });
    expect(cost(2)).toBeLessThan(cost(20));
    expect(cost(null)).toBe(cost(20));
    expect(cost(20)).toBeGreaterThan(DEFAULT_MAX_COST);
  });

  test('over the limit is QUERY_TOO_COMPLEX with cost and limit, priced with the variables, before anything runs', async ({ url }) => {
    const refused = await send(url, FAN_OUT, { n: 20 });
    expect(refused.status).toBe(400);
    const extensions = refused.body.errors?.[0]?.extensions;
    expect(extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(extensions?.limit).toBe(DEFAULT_MAX_COST);
    expect(extensions?.cost).toBeGreaterThan(DEFAULT_MAX_COST);
    expect(refused.body.data ?? null).toBeNull();
    // The same document with a small page is fine.
    expect(codes(await send(url, FAN_OUT, { n: 2 }))).toEqual([]);
    // first: null costs the default, so it is refused like 20.
    expect(codes(await send(url, FAN_OUT, { n: null }))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('of a subscription is per event and has a lower limit, over WebSocket', async ({ wsUrl }) => {
    const socket = wsConnect(wsUrl);
    const heavy = `subscription { requestEvents { request { requester { helpRequests(first: 100) { edges { node { slots { claims { id } } } } } } } } }`;
    const run = await wsRun(socket.client, heavy);
    const [error] = run.error as { extensions?: Record<string, unknown> }[];
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: DEFAULT_MAX_SUBSCRIPTION_COST });
    await socket.client.dispose();
  });

  test('of everything the project documents or ships stays within the limits, run anonymously', async ({ url }) => {
    const operations = await shippedOperations();
    expect(operations.length).toBeGreaterThan(10);
    const tooComplex: string[] = [];
    for (const { where, text } of operations) {
      const document = parse(text);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
        const cost = operationCost(schema, document, operation, {});
        if (cost > DEFAULT_MAX_SUBSCRIPTION_COST) tooComplex.push(`${where}: subscription costs ${cost}`);
        continue;
      }
      const response = await send(url, text);
      if (codes(response).includes('QUERY_TOO_COMPLEX') || codes(response).includes('GRAPHQL_VALIDATION_FAILED')) {
        tooComplex.push(`${where}: ${JSON.stringify(response.body.errors)}`);
      }
    }
    expect(tooComplex).toEqual([]);
  });
});

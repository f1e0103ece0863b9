/**
 * Projections: what a read service is told the caller wants, built from a
 * GraphQL selection by the API layer (shared/selection.ts), through fragments,
 * aliases, @skip/@include and interfaces.
 */
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { nodesOf, relationOf, wants, type Projection } from '../src/shared/projection.js';
import { projectionOf } from '../src/shared/selection.js';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Association implements Node { id: ID! name: String! }
  type Slot implements Node { id: ID! label: String capacity: Int! }
  type HelpRequest implements Node { id: ID! title: String! contact: String requester: Association! slots: [Slot!]! }
  type Edge { node: HelpRequest! cursor: String! }
  type Connection { edges: [Edge!]! }
  type Query { helpRequests: Connection node(id: ID!): Node }
`);

/** The projection the root field's resolver would have handed to its service. */
async function projectionFor(document: string, variables: Record<string, unknown> = {}): Promise<Projection> {
  let seen: Projection | null = null;
  // graphql-js calls a root value's functions with (args, context, info).
  const capture = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    seen = projectionOf(info);
    return null;
  };
  const result = await graphql({
    schema,
    source: document,
    variableValues: variables,
    rootValue: { helpRequests: capture, node: capture },
  });
  expect(result.errors).toBeUndefined();
  if (!seen) throw new Error('the root resolver did not run');
  return seen;
}

const names = (projection: Projection) => [...projection.fields].sort();

describe('projectionOf', () => {
  it('names the fields and relations of a connection’s nodes, whatever their aliases', async () => {
    const wanted = nodesOf(
      await projectionFor(
        `{ helpRequests { edges { cursor node { id heading: title phone: contact requester { name } slots { capacity } } } } }`,
      ),
    );
    expect(names(wanted)).toEqual(['contact', 'id', 'requester', 'slots', 'title']);
    expect(names(relationOf(wanted, 'requester'))).toEqual(['name']);
    expect(names(relationOf(wanted, 'slots'))).toEqual(['capacity']);
    expect(wants(relationOf(wanted, 'slots'), 'label')).toBe(false);
  });

  it('sees through named and inline fragments, merging a field selected twice', async () => {
    const wanted = nodesOf(
      await projectionFor(`
        query { helpRequests { edges { node { ...A ... on HelpRequest { slots { label } } } } } }
        fragment A on HelpRequest { title slots { capacity } }
      `),
    );
    expect(names(wanted)).toEqual(['slots', 'title']);
    expect(names(relationOf(wanted, 'slots'))).toEqual(['capacity', 'label']);
  });

  it('leaves out what @skip and @include leave out', async () => {
    const document = `query ($secret: Boolean!) { helpRequests { edges { node { title contact @include(if: $secret) } } } }`;
    expect(names(nodesOf(await projectionFor(document, { secret: false })))).toEqual(['title']);
    expect(names(nodesOf(await projectionFor(document, { secret: true })))).toEqual(['contact', 'title']);
  });

  it('merges what each possible type of an interface asks for', async () => {
    const wanted = await projectionFor(`{ node(id: "x") { id ... on HelpRequest { contact } ... on Slot { label } } }`);
    expect(names(wanted)).toEqual(['contact', 'id', 'label']);
  });
});

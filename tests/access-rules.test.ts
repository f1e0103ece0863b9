/** Protect-all: every root field of the built schema declares its access rule. */
import { describe, expect, it } from 'vitest';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { buildSchema } from '../src/server/build-schema.js';
import { assertEveryRootFieldHasAccess } from '../src/modules/access.js';

describe('access rules', () => {
  it('every Query, Mutation and Subscription field declares one', async () => {
    const schema = await buildSchema();
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean) as GraphQLObjectType[];
    const missing = roots.flatMap((root) =>
      Object.values(root.getFields())
        .filter((field) => !['public', 'authenticated'].includes(field.extensions?.access as string))
        .map((field) => `${root.name}.${field.name}`),
    );
    expect(roots.length).toBeGreaterThanOrEqual(2);
    expect(missing).toEqual([]);
  });

  it('mutations other than signUp and logIn need a caller', async () => {
    const schema = await buildSchema();
    const open = Object.values(schema.getMutationType()!.getFields())
      .filter((field) => field.extensions?.access === 'public')
      .map((field) => field.name);
    expect(open.sort()).toEqual(['logIn', 'signUp']);
  });

  it('a schema with a root field without a rule is refused when built, naming the field', () => {
    const withRule = { type: GraphQLString, extensions: { access: 'public' } };
    const query = new GraphQLObjectType({ name: 'Query', fields: { open: withRule, forgotten: { type: GraphQLString } } });
    const mutation = new GraphQLObjectType({ name: 'Mutation', fields: { alsoForgotten: { type: GraphQLString } } });
    expect(() => assertEveryRootFieldHasAccess(new GraphQLSchema({ query, mutation }))).toThrow(
      'Root fields without an @Access rule: Query.forgotten, Mutation.alsoForgotten',
    );
    expect(() =>
      assertEveryRootFieldHasAccess(new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { open: withRule } }) })),
    ).not.toThrow();
  });
});

/** Protect-all: every root field of the built schema declares its access rule. */
import { describe, expect, it } from 'vitest';
import type { GraphQLObjectType } from 'graphql';
import { buildSchema } from '../src/server/build-schema.js';

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
});

/**
 * Protect-all: every root field declares who may call it, with @Access. A
 * schema with a root field without a rule is refused when it is built
 * (assertEveryRootFieldHasAccess), so the server does not start; a test walks
 * the schema too. Deciding it once at build time, rather than in a global
 * middleware, keeps the check off every field of every answer.
 *
 * The rule only decides UNAUTHENTICATED (anonymous where a user or key is needed):
 * roles, verification and ownership are decided in services by the policies,
 * after input and existence checks, as api.md's order of checks requires.
 */
import type { GraphQLSchema } from 'graphql';
import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { unauthenticated } from '../shared/errors.js';
import type { Context } from './context.js';

export type AccessRule = 'public' | 'authenticated';

const requireCaller: MiddlewareFn<Context> = async ({ context }, next) => {
  if (context.actor.kind === 'anonymous') throw unauthenticated();
  return next() as Promise<unknown>; // type-graphql types it Promise<any>
};

export function Access(rule: AccessRule): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ access: rule })(target, key, descriptor);
    if (rule === 'authenticated') UseMiddleware(requireCaller)(target, key, descriptor);
  };
}

/** Throws naming every root field that declares no rule: a programming error, caught at start-up. */
export function assertEveryRootFieldHasAccess(schema: GraphQLSchema): void {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const missing = roots.flatMap((root) =>
    root ? Object.values(root.getFields()).flatMap((field) => (field.extensions.access ? [] : [`${root.name}.${field.name}`])) : [],
  );
  if (missing.length > 0) throw new Error(`Root fields without an @Access rule: ${missing.join(', ')}`);
}

/**
 * Protect-all: every root field declares who may call it, with @Access. A root
 * field without a rule is refused at run time by the global middleware, and a
 * test walks the schema so that none ships without one.
 *
 * The rule only decides UNAUTHENTICATED (anonymous where a user or key is needed):
 * roles, verification and ownership are decided in services by the policies,
 * after input and existence checks, as api.md's order of checks requires.
 */
import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { DomainError, unauthenticated } from '../shared/errors.js';
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

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Global middleware: refuses any root field that declares no rule. */
export const protectAll: MiddlewareFn<Context> = async ({ info }, next) => {
  if (ROOT_TYPES.has(info.parentType.name)) {
    const field = info.parentType.getFields()[info.fieldName];
    if (!field.extensions.access) {
      throw new DomainError('FORBIDDEN', `${info.parentType.name}.${info.fieldName} has no access rule`);
    }
  }
  // Runs for every field: hand the promise on rather than awaiting it (one microtask less each).
  return next() as Promise<unknown>;
};

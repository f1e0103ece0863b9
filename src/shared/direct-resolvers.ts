/**
 * Fields graphql-js resolves directly: after TypeGraphQL has built the schema
 * (and declared these fields, their arguments and descriptions, from the
 * resolver classes), build-schema.ts replaces their `resolve` with the
 * function given here.
 *
 * Why: TypeGraphQL calls a field resolver through its parameter machinery
 * (container, parameter list, and an argument validation it awaits even with
 * validation off), so a field with an argument always returns a promise, and
 * graphql-js then completes every object holding it through a promise. On a
 * page of 20 requests with their slots and claims, read with the page in one
 * statement (db/relations.ts), these fields have their answer at hand: called
 * directly they return it synchronously, and cost a function call.
 *
 * Only for fields whose resolver needs nothing of TypeGraphQL (no middleware,
 * no access rule: those are on root fields, access.ts) and whose arguments are
 * scalars or enums, as graphql-js coerced them. The resolver class keeps its
 * method and calls the same function, so both paths give one answer;
 * build-schema.ts refuses a type or field the schema does not have.
 */
export type DirectResolver<Root = never, Ctx = never> = (root: Root, args: Record<string, unknown>, ctx: Ctx) => unknown;

/** Type name -> field name -> its direct resolver. */
export type DirectResolvers = Readonly<Record<string, Readonly<Record<string, DirectResolver>>>>;

/** An enum argument as graphql-js coerced it (one of `values`), null when not given. */
export function enumArgument<T extends string>(args: Record<string, unknown>, name: string, values: Readonly<Record<string, T>>): T | null {
  const value = args[name];
  return Object.values(values).find((known) => known === value) ?? null;
}

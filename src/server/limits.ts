/**
 * Limits shared by HTTP and graphql-ws: one list, used by both transports, so a
 * rule added here guards the socket too (stack.md: graphql-ws runs none of
 * Apollo's rules by itself).
 */
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { ErrorCode } from './errors.js';
import { storableLiteralsRule } from './unstorable-strings.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const MAX_DEPTH = 15;
export const MAX_ALIASES = 30;
export const MAX_DIRECTIVES = 50;
/**
 * Lexical tokens in one document. graphql-js stops parsing past it; the error
 * is reported as QUERY_TOO_COMPLEX (tooManyTokens), not as a parse failure.
 * GraphiQL's introspection query has about 300.
 */
export const MAX_TOKENS = 5_000;

/** Options for every parse of a client's document, on HTTP and WebSocket. */
export const parseOptions = { maxTokens: MAX_TOKENS } as const;

/** Reports a rejected limit under api.md's QUERY_TOO_COMPLEX instead of a generic validation failure. */
function tooComplex(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }),
  );
}

const armor = { propagateOnRejection: false, onReject: [tooComplex] };

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: MAX_DEPTH, ...armor }),
  // Every alias counts, __typename's too (graphql-armor lets those through by default).
  maxAliasesRule({ n: MAX_ALIASES, allowList: [], ...armor }),
  maxDirectivesRule({ n: MAX_DIRECTIVES, ...armor }),
  storableLiteralsRule,
];

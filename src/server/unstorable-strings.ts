/**
 * No string PostgreSQL cannot store reaches it (api.md, "Input limits"): U+0000
 * and unpaired UTF-16 surrogates are refused wherever they appear in an
 * operation's input, as BAD_USER_INPUT naming the field, before any resolver
 * runs. Every string of an operation is either a literal in its document
 * (checked by a validation rule, on HTTP and WebSocket alike: limits.ts) or a
 * value inside its variables (checked by `checkVariables`, called by both
 * transports once the operation is known). Names of fields and arguments are
 * the schema's, so no other string gets in.
 */
import {
  GraphQLError,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValidationContext,
  type ASTVisitor,
} from 'graphql';
import { AppError } from './errors.js';
import { isStorable } from '../shared/input.js';

const REASON = 'must not contain U+0000 or an unpaired surrogate';

/**
 * The input path of the node reached by `path` from `root`, as api.md names
 * fields: argument, then object fields and list indices (`input.slots.2.label`).
 * Null outside any argument (a variable's default value, a directive's).
 */
function inputPath(root: ASTNode, path: readonly (string | number)[]): string | null {
  const parts: (string | number)[] = [];
  let inArgument = false;
  let current: unknown = root;
  for (const [i, key] of path.entries()) {
    current = typeof current === 'object' && current !== null ? (Reflect.get(current, key) as unknown) : undefined;
    if (isNode(current, Kind.ARGUMENT)) {
      parts.length = 0;
      parts.push(current.name.value);
      inArgument = true;
    } else if (isNode(current, Kind.OBJECT_FIELD)) {
      parts.push(current.name.value);
    } else if (typeof key === 'number' && path[i - 1] === 'values') {
      parts.push(key); // an element of a ListValue
    }
  }
  return inArgument ? parts.join('.') : null;
}

function isNode<K extends Kind>(value: unknown, kind: K): value is Extract<ASTNode, { kind: K }> {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === kind;
}

/** Validation rule: every string literal of the document must be storable. */
export function storableLiteralsRule(context: ValidationContext): ASTVisitor {
  const document = context.getDocument();
  return {
    StringValue(node, _key, _parent, path) {
      if (isStorable(node.value)) return;
      const field = inputPath(document, path) ?? 'document';
      context.reportError(new GraphQLError(`${field} ${REASON}`, { nodes: node, extensions: { code: 'BAD_USER_INPUT', field } }));
    },
  };
}

/** Where each variable of `operation` is used first, as an input path (`$t` in `input: { title: $t }` is `input.title`). */
function variableUsages(document: DocumentNode, operation: OperationDefinitionNode): Map<string, string> {
  const usages = new Map<string, string>();
  // The operation first, then the fragments it may spread (they use its variables too).
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) {
    visit(definition, {
      Variable(node, _key, _parent, path) {
        const field = inputPath(definition, path);
        if (field !== null && !usages.has(node.name.value)) usages.set(node.name.value, field);
      },
    });
  }
  return usages;
}

/**
 * Refuses (throws BAD_USER_INPUT) the first unstorable string anywhere in the
 * operation's variables. It runs before execution, where Apollo answers an error
 * without an HTTP status with 500: the refusal carries 400, as for variables
 * that do not coerce (the status never reaches the client's extensions).
 */
export function checkVariables(document: DocumentNode, operation: OperationDefinitionNode, variables: unknown): void {
  if (typeof variables !== 'object' || variables === null) return;
  let usages: Map<string, string> | null = null;
  for (const [name, value] of Object.entries(variables)) {
    let bad: (string | number)[] | null;
    try {
      bad = firstUnstorable(value, []);
    } catch (error) {
      if (!(error instanceof NestingError)) throw error;
      throw new AppError('BAD_USER_INPUT', `${name} is nested more than ${MAX_NESTING} levels deep`, {
        field: name,
        http: { status: 400 },
      });
    }
    if (!bad) continue;
    usages ??= variableUsages(document, operation);
    const field = [usages.get(name) ?? name, ...bad].join('.');
    throw new AppError('BAD_USER_INPUT', `${field} ${REASON}`, { field, http: { status: 400 } });
  }
}

/**
 * The path, inside `root`, of its first unstorable string (object keys
 * included), or null. Walked with an explicit stack, not recursion: a client controls the nesting
 * of its variables (10,000 nested arrays once overflowed the call stack), and
 * `MAX_NESTING` bounds it, as no input of the schema nests deeper.
 */
function firstUnstorable(root: unknown, start: (string | number)[]): (string | number)[] | null {
  const stack: { value: unknown; at: (string | number)[] }[] = [{ value: root, at: start }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, at } = item;
    if (at.length - start.length > MAX_NESTING) throw new NestingError(at.slice(0, start.length + 1));
    if (typeof value === 'string') {
      if (!isStorable(value)) return at;
    } else if (Array.isArray(value)) {
      // Pushed in reverse so that the first offender in reading order is found first.
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push({ value: value[index], at: [...at, index] });
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      for (const [key] of entries) if (!isStorable(key)) return [...at, '(key)'];
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index] as [string, unknown];
        stack.push({ value: child, at: [...at, key] });
      }
    }
  }
  return null;
}

/** Deeper than any input of the schema: refused outright. */
const MAX_NESTING = 32;

class NestingError extends Error {
  constructor(readonly at: (string | number)[]) {
    super('too deeply nested');
  }
}

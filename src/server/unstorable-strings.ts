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
    current = (current as Record<string | number, unknown>)[key];
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
  return typeof value === 'object' && value !== null && (value as ASTNode).kind === kind;
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
  visit(operation, {
    Variable(node, _key, _parent, path) {
      const field = inputPath(operation, path);
      if (field !== null && !usages.has(node.name.value)) usages.set(node.name.value, field);
    },
  });
  // Fragments may use the operation's variables too.
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
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
    const bad = firstUnstorable(value, []);
    if (!bad) continue;
    usages ??= variableUsages(document, operation);
    const field = [usages.get(name) ?? name, ...bad].join('.');
    throw new AppError('BAD_USER_INPUT', `${field} ${REASON}`, { field, http: { status: 400 } });
  }
}

/** The path, inside `value`, of its first unstorable string (object keys included), or null. */
function firstUnstorable(value: unknown, at: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return isStorable(value) ? null : at;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const bad = firstUnstorable(item, [...at, index]);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorable(key)) return [...at, '(key)'];
      const bad = firstUnstorable(item, [...at, key]);
      if (bad) return bad;
    }
  }
  return null;
}

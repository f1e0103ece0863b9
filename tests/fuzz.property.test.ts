/**
 * Schema-driven fuzzing (issue 11, item 5). The schema is read from the running
 * server by introspection, and nothing below names an operation: every argument
 * of every query, mutation and subscription field, every argument of the
 * fields the generic selection sets reach, and every input-object field below
 * them gets hostile values (invalid strings, extreme numbers, out-of-range and
 * malformed date-times, forged ids and cursors, wrong shapes), as variables and
 * as literals, as anonymous, a member, an API key and an administrator:
 * queries and mutations over HTTP, subscriptions over graphql-ws. A field added
 * to the schema later is fuzzed without anyone listing it.
 *
 * Properties: every error carries one code documented in api.md ("Errors"),
 * never INTERNAL_SERVER_ERROR; HTTP never answers 5xx; a number at an Int
 * position that is not a 32-bit integer is refused before execution; the server
 * still answers `{ __typename }` after every case; and at the end the claim
 * invariants hold in the database.
 *
 * Runs are collected rather than stopped at the first failure, so one run names
 * every failure class. Each failure prints its operation, variables, caller,
 * seed and path. `FUZZ_SEED=<seed>` reruns a sequence; with
 * `FUZZ_PATH=http:<path>` (or `ws:<path>`) only that case of that pass runs
 * again (on a fresh world: ids differ, the case is the same). The passes share
 * a time budget of FUZZ_TIME_MS (default 60 s).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { dataOf, gql, wsConnect, type WsConnection } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createOrg, type Org } from './support/personas.js';
import { hoursFromNow, postRequest, requestInput } from './support/requests.js';
import { admin } from './support/pg.js';
import { BODY_LIMIT_BYTES } from '../src/server/limits.js';
import {
  CancelHelpRequestDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  DeclineClaimWithReasonDocument,
  PostHelpRequestDocument,
  WithdrawClaimWithReasonDocument,
} from './generated/graphql.js';

test.override('serverEnv', { RATE_LIMITS: 'false' });

// ---------------------------------------------------------------------------
// Settings: a fixed seed (printed), a wall-time budget shared by both passes.

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261129;
const REPLAY = /^(http|ws):(.+)$/.exec(process.env.FUZZ_PATH ?? '');
const BUDGET_MS = Number(process.env.FUZZ_TIME_MS ?? 60_000);
const HTTP_SHARE = 0.75;
/**
 * How long an accepted subscription is watched for errors before it is
 * unsubscribed (plus a millisecond per 5 kB of message); one that must be
 * refused is waited for up to REFUSAL_WAIT_MS.
 */
const SUBSCRIPTION_WINDOW_MS = 80;
const REFUSAL_WAIT_MS = 5_000;
/**
 * Every LEGIT_EVERY runs of the HTTP pass, one association posts a request and
 * the other claims on it (sometimes withdrawing or declining): the new ids join
 * the pools, so hostile cases also meet open requests, slots and ACTIVE claims,
 * and the invariants at the end are checked after real claim traffic.
 */
const LEGIT_EVERY = 40;
/** No single case may take longer than this (a hostile value must not stall the server). */
const SLOW_MS = 5_000;
/** Object levels below a root field that the generic selection sets reach. */
const MAX_LEVEL = 3;

/** api.md's "Errors" table, read from the document when it sits beside the clone. */
const FALLBACK_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CAPACITY_EXCEEDED',
  'ALREADY_CLAIMED',
  'REQUEST_NOT_OPEN',
  'VERSION_CONFLICT',
  'SLOW_CONSUMER',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'SCHEDULE_CONFLICT',
  'INTERNAL_SERVER_ERROR',
];

function documentedCodes(): { codes: Set<string>; source: string } {
  const file = path.resolve(import.meta.dirname, '../../shared/design/api.md');
  if (existsSync(file)) {
    const section =
      readFileSync(file, 'utf8')
        .split(/^## Errors\s*$/m)[1]
        ?.split(/^## /m)[0] ?? '';
    const codes = [...section.matchAll(/^\| *([A-Z][A-Z_]+) *\|/gm)].map((match) => match[1]);
    if (codes.length > 0) return { codes: new Set(codes), source: file };
  }
  return { codes: new Set(FALLBACK_CODES), source: 'the copy of api.md’s table in this file' };
}

const DOCUMENTED = documentedCodes();
/** Documented, and not the one that means "a bug". */
const ACCEPTABLE = new Set([...DOCUMENTED.codes].filter((code) => code !== 'INTERNAL_SERVER_ERROR'));
/** Codes of a request refused before execution. */
const REFUSED_BEFORE_EXECUTION = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
]);

// ---------------------------------------------------------------------------
// Values. A Ref names a real id or cursor from the server, resolved when the
// case is sent: the pools grow as the fuzzer creates requests, slots and claims.

type Caller = 'anonymous' | 'member' | 'apiKey' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'member', 'apiKey', 'admin'];

type Mangle = 'none' | 'append' | 'flip' | 'upper' | 'std64' | 'pad' | 'decoded';

/** Which part of a pool a Ref picks from: the set-up world, the newest entries, or anywhere. */
type PoolPart = 'early' | 'recent' | 'any';

class Ref {
  constructor(
    readonly pool: string,
    readonly index: number,
    readonly pick: PoolPart,
    readonly mangle: Mangle = 'none',
  ) {}
}

type Val = null | boolean | number | string | Ref | Val[] | { [key: string]: Val };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A generated value for one input position (undefined: omitted) and the coordinates it made hostile. */
interface Gen {
  value: Val | undefined;
  hits: string[];
}

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const isPlainObject = (value: unknown): value is Record<string, Val> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Ref);
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const CURSORISH = /^(after|before)$|cursor/i;

/** Real ids (by type, and '*' for all), e-mails and cursors, in the order they were met. */
class Pools {
  private readonly lists = new Map<string, string[]>();
  private readonly seen = new Set<string>();

  constructor(private readonly excluded: Set<string>) {}

  add(pool: string, value: string): void {
    const key = `${pool}\n${value}`;
    if (this.seen.has(key) || this.excluded.has(value)) return;
    this.seen.add(key);
    const list = this.lists.get(pool) ?? [];
    list.push(value);
    this.lists.set(pool, list);
  }

  addId(type: string, id: string): void {
    this.add(type, id);
    this.add('*', id);
  }

  all(pool: string): string[] {
    return this.lists.get(pool) ?? [];
  }

  resolve(ref: Ref): string {
    const list = this.all(ref.pool);
    const picked =
      list.length === 0
        ? ref.pool.endsWith('Cursor')
          ? ''
          : b64url(`${ref.pool}:00000000-0000-4000-8000-000000000000`)
        : ref.pick === 'recent'
          ? list[list.length - 1 - (ref.index % Math.min(list.length, 8))]
          : list[ref.index % (ref.pick === 'early' ? Math.min(list.length, 4) : list.length)];
    return mangle(picked, ref.mangle);
  }
}

function mangle(id: string, how: Mangle): string {
  switch (how) {
    case 'none':
      return id;
    case 'append':
      return `${id}A`;
    case 'flip':
      return id.length === 0 ? 'A' : id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A');
    case 'upper':
      return id.toUpperCase();
    case 'std64':
      return Buffer.from(id, 'base64url').toString('base64');
    case 'pad':
      return `${id}==`;
    case 'decoded':
      return Buffer.from(id, 'base64url').toString('utf8');
  }
}

// ---------------------------------------------------------------------------
// Hostile material.

const BIG = 100_000;
const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\uD83D',
  '\uDE00',
  'x\uDFFF\uD800y',
  '\uD83D\uD83D',
  'a'.repeat(BIG),
  '\u{20000}'.repeat(BIG),
  '\uFDFA'.repeat(20_000), // NFKC makes each 18 characters
  'İ'.repeat(50_000), // lower-cases to two code points
  'a' + '\u0301'.repeat(BIG),
  '👨‍👩‍👧‍👦'.repeat(2_000),
  '\u200B',
  '\uFEFF',
  '\u200B\uFEFF\u202E\u2066\u2069',
  '\u3000\u00AD',
  '\u180E\u2060\u034F',
  '\u200B'.repeat(BIG),
  '',
  ' ',
  '\t\n\r',
  '\u202Eevil\u202C',
  `${'\u200B'.repeat(300)}x${'\uFEFF'.repeat(300)}`,
  `x${' '.repeat(BIG)}x`, // a long run of white space inside a value
  `x${'\u200B\u3000'.repeat(BIG / 2)}x`,
  "'; DROP TABLE help_request; --",
  "1' OR '1'='1",
  "') OR true --",
  '"; SELECT pg_sleep(5); --',
  '\\',
  '%',
  '_%',
  '$1',
  '?',
  '::uuid',
  "E'\\x00'",
  '__proto__',
  'constructor',
  '{"$ne":null}',
  '${7*7}',
  '%s%s%s%n',
  `a@${'a.'.repeat(50_000)}@`,
  `${'a'.repeat(60)}@${'b'.repeat(200)}.org`,
];
/** For positions named like an e-mail address. */
const HOSTILE_EMAILS: readonly string[] = [
  `a@${'a.'.repeat(50_000)}@`, // backtracking bait
  `${'a'.repeat(300)}@example.org`,
  `a@${'b'.repeat(BIG)}.org`,
  'a@b',
  '@',
  'a@@b.org',
  ' A@Example.ORG ',
  'ａ@ｂ.ｏｒｇ',
  'a@b.org\u0000',
  '"a b"@example.org',
  'a@[127.0.0.1]',
];
const EDGE_LENGTHS = [
  7, 8, 99, 100, 101, 119, 120, 121, 199, 200, 201, 253, 254, 255, 256, 257, 499, 500, 501, 1999, 2000, 2001, 4999, 5000, 5001,
];
const HOSTILE_DATES: readonly string[] = [
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59.999Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0001-01-01T00:30:00+01:00',
  '0001-01-01T00:00:00.000+00:01',
  '9999-12-31T23:30:00-01:00',
  '9999-12-31T23:59:59.999-00:01',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-12-31T23:59:60Z',
  '2026-01-01T00:00:00+24:00',
  '2026-01-01T00:00:00+99:99',
  '2026-01-01',
  '2026-01-01T00:00:00',
  'now',
  '',
  'T',
  '2026-01-01T00:00:00.123456789Z',
  '2026-01-01T00:00:00,5Z',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-01-01T00:00:00Z\u0000',
  `2026-01-01T00:00:00Z${'x'.repeat(10_000)}`,
];
const WRONG_KEY_PARTS: readonly Json[] = [
  'next tuesday',
  "1' OR '1'='1",
  99,
  -1,
  3.5,
  1e308,
  2 ** 53,
  null,
  true,
  [],
  {},
  'infinity',
  '-infinity',
  'NaN',
  '2026-02-30T00:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  '+010000-01-01T00:00:00.000Z',
  '2026-01-01T00:00:00Z',
  '0B0A5A1E-8C59-4D55-9A53-8D5F2B4C7E10',
  '00000000-0000-0000-0000-000000000000',
  'a\u0000',
  '\uD800',
  'x'.repeat(1_500),
];
const EVENT_POSITIONS = [
  '99999999999999999999',
  '999999999999999999',
  '9223372036854775807',
  '9223372036854775808',
  '-1',
  'abc',
  '',
  '1.5',
  ' 1',
  '0x10',
  '00000000000000000001',
  '1e3',
  '0',
  '1\u0000',
  '１',
];
const GARBAGE_CURSORS: readonly string[] = [
  '',
  '!!!',
  'AAAA',
  '====',
  'null',
  b64url('null'),
  b64url('[]'),
  b64url('{}'),
  b64url('[1]'),
  b64url('"x"'),
  b64url('[' + '['.repeat(1_400)),
  b64url(JSON.stringify(['x'.repeat(1_400)])),
  'a'.repeat(3_000),
  'ev:1',
];
const HOSTILE_ID_STRINGS: readonly string[] = [
  '',
  ' ',
  'null',
  'not-an-id',
  '====',
  'a'.repeat(10_000),
  '\u0000',
  b64url(':'),
  b64url('\u0000'),
];
const ID_FORGERIES = ['upper', 'std', 'raw', 'nokey', 'extra', 'int', 'sql', 'nul', 'uuidOnly'] as const;

function forgeId(type: string, uuid: string, how: (typeof ID_FORGERIES)[number]): string {
  switch (how) {
    case 'upper':
      return b64url(`${type}:${uuid.toUpperCase()}`);
    case 'std':
      return Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64');
    case 'raw':
      return `${type}:${uuid}`;
    case 'nokey':
      return b64url(`${type}:`);
    case 'extra':
      return b64url(`${type}:${uuid}:x`);
    case 'int':
      return b64url(`${type}:1`);
    case 'sql':
      return b64url(`${type}:' OR 1=1 --`);
    case 'nul':
      return b64url(`${type}:${uuid}\u0000`);
    case 'uuidOnly':
      return uuid;
  }
}

const BASE_TIME = Date.parse('2031-03-01T00:00:00Z');
/** An instant written with an offset, as clients send them. */
function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().replace(/Z$/, '');
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// The schema, walked: operations, their argument sites and targets.

interface Hint {
  /** The argument or input field's name. */
  name: string;
  /** The field the argument belongs to. */
  owner: string;
  /** The named type that field returns. */
  returns: string;
}

interface ArgSite {
  key: string;
  parent: string;
  field: GraphQLField<unknown, unknown>;
  /** The selection depth (object levels) a case needs for this field to be in its document. */
  need: number;
}

interface Sel {
  name: string;
  alias: string | null;
  need: number;
  site: ArgSite | null;
  children: Sel[] | null;
  fragments: { type: string; children: Sel[] }[];
}

interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  label: string;
  root: Sel;
  sites: ArgSite[];
}

interface Target {
  op: number;
  site: ArgSite;
  /** Argument name, then input-object field names. */
  path: string[];
  coordinate: string;
}

interface Case {
  op: number;
  caller: Caller;
  style: 'variables' | 'literals' | 'mixed';
  mixSeed: number;
  /** Object levels selected below the root field (0 to MAX_LEVEL): deep selections cost more. */
  depth: number;
  args: Record<string, Record<string, Val>>;
  hits: string[];
}

interface Fuzzer {
  schema: GraphQLSchema;
  operations: Operation[];
  targets: Target[];
  nodeTypes: string[];
}

function walkSchema(schema: GraphQLSchema): Fuzzer {
  const nodeInterface = schema.getType('Node');
  const nodeTypes =
    nodeInterface && isInterfaceType(nodeInterface)
      ? schema.getPossibleTypes(nodeInterface).map((type) => type.name)
      : Object.values(schema.getTypeMap())
          .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && 'id' in type.getFields())
          .map((type) => type.name);

  const operations: Operation[] = [];
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  for (const [kind, rootType] of roots) {
    if (!rootType) continue;
    for (const field of Object.values(rootType.getFields())) {
      const sites: ArgSite[] = [];
      const site = field.args.length > 0 ? { key: field.name, parent: rootType.name, field, need: 0 } : null;
      if (site) sites.push(site);
      const selection = selectionOf(schema, field.type, 0, field.name, sites);
      operations.push({
        kind,
        label: `${rootType.name}.${field.name}`,
        root: { name: field.name, alias: null, need: 0, site, ...selection },
        sites,
      });
    }
  }

  const targets: Target[] = [];
  operations.forEach((operation, op) => {
    for (const site of operation.sites) {
      for (const arg of site.field.args) {
        for (const below of inputPaths(arg.type, new Set())) {
          const pathNames = [arg.name, ...below.map((step) => step.field)];
          const last = below.at(-1);
          const coordinate = last ? `${last.type}.${last.field}` : `${site.parent}.${site.field.name}(${arg.name}:)`;
          targets.push({ op, site, path: pathNames, coordinate });
        }
      }
    }
  });
  return { schema, operations, targets, nodeTypes };
}

/** Every path from an input position down through input-object fields ([] is the position itself). */
function inputPaths(type: GraphQLInputType, seen: Set<string>): { type: string; field: string }[][] {
  const named = getNamedType(type);
  const paths: { type: string; field: string }[][] = [[]];
  if (!isInputObjectType(named) || seen.has(named.name)) return paths;
  const inner = new Set(seen).add(named.name);
  for (const field of Object.values(named.getFields())) {
    for (const below of inputPaths(field.type, inner)) paths.push([{ type: named.name, field: field.name }, ...below]);
  }
  return paths;
}

const requiredArg = (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined;

/** `__typename`, every leaf, and objects down to MAX_LEVEL; abstract types get a fragment per possible type. */
function selectionOf(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  level: number,
  key: string,
  sites: ArgSite[],
): Pick<Sel, 'children' | 'fragments'> {
  const named = getNamedType(type);
  if (isLeafType(named)) return { children: null, fragments: [] };
  const children: Sel[] = [];
  if (isObjectType(named) || isInterfaceType(named)) {
    for (const field of Object.values(named.getFields())) {
      const sel = fieldSelection(schema, named.name, field, level, key, sites);
      if (sel) children.push(sel);
    }
  }
  const fragments: Sel['fragments'] = [];
  if (isInterfaceType(named) || isUnionType(named)) {
    const shared = isInterfaceType(named) ? named.getFields() : {};
    for (const possible of schema.getPossibleTypes(named)) {
      const inner: Sel[] = [];
      for (const field of Object.values(possible.getFields())) {
        if (field.name in shared) continue;
        const sel = fieldSelection(schema, possible.name, field, level, `${key}/${possible.name}`, sites);
        if (sel) inner.push(sel);
      }
      fragments.push({ type: possible.name, children: inner });
    }
    // Fields of one name but different types in two fragments cannot be merged: alias them.
    const shapes = new Map<string, Set<string>>();
    for (const fragment of fragments) {
      const fields = (schema.getType(fragment.type) as GraphQLObjectType).getFields();
      for (const sel of fragment.children) shapes.set(sel.name, (shapes.get(sel.name) ?? new Set()).add(String(fields[sel.name].type)));
    }
    for (const fragment of fragments) {
      for (const sel of fragment.children) if ((shapes.get(sel.name)?.size ?? 0) > 1) sel.alias = `${fragment.type}_${sel.name}`;
    }
  }
  return { children, fragments };
}

function fieldSelection(
  schema: GraphQLSchema,
  parent: string,
  field: GraphQLField<unknown, unknown>,
  level: number,
  prefix: string,
  sites: ArgSite[],
): Sel | null {
  if (field.args.some(requiredArg)) return null;
  const leaf = isLeafType(getNamedType(field.type));
  if (!leaf && level >= MAX_LEVEL) return null;
  const key = `${prefix}/${field.name}`;
  const need = leaf ? level : level + 1;
  const site = field.args.length > 0 ? { key, parent, field, need } : null;
  if (site) sites.push(site);
  const selection = leaf ? { children: null, fragments: [] } : selectionOf(schema, field.type, level + 1, key, sites);
  return { name: field.name, alias: null, need, site, ...selection };
}

// ---------------------------------------------------------------------------
// Arbitraries, derived from the schema's input types.

class Arbitraries {
  private readonly memo = new Map<string, fc.Arbitrary<Case>>();

  constructor(
    private readonly fuzzer: Fuzzer,
    private readonly listCursors: string[],
    private readonly headPosition: bigint,
  ) {}

  /** A case of operation `op`, with `target` made hostile when given. */
  caseOf(op: number, target: Target | null, levels: readonly number[]): fc.Arbitrary<Case> {
    const key = `${op}|${target ? this.fuzzer.targets.indexOf(target) : -1}|${levels.join(',')}`;
    let arbitrary = this.memo.get(key);
    if (!arbitrary) {
      arbitrary = fc
        .tuple(fc.constantFrom(...levels), fc.integer({ min: target?.site.need ?? 0, max: MAX_LEVEL }))
        .chain(([level, depth]) =>
          fc
            .record({
              caller: fc.constantFrom(...CALLERS),
              style: fc.constantFrom('variables' as const, 'literals' as const, 'mixed' as const),
              mixSeed: fc.integer(),
              args: this.argsOf(op, level, depth, target),
            })
            .map(({ caller, style, mixSeed, args }) => ({ op, caller, style, mixSeed, depth, args: args.args, hits: args.hits })),
        );
      this.memo.set(key, arbitrary);
    }
    return arbitrary;
  }

  private argsOf(op: number, level: number, depth: number, target: Target | null): fc.Arbitrary<{ args: Case['args']; hits: string[] }> {
    const operation = this.fuzzer.operations[op];
    // Only fields the selection of this depth reaches get arguments.
    const siteArbs = operation.sites
      .filter((site) => site.need <= depth)
      .map((site) => {
        const root = site.key === operation.root.name;
        const argArbs = site.field.args.map((arg) => {
          const hint = { name: arg.name, owner: site.field.name, returns: getNamedType(site.field.type).name };
          const coordinate = `${site.parent}.${site.field.name}(${arg.name}:)`;
          const force = target?.site === site && target.path[0] === arg.name ? target.path.slice(1) : null;
          // Arguments of nested fields stay well-formed unless the case targets them.
          return this.position(arg.type, coordinate, hint, root ? level : 0, force, false, 0);
        });
        return fc.tuple(...argArbs).map((gens) => ({ site, gens }));
      });
    return fc.tuple(...siteArbs).map((sites) => {
      const args: Case['args'] = {};
      const hits: string[] = [];
      for (const { site, gens } of sites) {
        const values: Record<string, Val> = {};
        gens.forEach((gen, i) => {
          if (gen.value !== undefined) values[site.field.args[i].name] = gen.value;
          hits.push(...gen.hits);
        });
        args[site.key] = values;
      }
      return { args, hits };
    });
  }

  /**
   * One input position: omitted, null, well-formed or hostile. `force` (a path
   * below this position) makes the position, or the field it names, hostile.
   */
  private position(
    type: GraphQLInputType,
    coordinate: string,
    hint: Hint,
    level: number,
    force: string[] | null,
    inList: boolean,
    depth: number,
  ): fc.Arbitrary<Gen> {
    const required = isNonNullType(type);
    const inner = isNonNullType(type) ? type.ofType : type;
    const hostile = () => this.hostile(inner, coordinate, required, hint, depth).map((value): Gen => ({ value, hits: [coordinate] }));
    if (force?.length === 0) return hostile();
    if (force === null && depth > 6 && !required) return fc.constant({ value: null, hits: [] });
    const shaped = this.shaped(inner, coordinate, hint, level, force, depth);
    if (force !== null) return shaped;
    // A real cursor is rarely one of this very list: well-formed cases mostly leave cursors out.
    const cursor = CURSORISH.test(hint.name) && !required;
    const options: { weight: number; arbitrary: fc.Arbitrary<Gen> }[] = [{ weight: cursor ? 2 : 8, arbitrary: shaped }];
    if (!required) {
      if (!inList) options.push({ weight: cursor ? 8 : 3, arbitrary: fc.constant({ value: undefined, hits: [] }) });
      options.push({ weight: 1, arbitrary: fc.constant({ value: null, hits: [] }) });
    }
    if (level > 0) options.push({ weight: level, arbitrary: hostile() });
    return fc.oneof(...options);
  }

  /** A well-formed value whose parts may in turn be hostile. */
  private shaped(
    type: GraphQLInputType,
    coordinate: string,
    hint: Hint,
    level: number,
    force: string[] | null,
    depth: number,
  ): fc.Arbitrary<Gen> {
    if (isNonNullType(type)) return this.shaped(type.ofType, coordinate, hint, level, force, depth);
    if (isListType(type)) {
      const element = (f: string[] | null) => this.position(type.ofType, coordinate, hint, level, f, true, depth + 1);
      const merge = (gens: Gen[]): Gen => ({ value: gens.map((gen) => gen.value ?? null), hits: gens.flatMap((gen) => gen.hits) });
      if (force !== null) {
        return fc
          .tuple(fc.array(element(null), { maxLength: 2 }), element(force), fc.array(element(null), { maxLength: 2 }))
          .map(([before, forced, after]) => merge([...before, forced, ...after]));
      }
      return fc.array(element(null), { minLength: 0, maxLength: 3 }).map(merge);
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const arbs = fields.map((field) =>
        this.position(
          field.type,
          `${type.name}.${field.name}`,
          { ...hint, name: field.name },
          level,
          force?.[0] === field.name ? force.slice(1) : null,
          false,
          depth + 1,
        ),
      );
      return fc.tuple(...arbs).map((gens): Gen => {
        const value: Record<string, Val> = {};
        gens.forEach((gen, i) => {
          if (gen.value !== undefined) value[fields[i].name] = gen.value;
        });
        return { value, hits: gens.flatMap((gen) => gen.hits) };
      });
    }
    return this.validLeaf(type, hint).map((value): Gen => ({ value, hits: [] }));
  }

  private validLeaf(type: GraphQLNamedType, hint: Hint): fc.Arbitrary<Val> {
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
    switch (type.name) {
      case 'ID':
        return this.realId(hint);
      case 'Int':
        return fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) },
        );
      case 'Float':
        return fc.double({ min: 0, max: 100, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'String':
        return this.validString(hint);
      default:
        return /date|time/i.test(type.name) ? this.validDate(hint) : this.validString(hint);
    }
  }

  /** Node types an id argument probably names, from its name, its field's name and its field's type. */
  private preferredTypes(hint: Hint): string[] {
    const lower = (text: string) => text.toLowerCase();
    const { nodeTypes } = this.fuzzer;
    if (hint.name === 'id') {
      if (nodeTypes.includes(hint.returns)) return [hint.returns];
      return nodeTypes.filter((type) => lower(hint.owner).includes(lower(type)));
    }
    const stem = lower(hint.name.replace(/Ids?$/, ''));
    return nodeTypes.filter((type) => stem.endsWith(lower(type)) || lower(type).endsWith(stem));
  }

  private refs(pool: string, mangled = false): fc.Arbitrary<Ref> {
    return fc
      .tuple(
        fc.nat(),
        fc.constantFrom<PoolPart>('early', 'early', 'recent', 'any'),
        mangled ? fc.constantFrom<Mangle>('append', 'flip', 'upper', 'std64', 'pad', 'decoded') : fc.constant<Mangle>('none'),
      )
      .map(([index, pick, how]) => new Ref(pool, index, pick, how));
  }

  private realId(hint: Hint): fc.Arbitrary<Val> {
    const preferred = this.preferredTypes(hint);
    if (preferred.length === 0) return this.refs('*');
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...preferred).chain((type) => this.refs(type)) },
      { weight: 1, arbitrary: this.refs('*') },
    );
  }

  private validString(hint: Hint): fc.Arbitrary<Val> {
    const name = hint.name;
    if (/email/i.test(name)) return fc.oneof({ weight: 4, arbitrary: this.refs('email') }, fc.constant('nobody@example.org'));
    if (/password/i.test(name)) return fc.constant('password-123');
    if (CURSORISH.test(name)) return fc.oneof(this.refs('listCursor'), this.refs('eventCursor'));
    if (/key/i.test(name)) return fc.nat(99).map((n) => `fuzz-key-${n}`);
    if (/name/i.test(name)) return fc.nat(9_999).map((n) => `Fuzz ${n}`);
    if (/township/i.test(name)) return fc.constantFrom('巡场镇', '上罗镇', '孝儿镇');
    return fc.constantFrom('fuzz', '周六清扫阅览室', 'WiFi', 'ｗｉｆｉ', '需要八名志愿者');
  }

  private validDate(hint: Hint): fc.Arbitrary<Val> {
    const later = /end|^to$/i.test(hint.name);
    return fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(0, 480, -300), fc.constantFrom(false, false, false, false, true))
      .map(([hours, offset, past]) =>
        isoWithOffset(BASE_TIME + (later ? 1_000 + hours : hours) * 3_600_000 - (past && !later ? 8 * 365 * 86_400_000 : 0), offset),
      );
  }

  // -- hostile values ------------------------------------------------------

  private hostile(type: GraphQLInputType, coordinate: string, required: boolean, hint: Hint, depth: number): fc.Arbitrary<Val> {
    return fc.oneof(
      { weight: 10, arbitrary: this.hostileTyped(type, coordinate, hint, depth) },
      { weight: 2, arbitrary: this.confused() },
      { weight: required ? 2 : 1, arbitrary: fc.constant(null) },
    );
  }

  private hostileTyped(type: GraphQLInputType, coordinate: string, hint: Hint, depth: number): fc.Arbitrary<Val> {
    if (isNonNullType(type)) return this.hostileTyped(type.ofType, coordinate, hint, depth);
    if (isListType(type)) return this.hostileList(type.ofType, coordinate, hint, depth);
    if (isInputObjectType(type)) return this.hostileObject(type, coordinate, hint, depth);
    if (isEnumType(type)) {
      const names = type.getValues().map((value) => value.name);
      return fc.oneof(
        fc.constantFrom(...names.map((value) => value.toLowerCase())),
        fc.constantFrom('DROP', '', 'null', 'true', 'OPEN ', 'ＯＰＥＮ'),
        fc.constantFrom(...names).map((value) => `${value} `),
        fc.integer(),
      );
    }
    switch (type.name) {
      case 'ID':
        return this.hostileId();
      case 'Int':
      case 'Float':
        return this.hostileNumber();
      case 'Boolean':
        return fc.constantFrom<Val>('true', 1, 0, 'false', '');
      case 'String':
        return this.hostileString(hint);
      default:
        return /date|time/i.test(type.name) ? this.hostileDate() : fc.oneof(this.hostileString(hint), this.hostileNumber());
    }
  }

  private confused(): fc.Arbitrary<Val> {
    return fc.oneof(this.hostileNumber(), fc.constantFrom<Val>(true, false, [], {}, [null], '1', 'true', '', [[]], { id: 1 }));
  }

  private hostileNumber(): fc.Arbitrary<Val> {
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          2_147_483_647,
          -2_147_483_647,
          -2_147_483_648,
          2_147_483_648,
          -2_147_483_649,
          2 ** 53,
          -(2 ** 53),
          2 ** 53 + 2,
          0,
          -1,
          1.5,
          -0.5,
          1e300,
          -1e300,
          5e-324,
          1_000_000,
          1_000_001,
          100,
          101,
        ),
      },
      { weight: 2, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    );
  }

  private hostileString(hint: Hint): fc.Arbitrary<Val> {
    const cursorish = CURSORISH.test(hint.name);
    const emailish = /email/i.test(hint.name);
    return fc.oneof(
      { weight: emailish ? 8 : 1, arbitrary: fc.constantFrom(...HOSTILE_EMAILS) },
      { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...EDGE_LENGTHS), fc.constantFrom('x', '\u{20000}', 'é', ' '))
          .map(([length, unit]) => (unit === ' ' ? `${' '.repeat(length)}x` : unit.repeat(length))),
      },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
      {
        weight: 2,
        arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 }).map((units) => String.fromCharCode(...units)),
      },
      { weight: cursorish ? 12 : 1, arbitrary: this.forgedCursor() },
      { weight: 1, arbitrary: this.hostileId() },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
    );
  }

  private hostileId(): fc.Arbitrary<Val> {
    const types = [...this.fuzzer.nodeTypes, 'Bogus', ''];
    return fc.oneof(
      { weight: 3, arbitrary: this.refs('*') }, // real ids, mostly of another type
      { weight: 2, arbitrary: this.refs('*', true) },
      {
        weight: 3,
        arbitrary: fc.tuple(fc.constantFrom(...this.fuzzer.nodeTypes), fc.uuid()).map(([type, uuid]) => b64url(`${type}:${uuid}`)),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...types), fc.uuid(), fc.constantFrom(...ID_FORGERIES))
          .map(([type, uuid, how]) => forgeId(type, uuid, how)),
      },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_ID_STRINGS) },
      { weight: 1, arbitrary: fc.integer() }, // ID variables accept integers
    );
  }

  private hostileDate(): fc.Arbitrary<Val> {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
      { weight: 2, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.date({ noInvalidDate: true }), fc.integer({ min: -18 * 60, max: 18 * 60 }))
          .map(([date, offset]) => isoWithOffset(Math.max(-8.64e15 + 1e11, Math.min(8.64e15 - 1e11, date.getTime())), offset)),
      },
      { weight: 1, arbitrary: fc.integer({ min: -1e15, max: 1e15 }) },
    );
  }

  private forgedCursor(): fc.Arbitrary<string> {
    const lists =
      this.listCursors.length > 0
        ? fc
            .tuple(
              fc.constantFrom(...this.listCursors),
              fc.nat(),
              fc.constantFrom(...WRONG_KEY_PARTS),
              fc.constantFrom('replace', 'append', 'drop', 'scope', 'object', 'truncated'),
            )
            .map(([cursor, i, part, how]) => {
              const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Json[];
              switch (how) {
                case 'replace':
                  parts[1 + (i % Math.max(parts.length - 1, 1))] = part;
                  break;
                case 'append':
                  parts.push(part);
                  break;
                case 'drop':
                  parts.pop();
                  break;
                case 'scope':
                  parts[0] = part;
                  break;
                case 'object':
                  return b64url(JSON.stringify({ scope: parts[0], key: parts.slice(1) }));
                case 'truncated':
                  return b64url(JSON.stringify(parts).slice(0, -1));
              }
              return b64url(JSON.stringify(parts));
            })
        : fc.constant(b64url(JSON.stringify(['AAAAAAAAAAAA', 'x'])));
    const events = fc.oneof(
      fc.constantFrom(...EVENT_POSITIONS).map((position) => b64url(`ev:${position}`)),
      fc.integer({ min: 1, max: 100_000 }).map((ahead) => b64url(`ev:${String(this.headPosition + BigInt(ahead))}`)),
      fc.nat(Number(this.headPosition)).map((position) => Buffer.from(`ev:${position}`, 'utf8').toString('base64')),
    );
    return fc.oneof(
      { weight: 4, arbitrary: lists },
      { weight: 3, arbitrary: events },
      { weight: 2, arbitrary: fc.constantFrom(...GARBAGE_CURSORS) },
    );
  }

  private hostileList(element: GraphQLInputType, coordinate: string, hint: Hint, depth: number): fc.Arbitrary<Val> {
    const oneValid = this.position(element, coordinate, hint, 0, null, true, depth + 1);
    const huge = isLeafType(getNamedType(element)) ? 10_000 : 1_000;
    return fc.oneof(
      oneValid.map((gen) => Array.from({ length: huge }, () => gen.value ?? null)),
      fc.constantFrom<Val>([null], [[]], []),
      oneValid.map((gen) => [[gen.value ?? null]]),
      fc.array(this.hostile(element, coordinate, isNonNullType(element), hint, depth + 1), { minLength: 1, maxLength: 3 }),
    );
  }

  private hostileObject(type: GraphQLInputObjectType, coordinate: string, hint: Hint, depth: number): fc.Arbitrary<Val> {
    const fields = Object.values(type.getFields());
    const valid = this.shaped(type, coordinate, hint, 0, null, depth);
    const deep = (n: number): Val => (n === 0 ? {} : { [fields[0]?.name ?? 'a']: deep(n - 1) });
    return fc.oneof(
      valid.map((gen) => ({ ...(gen.value as Record<string, Val>), fuzzUnknownField: 1 })),
      fc.constant({}),
      fc
        .tuple(
          ...fields.map((field) =>
            this.hostile(field.type, `${type.name}.${field.name}`, isNonNullType(field.type), { ...hint, name: field.name }, depth + 1),
          ),
        )
        .map((values) => Object.fromEntries(values.map((value, i) => [fields[i].name, value]))),
      fc.constant(deep(200)),
      fc.constant(JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}') as Val),
      fc.constantFrom<Val>('{}', 1, [], [{}]),
    );
  }
}

// ---------------------------------------------------------------------------
// Rendering a case as an operation: values as variables or literals.

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** For printing: long strings shortened, with their length. */
function abbreviate(text: string): string {
  if (text.length <= 120) return text;
  return `${text.slice(0, 40)}…<${text.length} UTF-16 units, ${Array.from(text).length} code points>`;
}

interface Rendered {
  query: string;
  variables: Record<string, Json>;
}

function render(fuzzer: Fuzzer, pools: Pools, c: Case, forPrinting = false): Rendered {
  const random = mulberry32(c.mixSeed);
  const definitions: string[] = [];
  const variables: Record<string, Json> = {};
  const resolve = (value: Val): Json => {
    if (value instanceof Ref) return pools.resolve(value);
    if (Array.isArray(value)) return value.map(resolve);
    if (isPlainObject(value)) {
      const out: Record<string, Json> = {};
      for (const [key, item] of Object.entries(value)) out[key] = resolve(item);
      return out;
    }
    return value;
  };
  const stringLiteral = (text: string) => JSON.stringify(forPrinting ? abbreviate(text) : text);
  const raw = (value: Json): string => {
    if (value === null) return 'null';
    if (typeof value === 'string') return stringLiteral(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (Array.isArray(value))
      return forPrinting && value.length > 20 ? `[${raw(value[0])}, …<${value.length} elements>]` : `[${value.map(raw).join(', ')}]`;
    return `{${Object.entries(value)
      .filter(([key]) => NAME.test(key))
      .map(([key, item]) => `${key}: ${raw(item)}`)
      .join(', ')}}`;
  };
  const at = (type: GraphQLInputType, value: Val, top: boolean): string => {
    const asVariable = c.style === 'variables' ? top : c.style === 'mixed' ? random() < 0.5 : false;
    if (asVariable) {
      const name = `v${definitions.length}`;
      definitions.push(`$${name}: ${String(type)}`);
      variables[name] = resolve(value);
      return `$${name}`;
    }
    return literal(type, value);
  };
  const literal = (type: GraphQLInputType, value: Val): string => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner) && Array.isArray(value)) {
      if (forPrinting && value.length > 20) return `[${at(inner.ofType, value[0], false)}, …<${value.length} elements>]`;
      return `[${value.map((item) => at(inner.ofType, item, false)).join(', ')}]`;
    }
    if (isInputObjectType(inner) && isPlainObject(value)) {
      const fields = inner.getFields();
      return `{${Object.entries(value)
        .filter(([key]) => NAME.test(key))
        .map(([key, item]) => `${key}: ${key in fields ? at(fields[key].type, item, false) : raw(resolve(item))}`)
        .join(', ')}}`;
    }
    if (isEnumType(getNamedType(inner)) && typeof value === 'string' && NAME.test(value)) return value;
    return raw(resolve(value));
  };
  const selection = (sel: Sel): string => {
    const values = sel.site ? (c.args[sel.site.key] ?? {}) : {};
    const args = sel.site
      ? sel.site.field.args.filter((arg) => arg.name in values).map((arg) => `${arg.name}: ${at(arg.type, values[arg.name], true)}`)
      : [];
    const head = `${sel.alias ? `${sel.alias}: ` : ''}${sel.name}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
    if (!sel.children) return head;
    const inner = [
      '__typename',
      ...sel.children.filter((child) => child.need <= c.depth).map(selection),
      ...sel.fragments.map(
        (fragment) =>
          `... on ${fragment.type} { __typename ${fragment.children
            .filter((child) => child.need <= c.depth)
            .map(selection)
            .join(' ')} }`,
      ),
    ];
    return `${head} { ${inner.join(' ')} }`;
  };
  const operation = fuzzer.operations[c.op];
  const body = selection(operation.root);
  const header = definitions.length > 0 ? `${operation.kind} (${definitions.join(', ')})` : operation.kind;
  return { query: `${header} { ${body} }`, variables };
}

/** Whether a number at an Int position would be refused: GraphQL's Int is 32-bit. */
const isInt32 = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31;

/** The first Int position of the case holding something that is not a 32-bit integer (the operation must not run), or null. */
function badInt(fuzzer: Fuzzer, c: Case): string | null {
  const walk = (type: GraphQLInputType, value: Val | undefined, where: string): string | null => {
    if (value === undefined || value === null) return null;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const items = Array.isArray(value) ? value : [value];
      for (const [i, item] of items.entries()) {
        const bad = walk(inner.ofType, item, `${where}.${i}`);
        if (bad) return bad;
      }
      return null;
    }
    if (isInputObjectType(inner)) {
      if (!isPlainObject(value)) return null;
      const fields = inner.getFields();
      for (const [key, item] of Object.entries(value)) {
        const bad = key in fields ? walk(fields[key].type, item, `${where}.${key}`) : null;
        if (bad) return bad;
      }
      return null;
    }
    return isScalarType(inner) && inner.name === 'Int' && !isInt32(value) ? `${where} = ${JSON.stringify(value)}` : null;
  };
  for (const site of fuzzer.operations[c.op].sites) {
    for (const arg of site.field.args) {
      const bad = walk(arg.type, c.args[site.key]?.[arg.name], `${site.key}(${arg.name})`);
      if (bad) return bad;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Talking to the server.

interface HttpAnswer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: unknown } }[] } | null;
}

async function post(url: string, payload: { query: string; variables?: Record<string, Json> }, token?: string): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  let body: HttpAnswer['body'] = null;
  try {
    body = JSON.parse(text) as HttpAnswer['body'];
  } catch {
    body = null;
  }
  return { status: response.status, text, body };
}

/** Every id (with its __typename) and cursor in an answer goes into the pools. */
function harvest(value: unknown, pools: Pools, nodeTypes: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) harvest(item, pools, nodeTypes);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && typeof record.__typename === 'string' && nodeTypes.includes(record.__typename)) {
    pools.addId(record.__typename, record.id);
  }
  for (const [key, item] of Object.entries(record)) {
    if (typeof item === 'string' && /cursor|head/i.test(key)) {
      const decoded = Buffer.from(item, 'base64url').toString('utf8');
      if (/^ev:\d+$/.test(decoded)) pools.add('eventCursor', item);
      else if (decoded.startsWith('[')) pools.add('listCursor', item);
    } else if (typeof item === 'string' && key === 'email' && item.includes('@')) {
      pools.add('email', item);
    } else harvest(item, pools, nodeTypes);
  }
}

// ---------------------------------------------------------------------------
// Findings: collected by class, so one run names every failure class.

interface Finding {
  count: number;
  example: string;
}

class Findings {
  readonly classes = new Map<string, Finding>();

  add(klass: string, example: () => string): void {
    const found = this.classes.get(klass);
    if (found) found.count += 1;
    else this.classes.set(klass, { count: 1, example: example() });
  }

  report(): string {
    return [...this.classes.entries()].map(([klass, { count, example }]) => `■ ${klass} (${count}×)\n${example}`).join('\n\n');
  }
}

// ---------------------------------------------------------------------------
// The world, the schema and the pools, shared by the tests of this file.

interface World {
  fuzzer: Fuzzer;
  pools: Pools;
  tokens: Record<Caller, string | undefined>;
  arbitraries: Arbitraries;
  findings: Findings;
  covered: Map<'http' | 'ws', Set<string>>;
  codes: Map<string, number>;
  /** Per operation: answers without any error (how deep the cases get). */
  clean: Map<string, number>;
  /** The two verified associations, for the legitimate traffic between cases. */
  orgs: [Org, Org];
}

let world: World;

test.beforeAll(async ({ url, adminToken }) => {
  const introspection = await post(url, { query: getIntrospectionQuery() });
  expect(introspection.status).toBe(200);
  const schema = buildClientSchema((introspection.body?.data ?? null) as IntrospectionQuery);
  const fuzzer = walkSchema(schema);

  // A small world: two verified associations with an OWNER and a COORDINATOR,
  // one unverified; the member persona is OWNER of A and COORDINATOR of B.
  const a: Org = await createOrg(url, adminToken, { township: '巡场镇' });
  const b: Org = await createOrg(url, adminToken, { township: '上罗镇' });
  const c: Org = await createOrg(url, null, { township: '孝儿镇' });
  expect((await addMember(url, b.owner.token, b.id, a.owner.email, 'COORDINATOR')).body.errors).toBeUndefined();
  const callerKey = await createApiKey(url, a.owner.token, a.id, 'fuzz caller');
  // Spare keys are what revokeApiKey gets to revoke; the caller's own key never enters the pools.
  const spares = [await createApiKey(url, a.owner.token, a.id, 'spare a'), await createApiKey(url, b.owner.token, b.id, 'spare b')];
  const pools = new Pools(new Set([callerKey.id]));

  const requests: Awaited<ReturnType<typeof postRequest>>[] = [];
  for (const org of [a, b]) {
    requests.push(
      await postRequest(url, org.coordinator.token, org.id, { slots: [{ capacity: 3 }, { capacity: 2 }] }),
      await postRequest(url, org.owner.token, org.id, {
        kind: 'PATIENT_GUARD',
        category: 'MEDICAL',
        urgency: 'CRITICAL',
        contact: '赵敏 138-0000-0101',
        slots: [
          { label: '第1晚', startsAt: hoursFromNow(24), endsAt: hoursFromNow(36), capacity: 2 },
          { label: '第2晚', startsAt: hoursFromNow(48), endsAt: hoursFromNow(60), capacity: 2 },
        ],
      }),
      await postRequest(url, org.owner.token, org.id, { kind: 'FUNDRAISING', category: 'POVERTY_RELIEF', slots: [{ capacity: 5_000 }] }),
      await postRequest(url, org.owner.token, org.id, { kind: 'SUPPLIES', slots: [{ capacity: 5 }, { capacity: 5 }, { capacity: 5 }] }),
      await postRequest(url, org.owner.token, org.id, { kind: 'TUTORING', category: 'EDUCATION', slots: [{ capacity: 1 }] }),
    );
  }
  const [a1, a2, a3, a4, a5, b1, b2, b3] = requests;
  const claim = async (token: string, slotId: string, associationId: string, quantity: number) =>
    dataOf(await gql(url, ClaimDocument, { input: { slotId, associationId, quantity } }, token)).claim.id;
  const claims = [
    await claim(b.owner.token, a1.slots[0].id, b.id, 2),
    await claim(b.owner.token, a2.slots[0].id, b.id, 2),
    await claim(b.owner.token, a3.slots[0].id, b.id, 1_000),
    await claim(b.owner.token, a4.slots[1].id, b.id, 3),
    await claim(b.owner.token, a5.slots[0].id, b.id, 1),
    await claim(a.owner.token, b1.slots[1].id, a.id, 2),
    await claim(a.owner.token, b2.slots[1].id, a.id, 1),
    await claim(a.owner.token, b3.slots[0].id, a.id, 500),
  ];
  expect(codesOf(await gql(url, WithdrawClaimWithReasonDocument, { id: claims[3], reason: 'fuzz' }, b.owner.token))).toEqual([]);
  expect(codesOf(await gql(url, DeclineClaimWithReasonDocument, { id: claims[6], reason: 'fuzz' }, b.owner.token))).toEqual([]);
  expect(codesOf(await gql(url, CompleteHelpRequestDocument, { id: a5.id, beneficiaries: 3 }, a.owner.token))).toEqual([]);
  expect(codesOf(await gql(url, CancelHelpRequestDocument, { id: b3.id, reason: 'fuzz' }, b.owner.token))).toEqual([]);

  for (const persona of [a.owner, a.coordinator, b.owner, b.coordinator, c.owner, c.coordinator]) {
    pools.addId('User', persona.id);
    pools.add('email', persona.email);
  }
  for (const org of [a, b, c]) pools.addId('Association', org.id);
  for (const spare of spares) pools.addId('ApiKey', spare.id);
  // Interleaved, so that the first entries of each pool belong to both associations.
  for (const request of requests.map((_, i) => requests[(i % 2) * 5 + Math.floor(i / 2)])) {
    pools.addId('HelpRequest', request.id);
    for (const slot of request.slots) pools.addId('Slot', slot.id);
  }
  for (const id of claims) pools.addId('Claim', id);

  // Whatever the lists show an administrator: more ids, and real cursors of every list.
  for (const [op, operation] of fuzzer.operations.entries()) {
    if (operation.kind !== 'query' || operation.root.site?.field.args.some(requiredArg)) continue;
    for (let depth = 0; depth <= MAX_LEVEL; depth += 1) {
      const rendered = render(fuzzer, pools, { op, caller: 'admin', style: 'literals', mixSeed: 0, depth, args: {}, hits: [] });
      const answer = await post(url, rendered, adminToken);
      if (answer.body?.data) harvest(answer.body.data, pools, fuzzer.nodeTypes);
    }
  }
  const head = pools.all('eventCursor').map((cursor) => BigInt(Buffer.from(cursor, 'base64url').toString('utf8').slice(3)));
  const headPosition = head.reduce((max, position) => (position > max ? position : max), 0n);

  world = {
    fuzzer,
    pools,
    tokens: { anonymous: undefined, member: a.owner.token, apiKey: callerKey.secret, admin: adminToken },
    orgs: [a, b],
    arbitraries: new Arbitraries(fuzzer, [...pools.all('listCursor')], headPosition),
    findings: new Findings(),
    covered: new Map([
      ['http', new Set()],
      ['ws', new Set()],
    ]),
    codes: new Map(),
    clean: new Map(),
  };
});

function codesOf(response: { body: { errors?: { extensions?: { code?: string } }[] } }): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.code));
}

/** The arbitrary of a pass: first one case per target (so every target is covered), then anything. */
function passOf(kinds: Operation['kind'][]): { arbitrary: fc.Arbitrary<Case>; examples: [Case][]; targets: Target[]; operations: number } {
  const { fuzzer, arbitraries } = world;
  const ops = fuzzer.operations.flatMap((operation, op) => (kinds.includes(operation.kind) ? [op] : []));
  const targets = fuzzer.targets.filter((target) => ops.includes(target.op));
  const examples = targets.map((target, i): [Case] => [
    fc.sample(arbitraries.caseOf(target.op, target, [0, 1]), { seed: SEED + i, numRuns: 1 })[0],
  ]);
  // Each operation gets an equal share: then either one of its targets, or anything (often nothing) hostile.
  const arbitrary = fc.constantFrom(...ops).chain((op) => {
    const own = targets.filter((target) => target.op === op);
    const free = arbitraries.caseOf(op, null, [0, 0, 1, 4]);
    return own.length === 0
      ? free
      : fc.oneof(
          free,
          fc.constantFrom(...own).chain((target) => arbitraries.caseOf(op, target, [0, 0, 1])),
        );
  });
  return { arbitrary, examples, targets, operations: ops.length };
}

async function legitimateTraffic(url: string, step: number): Promise<void> {
  const [requester, claimer] = step % 2 === 0 ? world.orgs : [world.orgs[1], world.orgs[0]];
  const check = (response: { body: { errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: unknown } }[] } }) =>
    checkErrors('legitimate traffic', response.body.errors ?? [], (detail) => `  (between cases, step ${step})\n  answer: ${detail}`);
  const posted = await gql(
    url,
    PostHelpRequestDocument,
    { input: requestInput(requester.id, { slots: [{ capacity: 3 }, { capacity: 2, endsAt: hoursFromNow(48) }] }) },
    requester.coordinator.token,
  );
  check(posted);
  const request = posted.body.data?.postHelpRequest;
  if (!request) return;
  world.pools.addId('HelpRequest', request.id);
  const claims: string[] = [];
  for (const [i, slot] of request.slots.entries()) {
    world.pools.addId('Slot', slot.id);
    const claimed = await gql(
      url,
      ClaimDocument,
      { input: { slotId: slot.id, associationId: claimer.id, quantity: 1 + ((step + i) % 3) } },
      claimer.owner.token,
    );
    check(claimed);
    if (claimed.body.data) claims.push(claimed.body.data.claim.id);
  }
  for (const id of claims) world.pools.addId('Claim', id);
  if (claims[0] && step % 3 === 1)
    check(await gql(url, WithdrawClaimWithReasonDocument, { id: claims[0], reason: 'legit' }, claimer.owner.token));
  if (claims[0] && step % 3 === 2)
    check(await gql(url, DeclineClaimWithReasonDocument, { id: claims[0], reason: 'legit' }, requester.owner.token));
}

function describeCase(c: Case, transport: string, pathText: string): string {
  const printed = render(world.fuzzer, world.pools, c, true);
  return [
    `  replay: FUZZ_SEED=${SEED} FUZZ_PATH=${transport}:${pathText} npx vitest run tests/fuzz.property.test.ts`,
    `  caller: ${c.caller}, ${transport === 'http' ? 'HTTP POST' : 'graphql-ws'}`,
    `  operation: ${printed.query}`,
    `  variables: ${JSON.stringify(printed.variables, (_key, value: unknown) => (typeof value === 'string' ? abbreviate(value) : value))}`,
  ].join('\n');
}

function countCode(code: string): void {
  world.codes.set(code, (world.codes.get(code) ?? 0) + 1);
}

/** Checks every error of one answer; returns the codes. */
function checkErrors(
  label: string,
  errors: readonly { message?: string; path?: readonly (string | number)[]; extensions?: { code?: unknown } }[],
  example: (detail: string) => string,
): string[] {
  const codes: string[] = [];
  for (const error of errors) {
    const code = error.extensions?.code;
    const where = error.path ? ` at ${error.path.map((part) => (typeof part === 'number' ? '#' : part)).join('.')}` : '';
    if (typeof code !== 'string') {
      world.findings.add(`${label}: an error without a code${where}`, () => example(JSON.stringify(error)));
      continue;
    }
    countCode(code);
    codes.push(code);
    if (!ACCEPTABLE.has(code)) {
      world.findings.add(`${label}: ${code}${where}`, () => example(`${code}: ${abbreviate(error.message ?? '')}`));
    }
  }
  return codes;
}

async function stillAnswers(url: string, label: string, example: () => string): Promise<void> {
  try {
    const alive = await post(url, { query: '{ __typename }' });
    if (alive.status !== 200 || (alive.body?.data as { __typename?: string } | undefined)?.__typename !== 'Query') {
      world.findings.add(`${label}: the server no longer answers { __typename }`, () => `${example()}\n  then: ${abbreviate(alive.text)}`);
    }
  } catch (error) {
    world.findings.add(`${label}: the server no longer answers { __typename }`, () => `${example()}\n  then: ${String(error)}`);
  }
}

function replayParameters(transport: 'http' | 'ws'): { path?: string } {
  return REPLAY?.[1] === transport ? { path: REPLAY[2] } : {};
}

describe('schema-driven fuzzing', () => {
  test(
    'queries and mutations over HTTP answer only documented errors, never 5xx, and the server stays up',
    { timeout: 180_000 },
    async ({ url }) => {
      const { fuzzer, pools, tokens } = world;
      world.findings = new Findings();
      const { arbitrary, examples, targets, operations } = passOf(['query', 'mutation']);
      const replay = replayParameters('http');
      let run = 0;
      const started = Date.now();
      // An interrupted run goes on after fc.check returns: it is awaited before the report.
      let inflight: Promise<void> = Promise.resolve();
      const runCase = async (c: Case) => {
        const pathText = replay.path ?? String(run);
        if (!replay.path && run % LEGIT_EVERY === 0) await legitimateTraffic(url, run / LEGIT_EVERY);
        run += 1;
        const operation = fuzzer.operations[c.op];
        const example = (detail: string) => `${describeCase(c, 'http', pathText)}\n  answer: ${detail}`;
        const rendered = render(fuzzer, pools, c);
        const mustRefuse = badInt(fuzzer, c);
        let answer: HttpAnswer;
        const sent = Date.now();
        try {
          answer = await post(url, rendered, tokens[c.caller]);
          const took = Date.now() - sent;
          if (took > SLOW_MS) {
            world.findings.add(`${operation.label}: answered after more than ${SLOW_MS / 1000} s`, () =>
              example(`after ${took} ms: ${abbreviate(answer.text)}`),
            );
          }
        } catch (error) {
          world.findings.add(`${operation.label}: the request failed`, () => example(String(error)));
          await stillAnswers(url, operation.label, () => example('(request failed)'));
          return;
        }
        for (const hit of c.hits) world.covered.get('http')?.add(hit);
        if (answer.status >= 500) world.findings.add(`${operation.label}: HTTP ${answer.status}`, () => example(abbreviate(answer.text)));
        if (!answer.body) {
          world.findings.add(`${operation.label}: HTTP ${answer.status} without a JSON body`, () => example(abbreviate(answer.text)));
        } else {
          const codes = checkErrors(operation.label, answer.body.errors ?? [], example);
          if (codes.length === 0) world.clean.set(operation.label, (world.clean.get(operation.label) ?? 0) + 1);
          if (mustRefuse && (answer.body.data != null || codes.length === 0 || codes.some((code) => !REFUSED_BEFORE_EXECUTION.has(code)))) {
            world.findings.add(
              `${operation.label}: an Int position holding ${mustRefuse.replace(/^.*= /, '')} was not refused before execution`,
              () => example(`${String(answer.status)} ${abbreviate(answer.text)}`),
            );
          }
          if (answer.body.data) harvest(answer.body.data, pools, fuzzer.nodeTypes);
        }
        await stillAnswers(url, operation.label, () => example(`${String(answer.status)} ${abbreviate(answer.text)}`));
      };
      const property = fc.asyncProperty(arbitrary, (c) => (inflight = runCase(c)));
      const budget = BUDGET_MS * HTTP_SHARE;
      // Every target once before the clock starts: coverage must not depend on the machine's speed.
      if (!replay.path) for (const [c] of examples) await runCase(c);
      const details = await fc.check(property, {
        seed: SEED,
        numRuns: replay.path ? 1 : 1_000_000, // a replay runs that one case
        plugins: [fc.interruptAfterTimeLimit(budget)],
        ...replay,
      });
      await inflight;
      const elapsed = Date.now() - started;
      report('HTTP', details, run, elapsed, { targets, operations }, 'http');
    },
  );

  test(
    'subscriptions over graphql-ws answer only documented errors and the server stays up',
    { timeout: 120_000 },
    async ({ url, wsUrl }) => {
      const { fuzzer, pools, tokens } = world;
      world.findings = new Findings();
      const { arbitrary, examples, targets, operations } = passOf(['subscription']);
      const replay = replayParameters('ws');
      const sockets = new Map<Caller, { connection: WsConnection; closedWith: number | null }>();
      const socketOf = async (caller: Caller) => {
        let socket = sockets.get(caller);
        if (socket?.closedWith !== null) {
          const connection = wsConnect(wsUrl, tokens[caller]);
          const opened = { connection, closedWith: null as number | null };
          void connection.closed.then((code) => (opened.closedWith = code));
          await Promise.race([connection.connected, connection.closed]);
          socket = opened;
          sockets.set(caller, socket);
        }
        return socket;
      };
      let run = 0;
      const started = Date.now();
      try {
        let inflight: Promise<void> = Promise.resolve();
        const runCase = async (c: Case) => {
          const pathText = replay.path ?? String(run);
          run += 1;
          const operation = fuzzer.operations[c.op];
          const example = (detail: string) => `${describeCase(c, 'ws', pathText)}\n  answer: ${detail}`;
          const rendered = render(fuzzer, pools, c);
          const mustRefuse = badInt(fuzzer, c);
          const socket = await socketOf(c.caller);
          if (socket.closedWith !== null) {
            world.findings.add(`${operation.label}: the socket was refused (${socket.closedWith})`, () => example(''));
            return;
          }
          const sent = Date.now();
          const outcome = await watch(socket.connection, rendered, mustRefuse ? REFUSAL_WAIT_MS : SUBSCRIPTION_WINDOW_MS);
          if (outcome.error !== undefined && Date.now() - sent > SLOW_MS) {
            world.findings.add(`${operation.label}: answered after more than ${SLOW_MS / 1000} s`, () =>
              example(`after ${Date.now() - sent} ms: ${abbreviate(JSON.stringify(outcome))}`),
            );
          }
          for (const hit of c.hits) world.covered.get('ws')?.add(hit);
          const codes: string[] = [];
          for (const payload of outcome.payloads) codes.push(...checkErrors(operation.label, payload.errors ?? [], example));
          if (Array.isArray(outcome.error)) {
            codes.push(...checkErrors(operation.label, outcome.error as { extensions?: { code?: unknown } }[], example));
          } else if (outcome.error !== undefined) {
            const code = (outcome.error as { code?: unknown }).code;
            // A message over the limit closes the socket with 1009, as documented; anything else is a finding.
            const tooBig = code === 1009 && Buffer.byteLength(JSON.stringify({ payload: rendered })) > BODY_LIMIT_BYTES - 200;
            socket.closedWith = typeof code === 'number' ? code : -1; // the next case opens a new one
            if (!tooBig) {
              world.findings.add(`${operation.label}: the socket closed (${String(code)})`, () =>
                example(abbreviate(JSON.stringify({ code, reason: (outcome.error as { reason?: unknown }).reason }))),
              );
            }
          }
          if (codes.length === 0) world.clean.set(operation.label, (world.clean.get(operation.label) ?? 0) + 1);
          if (
            mustRefuse &&
            (outcome.payloads.length > 0 || !Array.isArray(outcome.error) || codes.some((code) => !REFUSED_BEFORE_EXECUTION.has(code)))
          ) {
            world.findings.add(
              `${operation.label}: an Int position holding ${mustRefuse.replace(/^.*= /, '')} was not refused before execution`,
              () => example(abbreviate(JSON.stringify(outcome))),
            );
          }
          await stillAnswers(url, operation.label, () => example(abbreviate(JSON.stringify(outcome))));
        };
        const property = fc.asyncProperty(arbitrary, (c) => (inflight = runCase(c)));
        // Every target once before the clock starts: coverage must not depend on the machine's speed.
        if (!replay.path) for (const [c] of examples) await runCase(c);
        const details = await fc.check(property, {
          seed: SEED,
          numRuns: replay.path ? 1 : 1_000_000, // a replay runs that one case
          plugins: [fc.interruptAfterTimeLimit(BUDGET_MS * (1 - HTTP_SHARE))],
          ...replay,
        });
        await inflight;
        report('graphql-ws', details, run, Date.now() - started, { targets, operations }, 'ws');
      } finally {
        for (const socket of sockets.values()) await socket.connection.client.dispose();
      }
    },
  );

  test('the claim invariants hold in the database afterwards', async ({ databaseUrl }) => {
    const broken = await admin(databaseUrl, async (client) => {
      const slots = await client.query<{ id: string; capacity: number; claimed: number; committed: number }>(
        `SELECT s.id, s.capacity, s.claimed,
                coalesce((SELECT sum(c.quantity) FROM claim c WHERE c.slot_id = s.id AND c.status IN ('ACTIVE', 'FULFILLED')), 0)::int AS committed
           FROM slot s
          WHERE s.claimed > s.capacity
             OR s.claimed <> coalesce((SELECT sum(c.quantity) FROM claim c WHERE c.slot_id = s.id AND c.status IN ('ACTIVE', 'FULFILLED')), 0)`,
      );
      const requests = await client.query<{ id: string; claimed: number; slots: number; activeClaims: number; active: number }>(
        `SELECT h.id, h.claimed, h.active_claims AS "activeClaims",
                coalesce((SELECT sum(s.claimed) FROM slot s WHERE s.request_id = h.id), 0)::int AS slots,
                (SELECT count(*) FROM claim c WHERE c.request_id = h.id AND c.status = 'ACTIVE')::int AS active
           FROM help_request h`,
      );
      const counts = await client.query<{ slots: number; claims: number; requests: number }>(
        `SELECT (SELECT count(*) FROM slot)::int AS slots, (SELECT count(*) FROM claim)::int AS claims, (SELECT count(*) FROM help_request)::int AS requests`,
      );
      console.log(`claim invariants checked over ${JSON.stringify(counts.rows[0])}`);
      return {
        slots: slots.rows,
        requests: requests.rows.filter((row) => row.claimed !== row.slots || row.activeClaims !== row.active),
      };
    });
    expect(broken).toEqual({ slots: [], requests: [] });
  });
});

/** What a subscription yields within the window (or until it ends). */
function watch(
  connection: WsConnection,
  rendered: Rendered,
  windowMs: number,
): Promise<{
  payloads: { errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: unknown } }[] }[];
  error?: unknown;
}> {
  return new Promise((resolve) => {
    const payloads: { errors?: { extensions?: { code?: unknown } }[] }[] = [];
    let done = false;
    const state: { timer?: NodeJS.Timeout } = {};
    let unsubscribe = () => undefined as void;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(state.timer);
      unsubscribe();
      resolve(error === undefined ? { payloads } : { payloads, error });
    };
    unsubscribe = connection.client.subscribe(
      { query: rendered.query, variables: rendered.variables },
      {
        next: (value) => payloads.push(value as (typeof payloads)[number]),
        error: (error) => finish(error ?? 'error'),
        complete: () => finish(),
      },
    );
    state.timer = setTimeout(() => finish(), windowMs + JSON.stringify(rendered).length / 5_000);
  });
}

function report(
  transport: string,
  details: fc.RunDetails<unknown>,
  runs: number,
  elapsed: number,
  pass: { targets: Target[]; operations: number },
  key: 'http' | 'ws',
): void {
  const { findings } = world;
  const { targets, operations } = pass;
  const coordinates = new Set(targets.map((target) => target.coordinate));
  const args = [...coordinates].filter((coordinate) => coordinate.endsWith(':)'));
  const covered = world.covered.get(key) ?? new Set();
  const missing = [...coordinates].filter((coordinate) => !covered.has(coordinate));
  console.log(
    [
      `fuzz ${transport}: seed ${SEED} (FUZZ_SEED overrides), ${runs} runs in ${(elapsed / 1000).toFixed(1)} s${details.interrupted ? ' (time budget reached)' : ''}`,
      `  ${operations} operations (${new Set(targets.map((target) => target.op)).size} with arguments), ${targets.length} targets: ${args.length} argument coordinates, ${coordinates.size - args.length} input-field coordinates; ${coordinates.size - missing.length} of ${coordinates.size} received hostile values`,
      `  codes seen so far: ${JSON.stringify(Object.fromEntries([...world.codes.entries()].sort()))}`,
      `  answered without errors: ${JSON.stringify(Object.fromEntries([...world.clean.entries()].sort()))}`,
      `  documented codes from ${DOCUMENTED.source}`,
    ].join('\n'),
  );
  if (details.failed) throw new Error(`fast-check reported a failure of the harness itself:\n${String(details.errorInstance)}`);
  expect(findings.classes.size === 0 ? '' : `\n${findings.report()}`).toBe('');
  if (!REPLAY) expect(missing, 'targets never fuzzed within the time budget').toEqual([]);
}

/** The one connection helper and the global ids: pure rules of api.md ("Lists", "Ids"). */
import { describe, expect, it } from 'vitest';
import { encodeCursor, listScope, openPage, toConnection } from '../src/shared/pagination.js';
import { decodeGlobalId, keyOf, toGlobalId } from '../src/shared/global-id.js';
import { DomainError } from '../src/shared/errors.js';

const UUID = '0b0a5a1e-8c59-4d55-9a53-8d5f2b4c7e10';

function fieldOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, field: (error as DomainError).field };
  }
  throw new Error('expected a failure');
}

describe('openPage', () => {
  const scope = listScope('associations', 'NAME', { townships: ['巡场镇'] });

  it('uses the default for a missing or explicit null first', () => {
    expect(openPage({}, scope, ['text']).limit).toBe(20);
    expect(openPage({ first: null }, scope, ['text']).limit).toBe(20);
  });

  it.each([0, -1, 101])('refuses first = %i', (first) => {
    expect(fieldOf(() => openPage({ first }, scope, ['text']))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses a cursor of another list, order or filter', () => {
    const other = encodeCursor(listScope('associations', 'NAME', { townships: ['上罗镇'] }), ['x']);
    expect(fieldOf(() => openPage({ after: other }, scope, ['text']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses garbage cursors and cursors of the wrong shape', () => {
    expect(fieldOf(() => openPage({ after: '%%%' }, scope, ['text']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(fieldOf(() => openPage({ after: encodeCursor(scope, [1]) }, scope, ['text']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('gives the same scope whatever the key order of the filter', () => {
    expect(listScope('l', 'o', { a: 1, b: [2] })).toBe(listScope('l', 'o', { b: [2], a: 1 }));
  });

  it('round-trips a cursor into the key of its row', () => {
    const page = openPage({ first: 2 }, scope, ['text', 'uuid']);
    const connection = toConnection([{ k: 'a' }, { k: 'b' }, { k: 'c' }], page, (row) => [row.k, UUID]);
    expect(connection.edges.map((edge) => edge.node.k)).toEqual(['a', 'b']);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(openPage({ after: connection.pageInfo.endCursor }, scope, ['text', 'uuid']).after).toEqual(['b', UUID]);
  });

  it.each([
    ['a timestamp that is not an instant', ['timestamp', 'uuid'], ['yesterday', UUID]],
    ['a timestamp with a day out of range', ['timestamp', 'uuid'], ['2026-02-30T00:00:00.000Z', UUID]],
    ['a timestamp in year 0000', ['timestamp', 'uuid'], ['0000-01-01T00:00:00.000Z', UUID]],
    ['a timestamp not in toISOString form', ['timestamp', 'uuid'], ['2026-02-01 00:00:00+08', UUID]],
    ['an id that is not a uuid', ['timestamp', 'uuid'], ['2026-02-01T00:00:00.000Z', 'robert; drop table']],
    ['a rank outside LOW..CRITICAL', ['rank', 'timestamp', 'uuid'], [7, '2026-02-01T00:00:00.000Z', UUID]],
    ['a fractional rank', ['rank', 'timestamp', 'uuid'], [1.5, '2026-02-01T00:00:00.000Z', UUID]],
    ['text holding U+0000', ['text', 'uuid'], ['a\u0000b', UUID]],
    ['text holding a lone surrogate', ['text', 'uuid'], ['\ud83d', UUID]],
    ['a number where text belongs', ['text', 'uuid'], [42, UUID]],
    ['infinity where an instant is required', ['timestamp', 'uuid'], ['infinity', UUID]],
  ] as const)('refuses a cursor holding %s', (_name, shape, key) => {
    expect(fieldOf(() => openPage({ after: encodeCursor(scope, [...key]) }, scope, shape))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('accepts infinity where a missing start sorts last, and every instant this server writes', () => {
    const shape = ['timestamp-or-infinity', 'uuid'] as const;
    expect(openPage({ after: encodeCursor(scope, ['infinity', UUID]) }, scope, shape).after).toEqual(['infinity', UUID]);
    for (const instant of ['0001-01-01T00:00:00.000Z', '2026-11-29T13:14:15.123Z', '9999-12-31T23:59:59.999Z']) {
      expect(openPage({ after: encodeCursor(scope, [instant, UUID]) }, scope, shape).after).toEqual([instant, UUID]);
    }
  });
});

describe('global ids', () => {
  it('round-trip and are opaque', () => {
    const id = toGlobalId('HelpRequest', UUID);
    expect(id).not.toContain(UUID);
    expect(decodeGlobalId(id, 'id')).toEqual({ type: 'HelpRequest', key: UUID });
  });

  it('name nothing when of another type', () => {
    expect(keyOf(toGlobalId('User', UUID), 'Association', 'id')).toBeNull();
  });

  it.each([
    '',
    'abc',
    toGlobalId('HelpRequest', UUID) + '=',
    Buffer.from('Spaceship:' + UUID).toString('base64url'),
    Buffer.from('User:42').toString('base64url'),
  ])('refuses %j as BAD_USER_INPUT', (id) => {
    expect(fieldOf(() => decodeGlobalId(id, 'input.slotId'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.slotId' });
  });
});

/** The one connection helper and the global ids: pure rules of api.md ("Lists", "Ids"). */
import { describe, expect, it } from 'vitest';
import { encodeCursor, listScope, openPage, toConnection } from '../src/shared/pagination.js';
import { decodeGlobalId, keyOf, toGlobalId } from '../src/shared/global-id.js';
import { AppError } from '../src/server/errors.js';

const UUID = '0b0a5a1e-8c59-4d55-9a53-8d5f2b4c7e10';

function fieldOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).extensions.code, field: (error as AppError).extensions.field };
  }
  throw new Error('expected a failure');
}

describe('openPage', () => {
  const scope = listScope('associations', 'NAME', { townships: ['巡场镇'] });

  it('uses the default for a missing or explicit null first', () => {
    expect(openPage({}, scope, ['string']).limit).toBe(20);
    expect(openPage({ first: null }, scope, ['string']).limit).toBe(20);
  });

  it.each([0, -1, 101])('refuses first = %i', (first) => {
    expect(fieldOf(() => openPage({ first }, scope, ['string']))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses a cursor of another list, order or filter', () => {
    const other = encodeCursor(listScope('associations', 'NAME', { townships: ['上罗镇'] }), ['x']);
    expect(fieldOf(() => openPage({ after: other }, scope, ['string']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses garbage cursors and cursors of the wrong shape', () => {
    expect(fieldOf(() => openPage({ after: '%%%' }, scope, ['string']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(fieldOf(() => openPage({ after: encodeCursor(scope, [1]) }, scope, ['string']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('gives the same scope whatever the key order of the filter', () => {
    expect(listScope('l', 'o', { a: 1, b: [2] })).toBe(listScope('l', 'o', { b: [2], a: 1 }));
  });

  it('round-trips a cursor into the key of its row', () => {
    const page = openPage({ first: 2 }, scope, ['string', 'string']);
    const connection = toConnection([{ k: 'a' }, { k: 'b' }, { k: 'c' }], page, (row) => [row.k, row.k]);
    expect(connection.edges.map((edge) => edge.node.k)).toEqual(['a', 'b']);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(openPage({ after: connection.pageInfo.endCursor }, scope, ['string', 'string']).after).toEqual(['b', 'b']);
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

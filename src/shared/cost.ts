/**
 * What a field costs, declared where the field is (type-graphql's `complexity`
 * option, read by graphql-query-complexity: server/cost.ts). A field costs 1
 * plus what its selection costs; a list multiplies its selection by how many
 * items it can return: `first` for a page (an explicit null costing the
 * default, never zero), a documented expected size for lists without
 * arguments, the `limit` argument for top-N lists. Statistics figures cost what
 * they cost PostgreSQL: an aggregate over the filtered requests each.
 * docs/limits.md lists the sizes.
 */
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DomainError } from './errors.js';

/** Expected sizes of lists without a page argument (their hard bounds are where the data is written). */
export const EXPECTED = {
  /** Slots of a request: 1-100 at posting, usually a few. */
  slots: 5,
  /** Claims on a slot or a request (each association holds at most one ACTIVE claim per slot). */
  claims: 10,
  /** Members of an association. */
  members: 20,
  /** Associations a user belongs to. */
  memberships: 10,
  /** API keys of an association. */
  apiKeys: 5,
  /** Active assignments of a slot or a claim (people on one shift). */
  assignments: 5,
  /** A user's upcoming shifts. */
  shifts: 10,
  /** A user's invitations to rosters waiting for an answer. */
  invitations: 3,
  /** Shifts on a service record (a volunteer's served shifts). */
  serviceShifts: 50,
  /** Hand-offs of one claim (one OFFERED at a time; declined and lapsed ones stay listed). */
  handOffs: 2,
  /** Rows of a statistics breakdown (categories, townships, months). */
  breakdown: 24,
} as const;

/**
 * Hard bounds of the lists above, enforced where their rows are written (under
 * a row lock, so exact under any concurrency): pricing uses the expected sizes,
 * these keep the worst case finite. Over a bound: BAD_USER_INPUT.
 */
export const BOUNDS = {
  /** Slots of a request (api.md, "Input limits"). */
  slots: 100,
  /** Claims on one slot, any status. */
  claimsPerSlot: 500,
  /** Members of an association. */
  members: 1000,
  /** Associations one user belongs to. */
  memberships: 200,
  /** API keys of an association, revoked ones included. */
  apiKeys: 100,
  /** Volunteers on an association's roster. */
  volunteers: 2000,
  /** Invitations to rosters waiting for one user's answer (one per roster at most). */
  invitationsPerUser: 50,
  /** Hand-offs offered of one claim, any status. */
  handOffsPerClaim: 20,
} as const;

/** The cost of one statistics figure: one aggregate query over the filtered requests. */
export const AGGREGATE = 25;

/** A page of `first` items (default `defaultFirst`). */
export const pageCost =
  (defaultFirst: number): ComplexityEstimator =>
  ({ args, childComplexity }) =>
    1 + itemsOf(args.first, defaultFirst) * childComplexity;

/** A list of about `expected` items. */
export const listCost =
  (expected: number): ComplexityEstimator =>
  ({ childComplexity }) =>
    1 + expected * childComplexity;

/** A top-N list of `limit` items (default `defaultLimit`). */
export const limitCost =
  (defaultLimit: number): ComplexityEstimator =>
  ({ args, childComplexity }) =>
    1 + itemsOf(args.limit, defaultLimit) * childComplexity;

/** A page's edges: multiplied by the page size at the connection field, so counted once here. */
export const edgesCost: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity;

function itemsOf(value: unknown, fallback: number): number {
  // Out-of-range values are refused later with BAD_USER_INPUT; price them as what they ask for, bounded.
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, 1_000_000) : fallback;
}

/**
 * Items an operation may receive from lists without a page argument, in all
 * (per event, for a subscription). The static price uses expected sizes; data
 * built to the hard bounds could make a query cost far more than its price
 * (a request of 100 slots, walked slots > request > slots > ...), so the lists
 * count what they actually return and stop the operation past this.
 */
export const MAX_LIST_ITEMS = 20_000;

/** What an operation has received from unpaginated lists so far (its context). */
export interface ListItemBudget {
  listItems: number;
}

/** Counts `items` against the operation's budget; past it, QUERY_TOO_COMPLEX. */
export function spendItems<T>(budget: ListItemBudget, items: T[]): T[] {
  budget.listItems += items.length;
  if (budget.listItems > MAX_LIST_ITEMS) {
    throw new DomainError(
      'QUERY_TOO_COMPLEX',
      `This operation asks for more than ${MAX_LIST_ITEMS} list items: select fewer nested lists`,
      {
        limit: MAX_LIST_ITEMS,
      },
    );
  }
  return items;
}

/** spendItems on a list at hand or to come: a list at hand stays synchronous (no promise per field). */
export function spendItemsOf<T>(budget: ListItemBudget, items: T[] | Promise<T[]>): T[] | Promise<T[]> {
  return Array.isArray(items) ? spendItems(budget, items) : items.then((list) => spendItems(budget, list));
}

/**
 * The time services write: `postedAt`, `claimedAt`, `closedAt` and the like. The
 * server passes the system clock; the demo history and tests pass a clock set
 * in the past, so "last March" goes through the same rules as now.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at `instant` (demo history, tests). */
export const fixedClock =
  (instant: Date): Clock =>
  () =>
    new Date(instant.getTime());

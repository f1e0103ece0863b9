/**
 * Live events over graphql-ws: one execution per event and sharing group, one
 * serialisation, sends paced so that a fan-out never holds the event loop
 * (issue 16, W6).
 *
 * graphql-js's own `subscribe` executes the whole selection again for every
 * subscriber of every event. This replaces it, through graphql-ws's `subscribe`
 * option: the source stream is made exactly as graphql-js makes it
 * (`createSourceEventStream`: the requestEvents resolver checks the filter and
 * cursor and registers with the hub), but each event is then answered per
 * group of subscribers that sent the same document (and the same values of the
 * variables its answer reads: not the filter and cursor) and may see the same
 * of this event (modules/events/viewer-class.service.ts). The first
 * of a group to need the answer executes it, with the event's shared Db and its
 * own actor as the group's representative; the answer is formatted and
 * serialised once and kept with the hub's delivery of the event, and every
 * socket of the group sends that text (ws-adapter.ts, SerialisedPayload).
 *
 * Per subscriber still: which events it gets (the hub's filter), their order,
 * replay from `after`, SLOW_CONSUMER, revoked credentials (all in the hub's
 * EventSubscription), and the execution itself for documents that reach a rule
 * other than the event's contact (modules/events/request-event.sharing.ts).
 */
import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { openDb, type Db } from '../db/handle.js';
import type { Actor } from '../shared/actor.js';
import { EventSubscription, type Delivery } from '../modules/events/event-hub.service.js';
import { sharingOf, type Sharing } from '../modules/events/request-event.sharing.js';
import { viewerClass, type ViewerDependence } from '../modules/events/viewer-class.service.js';
import type { AppServices, Context } from './context.js';
import { SerialisedPayload } from './ws-adapter.js';

/**
 * Sends let through per turn of the event loop: 5,000 sends at ~50 µs would hold
 * it for a quarter of a second; in turns of 100 (~5 ms) pings, HTTP requests
 * and other sockets' messages are served in between.
 */
const SENDS_PER_TURN = 100;

/**
 * A socket's context: a subscription's own Db is opened only if an execution
 * ever needs one (each delivered event brings the shared one), which saves an
 * ORM fork per subscription.
 */
export function socketContext(app: AppServices, actor: Actor, db?: Db): Context {
  let own = db;
  return {
    app,
    actor,
    credentialsError: null,
    address: '',
    listItems: 0,
    get db(): Db {
      return (own ??= openDb(app.orm));
    },
    set db(value: Db) {
      own = value;
    },
  };
}

/**
 * Lets at most `perTurn` waiters through per turn of the event loop, first come
 * first served; the rest go on in later turns (setImmediate: after I/O).
 */
export class Pacer {
  private granted = 0;
  private readonly waiting: (() => void)[] = [];
  private head = 0;
  private scheduled = false;

  constructor(private readonly perTurn = SENDS_PER_TURN) {}

  /** Undefined: go on now; otherwise wait for the promise. */
  turn(): Promise<void> | undefined {
    if (this.granted < this.perTurn && this.head === this.waiting.length) {
      this.granted += 1;
      this.schedule();
      return undefined;
    }
    const wait = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.schedule();
    return wait;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.release();
    });
  }

  private release(): void {
    this.scheduled = false;
    const end = Math.min(this.waiting.length, this.head + this.perTurn);
    this.granted = end - this.head;
    for (let i = this.head; i < end; i++) this.waiting[i]?.();
    this.head = end;
    if (this.head === this.waiting.length) {
      this.waiting.length = 0;
      this.head = 0;
    }
    // The turn that follows starts a fresh count, and lets the rest through.
    if (this.granted > 0) this.schedule();
  }
}

/** An answer as the stream yields it, with the payload graphql-ws sends, serialised once. */
export class PreparedResult implements ExecutionResult {
  constructor(
    readonly data: ExecutionResult['data'],
    readonly errors: readonly GraphQLError[] | undefined,
    readonly payload: SerialisedPayload,
  ) {}
}

/** The answer of one group to one event, kept in the delivery's results. */
class SharedAnswer {
  constructor(readonly result: Promise<PreparedResult>) {}
}

interface Plan {
  /** Same document object, operation and the variables the answer reads: the part of the group's key that never changes. */
  key: string;
  dependence: ViewerDependence;
}

export interface LiveDeliveryDeps {
  schema: GraphQLSchema;
  services: AppServices;
  pacer: Pacer;
  format(errors: readonly GraphQLError[]): GraphQLFormattedError[];
  /** Counts one execution of a selection for an event: for a group, or for one subscriber alone. */
  executed(sharing: 'shared' | 'own'): void;
}

/** graphql-ws's `subscribe` option. */
export function liveSubscribe(deps: LiveDeliveryDeps): (args: ExecutionArgs) => Promise<AsyncIterable<ExecutionResult> | ExecutionResult> {
  // Documents come from ws.ts's cache: equal texts are one object, which keys the group.
  const documents = new WeakMap<DocumentNode, { id: number; operations: Map<string, Sharing> }>();
  let documentIds = 0;
  const planOf = (args: ExecutionArgs): Plan => {
    let known = documents.get(args.document);
    if (!known) documents.set(args.document, (known = { id: documentIds++, operations: new Map() }));
    const operation = args.operationName ?? '';
    let sharing = known.operations.get(operation);
    if (!sharing) known.operations.set(operation, (sharing = sharingOf(deps.schema, args.document, args.operationName)));
    // Only the variables the answer depends on: not `after` or `filter`, which differ from client to client.
    const values = args.variableValues ?? {};
    const used = sharing.variables.map((name) => (Object.hasOwn(values, name) ? JSON.stringify(values[name]) : '')).join(',');
    return { key: `${known.id}\u0000${operation}\u0000${used}\u0000`, dependence: sharing.dependence };
  };

  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!(source instanceof EventSubscription)) {
      // Errors before the stream started (a bad cursor, a bad filter) come back as a result.
      if (!(Symbol.asyncIterator in source)) return source;
      throw new Error('Only Subscription.requestEvents is served over WebSocket'); // no other subscription exists
    }
    return new LiveResults(source, args, planOf(args), deps);
  };
}

/** One subscriber's stream of answers. */
class LiveResults implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: EventSubscription,
    private readonly args: ExecutionArgs,
    private readonly plan: Plan,
    private readonly deps: LiveDeliveryDeps,
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult>> {
    const delivery = await this.source.nextDelivery();
    if (!delivery) return { value: undefined, done: true };
    const value = await this.answer(delivery);
    const wait = this.deps.pacer.turn();
    if (wait) await wait;
    return { value, done: false };
  }

  private async answer(delivery: Delivery): Promise<PreparedResult> {
    const actor = this.source.actor;
    let group: string | null;
    try {
      const decided = viewerClass(delivery, actor, this.plan.dependence);
      group = decided instanceof Promise ? await decided : decided; // most are decided without a load
    } catch {
      group = null; // undecided (the database failing): this subscriber's own execution reports it
    }
    if (group === null) {
      this.deps.executed('own');
      // The subscriber's own context: the hub has just given it the event's Db.
      return this.prepare(await execute({ ...this.args, rootValue: delivery.event }));
    }
    const key = this.plan.key + group;
    const known = delivery.results.get(key);
    if (known instanceof SharedAnswer) return known.result;
    const answer = new SharedAnswer(this.executeFor(delivery, actor));
    delivery.results.set(key, answer);
    return answer.result;
  }

  /** The group's answer, executed as `actor`: by the class, nothing in it depends on which member that is. */
  private async executeFor(delivery: Delivery, actor: Actor): Promise<PreparedResult> {
    this.deps.executed('shared');
    const contextValue = socketContext(this.deps.services, actor, delivery.shared);
    return this.prepare(await execute({ ...this.args, contextValue, rootValue: delivery.event }));
  }

  private prepare(result: ExecutionResult): PreparedResult {
    const sent = result.errors ? { ...result, errors: this.deps.format(result.errors) } : result;
    return new PreparedResult(result.data, result.errors, new SerialisedPayload(JSON.stringify(sent)));
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

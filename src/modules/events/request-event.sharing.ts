/**
 * Which visibility rules a `requestEvents` subscription's selection reaches,
 * decided once per document: the transport shares one execution of an event
 * among subscribers of the same document and variables who may see the same of
 * it (viewer-class.service.ts), and that is only right if nothing else in the
 * answer depends on who subscribed.
 *
 * An allow-list, not a deny-list: a field is shared only once someone has
 * checked that its resolver reads nothing of the caller (no `ctx.actor`, no
 * loader keyed by the caller's Visibility, no rule in its statement). A field
 * added later and not listed here makes a document that selects it run per
 * subscriber: slower, never wrong. tests/request-events.fanout.test.ts checks
 * that every name listed exists in the schema.
 */
import {
  Kind,
  OperationTypeNode,
  getNamedType,
  getOperationAST,
  isObjectType,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { ViewerDependence } from './viewer-class.service.js';

/**
 * Fields whose value is the same for every caller, by type. Relations here load
 * actor-neutral rows through the event's shared loaders. Left out on purpose:
 * HelpRequest.contact (decided per event, below), Assignment.volunteer (its
 * row is loaded with the caller's Visibility: names and phones), every list of
 * Association (their pages decide `contact` and hand-offs per caller), and
 * everything of Volunteer, User, Membership and ApiKey.
 */
export const SAME_FOR_EVERY_VIEWER: Readonly<Record<string, readonly string[]>> = {
  RequestEvent: ['type', 'occurredAt', 'cursor', 'request', 'claim', 'assignment', 'handOff', 'actor'],
  HelpRequest: [
    'id',
    'kind',
    'category',
    'unit',
    'title',
    'description',
    'township',
    'address',
    'urgency',
    'status',
    'capacity',
    'claimed',
    'startsAt',
    'endsAt',
    'postedAt',
    'filledAt',
    'closedAt',
    'beneficiaries',
    'outcome',
    'cancelReason',
    'version',
    'requester',
    'slots',
    'remaining',
    'claims',
  ],
  Slot: ['id', 'label', 'startsAt', 'endsAt', 'capacity', 'claimed', 'request', 'remaining', 'claims', 'assignments'],
  Claim: [
    'id',
    'quantity',
    'status',
    'note',
    'claimedAt',
    'endedAt',
    'endReason',
    'assigned',
    'request',
    'slot',
    'association',
    'handOffs',
    'handedTo',
    'assignments',
  ],
  ClaimHandOff: ['id', 'status', 'note', 'reason', 'offeredAt', 'lapsesAt', 'decidedAt', 'claim', 'from', 'to', 'newClaim'],
  Assignment: ['id', 'assignedAt', 'endedAt', 'endReason', 'arrivedAt', 'leftAt', 'absent', 'hoursServed', 'status', 'claim', 'slot'],
  Association: ['id', 'name', 'township', 'description', 'categories', 'verified', 'createdAt'],
};

const shared = new Map(Object.entries(SAME_FOR_EVERY_VIEWER).map(([type, fields]) => [type, new Set(fields)]));

/** What a group of subscribers sharing an execution must have in common besides the document and their view of the event. */
export interface Sharing {
  dependence: ViewerDependence;
  /**
   * The variables the answer to an event depends on, by name, sorted: those
   * used below the root field or in a directive. Those used only in the root
   * field's own arguments (`filter`, `after`) choose which events a subscriber
   * gets, not what an event's answer holds (its resolver returns the event as
   * it is), so subscribers resuming from different cursors or filtering
   * differently still share.
   */
  variables: readonly string[];
}

const PER_SUBSCRIBER: Sharing = { dependence: 'any', variables: [] };

/**
 * What of the answer to `document` depends on who subscribed, and on which
 * variables. `contact` is shared (by whether the subscriber sees it) only as a
 * field of the event's own `request`: that is the request viewerClass decides
 * for. The same field reached another way (a claim's request, a slot's
 * request) is the same request, but proving it field by field is not worth the
 * risk: per subscriber. Fields under @skip/@include count as selected.
 */
export function sharingOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Sharing {
  const operation = getOperationAST(document, operationName);
  const root = schema.getSubscriptionType();
  if (operation?.operation !== OperationTypeNode.SUBSCRIPTION || !root) return PER_SUBSCRIBER;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let dependence: ViewerDependence = 'none';
  const variables = new Set<string>();
  const uses = (nodes: readonly ASTNode[] | undefined) => {
    for (const node of nodes ?? []) {
      visit(node, {
        Variable(variable) {
          variables.add(variable.name.value);
        },
      });
    }
  };
  // A fragment spread many times under the same parent is walked once.
  const walked = new Set<string>();

  /** False as soon as something depends on the viewer beyond the event's contact. */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, onEventRequest: boolean): boolean => {
    for (const selection of selectionSet.selections) {
      uses(selection.directives); // @include(if: $x) anywhere changes the answer
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (parent === root) {
          // The one root field of a subscription: its resolver returns the event, whatever its arguments.
          const fields = root.getFields();
          if (name !== 'requestEvents' || !selection.selectionSet || !Object.hasOwn(fields, name)) return false;
          if (!walk(selection.selectionSet, getNamedType(fields[name].type), false)) return false;
          continue;
        }
        // An interface or union: which fields resolve depends on the object; not worth it.
        if (!isObjectType(parent)) return false;
        if (parent.name === 'HelpRequest' && name === 'contact') {
          if (!onEventRequest) return false;
          dependence = 'request-contact';
          continue;
        }
        const fields = parent.getFields();
        if (!shared.get(parent.name)?.has(name) || !Object.hasOwn(fields, name)) return false;
        uses(selection.arguments);
        if (selection.selectionSet) {
          const onRequest = parent.name === 'RequestEvent' && name === 'request';
          if (!walk(selection.selectionSet, getNamedType(fields[name].type), onRequest)) return false;
        }
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) return false;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (!condition) return false;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const key = `${selection.name.value}\u0000${condition.name}\u0000${parent.name}\u0000${String(onEventRequest)}`;
          if (walked.has(key)) continue;
          walked.add(key);
        }
        // A fragment on another object type than its parent's never applies; on an abstract type it narrows nothing.
        const on = isObjectType(condition) ? condition : parent;
        if (isObjectType(parent) && on !== parent) continue;
        if (!walk(fragment.selectionSet, on, onEventRequest)) return false;
      }
    }
    return true;
  };
  return walk(operation.selectionSet, root, false) ? { dependence, variables: [...variables].sort() } : PER_SUBSCRIBER;
}

/**
 * The dashboard is a client of the public API like any other: GraphQL over
 * HTTP (POST /graphql) for the figures, graphql-ws on the same path for the
 * ticker. Its operations are written out here; their result types are written
 * by hand after schema/schema.graphql (only the fields selected).
 */

export const GRAPHQL_PATH = '/graphql';

/** A document and (for the compiler only) the type of its data. */
export interface Operation<Data> {
  readonly query: string;
  readonly data?: Data;
}

function operation<Data>(query: string): Operation<Data> {
  return { query };
}

/**
 * One request per refresh: the period's figures, breakdowns, top helpers and
 * who-helps-whom, and the 12-month trend (a second `stats` with its own range).
 */
export const STATS_QUERY = operation<DashboardStats>(/* GraphQL */ `
  query DashboardStats($period: StatsFilter!, $trend: StatsFilter!, $helpers: Int!, $links: Int!) {
    period: stats(filter: $period) {
      requestsPosted
      requestsFilled
      requestsCompleted
      fillRate
      volunteersCommitted
      amountPledged
      beneficiaries
      volunteerHours
      volunteersServed
      activeAssociations
      byCategory {
        category
        requestsPosted
        requestsCompleted
        beneficiaries
        volunteerHours
      }
      byTownship {
        township
        requestsPosted
        requestsCompleted
        beneficiaries
        volunteerHours
      }
      topHelpers(limit: $helpers) {
        association {
          id
          name
          township
        }
        claimsMade
        volunteersCommitted
        amountPledged
      }
      collaborations(limit: $links) {
        claims
        helper {
          id
          name
        }
        helped {
          id
          name
        }
      }
    }
    trend: stats(filter: $trend) {
      byMonth {
        month
        requestsPosted
        requestsCompleted
        beneficiaries
        volunteerHours
      }
    }
  }
`);

/** The townships associations name, for the filter (paged: a county has 100+ associations). */
export const TOWNSHIPS_QUERY = operation<TownshipsPage>(/* GraphQL */ `
  query DashboardTownships($after: String) {
    associations(first: 100, after: $after) {
      edges {
        node {
          township
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Where the ticker starts: the subscription resumes after it, so nothing falls between loading and listening. */
export const EVENTS_HEAD_QUERY = operation<EventsHead>(/* GraphQL */ `
  query DashboardEventsHead {
    requestEventsHead
  }
`);

/**
 * The newest postings, to start the ticker with (the event log reads oldest
 * first; a request's postedAt is the time of its POSTED event).
 */
export const RECENT_POSTINGS_QUERY = operation<RecentPostings>(/* GraphQL */ `
  query DashboardRecentPostings($first: Int!, $filter: HelpRequestFilter) {
    helpRequests(first: $first, orderBy: NEWEST, filter: $filter) {
      edges {
        node {
          id
          title
          township
          category
          unit
          postedAt
          requester {
            name
          }
        }
      }
    }
  }
`);

export const TICKER_SUBSCRIPTION = /* GraphQL */ `
  subscription DashboardTicker($after: String, $filter: RequestEventFilter) {
    requestEvents(after: $after, filter: $filter) {
      cursor
      type
      occurredAt
      request {
        id
        title
        township
        category
        unit
        requester {
          name
        }
      }
      claim {
        quantity
        association {
          name
        }
      }
      handOff {
        from {
          name
        }
        to {
          name
        }
      }
      actor {
        name
      }
    }
  }
`;

export interface StatsFilter {
  from: string;
  to: string;
  townships?: string[];
}

export interface Breakdown {
  requestsPosted: number;
  requestsCompleted: number;
  beneficiaries: number;
  volunteerHours: number;
}

export interface Figures {
  requestsPosted: number;
  requestsFilled: number;
  requestsCompleted: number;
  fillRate: number;
  volunteersCommitted: number;
  amountPledged: number;
  beneficiaries: number;
  volunteerHours: number;
  volunteersServed: number;
  activeAssociations: number;
}

export interface AssociationRef {
  id: string;
  name: string;
}

export interface PeriodStats extends Figures {
  byCategory: (Breakdown & { category: string })[];
  byTownship: (Breakdown & { township: string })[];
  topHelpers: {
    association: AssociationRef & { township: string | null };
    claimsMade: number;
    volunteersCommitted: number;
    amountPledged: number;
  }[];
  collaborations: { claims: number; helper: AssociationRef; helped: AssociationRef }[];
}

export interface DashboardStats {
  period: PeriodStats;
  trend: { byMonth: (Breakdown & { month: string })[] };
}

export interface TownshipsPage {
  associations: {
    edges: { node: { township: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface EventsHead {
  requestEventsHead: string | null;
}

export interface TickerEvent {
  cursor: string;
  type: string;
  occurredAt: string;
  request: {
    id: string;
    title: string;
    township: string | null;
    category: string;
    unit: string;
    requester: { name: string };
  };
  claim: { quantity: number; association: { name: string } } | null;
  handOff: { from: { name: string }; to: { name: string } } | null;
  actor: { name: string } | null;
}

export interface RecentPostings {
  helpRequests: {
    edges: { node: TickerEvent['request'] & { postedAt: string } }[];
  };
}

export interface Ticker {
  requestEvents: TickerEvent;
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

/** A GraphQL answer that failed: its first error's code (or the HTTP status), and its message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Envelope<Data> {
  data?: Data | null;
  errors?: GraphQLErrorBody[];
}

/**
 * Whether `body` is the envelope of a GraphQL answer to `operation` (api.md,
 * "Transport"). The shape of its data is the schema's promise for the document
 * sent; it is not checked field by field.
 */
function isAnswerTo<Data>(body: unknown, _operation: Operation<Data>): body is Envelope<Data> {
  return typeof body === 'object' && body !== null && ('data' in body || 'errors' in body);
}

/**
 * Sends one operation over HTTP. `token` (optional) travels only in the
 * Authorization header; anonymous callers may read everything the page shows.
 */
export async function request<T>(
  operation: Operation<T>,
  variables: Record<string, unknown>,
  options: { token: string | null; signal?: AbortSignal },
): Promise<T> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: operation.query, variables }),
    signal: options.signal,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!isAnswerTo(body, operation)) throw new ApiError(`HTTP ${response.status}`, `HTTP_${response.status}`);
  const first = body.errors?.at(0);
  if (first) throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${response.status}`);
  if (body.data === undefined || body.data === null) throw new ApiError('No data in the answer', `HTTP_${response.status}`);
  return body.data;
}

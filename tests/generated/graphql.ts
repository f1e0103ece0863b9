/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What the aid is for. The first five are the categories county volunteer work reports on. */
export type AidCategory =
  /** 關愛兒童 care for children in difficulty and left-behind children */
  | 'CHILD_CARE'
  /** 社區服務 community service, incl. give-back duty rosters */
  | 'COMMUNITY_SERVICE'
  /** 助殘 disability aid */
  | 'DISABILITY'
  /** 助學 education aid */
  | 'EDUCATION'
  /** 助醫 medical aid, incl. guarding critically ill patients */
  | 'MEDICAL'
  /** 助困 poverty relief */
  | 'POVERTY_RELIEF'
  /** 技能培訓 skills training */
  | 'SKILLS_TRAINING'
  /** 助需 aid for other urgent needs */
  | 'SPECIAL_NEEDS';

export type CapacityUnit =
  | 'ITEM'
  | 'PERSON'
  | 'YUAN';

export type ClaimInput = {
  /** The association claiming; never the requester itself. */
  associationId: string | number;
  /** A retry with the same key from the same association returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  note?: string | null | undefined;
  quantity: number;
  slotId: string | number;
};

/** ACTIVE counts against capacity. WITHDRAWN by the claimant, DECLINED by the requester, FULFILLED at completion. */
export type ClaimStatus =
  | 'ACTIVE'
  | 'DECLINED'
  | 'FULFILLED'
  | 'WITHDRAWN';

export type CreateAssociationInput = {
  categories: Array<AidCategory>;
  description?: string | null | undefined;
  name: string;
  township?: string | null | undefined;
};

export type MemberRole =
  | 'COORDINATOR'
  | 'MEMBER'
  | 'OWNER';

export type PostHelpRequestInput = {
  /** Public: put private details (patient, ward, family) in contact, never here. */
  address?: string | null | undefined;
  /** The association posting; the caller must be its OWNER or COORDINATOR, or hold its API key. */
  associationId: string | number;
  category: AidCategory;
  contact?: string | null | undefined;
  description: string;
  endsAt?: string | null | undefined;
  /** A retry with the same key from the same association returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  kind: RequestKind;
  /** At least one slot; for FUNDRAISING exactly one, whose capacity is the target in yuan. */
  slots: Array<SlotInput>;
  startsAt?: string | null | undefined;
  title: string;
  /** Defaults to the requester's township. */
  township?: string | null | undefined;
  urgency?: Urgency | null | undefined;
};

export type RequestEventFilter = {
  categories?: Array<AidCategory> | null | undefined;
  /** Only events on requests this association posted or had claimed (any claim status) at the time of the event. */
  involvingAssociationId?: string | number | null | undefined;
  kinds?: Array<RequestKind> | null | undefined;
  requestIds?: Array<string | number> | null | undefined;
  requesterIds?: Array<string | number> | null | undefined;
  townships?: Array<string> | null | undefined;
};

export type RequestEventType =
  | 'CANCELLED'
  | 'CLAIMED'
  | 'CLAIM_DECLINED'
  | 'CLAIM_WITHDRAWN'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'FILLED'
  | 'POSTED'
  | 'REOPENED'
  | 'UPDATED';

/** What kind of help is asked for; decides the unit of the request's slots. */
export type RequestKind =
  /** Money pledged toward a joint fundraising target. Unit YUAN. */
  | 'FUNDRAISING'
  /** Volunteers for an activity. Unit PERSON. */
  | 'MANPOWER'
  /** Volunteers guarding a critically ill patient, usually in shifts. Unit PERSON. */
  | 'PATIENT_GUARD'
  /** Goods or materials. Unit ITEM. */
  | 'SUPPLIES'
  /** A teacher or trainer for a course. Unit PERSON. */
  | 'TRAINING'
  /** Tutors for children. Unit PERSON. */
  | 'TUTORING';

/**
 * OPEN: slots have room. FILLED: every slot is full (back to OPEN when a claim ends).
 * COMPLETED, CANCELLED, EXPIRED: closed for good.
 */
export type RequestStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'FILLED'
  | 'OPEN';

export type SignUpInput = {
  displayName: string;
  email: string;
  password: string;
};

export type SlotInput = {
  capacity: number;
  endsAt?: string | null | undefined;
  label?: string | null | undefined;
  startsAt?: string | null | undefined;
};

export type UpdateHelpRequestInput = {
  address?: string | null | undefined;
  contact?: string | null | undefined;
  description?: string | null | undefined;
  endsAt?: string | null | undefined;
  startsAt?: string | null | undefined;
  title?: string | null | undefined;
  township?: string | null | undefined;
  urgency?: Urgency | null | undefined;
};

export type Urgency =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'NORMAL';

export type ClaimMutationVariables = Exact<{
  input: ClaimInput;
}>;


export type ClaimMutation = { claim: { id: string, status: ClaimStatus, quantity: number } };

export type RequestFieldsFragment = { id: string, kind: RequestKind, category: AidCategory, unit: CapacityUnit, title: string, description: string, township: string | null, address: string | null, contact: string | null, urgency: Urgency, status: RequestStatus, capacity: number, claimed: number, remaining: number, startsAt: string | null, endsAt: string | null, postedAt: string, filledAt: string | null, closedAt: string | null, beneficiaries: number | null, outcome: string | null, cancelReason: string | null, version: number, requester: { id: string }, slots: Array<{ id: string, label: string | null, startsAt: string | null, endsAt: string | null, capacity: number, claimed: number, remaining: number }> };

export type PostHelpRequestMutationVariables = Exact<{
  input: PostHelpRequestInput;
}>;


export type PostHelpRequestMutation = { postHelpRequest: { id: string, kind: RequestKind, category: AidCategory, unit: CapacityUnit, title: string, description: string, township: string | null, address: string | null, contact: string | null, urgency: Urgency, status: RequestStatus, capacity: number, claimed: number, remaining: number, startsAt: string | null, endsAt: string | null, postedAt: string, filledAt: string | null, closedAt: string | null, beneficiaries: number | null, outcome: string | null, cancelReason: string | null, version: number, requester: { id: string }, slots: Array<{ id: string, label: string | null, startsAt: string | null, endsAt: string | null, capacity: number, claimed: number, remaining: number }> } };

export type UpdateHelpRequestMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  input: UpdateHelpRequestInput;
}>;


export type UpdateHelpRequestMutation = { updateHelpRequest: { id: string, title: string, description: string, township: string | null, address: string | null, contact: string | null, urgency: Urgency, startsAt: string | null, endsAt: string | null, status: RequestStatus, version: number } };

export type CancelHelpRequestMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type CancelHelpRequestMutation = { cancelHelpRequest: { id: string, status: RequestStatus, closedAt: string | null, cancelReason: string | null, version: number, postedAt: string } };

export type CompleteHelpRequestMutationVariables = Exact<{
  id: string | number;
  beneficiaries: number;
  outcome?: string | null | undefined;
}>;


export type CompleteHelpRequestMutation = { completeHelpRequest: { id: string, status: RequestStatus, closedAt: string | null, beneficiaries: number | null, outcome: string | null, version: number, postedAt: string } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, user: { id: string, email: string | null } } };

export type LogInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LogInMutation = { logIn: { token: string } };

export type CreateAssociationMutationVariables = Exact<{
  input: CreateAssociationInput;
}>;


export type CreateAssociationMutation = { createAssociation: { id: string } };

export type VerifyAssociationMutationVariables = Exact<{
  id: string | number;
}>;


export type VerifyAssociationMutation = { verifyAssociation: { verified: boolean } };

export type AddMemberMutationVariables = Exact<{
  associationId: string | number;
  email: string;
  role: MemberRole;
}>;


export type AddMemberMutation = { addMember: { role: MemberRole, user: { id: string } } };

export type CreateApiKeyMutationVariables = Exact<{
  associationId: string | number;
  name: string;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export type NestedAssociationsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedAssociationsQuery = { associations: { edges: Array<{ node: { name: string, helpRequests: { edges: Array<{ node: { title: string, slots: Array<{ claims: Array<{ association: { name: string } }> }> } }> } } }> } };

export type NestedTotalCountsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedTotalCountsQuery = { associations: { totalCount: number, edges: Array<{ node: { helpRequests: { totalCount: number }, claims: { totalCount: number } } }> } };

export type NestedHelpRequestsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedHelpRequestsQuery = { helpRequests: { edges: Array<{ node: { requester: { name: string }, slots: Array<{ claims: Array<{ association: { name: string } }> }>, claims: Array<{ association: { name: string }, slot: { label: string | null }, request: { title: string } }> } }> } };

export type NestedRequestEventsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type NestedRequestEventsQuery = { requestEvents: { edges: Array<{ node: { type: RequestEventType, actor: { name: string } | null, request: { title: string, requester: { name: string } }, claim: { quantity: number, association: { name: string } } | null } }> } };

export type TypenameAndAssociationIdsQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type TypenameAndAssociationIdsQuery = { __typename: 'Query', a: { edges: Array<{ node: { id: string } }> } };

export type RequestEventPageQueryVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type RequestEventPageQuery = { requestEvents: { edges: Array<{ cursor: string, node: { cursor: string, type: RequestEventType, occurredAt: string, request: { id: string }, claim: { id: string } | null, actor: { id: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RequestEventFeedSubscriptionVariables = Exact<{
  filter?: RequestEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type RequestEventFeedSubscription = { requestEvents: { cursor: string, type: RequestEventType, request: { id: string, contact: string | null, status: RequestStatus }, claim: { id: string } | null, actor: { id: string } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestFields on HelpRequest {
  id
  kind
  category
  unit
  title
  description
  township
  address
  contact
  urgency
  status
  capacity
  claimed
  remaining
  startsAt
  endsAt
  postedAt
  filledAt
  closedAt
  beneficiaries
  outcome
  cancelReason
  version
  requester {
    id
  }
  slots {
    id
    label
    startsAt
    endsAt
    capacity
    claimed
    remaining
  }
}
    `, {"fragmentName":"RequestFields"}) as unknown as TypedDocumentString<RequestFieldsFragment, unknown>;
export const ClaimDocument = new TypedDocumentString(`
    mutation Claim($input: ClaimInput!) {
  claim(input: $input) {
    id
    status
    quantity
  }
}
    `) as unknown as TypedDocumentString<ClaimMutation, ClaimMutationVariables>;
export const PostHelpRequestDocument = new TypedDocumentString(`
    mutation PostHelpRequest($input: PostHelpRequestInput!) {
  postHelpRequest(input: $input) {
    ...RequestFields
  }
}
    fragment RequestFields on HelpRequest {
  id
  kind
  category
  unit
  title
  description
  township
  address
  contact
  urgency
  status
  capacity
  claimed
  remaining
  startsAt
  endsAt
  postedAt
  filledAt
  closedAt
  beneficiaries
  outcome
  cancelReason
  version
  requester {
    id
  }
  slots {
    id
    label
    startsAt
    endsAt
    capacity
    claimed
    remaining
  }
}`) as unknown as TypedDocumentString<PostHelpRequestMutation, PostHelpRequestMutationVariables>;
export const UpdateHelpRequestDocument = new TypedDocumentString(`
    mutation UpdateHelpRequest($id: ID!, $expectedVersion: Int!, $input: UpdateHelpRequestInput!) {
  updateHelpRequest(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id
    title
    description
    township
    address
    contact
    urgency
    startsAt
    endsAt
    status
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateHelpRequestMutation, UpdateHelpRequestMutationVariables>;
export const CancelHelpRequestDocument = new TypedDocumentString(`
    mutation CancelHelpRequest($id: ID!, $reason: String) {
  cancelHelpRequest(id: $id, reason: $reason) {
    id
    status
    closedAt
    cancelReason
    version
    postedAt
  }
}
    `) as unknown as TypedDocumentString<CancelHelpRequestMutation, CancelHelpRequestMutationVariables>;
export const CompleteHelpRequestDocument = new TypedDocumentString(`
    mutation CompleteHelpRequest($id: ID!, $beneficiaries: Int!, $outcome: String) {
  completeHelpRequest(id: $id, beneficiaries: $beneficiaries, outcome: $outcome) {
    id
    status
    closedAt
    beneficiaries
    outcome
    version
    postedAt
  }
}
    `) as unknown as TypedDocumentString<CompleteHelpRequestMutation, CompleteHelpRequestMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) {
    token
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const CreateAssociationDocument = new TypedDocumentString(`
    mutation CreateAssociation($input: CreateAssociationInput!) {
  createAssociation(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateAssociationMutation, CreateAssociationMutationVariables>;
export const VerifyAssociationDocument = new TypedDocumentString(`
    mutation VerifyAssociation($id: ID!) {
  verifyAssociation(id: $id) {
    verified
  }
}
    `) as unknown as TypedDocumentString<VerifyAssociationMutation, VerifyAssociationMutationVariables>;
export const AddMemberDocument = new TypedDocumentString(`
    mutation AddMember($associationId: ID!, $email: String!, $role: MemberRole!) {
  addMember(associationId: $associationId, email: $email, role: $role) {
    role
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AddMemberMutation, AddMemberMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($associationId: ID!, $name: String!) {
  createApiKey(associationId: $associationId, name: $name) {
    secret
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const NestedAssociationsDocument = new TypedDocumentString(`
    query NestedAssociations($n: Int) {
  associations(first: $n) {
    edges {
      node {
        name
        helpRequests(first: 10) {
          edges {
            node {
              title
              slots {
                claims {
                  association {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedAssociationsQuery, NestedAssociationsQueryVariables>;
export const NestedTotalCountsDocument = new TypedDocumentString(`
    query NestedTotalCounts($n: Int) {
  associations(first: $n) {
    totalCount
    edges {
      node {
        helpRequests(first: 1) {
          totalCount
        }
        claims(first: 1) {
          totalCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedTotalCountsQuery, NestedTotalCountsQueryVariables>;
export const NestedHelpRequestsDocument = new TypedDocumentString(`
    query NestedHelpRequests($n: Int) {
  helpRequests(first: $n) {
    edges {
      node {
        requester {
          name
        }
        slots {
          claims {
            association {
              name
            }
          }
        }
        claims {
          association {
            name
          }
          slot {
            label
          }
          request {
            title
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedHelpRequestsQuery, NestedHelpRequestsQueryVariables>;
export const NestedRequestEventsDocument = new TypedDocumentString(`
    query NestedRequestEvents($n: Int) {
  requestEvents(first: $n) {
    edges {
      node {
        type
        actor {
          name
        }
        request {
          title
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
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NestedRequestEventsQuery, NestedRequestEventsQueryVariables>;
export const TypenameAndAssociationIdsDocument = new TypedDocumentString(`
    query TypenameAndAssociationIds($n: Int) {
  __typename
  a: associations(first: $n) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TypenameAndAssociationIdsQuery, TypenameAndAssociationIdsQueryVariables>;
export const RequestEventPageDocument = new TypedDocumentString(`
    query RequestEventPage($filter: RequestEventFilter, $after: String, $first: Int) {
  requestEvents(filter: $filter, after: $after, first: $first) {
    edges {
      cursor
      node {
        cursor
        type
        occurredAt
        request {
          id
        }
        claim {
          id
        }
        actor {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<RequestEventPageQuery, RequestEventPageQueryVariables>;
export const RequestEventFeedDocument = new TypedDocumentString(`
    subscription RequestEventFeed($filter: RequestEventFilter, $after: String) {
  requestEvents(filter: $filter, after: $after) {
    cursor
    type
    request {
      id
      contact
      status
    }
    claim {
      id
    }
    actor {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RequestEventFeedSubscription, RequestEventFeedSubscriptionVariables>;
/** Factories for help requests and claims, through the public API. */
import { dataOf, gql } from './client.js';
import { PostHelpRequestDocument, type PostHelpRequestInput, type RequestFieldsFragment } from '../generated/graphql.js';

export const REQUEST_FIELDS = `id kind category unit title description township address contact urgency status capacity claimed remaining
  startsAt endsAt postedAt filledAt closedAt beneficiaries outcome cancelReason version
  requester { id } slots { id label startsAt endsAt capacity claimed remaining }`;

export function requestInput(associationId: string, overrides: Partial<PostHelpRequestInput> = {}): PostHelpRequestInput {
  return {
    associationId,
    kind: 'MANPOWER',
    category: 'COMMUNITY_SERVICE',
    title: '周六清扫阅览室',
    description: '需要八名志愿者',
    slots: [{ capacity: 8 }],
    ...overrides,
  };
}

/** Posts a request (fails the test on any error) and returns it with RequestFields. */
export async function postRequest(
  url: string,
  token: string,
  associationId: string,
  overrides: Partial<PostHelpRequestInput> = {},
): Promise<RequestFieldsFragment> {
  return dataOf(await gql(url, PostHelpRequestDocument, { input: requestInput(associationId, overrides) }, token)).postHelpRequest;
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** Factories for help requests and claims, through the public API. */
import { expect } from 'vitest';
import { gql } from './client.js';

export const REQUEST_FIELDS = `id kind category unit title description township address contact urgency status capacity claimed remaining
  startsAt endsAt postedAt filledAt closedAt beneficiaries outcome cancelReason version
  requester { id } slots { id label startsAt endsAt capacity claimed remaining }`;

export const POST = `mutation ($input: PostHelpRequestInput!) { postHelpRequest(input: $input) { ${REQUEST_FIELDS} } }`;

export function requestInput(associationId: string, overrides: Record<string, unknown> = {}) {
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

export async function postRequest(url: string, token: string, associationId: string, overrides: Record<string, unknown> = {}) {
  const response = await gql(url, POST, { input: requestInput(associationId, overrides) }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.postHelpRequest as Record<string, any>;
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

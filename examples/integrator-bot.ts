/**
 * An integrator's bot, acting for 僰乡义工协会 with an API key: it follows the
 * live feed of patient-guard requests in 巡场镇 and claims one place on a
 * night shift of each new one (or of one that reopens). It stores the cursor
 * of every event it has handled, and after a restart resumes from it: what
 * happened while it was away is replayed first, and nothing is lost or handled
 * twice.
 *
 *   npm start                                 # in one terminal, with the demo data
 *   npm run example:integrator                # stops after its first claim; run it again: it resumes
 *   npm run example:integrator -- --claims 0  # runs until Ctrl-C (its cursor is kept)
 *
 * Options: --claims N (stop after N claims; 0: never), --timeout SECONDS (stop
 * then, claim or not). Environment: MUTUAL_AID_URL (the server),
 * MUTUAL_AID_BOT_STATE (its state file: the API key and the cursor; default
 * ~/.mutual-aid-bot.json, mode 600; delete it to start afresh).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { closeCodeOf, codeOf, connect, demoPerson, follow, shanghaiDate, TIME_ZONE } from './client.ts';
import {
  ClaimDocument,
  CurrentApiKeyDocument,
  IssueApiKeyDocument,
  OpenRequestsDocument,
  PostRotaDocument,
  RequestEventsHeadDocument,
  RequestFeedDocument,
  RotaDocument,
  type RequestFeedSubscription,
} from './generated/graphql.ts';

const { values: options } = parseArgs({ options: { claims: { type: 'string', default: '1' }, timeout: { type: 'string' } } });
const maxClaims = Number(options.claims);
const STATE_FILE = process.env.MUTUAL_AID_BOT_STATE ?? path.join(homedir(), '.mutual-aid-bot.json');
/** What the bot acts on; the same fields filter the list of requests and the feed. */
const WATCHED = { kinds: ['PATIENT_GUARD' as const], townships: ['巡场镇'] };

interface State {
  apiKey?: string;
  /** The cursor of the last event handled: the next run resumes after it. */
  cursor?: string | null;
}
const state = JSON.parse(await readFile(STATE_FILE, 'utf8').catch(() => '{}')) as State;
async function save(): Promise<void> {
  // Write, then rename: a crash leaves the old state or the new one, never half of one.
  // It holds an API key: readable by its owner only, and written to a new file
  // ('wx' refuses one that exists, a planted symlink included).
  const temporary = `${STATE_FILE}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2), { mode: 0o600, flag: 'wx' });
  await rename(temporary, STATE_FILE);
}

// The API key. An association's OWNER creates it once and hands the secret to the integration;
// here the demo owner of 僰乡义工协会 does so on the first run, and the bot keeps it in its state.
if (!state.apiKey) {
  const owner = await demoPerson('bx', 'owner');
  const { createApiKey } = await owner.api.mutate(IssueApiKeyDocument, { associationId: owner.association.id, name: '夜班认领机器人' });
  await owner.api.close();
  state.apiKey = createApiKey.secret;
  await save();
  console.log(`${owner.name} created the API key "${createApiKey.apiKey.name}" for ${owner.association.name}`);
}
const api = connect(state.apiKey);
const { currentApiKey: key } = await api.query(CurrentApiKeyDocument, {}).catch((error: unknown) => {
  if (codeOf(error) !== 'UNAUTHENTICATED') throw error;
  throw new Error(`The API key in ${STATE_FILE} is not valid on this server (revoked, or another database): delete the file`);
});
if (!key) throw new Error('Not an API key');
const us = key.association;
console.log(`acting as "${key.name}" of ${us.name}`);

if (!state.cursor) {
  // First run: the head first, then what is open now; the feed then starts at that head, so nothing
  // falls between the list and the feed. The bot leaves what was open before it to the people.
  const { requestEventsHead } = await api.query(RequestEventsHeadDocument, {});
  const { helpRequests } = await api.query(OpenRequestsDocument, { filter: { ...WATCHED, statuses: ['OPEN'] } });
  console.log(`first run: ${helpRequests.totalCount} open, left to the people; the bot acts on what comes next`);
  for (const { node } of helpRequests.edges) console.log(`open\t${node.title}\t${node.remaining} ${node.unit} to go`);
  state.cursor = requestEventsHead;
  await save();
} else {
  console.log(`resuming after ${state.cursor}`);
}

await postDemoRequest();

// Ctrl-C, or a service manager's SIGTERM, stops the bot once the event in hand is handled.
const stop = new AbortController();
const onSignal = () => {
  stop.abort();
};
process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
const signal = options.timeout ? AbortSignal.any([stop.signal, AbortSignal.timeout(Number(options.timeout) * 1000)]) : stop.signal;
let claims = 0;

// Follow the feed from the stored cursor. When it breaks (the server restarted, the connection
// dropped, SLOW_CONSUMER), follow it again from the cursor stored last.
while (!signal.aborted) {
  const error = await follow(api, RequestFeedDocument, { after: state.cursor, filter: WATCHED }, handle, signal);
  if (!error) break;
  const closed = closeCodeOf(error);
  if (closed === 4403) throw new Error('The API key was revoked'); // api.md, "Identity"
  const reason = codeOf(error) ?? (closed ? `socket closed with ${closed}` : 'no connection');
  console.log(`feed interrupted (${reason}); resuming in 1 s`);
  await sleep(1000, null, { signal }).catch(() => undefined);
}
await api.close();
console.log(`stopped after ${claims} claim(s); cursor stored in ${STATE_FILE}`);

/** Handles one event, then stores its cursor; returns true when the bot has claimed enough. */
async function handle({ requestEvents: event }: RequestFeedSubscription): Promise<boolean> {
  const { request } = event;
  console.log(`event\t${event.cursor}\t${event.type}\t${request.title}\t${request.status}\t${request.remaining} to go`);
  if ((event.type === 'POSTED' || event.type === 'REOPENED') && (await claimANightShift(request.id))) claims++;
  // Stored after the event was handled: a crash in between handles it again on the next run, which
  // is safe because a claim is retried with the same idempotency key.
  state.cursor = event.cursor;
  await save();
  return maxClaims > 0 && claims >= maxClaims;
}

/** Claims one place on the first shift of the request that is still to come and has room. */
async function claimANightShift(requestId: string): Promise<boolean> {
  // The event carries the request as it is now; its shifts are read fresh before deciding.
  const { helpRequest: request } = await api.query(RotaDocument, { id: requestId });
  if (request?.status !== 'OPEN' || request.requester.id === us.id) return false;
  const shift = request.slots.find(
    (slot) => Date.parse(slot.startsAt ?? '') > Date.now() && slot.remaining > 0 && !slot.claims.some((c) => c.association.id === us.id),
  );
  if (!shift) return false;
  const input = { slotId: shift.id, associationId: us.id, quantity: 1, idempotencyKey: `night-guard-bot:${shift.id}` };
  try {
    const { claim } = await api.mutate(ClaimDocument, { input });
    console.log(`claimed\t${claim.id}\t${shift.label ?? ''}\t${request.title}`);
    return true;
  } catch (error) {
    // Someone was faster: the shift or the request filled, or it closed. Not an error for a bot.
    const code = codeOf(error);
    if (code !== 'CAPACITY_EXCEEDED' && code !== 'REQUEST_NOT_OPEN' && code !== 'ALREADY_CLAIMED') throw error;
    console.log(`not claimed\t${code}\t${request.title}`);
    return false;
  }
}

/**
 * A fresh demo server has nothing new for the bot to claim. So that this
 * example does something, 互助协会's coordinator posts a request in 巡场镇:
 * two nights from tomorrow. A real bot only listens.
 */
async function postDemoRequest(): Promise<void> {
  const coordinator = await demoPerson('hz', 'coordinator');
  const tomorrow = shanghaiDate(new Date(Date.now() + 24 * 3_600_000));
  const [, month, day] = tomorrow.split('-').map(Number);
  const { postHelpRequest } = await coordinator.api.mutate(PostRotaDocument, {
    input: {
      associationId: coordinator.association.id,
      kind: 'PATIENT_GUARD',
      category: 'MEDICAL',
      title: `巡场镇卫生院病人夜间陪护（${month}月${day}日起两晚）`,
      description: '一位病人需要连续两晚有人陪护，每晚两人。',
      township: '巡场镇',
      slots: [],
      recurrence: {
        frequency: 'DAILY',
        count: 2,
        startDate: tomorrow,
        timeZone: TIME_ZONE,
        startTime: '20:00',
        endTime: '08:00',
        capacity: 2,
        label: '夜班',
      },
    },
  });
  await coordinator.api.close();
  console.log(`(demo) ${coordinator.association.name} posted "${postHelpRequest.title}"`);
}

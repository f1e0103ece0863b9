/**
 * The GraphQL IDE (GraphiQL at GET /graphql, src/web/ide/) in headless
 * Chromium: it renders from this server alone, runs a query over HTTP, and
 * runs a subscription over graphql-ws whose connection_init carries the header
 * editor's JSON as typed, so a token typed there authenticates the socket (the
 * event shows the request's contact, which anonymous callers get as null).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, WebSocket } from 'playwright-core';
import { dataOf, gql, send } from '../support/client.js';
import { describe, expect, test } from '../support/fixtures.js';
import { headCursor } from '../support/events.js';
import { createOrg, type Org } from '../support/personas.js';
import { postRequest } from '../support/requests.js';
import { ROOT } from '../support/server.js';
import { launchBrowser, screenshot, watchPage } from '../support/browser.js';
import { ClaimDocument } from '../generated/graphql.js';

const QUERY = 'query FirstAssociations { associations(first: 3) { totalCount edges { node { name township } } } }';
const CONTACT = '王阿姨 138-0000-0000';
/** The header editor: of the two editors under the operation, the one shown once its tab is chosen. */
const HEADER_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';

/** The example operations the IDE preloads, by the title GraphiQL gives their tabs (their first operation's name). */
const EXAMPLES = path.join(ROOT, 'examples/operations');
const EXAMPLE_TITLES = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(readFileSync(path.join(EXAMPLES, file), 'utf8'))?.[1]);

let browser: Browser;
let requester: Org;
let claimer: Org;

test.beforeAll(async ({ url, adminToken }) => {
  browser = await launchBrowser();
  requester = await createOrg(url, adminToken, { name: '巡场镇互助协会', township: '巡场镇' });
  claimer = await createOrg(url, adminToken, { name: '象棋协会', township: '孝儿镇' });
});

test.afterAll(async () => {
  await browser.close();
});

/**
 * The text of a Monaco editor inside `section` as shown: Monaco renders the
 * visible lines, one element each, with no-break spaces.
 */
async function editorText(page: Page, section: string): Promise<string> {
  return (await page.locator(`${section} .monaco-editor .view-lines`).innerText()).replaceAll('\u00a0', ' ');
}

/** Replaces a Monaco editor's content with `text`, inserted at once (as a paste: no suggestions). */
async function replaceText(page: Page, section: string, text: string): Promise<void> {
  await page.locator(`${section} .monaco-editor .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  // Monaco may have closed the first bracket after the cursor: drop whatever follows it.
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
  await expect.poll(() => editorText(page, section)).toBe(text);
  await page.keyboard.press('ControlOrMeta+Home'); // back to the start, in view
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The response pane as JSON, once it parses and satisfies `ready` (a failure shows what it held last). */
async function response(page: Page, ready: (json: unknown) => boolean, timeout = 20_000): Promise<unknown> {
  await expect
    .poll(() => editorText(page, '.graphiql-response'), { timeout })
    .toSatisfy((shown: string) => parsed(shown) !== undefined && ready(parsed(shown)));
  return parsed(await editorText(page, '.graphiql-response'));
}

describe('GraphQL IDE', () => {
  test('runs a query, then a subscription authenticated by the header editor, from this origin alone', async ({ url }) => {
    const origin = new URL(url).origin;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const { foreign, errors } = await watchPage(page, origin);
    // WebSockets are not routed: record them here (and what the IDE sends on them).
    const sockets: WebSocket[] = [];
    const sent: string[] = [];
    page.on('websocket', (socket) => {
      sockets.push(socket);
      socket.on('framesent', ({ payload }) => sent.push(payload.toString()));
    });

    // A navigation sends Accept: text/html: the IDE, with the examples preloaded as tabs.
    await page.goto(url);
    expect(await page.title()).toMatch(/GraphQL IDE/);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    const tabs = page.locator('.graphiql-tab-button');
    const run = page.locator('.graphiql-execute-button');
    // A tab is titled after its first operation: the welcome tab's, then logging in, then the other examples.
    await expect.poll(() => tabs.count()).toBe(EXAMPLE_TITLES.length + 1);
    const titles = await tabs.allTextContents();
    expect(titles.slice(0, 2)).toEqual(['WhoAmI', 'SignUp']);
    expect(titles.slice(1).sort()).toEqual([...EXAMPLE_TITLES].sort());
    expect(await editorText(page, '.graphiql-query-editor')).toContain('{"Authorization": "Bearer <token>"}');
    await screenshot(page, 'ide-welcome');

    // A query over HTTP: the result pane shows what the API answers directly.
    // Run at once: GraphiQL names the operation 100 ms after an edit, and the IDE's fetcher does not send the old name.
    await replaceText(page, '.graphiql-query-editor', QUERY);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Enter');
    const expected = (await send(url, QUERY)).body;
    expect(expected.data).toMatchObject({ associations: { totalCount: 2 } });
    expect(await response(page, (json) => JSON.stringify(json) === JSON.stringify(expected))).toEqual(expected);
    await expect.poll(() => tabs.nth(0).textContent()).toBe('FirstAssociations');
    await screenshot(page, 'ide-query');

    // A subscription in a new tab, with the requester's token typed in its header editor.
    const request = await postRequest(url, requester.owner.token, requester.id, { title: '送老人去县医院复诊', contact: CONTACT });
    const after = await headCursor(url);
    await page.locator('.graphiql-tab-add').click();
    await expect.poll(() => tabs.count()).toBe(EXAMPLE_TITLES.length + 2);
    await replaceText(
      page,
      '.graphiql-query-editor',
      `subscription Feed { requestEvents(after: "${after}", filter: { requestIds: ["${request.id}"] }) { type request { title contact } claim { quantity association { name } } } }`,
    );
    // Prettified (by the bundled prettier, loaded on demand) for the screenshot.
    await page.getByRole('button', { name: /^Prettify query/ }).click();
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toMatch(/^subscription Feed \{\n {2}requestEvents\(/);
    await expect.poll(() => tabs.last().textContent()).toBe('Feed');
    await page.locator('.graphiql-editor-tools button[data-name="headers"]').click();
    const headers = `{"Authorization": "Bearer ${requester.owner.token}"}`;
    await replaceText(page, HEADER_EDITOR, headers);
    await run.click();
    await expect.poll(() => run.getAttribute('aria-label')).toMatch(/^Stop/);
    // The socket is this origin's /graphql, and its connection_init carries the headers as typed.
    await expect.poll(() => sent.map((frame) => JSON.parse(frame) as { type: string }).map(({ type }) => type)).toContain('subscribe');
    expect(sockets.map((socket) => socket.url())).toEqual([`${origin.replace(/^http/, 'ws')}/graphql`]);
    expect(sent.map((frame) => JSON.parse(frame) as unknown)).toContainEqual({
      type: 'connection_init',
      payload: { Authorization: `Bearer ${requester.owner.token}` },
    });

    // The test claims over HTTP; the event appears in the result pane.
    dataOf(
      await gql(
        url,
        ClaimDocument,
        { input: { slotId: request.slots[0].id, associationId: claimer.id, quantity: 2 } },
        claimer.owner.token,
      ),
    );
    // The contact is shown to the requester's members only (null for anonymous): the socket is the requester's owner.
    const event = await response(page, (json) => JSON.stringify(json).includes('CLAIMED'));
    expect(event).toEqual({
      data: {
        requestEvents: {
          type: 'CLAIMED',
          request: { title: '送老人去县医院复诊', contact: CONTACT },
          claim: { quantity: 2, association: { name: '象棋协会' } },
        },
      },
    });
    await screenshot(page, 'ide-subscription');

    // Stopping the subscription closes its socket (the last on those headers).
    await run.click();
    await expect.poll(() => run.getAttribute('aria-label')).toMatch(/^Execute/);
    await expect.poll(() => sockets[0].isClosed()).toBe(true);

    // The same headers go with queries over HTTP.
    await replaceText(page, '.graphiql-query-editor', 'query Me { viewer { email } }');
    await page.keyboard.press('Escape');
    await run.click();
    expect(await response(page, (json) => JSON.stringify(json).includes('viewer'))).toEqual({
      data: { viewer: { email: requester.owner.email } },
    });

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a subscription refused for its credentials says so at once (the socket is closed with 4403, not retried)', async ({ url }) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const { foreign, errors } = await watchPage(page, new URL(url).origin);
    await page.goto(url);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await replaceText(page, '.graphiql-query-editor', 'subscription { requestEvents { type } }');
    await page.keyboard.press('Escape');
    await replaceText(page, HEADER_EDITOR, '{"authorization": "Bearer not-a-token"}');
    const run = page.locator('.graphiql-execute-button');
    await run.click();
    // graphql-ws would retry a 4403 five times, for half a minute, before reporting it.
    expect(await response(page, (json) => JSON.stringify(json).includes('4403'), 10_000)).toEqual({
      errors: [{ message: 'WebSocket closed: 4403 Forbidden' }],
    });
    await expect.poll(() => run.getAttribute('aria-label')).toMatch(/^Execute/);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

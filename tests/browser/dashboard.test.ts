/**
 * The service center's dashboard (GET /dashboard, src/web/dashboard/) in
 * headless Chromium, on a server with a year of demo activity: every headline
 * figure equals the `stats` query's for the same period and township, asked
 * here over HTTP; a claim made here appears in the live ticker (and a request
 * in another township does not, once a township is chosen); the page loads
 * nothing from elsewhere, throws nothing, and asks for the figures at most
 * every 30 s (counted, and driven by Playwright's clock). Screenshots go to
 * .test-results/screenshots/dashboard*.png.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { dataOf, gql, send } from '../support/client.js';
import { describe, expect, test } from '../support/fixtures.js';
import { createOrg, type Org } from '../support/personas.js';
import { postRequest } from '../support/requests.js';
import { launchBrowser, screenshot, watchPage } from '../support/browser.js';
import { ClaimDocument } from '../generated/graphql.js';

test.override('serverEnv', { DEMO_DATA: 'true' });

/** The headline figures, in the page's order, and how the page writes each (Intl zh-CN; yuan as ¥). */
const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const FIGURES = {
  requestsPosted: (value: number) => count.format(value),
  requestsCompleted: (value: number) => count.format(value),
  fillRate: (value: number) => new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(value),
  volunteersCommitted: (value: number) => count.format(value),
  amountPledged: (value: number) =>
    new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(value),
  beneficiaries: (value: number) => count.format(value),
  volunteerHours: (value: number) => count.format(value),
  activeAssociations: (value: number) => count.format(value),
} as const;
type Figure = keyof typeof FIGURES;

interface Stats extends Record<Figure, number> {
  byTownship: { township: string }[];
  topHelpers: { association: { name: string } }[];
}

/** The test's own stats query (not the page's document): the figures, the townships and the top helpers' names. */
const STATS = `query ($filter: StatsFilter) {
  stats(filter: $filter) { ${Object.keys(FIGURES).join(' ')} byTownship { township } topHelpers(limit: 8) { association { name } } }
}`;

async function stats(url: string, filter: { from: string; to: string; townships?: string[] }): Promise<Stats> {
  return (dataOf(await send(url, STATS, { filter })) as { stats: Stats }).stats;
}

/** The county's month (Asia/Shanghai, the server's default STATS_TIME_ZONE) as the page must send it. */
function countyMonth(monthsAgo: number, length = 1): { from: string; to: string } {
  const start = DateTime.now().setZone('Asia/Shanghai').startOf('month').minus({ months: monthsAgo });
  const format = (at: DateTime) => at.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
  return { from: format(start), to: format(start.plus({ months: length })) };
}

let browser: Browser;
let requester: Org;
let claimer: Org;
let claimerName: string;
let elsewhere: Org;

/** The file's server loads a year of demo history at start (a minute or more on a busy machine). */
const DEMO_LOAD_MS = 300_000;

test.beforeAll(async ({ url, adminToken }) => {
  browser = await launchBrowser();
  const tag = randomBytes(3).toString('hex');
  requester = await createOrg(url, adminToken, { name: `巡场镇敬老志愿队 ${tag}`, township: '巡场镇' });
  // Names come from users: this one would add elements to a page that wrote names as HTML.
  claimerName = `象棋协会青年队<b id="injected">${tag}</b><img src="x" id="injected-img">`;
  claimer = await createOrg(url, adminToken, { name: claimerName, township: '孝儿镇' });
  elsewhere = await createOrg(url, adminToken, { name: `上罗镇邻里会 ${tag}`, township: '上罗镇' });
}, DEMO_LOAD_MS);

test.afterAll(async () => {
  await browser.close();
});

/** A wall-screen sized page in another time zone than the county's (the page's months must not depend on it). */
async function openPage(url: string) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const watched = await watchPage(page, origin);
  /** When the page asked for the figures (its DashboardStats operation), in ms since the epoch. */
  const statsRequests: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === `${origin}/graphql` && request.postData()?.includes('DashboardStats')) {
      statsRequests.push(Date.now());
    }
  });
  return { page, origin, statsRequests, ...watched };
}

/** Waits until the figures on the page are those of `township` ('' for the county) and answers the period they cover. */
async function shownFigures(page: Page, township: string): Promise<{ from: string; to: string }> {
  const figures = page.locator(`[data-testid="figures"][data-state="ready"][data-township="${township}"]`);
  await figures.waitFor({ timeout: 20_000 });
  return { from: (await figures.getAttribute('data-from'))!, to: (await figures.getAttribute('data-to'))! };
}

async function expectFigures(page: Page, expected: Stats): Promise<void> {
  for (const [figure, format] of Object.entries(FIGURES) as [Figure, (value: number) => string][]) {
    const tile = page.getByTestId(`figure-${figure}`);
    expect(Number(await tile.getAttribute('data-value')), figure).toBe(expected[figure]);
    expect(await page.getByTestId(`value-${figure}`).textContent(), figure).toBe(format(expected[figure]));
  }
  const townships = await page.getByTestId('table-township').locator('tbody th').allTextContents();
  expect(townships).toEqual(expected.byTownship.map((row) => row.township));
  const helpers = await page.getByTestId('helper-row').locator('th').allTextContents();
  expect(helpers).toEqual(expected.topHelpers.map((row) => row.association.name));
}

describe('dashboard', () => {
  test('shows the stats figures for the period and township, and a claim made now in the live ticker', async ({ url }) => {
    const { page, origin, statsRequests, foreign, errors } = await openPage(url);
    await page.goto(`${origin}/dashboard`);

    // The current month of the county, whatever the screen's own time zone.
    const month = await shownFigures(page, '');
    expect(month).toEqual(countyMonth(0));
    const county = await stats(url, month);
    expect(county.requestsPosted, 'the demo data has activity this month').toBeGreaterThan(0);
    await expectFigures(page, county);
    // A year of demo activity: the trend chart's table has months before this one.
    const months = await page.getByTestId('table-month').locator('tbody th').allTextContents();
    expect(months.length).toBeGreaterThan(6);
    expect(statsRequests).toHaveLength(1);
    // The ticker starts with the newest postings (the event log itself reads oldest first).
    await page.locator('[data-testid="ticker-item"][data-type="POSTED"]').first().waitFor();

    // The township filter: its options come from the API; the figures follow it at once.
    await page.locator('[data-testid="filter-township"] option[value="巡场镇"]').waitFor({ state: 'attached' });
    await page.getByTestId('filter-township').selectOption('巡场镇');
    expect(await shownFigures(page, '巡场镇')).toEqual(month);
    await expectFigures(page, await stats(url, { ...month, townships: ['巡场镇'] }));
    expect(page.url()).toContain(`?township=${encodeURIComponent('巡场镇')}`);
    expect(statsRequests).toHaveLength(2);
    const filtered = statsRequests[1];

    // The ticker, live: a request elsewhere is left out (the subscription's township filter), a claim here shows.
    await page.locator('[data-testid="ticker-status"][data-state="live"]').waitFor();
    const title = `看板测试：周末陪老人下棋 ${randomBytes(2).toString('hex')}`;
    const other = await postRequest(url, elsewhere.owner.token, elsewhere.id, { title: `看板测试：上罗镇清扫 ${title.slice(-4)}` });
    const request = await postRequest(url, requester.owner.token, requester.id, { title, slots: [{ capacity: 4 }] });
    dataOf(
      await gql(
        url,
        ClaimDocument,
        { input: { slotId: request.slots[0].id, associationId: claimer.id, quantity: 3 } },
        claimer.owner.token,
      ),
    );
    const claimed = page.locator('[data-testid="ticker-item"][data-type="CLAIMED"]', { hasText: title });
    await claimed.waitFor({ timeout: 20_000 });
    expect(await claimed.textContent()).toContain(`${claimerName} · 3 人`);
    // Newest first: the claim above the posting of the same request.
    const items = page.getByTestId('ticker-item');
    expect(await items.first().getAttribute('data-type')).toBe('CLAIMED');
    expect(await items.nth(1).getAttribute('data-type')).toBe('POSTED');
    expect(await items.nth(1).getAttribute('data-request')).toBe(request.id);
    // Events come in commit order: the other township's request, posted first, would be here by now.
    expect(await page.locator(`[data-testid="ticker-item"][data-request="${other.id}"]`).count()).toBe(0);
    expect(await page.locator('[data-testid="ticker-item"]:not([data-township="巡场镇"])').count()).toBe(0);

    // Changing nothing, no second request for the figures until 30 s after the last one.
    const quiet = Date.now() - filtered;
    expect(statsRequests.length).toBeLessThanOrEqual(2 + Math.floor(quiet / 30_000));
    await screenshot(page, 'dashboard-township');

    // The period filter: the last 12 months for the whole county.
    await page.getByTestId('filter-township').selectOption('');
    await page.getByTestId('filter-period').selectOption('last-12-months');
    const year = await shownFigures(page, '');
    expect(year).toEqual(countyMonth(11, 12));
    await expectFigures(page, await stats(url, year));
    await screenshot(page, 'dashboard');
    // The hostile name is shown as text everywhere (ticker, top helpers, the charts' data tables), never as markup.
    expect(await page.locator('#injected, #injected-img').count()).toBe(0);
    expect(await page.getByText(claimerName).count()).toBeGreaterThan(0);

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('asks for the figures again 30 s after the last answer, not sooner (Playwright clock)', async ({ url }) => {
    const { page, origin, statsRequests, errors } = await openPage(url);
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1000);
    await page.goto(`${origin}/dashboard?period=last-month`);
    expect(await shownFigures(page, '')).toEqual(countyMonth(1));
    const updated = page.getByTestId('updated-at');
    const first = await updated.getAttribute('data-updated');
    expect(statsRequests).toHaveLength(1);

    /** Whatever the page asked before this returns has been seen by the test (requests are reported in order). */
    const settle = () => page.evaluate(() => fetch('/healthz').then((response) => response.status));
    await page.clock.runFor(29_000);
    expect(await settle()).toBe(200);
    expect(statsRequests).toHaveLength(1);

    await page.clock.runFor(1_000);
    await expect.poll(() => statsRequests.length).toBe(2);
    await expect.poll(() => updated.getAttribute('data-updated')).not.toBe(first);
    const second = await updated.getAttribute('data-updated');
    expect(Date.parse(second!) - Date.parse(first!)).toBe(30_000);

    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a token given in the address fragment is sent (header and connection_init) and leaves the address; a refused one is dropped', async ({
    url,
    adminToken,
  }) => {
    const { page, origin, errors } = await openPage(url);
    const authorizations: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url() === `${origin}/graphql` && request.postData()?.includes('DashboardStats'))
        authorizations.push(request.headers().authorization);
    });
    const inits: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('framesent', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('connection_init')) inits.push(payload);
      });
    });
    await page.goto(`${origin}/dashboard#token=${adminToken}`);
    await shownFigures(page, '');
    expect(authorizations).toEqual([`Bearer ${adminToken}`]);
    expect(page.url()).toBe(`${origin}/dashboard`);
    await page.locator('[data-testid="ticker-status"][data-state="live"]').waitFor();
    expect(inits.map((init) => JSON.parse(init) as unknown)).toEqual([
      { type: 'connection_init', payload: { authorization: `Bearer ${adminToken}` } },
    ]);
    expect(errors).toEqual([]);

    // Kept for the next load (sessionStorage); a refused token is dropped and the page goes on anonymously.
    await page.goto('about:blank');
    await page.goto(`${origin}/dashboard#token=not-a-token`);
    await shownFigures(page, '');
    await page.locator('[data-testid="ticker-status"][data-state="live"]').waitFor({ timeout: 20_000 });
    expect(authorizations.slice(1)).toEqual(['Bearer not-a-token', undefined]);
    expect(await page.getByRole('alert').textContent()).toContain('anonymously');
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await page.context().close();
  });
});

/**
 * The service center's dashboard (GET /dashboard): the period's figures, charts
 * by category, township and month, top helpers, who helps whom, and a live
 * ticker of request events. A client of the public API only:
 * - figures: one `DashboardStats` POST /graphql on load, on a filter change,
 *   and then 30 s after the previous answer (never sooner: stats are
 *   aggregates over the whole county); none while the screen is hidden;
 * - the township list: `associations` once at start, plus the townships the
 *   figures name;
 * - the ticker: the `requestEvents` subscription over graphql-ws, live (after
 *   `requestEventsHead`, see ticker.ts), started with the newest postings
 *   (`helpRequests`, NEWEST) on load and on a township change.
 * Anonymous by default; a token given as `#token=...` (kept in sessionStorage,
 * taken out of the address) is sent in the Authorization header and in
 * connection_init. Filters live in the query string (?township=&period=), so
 * a screen can be set up by its address.
 */
import './dashboard.css';
import {
  ApiError,
  RECENT_POSTINGS_QUERY,
  request,
  STATS_QUERY,
  TOWNSHIPS_QUERY,
  type Breakdown,
  type DashboardStats,
  type Figures,
  type PeriodStats,
  type TickerEvent,
  type TownshipsPage,
} from './api';
import { categoryOption, createChart, networkOption, townshipOption, trendOption } from './charts';
import {
  CATEGORY,
  EVENT_TYPE,
  eventTone,
  isPeriodKey,
  labelOf,
  numberFormat,
  percentFormat,
  PERIODS,
  UNIT,
  yuanFormat,
  type PeriodKey,
} from './labels';
import { periodsAt, type Month, type Periods } from './period';
import { EventFeed, type FeedState } from './ticker';

/** Figures refresh at most this often (a filter change refreshes at once). */
const REFRESH_MS = 30_000;
const TICKER_MAX = 50;
const TOP_HELPERS = 8;
const NETWORK_LINKS = 60;
const TOKEN_KEY = 'mutual-aid.dashboard.token';
const TIME_ZONE = 'Asia/Shanghai';

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' });

// ---------------------------------------------------------------- the page's elements

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The page has no #${id}`);
  return found;
}

const townshipSelect = byId('township', HTMLSelectElement);
const periodSelect = byId('period', HTMLSelectElement);
const updated = byId('updated-text', HTMLSpanElement);
const updatedBox = updated.parentElement ?? updated;
const problem = byId('problem', HTMLParagraphElement);
const tiles = byId('tiles', HTMLElement);
const tickerList = byId('ticker', HTMLOListElement);
const tickerEmpty = byId('ticker-empty', HTMLParagraphElement);
const tickerStatus = byId('ticker-status', HTMLSpanElement);

/** A small element builder: text only (API data never becomes markup). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const en = (text: string) => el('span', { class: 'en', lang: 'en' }, text);

// ---------------------------------------------------------------- credentials (optional)

function readToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const given = fragment.get('token');
  if (given) {
    // Out of the address bar (and of screenshots of the screen); kept for the next load.
    fragment.delete('token');
    const rest = fragment.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
    try {
      sessionStorage.setItem(TOKEN_KEY, given);
    } catch {
      // Storage refused (private mode): the token lasts as long as the page.
    }
    return given;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

let token = readToken();

const TOKEN_REFUSED = '登录凭据被拒绝，改为匿名访问 · The token was refused; continuing anonymously.';
/** Said on the page once a token was refused, until the page is loaded again. */
let tokenRefused = false;

function dropToken(): void {
  token = null;
  tokenRefused = true;
  showProblem(TOKEN_REFUSED);
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored
  }
}

// ---------------------------------------------------------------- filters

const params = new URLSearchParams(window.location.search);
let township = params.get('township') ?? '';
const periodParam = params.get('period');
let period: PeriodKey = isPeriodKey(periodParam) ? periodParam : 'this-month';

for (const option of PERIODS) periodSelect.append(el('option', { value: option.value }, `${option.zh} · ${option.en}`));
periodSelect.value = period;

const townships = new Set<string>();

function addTownships(names: Iterable<string | null>): void {
  let added = false;
  for (const name of names) {
    if (name && !townships.has(name)) {
      townships.add(name);
      added = true;
    }
  }
  if (!added) return;
  const sorted = [...townships].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  townshipSelect.replaceChildren(
    el('option', { value: '' }, '全县 · All townships'),
    ...sorted.map((name) => el('option', { value: name }, name)),
  );
  townshipSelect.value = township;
}
if (township) addTownships([township]);

function saveFilters(): void {
  const next = new URLSearchParams(window.location.search);
  if (township) next.set('township', township);
  else next.delete('township');
  if (period === 'this-month') next.delete('period');
  else next.set('period', period);
  const query = next.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
}

/** Every association's township (a few pages at most), once at start. */
async function loadTownships(): Promise<void> {
  let after: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const { associations }: TownshipsPage = await request(TOWNSHIPS_QUERY, { after }, { token });
    addTownships(associations.edges.map((edge) => edge.node.township));
    if (!associations.pageInfo.hasNextPage) return;
    after = associations.pageInfo.endCursor;
  }
}

// ---------------------------------------------------------------- figures

interface Tile {
  field: keyof Figures;
  zh: string;
  en: string;
  format: (value: number) => string;
  suffix?: string;
}

const count = (value: number) => numberFormat.format(value);

const TILES: Tile[] = [
  { field: 'requestsPosted', zh: '发布求助', en: 'Requests posted', format: count, suffix: '项' },
  { field: 'requestsCompleted', zh: '已完成', en: 'Requests completed', format: count, suffix: '项' },
  { field: 'fillRate', zh: '满员率', en: 'Fill rate', format: (value) => percentFormat.format(value) },
  { field: 'volunteersCommitted', zh: '认领人数', en: 'People committed', format: count, suffix: '人' },
  { field: 'amountPledged', zh: '认捐金额', en: 'Yuan pledged', format: (value) => yuanFormat.format(value) },
  { field: 'beneficiaries', zh: '受益人数', en: 'Beneficiaries', format: count, suffix: '人' },
  { field: 'volunteerHours', zh: '服务时长', en: 'Volunteer hours', format: count, suffix: '小时' },
  { field: 'activeAssociations', zh: '参与协会', en: 'Active associations', format: count, suffix: '个' },
];

const tileValues = new Map<keyof Figures, { box: HTMLElement; value: HTMLElement }>();
for (const tile of TILES) {
  const value = el('span', { class: 'value', 'data-testid': `value-${tile.field}` }, '—');
  const box = el(
    'div',
    { class: 'tile', 'data-testid': `figure-${tile.field}` },
    el('dt', {}, tile.zh, ' ', en(tile.en)),
    el('dd', {}, value, tile.suffix ? el('span', { class: 'suffix' }, tile.suffix) : ''),
  );
  tiles.append(box);
  tileValues.set(tile.field, { box, value });
}

function renderFigures(stats: Figures): void {
  for (const tile of TILES) {
    const target = tileValues.get(tile.field);
    if (!target) continue;
    target.box.dataset.value = String(stats[tile.field]);
    target.value.textContent = tile.format(stats[tile.field]);
  }
}

const monthText = (at: Month) => `${at.year}年${at.month + 1}月`;

function renderPeriodTitle(periods: Periods): void {
  const option = PERIODS.find((candidate) => candidate.value === period);
  const range =
    periods.first.year === periods.last.year && periods.first.month === periods.last.month
      ? monthText(periods.first)
      : `${monthText(periods.first)} – ${monthText(periods.last)}`;
  byId('figures-period', HTMLSpanElement).textContent = `${township || '全县'} · ${option?.zh ?? ''}（${range}）`;
  byId('figures-period-en', HTMLSpanElement).textContent = `${township || 'All townships'} · ${option?.en ?? ''}`;
  byId('trend-range', HTMLSpanElement).textContent = `${periods.trendMonths[0] ?? ''} – ${periods.trendMonths.at(-1) ?? ''}`;
}

// ---------------------------------------------------------------- charts and tables

/** The collaborations shown: the network is laid out again for its new size when it is resized. */
let links: PeriodStats['collaborations'] = [];

function drawNetwork(): void {
  charts.network.setOption(networkOption(links, { width: charts.network.getWidth(), height: charts.network.getHeight() }), true);
}

const charts = {
  category: createChart(byId('chart-category', HTMLDivElement)),
  township: createChart(byId('chart-township', HTMLDivElement)),
  trend: createChart(byId('chart-trend', HTMLDivElement)),
  network: createChart(byId('chart-network', HTMLDivElement), drawNetwork),
};

/** Fills a table (the charts' text alternative, or the top helpers) with a header row and rows of cells. */
function fillTable(id: string, caption: string, headers: string[], rows: (string | number)[][], testid?: string): void {
  const table = byId(id, HTMLTableElement);
  const format = (cell: string | number) => (typeof cell === 'number' ? numberFormat.format(cell) : cell);
  table.replaceChildren(
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          testid ? { 'data-testid': testid } : {},
          ...row.map((cell, index) => el(index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : {}, format(cell))),
        ),
      ),
    ),
  );
}

const BREAKDOWN_HEADERS = ['发布 Posted', '完成 Completed', '受益人数 Beneficiaries', '服务时长 Hours'];
const breakdownCells = (row: Breakdown) => [row.requestsPosted, row.requestsCompleted, row.beneficiaries, row.volunteerHours];
const isEmpty = (rows: Breakdown[]) => rows.every((row) => row.requestsPosted === 0 && row.volunteerHours === 0);

function markEmpty(panel: string, empty: boolean): void {
  byId(panel, HTMLElement).toggleAttribute('data-empty', empty);
}

function renderCharts(stats: PeriodStats, trend: DashboardStats['trend'], periods: Periods): void {
  charts.category.setOption(categoryOption(stats.byCategory), true);
  fillTable(
    'table-category',
    '按类别 By category',
    ['类别 Category', ...BREAKDOWN_HEADERS],
    stats.byCategory.map((row) => {
      const label = labelOf(CATEGORY, row.category);
      return [`${label.zh} ${label.en}`, ...breakdownCells(row)];
    }),
  );
  markEmpty('panel-category', isEmpty(stats.byCategory));

  charts.township.setOption(townshipOption(stats.byTownship), true);
  fillTable(
    'table-township',
    '按乡镇 By township',
    ['乡镇 Township', ...BREAKDOWN_HEADERS],
    stats.byTownship.map((row) => [row.township, ...breakdownCells(row)]),
  );
  markEmpty('panel-township', isEmpty(stats.byTownship));

  const months = new Map(trend.byMonth.map((row) => [row.month, row]));
  charts.trend.setOption(trendOption(periods.trendMonths, months), true);
  fillTable(
    'table-month',
    '近12个月 Last 12 months',
    ['月份 Month', ...BREAKDOWN_HEADERS],
    trend.byMonth.map((row) => [row.month, ...breakdownCells(row)]),
  );
  markEmpty('panel-trend', isEmpty(trend.byMonth));

  links = stats.collaborations;
  drawNetwork();
  fillTable(
    'table-network',
    '谁帮助了谁 Who helps whom',
    ['援助方 Helper', '受助方 Helped', '认领次数 Claims'],
    stats.collaborations.map((link) => [link.helper.name, link.helped.name, link.claims]),
  );
  markEmpty('panel-network', stats.collaborations.length === 0);

  fillTable(
    'top-helpers',
    '援助最多的协会 Top helpers',
    ['协会 Association', '认领 Claims', '人数 People', '金额 Yuan'],
    stats.topHelpers.map((helper) => [
      helper.association.name,
      helper.claimsMade,
      helper.volunteersCommitted,
      yuanFormat.format(helper.amountPledged),
    ]),
    'helper-row',
  );
  markEmpty('panel-helpers', stats.topHelpers.length === 0);
}

// ---------------------------------------------------------------- refreshing

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: AbortController | null = null;
/** A refresh came due while the screen was hidden: it runs when the screen shows again. */
let dueWhileHidden = false;

function showProblem(message: string | null): void {
  problem.hidden = message === null;
  problem.textContent = message ?? '';
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (document.hidden) dueWhileHidden = true;
    else void refresh();
  }, REFRESH_MS);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && dueWhileHidden) {
    dueWhileHidden = false;
    void refresh();
  }
});

async function refresh(): Promise<void> {
  clearTimeout(timer);
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const shownTownship = township;
  const periods = periodsAt(period, new Date());
  const place = shownTownship ? { townships: [shownTownship] } : {};
  // Dimmed while other filters load; a periodic refresh of the same ones changes the numbers in place.
  const { township: shownBefore, from, to } = tiles.dataset;
  if (shownBefore !== shownTownship || from !== periods.period.from || to !== periods.period.to) tiles.dataset.state = 'loading';
  let retryNow = false;
  try {
    const data = await request(
      STATS_QUERY,
      {
        period: { ...periods.period, ...place },
        trend: { ...periods.trend, ...place },
        helpers: TOP_HELPERS,
        links: NETWORK_LINKS,
      },
      { token, signal: controller.signal },
    );
    if (controller.signal.aborted) return;
    renderFigures(data.period);
    renderPeriodTitle(periods);
    renderCharts(data.period, data.trend, periods);
    if (!shownTownship) addTownships(data.period.byTownship.map((row) => row.township));
    Object.assign(tiles.dataset, { state: 'ready', from: periods.period.from, to: periods.period.to, township: shownTownship });
    const now = new Date();
    updated.replaceChildren(
      '更新于 ',
      el('time', { datetime: now.toISOString(), title: dateTimeFormat.format(now) }, timeFormat.format(now)),
      ' ',
      en('Updated'),
    );
    Object.assign(updatedBox.dataset, { state: 'ready', updated: now.toISOString() });
    showProblem(tokenRefused ? TOKEN_REFUSED : null);
  } catch (error) {
    if (controller.signal.aborted) return;
    tiles.dataset.state = 'error';
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && token) {
      // A stale token: go on anonymously (everything here is public).
      dropToken();
      retryNow = true;
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      showProblem(`数据暂时无法更新，30 秒后重试 · The figures could not be updated (${detail}); retrying in 30 s.`);
    }
  } finally {
    if (inFlight === controller) {
      inFlight = null;
      if (retryNow) void refresh();
      else schedule();
    }
  }
}

// ---------------------------------------------------------------- the ticker

const seen = new Set<string>();

function eventDetail(event: TickerEvent): string {
  const unit = labelOf(UNIT, event.request.unit);
  const amount = (quantity: number) =>
    event.request.unit === 'YUAN' ? yuanFormat.format(quantity) : `${numberFormat.format(quantity)} ${unit.zh}`;
  if (event.handOff) return `${event.handOff.from.name} → ${event.handOff.to.name}`;
  if (event.claim && ['CLAIMED', 'CLAIM_WITHDRAWN', 'CLAIM_DECLINED'].includes(event.type)) {
    return `${event.claim.association.name} · ${amount(event.claim.quantity)}`;
  }
  return event.actor?.name ?? event.request.requester.name;
}

/** Each event once: by its cursor, and a posting by its request (the ticker starts with recent postings). */
const eventKey = (event: TickerEvent) => (event.type === 'POSTED' ? `POSTED:${event.request.id}` : event.cursor);

const dayFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, month: 'numeric', day: 'numeric' });
const dayKey = (at: Date) => dayFormat.format(at);

/** The time of an event, county time; with its day when it was not today. */
function when(at: Date): string {
  return dayKey(at) === dayKey(new Date()) ? timeFormat.format(at) : `${dayFormat.format(at)} ${timeFormat.format(at).slice(0, 5)}`;
}

/**
 * Puts an event in the ticker, newest first by occurredAt: a live event above
 * those of the same instant (it came later), an earlier one (`live` false)
 * below them. At most TICKER_MAX are kept.
 */
function showEvent(event: TickerEvent, live = true): void {
  const key = eventKey(event);
  if (seen.has(key)) return;
  seen.add(key);
  // A screen runs for weeks: remember the latest keys only (a Set iterates oldest first).
  for (const old of seen) {
    if (seen.size <= TICKER_MAX * 4) break;
    seen.delete(old);
  }
  const type = labelOf(EVENT_TYPE, event.type);
  const category = labelOf(CATEGORY, event.request.category);
  const at = new Date(event.occurredAt);
  const item = el(
    'li',
    {
      class: live ? 'event fresh' : 'event',
      'data-testid': 'ticker-item',
      'data-type': event.type,
      'data-request': event.request.id,
      'data-township': event.request.township ?? '',
      'data-at': String(at.getTime()),
    },
    el('time', { datetime: event.occurredAt, title: dateTimeFormat.format(at) }, when(at)),
    el('span', { class: `badge ${eventTone(event.type)}` }, type.zh, en(type.en)),
    el(
      'span',
      { class: 'what' },
      el('strong', { class: 'title' }, event.request.title),
      el('span', { class: 'who' }, [eventDetail(event), event.request.township ?? '', category.zh].filter(Boolean).join(' · ')),
    ),
  );
  const older = [...tickerList.children].find((other) => {
    const time = Number(other instanceof HTMLElement ? other.dataset.at : 0);
    return live ? time <= at.getTime() : time < at.getTime();
  });
  tickerList.insertBefore(item, older ?? null);
  if (live) {
    setTimeout(() => {
      item.classList.remove('fresh');
    }, 3000);
  }
  while (tickerList.children.length > TICKER_MAX) tickerList.lastElementChild?.remove();
  tickerEmpty.hidden = tickerList.children.length > 0;
}

const RECENT_POSTINGS = 12;
let seeding = 0;

/** Starts the ticker with the newest postings of the chosen township (the event log itself reads oldest first). */
async function showRecentPostings(): Promise<void> {
  const generation = ++seeding;
  const shown = township;
  try {
    const { helpRequests } = await request(
      RECENT_POSTINGS_QUERY,
      { first: RECENT_POSTINGS, filter: shown ? { townships: [shown] } : null },
      { token },
    );
    if (generation !== seeding) return;
    for (const { node } of helpRequests.edges) {
      showEvent(
        { cursor: `posted:${node.id}`, type: 'POSTED', occurredAt: node.postedAt, request: node, claim: null, handOff: null, actor: null },
        false,
      );
    }
  } catch (error) {
    // The ticker starts empty; live events still come.
    console.warn('recent postings', error);
  }
}

const FEED_STATES: Record<FeedState, string> = {
  connecting: '连接中 Connecting',
  live: '● 实时 Live',
  reconnecting: '重连中 Reconnecting',
};

const feed = new EventFeed({
  token: () => token,
  onRefused: () => {
    dropToken();
  },
  onEvent: (event) => {
    showEvent(event);
  },
  onState: (state) => {
    tickerStatus.dataset.state = state;
    tickerStatus.textContent = FEED_STATES[state];
  },
});

/**
 * Follows the chosen township from now on. The events already shown stay if
 * they are of that township (by their request's township as delivered); a
 * wider choice keeps them all, and shows the other townships' events from now on.
 */
function followTicker(): void {
  if (township) {
    for (const item of [...tickerList.querySelectorAll<HTMLElement>('[data-testid="ticker-item"]')]) {
      if (item.dataset.township !== township) item.remove();
    }
  }
  tickerEmpty.hidden = tickerList.children.length > 0;
  void feed.follow(township || null);
  void showRecentPostings();
}

// ---------------------------------------------------------------- start

townshipSelect.addEventListener('change', () => {
  township = townshipSelect.value;
  saveFilters();
  void refresh();
  followTicker();
});

periodSelect.addEventListener('change', () => {
  if (isPeriodKey(periodSelect.value)) period = periodSelect.value;
  saveFilters();
  void refresh();
});

void refresh();
followTicker();
loadTownships().catch((error: unknown) => {
  // The filter still offers every township the figures name.
  console.warn('townships', error);
});

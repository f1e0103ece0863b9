/**
 * A year of demo history: what the demo associations asked each other for over
 * the last twelve months and this one, and what became of it (claims, pledges,
 * withdrawals, hand-offs, named volunteers, attendance, completions,
 * cancellations, expiries).
 *
 * Two halves. `planHistory` is pure: from the load's date alone, a seeded
 * generator (demo-random.ts) and the templates (demo-stories.ts) produce every
 * step with the instant it happens at. The same date gives the same plan, so
 * two loads at one clock give the same data. `loadDemoHistory` then runs the
 * steps in order of time, each through the service the API uses, as SYSTEM,
 * with a clock stopped at that step's instant: times in the tables and in the
 * event log (occurredAt) are historical, and the log's positions follow the
 * order of time. Steps later than the load's clock have not happened yet and
 * are left out: what was posted lately is still open, to be claimed now, with
 * a few requests of these days that are always there (todaysRequests).
 *
 * The plan keeps every rule the services check (a claim only where there is
 * room and before its slot ends, volunteers on no two overlapping shifts,
 * attendance after the shift and before completion, ...): a step that breaks
 * one fails the load, never silently skipped. `add` refuses, at planning time,
 * a step scheduled before a step it needs.
 */
import type { Db } from '../../db/handle.js';
import { SYSTEM } from '../../shared/actor.js';
import { fixedClock, type Clock } from '../../shared/clock.js';
import { CapacityUnit, RequestKind, Urgency } from '../../shared/enums.js';
import { toGlobalId } from '../../shared/global-id.js';
import { mustExist } from '../../shared/must-exist.js';
import { query } from '../tables.js';
import { acceptClaimHandOff, declineClaimHandOff, offerClaimHandOff } from '../help-requests/claim-handoff.service.js';
import { claim, declineClaim, withdrawClaim } from '../help-requests/claim.service.js';
import { expireRequest } from '../help-requests/expiry.service.js';
import { slotsByRequest } from '../help-requests/help-request.loaders.js';
import { cancelHelpRequest, completeHelpRequest, postHelpRequest, unitOf } from '../help-requests/help-request.service.js';
import { assignVolunteers } from '../volunteers/assignment.service.js';
import { recordAttendance } from '../volunteers/attendance.service.js';
import { addVolunteer } from '../volunteers/volunteer.service.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, Random, chinaDayOf, chinaInstant, monthStartBefore } from './demo-random.js';
import { TEMPLATES, momentOf, postingsPerDay, todaysRequests, type Pinned, type Posted, type Slug, type Story } from './demo-stories.js';

/** The seed of the year (any constant: 2021 is when the county's service center opened). */
const SEED = 20_210_601;
/**
 * Requests posted on an ordinary weekday (seasons, weekends and Spring Festival
 * scale it). 0.8 gives about 290 requests over the thirteen months (every kind,
 * category and township dozens of times), about 1,450 service calls and 12,000
 * statements, which load in about 7 s on a 2-core machine. The load's time is
 * its statements (about half a millisecond each, Node and PostgreSQL taking
 * turns): twice the requests, twice the time.
 */
const POSTINGS_PER_DAY = 0.8;

/** How long, on average, until an association answers, by urgency. */
const ANSWER_MEAN_MS: Record<Urgency, number> = {
  [Urgency.CRITICAL]: 20 * MINUTE_MS,
  [Urgency.HIGH]: 2.5 * HOUR_MS,
  [Urgency.NORMAL]: 10 * HOUR_MS,
  [Urgency.LOW]: 30 * HOUR_MS,
};

/** How readily each association answers others (the big volunteer association most). */
const HELPER_WEIGHT: Record<Slug, number> = { bx: 3, hz: 2.2, xq: 1.2, gt: 1, js: 0.7, ax: 0 };

/** Roster sizes: the big volunteer association has the most people. */
const ROSTER_SIZE: Record<Slug, number> = { bx: 18, hz: 14, gt: 10, xq: 10, js: 8, ax: 4 };

/**
 * The share of claims whose volunteers are named in the app, and their
 * attendance recorded: night guards, other work. The others just send people
 * (a call per volunteer each shift would be most of the load's time).
 */
const NAMED_GUARDS = 0.4;
const NAMED_OTHERS = 0.12;

/** Who did not come: the share of assignments recorded absent. */
const NO_SHOW = 0.07;

/** Common surnames: one character, one code point, one name each. */
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
// prettier-ignore
const GIVEN_NAMES = [
  '秀英', '桂芳', '建华', '志强', '海燕', '红梅', '玉兰', '德明', '小红', '文静', '晓东', '春花', '永刚', '丽萍', '国强',
  '淑珍', '建国', '美玲', '子涵', '雨欣', '浩然', '思远', '佳怡', '俊杰', '明辉', '婷婷', '金凤', '大勇', '光荣', '秋菊',
  '世平', '开明', '兴华', '素芬', '天佑', '宏伟', '慧敏', '家豪', '诗雨', '成林',
];

const WITHDRAW_REASONS = ['人手临时不够', '志愿者家里有事', '与本会活动时间冲突', '车辆安排不过来'];
const DECLINE_REASONS = ['本会志愿者已经补上', '需求有变化，名额减少了'];
const HANDOFF_NOTES = ['我们这边凑不齐人，请接手', '本会当天有其他活动，拜托了', '原定的志愿者生病了，请帮忙顶上'];
const HANDOFF_REFUSALS = ['这几天我们人手也紧张', '路程太远，去不了'];

/** What a claim's note says, by unit (often nothing). */
const CLAIM_NOTES: Record<CapacityUnit, string[]> = {
  [CapacityUnit.PERSON]: ['派有经验的志愿者', '志愿者会提前十分钟到', '名单稍后发群里'],
  [CapacityUnit.YUAN]: ['会员捐款', '理事会认捐', '会员和爱心企业共同捐款'],
  [CapacityUnit.ITEM]: ['会员捐赠，下周送到', '爱心商户捐赠'],
};

/** One thing that happens, at `at`, through a service. */
interface Step {
  /** The service it calls, for the message when it fails. */
  what: string;
  at: number;
  /** The order of planning: the tie-break between steps at one instant. */
  order: number;
  run: (db: Db, clock: Clock) => Promise<void>;
}

interface Volunteer {
  /** The step that adds them to the roster, and their id once it ran. */
  added: Step;
  ref: { id: string };
  /** Shifts booked, [start, end): one person is never on two overlapping shifts. */
  shifts: [number, number][];
}

/** A claim that is still ACTIVE when its request ends, with who holds it then and since when. */
interface Standing {
  claim: { id: string };
  holder: Slug;
  quantity: number;
  slot: number;
  since: Step;
}

const gid = toGlobalId;
const toDate = (instant: number | null) => (instant === null ? null : new Date(instant));
const iso = (instant: number) => new Date(instant).toISOString();
/** Whole seconds: times that look typed, not computed. */
const seconds = (instant: number) => Math.round(instant / 1000) * 1000;

/** The first instant of the history: the first day, in the county, of the month twelve months before now's. */
export function historyStart(now: Date): Date {
  return new Date(chinaInstant(monthStartBefore(chinaDayOf(now.getTime()), 12), 0));
}

class Planner {
  readonly steps: Step[] = [];
  readonly r = new Random(SEED);
  readonly rosters = new Map<Slug, Volunteer[]>();
  private readonly names = new Set<string>();

  constructor(
    /** Global ids of the demo associations. */
    private readonly associations: ReadonlyMap<Slug, string>,
    /** The verified ones: only they post and claim. */
    readonly verified: readonly Slug[],
  ) {}

  associationId(slug: Slug): string {
    return mustExist(this.associations.get(slug), `demo association ${slug}`);
  }

  /** Schedules `run` at `at`, strictly after every step in `after`. */
  add(what: string, at: number, run: Step['run'], after: readonly Step[] = []): Step {
    for (const before of after) {
      if (before.at >= at) throw new Error(`demo history: ${what} at ${iso(at)} must follow ${before.what} at ${iso(before.at)}`);
    }
    const step = { what, at, order: this.steps.length, run };
    this.steps.push(step);
    return step;
  }

  /** An invented name no other demo volunteer has. */
  private newName(): string {
    for (;;) {
      const name = `${this.r.pick(SURNAMES)}${this.r.pick(GIVEN_NAMES)}`;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  /** Adds `size` volunteers to `slug`'s roster: most at `from`, the others joining over the year up to `until`. */
  roster(slug: Slug, size: number, from: number, until: number): void {
    const roster: Volunteer[] = [];
    for (let i = 0; i < size; i++) {
      const joins = i < Math.ceil(size * 0.75) ? from + i * 7 * MINUTE_MS : seconds(this.r.between(from + DAY_MS, until));
      const name = this.newName();
      const phone = `139-0000-${String(2000 + this.names.size).padStart(4, '0')}`;
      const ref = { id: '' };
      const added = this.add('addVolunteer', joins, async (db, clock) => {
        ref.id = await addVolunteer(db, SYSTEM, { associationId: this.associationId(slug), name, phone }, clock);
      });
      roster.push({ added, ref, shifts: [] });
    }
    this.rosters.set(slug, roster);
  }

  /** Up to `n` distinct associations of `from`, the readier helpers more likely. */
  helpers(from: readonly Slug[], n: number): Slug[] {
    const left = [...from];
    const chosen: Slug[] = [];
    while (chosen.length < n && left.length > 0) {
      const pick = this.r.weighted(left.map((slug) => [slug, HELPER_WEIGHT[slug]] as const));
      chosen.push(pick);
      left.splice(left.indexOf(pick), 1);
    }
    return chosen;
  }

  /** `total` in `n` parts (n >= 1), each a positive multiple of `step` (the remainder goes to the last). */
  split(total: number, n: number, step: number): number[] {
    const units = Math.floor(total / step);
    const parts = Math.max(1, Math.min(n, units));
    const cuts = this.r
      .sample(
        Array.from({ length: units - 1 }, (_, i) => i + 1),
        parts - 1,
      )
      .sort((a, b) => a - b);
    const bounds = [0, ...cuts, units];
    const split = bounds.slice(1).map((bound, i) => (bound - bounds[i]) * step);
    split[split.length - 1] += total - units * step;
    return split;
  }

  /** The step that posts `story`, and what it learns: the request's id and its slots' ids. */
  private post(story: Posted, postedAt: number): { run: { id: string; slots: string[] }; posted: Step } {
    const run = { id: '', slots: [] as string[] };
    const posted = this.add('postHelpRequest', postedAt, async (db, clock) => {
      run.id = await postHelpRequest(db, SYSTEM, postFields(story, this.associationId(story.requester)), clock);
      run.slots = (await slotsByRequest(db).load(run.id)).map((slot) => slot.id);
    });
    return { run, posted };
  }

  /** A request of these days with the claims it has had so far (no fate: it is still open). */
  pinned({ story, postedAt, claims }: Pinned): void {
    const { run, posted } = this.post(story, postedAt);
    for (const { slot, by, quantity, at } of claims) {
      this.add(
        'claim',
        at,
        async (db, clock) => {
          const input = { slotId: gid('Slot', run.slots[slot]), associationId: this.associationId(by), quantity };
          await claim(db, SYSTEM, input, clock);
        },
        [posted],
      );
    }
  }

  /** Everything that happens to one request, from its posting on. */
  request(story: Story, postedAt: number): void {
    const { r } = this;
    const unit = unitOf(story.kind);
    const { run, posted } = this.post(story, postedAt);
    const steps: Step[] = [posted];
    const timed = story.slots.every((slot) => slot.startsAt !== null && slot.endsAt !== null);
    const end = story.endsAt ?? Math.max(...story.slots.map((slot) => slot.endsAt ?? 0));
    const firstStart = timed ? Math.min(...story.slots.map((slot) => slot.startsAt ?? end)) : end;

    // What becomes of it: most are answered in full, some in part, some by nobody (they expire);
    // a few are cancelled before they start, a few answered and then abandoned (they expire too).
    const cancelAt =
      r.chance(0.07) && firstStart - postedAt > 6 * HOUR_MS ? seconds(postedAt + r.between(0.2, 0.8) * (firstStart - postedAt)) : null;
    const coverage = r.weighted([
      ['none', 0.1],
      ['partial', 0.25],
      ['full', 0.65],
    ] as const);
    const abandoned = coverage !== 'none' && cancelAt === null && r.chance(0.05);
    const helpers = this.verified.filter((slug) => slug !== story.requester);
    const standing: Standing[] = [];

    story.slots.forEach((slot, index) => {
      let deadline = (slot.startsAt ?? end) - 30 * MINUTE_MS;
      if (cancelAt !== null) deadline = Math.min(deadline, cancelAt - MINUTE_MS);
      if (coverage === 'none' || deadline - postedAt < 10 * MINUTE_MS) return;
      const target =
        coverage === 'full'
          ? slot.capacity
          : Math.max(story.step, Math.floor((slot.capacity * r.between(0.3, 0.85)) / story.step) * story.step);
      const used = new Set<Slug>();
      const chosen = this.helpers(helpers, this.answers(unit, target));
      chosen.forEach((slug) => used.add(slug));
      const parts = this.split(target, chosen.length, story.step);
      const times = parts.map(() => this.answerTime(postedAt, deadline, story.urgency)).sort((a, b) => a - b);

      parts.forEach((quantity, i) => {
        const holder = chosen[i];
        const claimed = { id: '' };
        const note = r.chance(0.4) ? r.pick(CLAIM_NOTES[unit]) : null;
        const made = this.add(
          'claim',
          times[i],
          async (db, clock) => {
            const input = { slotId: gid('Slot', run.slots[index]), associationId: this.associationId(holder), quantity, note };
            claimed.id = await claim(db, SYSTEM, input, clock);
          },
          [posted],
        );
        steps.push(made);
        const room = deadline - made.at;
        const roll = r.next();
        const free = helpers.filter((slug) => !used.has(slug));

        if ((abandoned && room > 10 * MINUTE_MS) || (roll < 0.05 && room > HOUR_MS)) {
          // Withdrawn (every claim of an abandoned request); now and then another association steps in.
          const at = seconds(made.at + r.between(0.2, 0.8) * room);
          const reason = r.pick(WITHDRAW_REASONS);
          const ended = this.add(
            'withdrawClaim',
            at,
            (db, clock) => withdrawClaim(db, SYSTEM, { id: gid('Claim', claimed.id), reason }, clock).then(),
            [made],
          );
          steps.push(ended);
          if (abandoned || free.length === 0 || !r.chance(0.65)) return;
          const stepIn = r.pick(free);
          used.add(stepIn);
          const again = seconds(ended.at + Math.min(r.exponential(3 * HOUR_MS), (deadline - ended.at) * 0.8) + MINUTE_MS);
          if (again >= deadline) return;
          const replaced = { id: '' };
          const remade = this.add(
            'claim',
            again,
            async (db, clock) => {
              const input = { slotId: gid('Slot', run.slots[index]), associationId: this.associationId(stepIn), quantity };
              replaced.id = await claim(db, SYSTEM, input, clock);
            },
            [ended],
          );
          steps.push(remade);
          standing.push({ claim: replaced, holder: stepIn, quantity, slot: index, since: remade });
          return;
        }

        if (roll < 0.07 && room > HOUR_MS) {
          // Declined by the requester.
          const reason = r.pick(DECLINE_REASONS);
          const at = seconds(made.at + r.between(0.1, 0.5) * room);
          steps.push(
            this.add('declineClaim', at, (db, clock) => declineClaim(db, SYSTEM, { id: gid('Claim', claimed.id), reason }, clock).then(), [
              made,
            ]),
          );
          return;
        }

        if (roll < 0.13 && timed && unit === CapacityUnit.PERSON && cancelAt === null && room > 12 * HOUR_MS && free.length > 0) {
          // Handed off: offered to an association with no claim on the slot, which accepts or declines.
          const receiver = r.pick(free);
          used.add(receiver);
          const offerAt = seconds(made.at + r.between(0.1, 0.4) * room);
          const decideAt = seconds(offerAt + r.between(0.1, 0.5) * (deadline - offerAt));
          const offer = { id: '' };
          const note = r.pick(HANDOFF_NOTES);
          const offered = this.add(
            'offerClaimHandOff',
            offerAt,
            async (db, clock) => {
              const input = { claimId: gid('Claim', claimed.id), toAssociationId: this.associationId(receiver), note };
              offer.id = await offerClaimHandOff(db, SYSTEM, input, clock);
            },
            [made],
          );
          steps.push(offered);
          if (r.chance(0.75)) {
            const taken = { id: '' };
            const accepted = this.add(
              'acceptClaimHandOff',
              decideAt,
              async (db, clock) => {
                await acceptClaimHandOff(db, SYSTEM, { id: gid('ClaimHandOff', offer.id) }, clock);
                const row = await query(db.em)
                  .selectFrom('claim_handoff')
                  .select('newClaimId')
                  .where('id', '=', offer.id)
                  .executeTakeFirstOrThrow();
                taken.id = mustExist(row.newClaimId, 'claim_handoff.newClaimId');
              },
              [offered],
            );
            steps.push(accepted);
            standing.push({ claim: taken, holder: receiver, quantity, slot: index, since: accepted });
          } else {
            const reason = r.pick(HANDOFF_REFUSALS);
            const declined = this.add(
              'declineClaimHandOff',
              decideAt,
              (db, clock) => declineClaimHandOff(db, SYSTEM, { id: gid('ClaimHandOff', offer.id), reason }, clock).then(),
              [offered],
            );
            steps.push(declined);
            standing.push({ claim: claimed, holder, quantity, slot: index, since: declined });
          }
          return;
        }

        standing.push({ claim: claimed, holder, quantity, slot: index, since: made });
      });
    });

    if (cancelAt !== null) {
      const reason = story.cancelReason;
      this.add(
        'cancelHelpRequest',
        cancelAt,
        (db, clock) => cancelHelpRequest(db, SYSTEM, { id: gid('HelpRequest', run.id), reason }, clock).then(),
        steps,
      );
      return;
    }
    if (standing.length === 0) {
      // Nobody holds a place when it ends: the expiry job closes it within its minute.
      const at = seconds(end + r.between(5_000, 60_000));
      this.add(
        'expireRequest',
        at,
        async (db, clock) => {
          if (!(await expireRequest(db, SYSTEM, { requestId: run.id }, clock)))
            throw new Error(`demo history: "${story.title}" did not expire`);
        },
        steps,
      );
      return;
    }

    if (timed && unit === CapacityUnit.PERSON) steps.push(...this.staff(story, standing));
    // Completed once it is over (a drive or collection when its target is met or its time is up), with what it did.
    const lastAnswer = Math.max(...standing.map((s) => s.since.at));
    const over = timed || coverage !== 'full' ? end : Math.min(end, lastAnswer + r.between(1, 5) * DAY_MS);
    const completeAt = seconds(
      Math.max(over + Math.min(r.exponential(12 * HOUR_MS), 3 * DAY_MS) + 30 * MINUTE_MS, ...steps.map((s) => s.at + 10 * MINUTE_MS)),
    );
    const beneficiaries = coverage === 'full' ? story.beneficiaries : Math.max(1, Math.round(story.beneficiaries * r.between(0.6, 1)));
    const { outcome } = story;
    this.add(
      'completeHelpRequest',
      completeAt,
      (db, clock) => completeHelpRequest(db, SYSTEM, { id: gid('HelpRequest', run.id), beneficiaries, outcome }, clock).then(),
      steps,
    );
  }

  /** How many associations answer a slot: pledges come from several, people mostly from one or two. */
  private answers(unit: CapacityUnit, target: number): number {
    if (unit === CapacityUnit.YUAN)
      return this.r.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ]);
    if (unit === CapacityUnit.ITEM || target >= 4) return this.r.chance(0.35) ? 2 : 1;
    return target >= 2 && this.r.chance(0.15) ? 2 : 1;
  }

  /** A time to answer: soon for the urgent, later for the rest; always between posting and the deadline. */
  private answerTime(postedAt: number, deadline: number, urgency: Urgency): number {
    const wait = 2 * MINUTE_MS + this.r.exponential(ANSWER_MEAN_MS[urgency]);
    const at = postedAt + wait < deadline ? postedAt + wait : postedAt + this.r.between(0.05, 0.95) * (deadline - postedAt);
    return seconds(Math.max(at, postedAt + MINUTE_MS));
  }

  /**
   * The holders name volunteers from their rosters for the places they hold;
   * after each shift the requester records who came and when (a few forgotten,
   * some absent). Returns the steps, which the completion follows.
   */
  private staff(story: Story, standing: Standing[]): Step[] {
    const { r } = this;
    const steps: Step[] = [];
    for (const held of standing) {
      // Night guards are named more often; for other work most associations just send people.
      if (!r.chance(story.kind === RequestKind.PATIENT_GUARD ? NAMED_GUARDS : NAMED_OTHERS)) continue;
      const slot = story.slots[held.slot];
      const start = mustExist(slot.startsAt, 'slot.startsAt');
      const end = mustExist(slot.endsAt, 'slot.endsAt');
      const latest = start - 15 * MINUTE_MS;
      if (latest - held.since.at < 5 * MINUTE_MS) continue;
      const assignAt = seconds(
        held.since.at + MINUTE_MS + Math.min(r.exponential(6 * HOUR_MS), (latest - held.since.at) * r.between(0.3, 0.9)),
      );
      const free = (this.rosters.get(held.holder) ?? []).filter(
        (v) => v.added.at < assignAt && v.shifts.every(([from, to]) => to <= start || end <= from),
      );
      const wanted = held.quantity > 1 && r.chance(0.15) ? held.quantity - 1 : held.quantity;
      const chosen = r.sample(free, wanted);
      if (chosen.length === 0) continue;
      for (const v of chosen) v.shifts.push([start, end]);
      const assignments: string[] = [];
      const assigned = this.add(
        'assignVolunteers',
        assignAt,
        async (db, clock) => {
          const input = { claimId: gid('Claim', held.claim.id), volunteerIds: chosen.map((v) => gid('Volunteer', v.ref.id)) };
          assignments.push(...(await assignVolunteers(db, SYSTEM, input, clock)));
        },
        [held.since, ...chosen.map((v) => v.added)],
      );
      steps.push(assigned);
      chosen.forEach((_, k) => {
        if (r.chance(0.04)) return; // never recorded: counts for nothing
        const absent = r.chance(NO_SHOW);
        const arrivedAt = seconds(start + Math.round(r.between(-15, 20)) * MINUTE_MS);
        const leftAt = seconds(end + Math.round(r.between(-30, 25)) * MINUTE_MS);
        const recordAt = seconds(Math.max(leftAt, end) + r.between(10 * MINUTE_MS, 8 * HOUR_MS));
        const record = absent ? { absent: true } : { arrivedAt: new Date(arrivedAt), leftAt: new Date(leftAt) };
        steps.push(
          this.add(
            'recordAttendance',
            recordAt,
            (db, clock) => recordAttendance(db, SYSTEM, { assignmentId: gid('Assignment', assignments[k]), ...record }, clock).then(),
            [assigned],
          ),
        );
      });
    }
    return steps;
  }
}

function postFields(story: Posted, associationId: string) {
  return {
    associationId,
    kind: story.kind,
    category: story.category,
    title: story.title,
    description: story.description,
    township: story.township,
    address: story.address,
    contact: story.contact,
    urgency: story.urgency,
    startsAt: toDate(story.startsAt),
    endsAt: toDate(story.endsAt),
    slots: story.slots.map((slot) => ({
      label: slot.label,
      startsAt: toDate(slot.startsAt),
      endsAt: toDate(slot.endsAt),
      capacity: slot.capacity,
    })),
  };
}

/**
 * Every step of the year that ends at `now`, in order of time. Depends on
 * now's calendar day only: loads on one day plan the same year, and differ
 * only in which of today's steps have happened.
 */
export function planHistory(now: Date, associations: ReadonlyMap<Slug, string>, verified: readonly Slug[]): Step[] {
  const p = new Planner(associations, verified);
  const today = chinaDayOf(now.getTime());
  const start = historyStart(now).getTime();
  const firstDay = chinaDayOf(start);
  for (const slug of associations.keys()) {
    const size = ROSTER_SIZE[slug];
    const from = verified.includes(slug) ? associationsJoined(now).getTime() + DAY_MS : chinaInstant(today - 5, 10);
    p.roster(slug, size, from, Math.max(from + DAY_MS, chinaInstant(today, 0)));
  }
  // Each day posts its expected share, give or take: a year of the same size whatever the date
  // (the load's time follows it), busier and quieter days and seasons all the same.
  let due = 0;
  for (let day = firstDay; day <= today; day++) {
    due += postingsPerDay(day, POSTINGS_PER_DAY) * p.r.between(0.4, 1.6);
    for (; due >= 1; due--) {
      const postedAt = chinaInstant(day, Math.round(p.r.between(8, 21.5) * 60) / 60);
      const moment = momentOf(postedAt);
      const template = p.r.weighted(TEMPLATES.map((t) => [t, t.weight(moment)] as const).filter(([, weight]) => weight > 0));
      p.request(template.build(p.r, moment), postedAt);
    }
  }
  // What a new user finds open to claim: posted in the last days, answered in part.
  for (const pinned of todaysRequests(now.getTime())) p.pinned(pinned);
  const cut = now.getTime();
  return p.steps.filter((step) => step.at <= cut).sort((a, b) => a.at - b.at || a.order - b.order);
}

/** When the verified demo associations joined the server: a few weeks before the history starts. */
export function associationsJoined(now: Date): Date {
  return new Date(historyStart(now).getTime() - 20 * DAY_MS + 10 * HOUR_MS);
}

/** When the unverified one (new, awaiting review) joined: last week. */
export function newcomerJoined(now: Date): Date {
  return new Date(chinaInstant(chinaDayOf(now.getTime()) - 6, 10));
}

/**
 * Runs the year's steps in order of time, each with a clock stopped at its
 * instant, all through `db`. Returns how many ran. One Db for the whole year
 * (the load is one operation, as a command-line tool's run is): the services
 * take from its loaders only what no step of the year changes (a request's
 * requester, unit and times, a slot's times, a claim's holder, an
 * association's verification) and decide on state they read under the
 * request's lock, so rows loaded once serve every later step: a fifth fewer
 * statements than a Db per step.
 */
export async function loadDemoHistory(
  db: Db,
  now: Date,
  associations: ReadonlyMap<Slug, string>,
  verified: readonly Slug[],
): Promise<number> {
  const steps = planHistory(now, associations, verified);
  for (const step of steps) {
    try {
      await step.run(db, fixedClock(new Date(step.at)));
    } catch (error) {
      throw new Error(`demo history: ${step.what} at ${iso(step.at)} failed`, { cause: error });
    }
  }
  return steps.length;
}

/**
 * What the demo associations ask each other for over a year: one template per
 * kind of need, each with its season, its requester, its places and its
 * wording. Every person, place detail and phone number here is invented; the
 * townships and the kinds of activity are those of shared/design/domain.md.
 *
 * Pure: a template turns a random source and a posting time into a Story; the
 * history (demo-history.ts) decides what then happens to it. todaysRequests
 * are the open requests every load ends with, whatever the year held.
 */
import { AidCategory, RequestKind, Urgency } from '../../shared/enums.js';
import { HOUR_MS, MINUTE_MS, chinaDayOf, chinaInstant, dateOf, daysFromSpringFestival, type Random } from './demo-random.js';

/** The demo associations by slug (demo-data.ts lists them). */
export type Slug = 'bx' | 'hz' | 'gt' | 'xq' | 'js' | 'ax';

export interface StorySlot {
  label: string;
  /** Instants (ms); null for a slot without times (a pledge, a collection). */
  startsAt: number | null;
  endsAt: number | null;
  capacity: number;
}

/** A request as its requester writes it, with what will be reported if it is done. */
export interface Story extends Posted {
  /** People served if it is completed. */
  beneficiaries: number;
  outcome: string;
  cancelReason: string;
  /** Pledges and item donations come in multiples of this. */
  step: number;
}

/** A request as its requester writes it. */
export interface Posted {
  requester: Slug;
  kind: RequestKind;
  category: AidCategory;
  urgency: Urgency;
  title: string;
  description: string;
  township: string;
  address: string | null;
  contact: string;
  slots: StorySlot[];
  /** The request's own times when its slots carry none (a drive, a collection); otherwise null (the slots' span). */
  startsAt: number | null;
  endsAt: number | null;
}

export const TOWNSHIPS = ['巡场镇', '上罗镇', '孝儿镇'] as const;
type Township = (typeof TOWNSHIPS)[number];

/** Places of each township (invented villages and communities; the county hospital is in the county seat, 巡场镇). */
const PLACES: Record<Township, { hospitals: string[]; villages: string[] }> = {
  巡场镇: { hospitals: ['县人民医院', '县人民医院', '县中医医院'], villages: ['文化路社区', '金鸡坡社区', '新街社区', '芙蓉村'] },
  上罗镇: { hospitals: ['上罗镇卫生院'], villages: ['双河村', '石龙村', '上罗场镇社区'] },
  孝儿镇: { hospitals: ['孝儿镇卫生院'], villages: ['新桥村', '团结村', '孝儿场镇社区'] },
};

/** Who answers the phone for each association (invented numbers). */
const CONTACTS: Record<Slug, string[]> = {
  bx: ['王丽 138-0000-0102', '陈刚 138-0000-0112'],
  hz: ['赵敏 138-0000-0101', '李强 138-0000-0111'],
  gt: ['周芳 138-0000-0103', '吴磊 138-0000-0113'],
  xq: ['孙洁 138-0000-0105', '郑伟 138-0000-0115'],
  js: ['黄梅 138-0000-0104', '马超 138-0000-0114'],
  ax: ['林静 138-0000-0106'],
};

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** `3月12日（周二）`: how a coordinator labels a date. */
function dateLabel(day: number): string {
  const { month, date, weekday } = dateOf(day);
  return `${month}月${date}日（${WEEKDAY_NAMES[weekday]}）`;
}

/** `9:00`, `16:30`. */
const timeLabel = (hour: number) => `${Math.floor(hour)}:${String(Math.round((hour % 1) * 60)).padStart(2, '0')}`;

/** A timed slot on `day` from `from` to `to` o'clock (`to` past 24 runs into the next morning). */
function shift(day: number, from: number, to: number, capacity: number, prefix = ''): StorySlot {
  const nextMorning = to > 24 ? '次日' : '';
  return {
    label: `${prefix}${dateLabel(day)} ${timeLabel(from)}-${nextMorning}${timeLabel(to % 24 || 24)}`,
    startsAt: chinaInstant(day, from),
    endsAt: chinaInstant(day, to),
    capacity,
  };
}

/** The first day on or after `day` that is `weekday` (0 Sunday ... 6 Saturday). */
function onOrAfter(day: number, weekday: number): number {
  return day + ((weekday - dateOf(day).weekday + 7) % 7);
}

/** The Monday of the week after the one of `day`. */
const nextMonday = (day: number) => onOrAfter(day + 1, 1);

/** What a template knows about the posting moment. */
export interface Moment {
  day: number;
  postedAt: number;
  month: number;
  year: number;
  /** Days from the nearest Spring Festival (negative before it). */
  festival: number;
}

export function momentOf(postedAt: number): Moment {
  const day = chinaDayOf(postedAt);
  const { month, year } = dateOf(day);
  return { day, postedAt, month, year, festival: daysFromSpringFestival(day) };
}

/** The weeks before Spring Festival: visits, supplies and fundraising for the new year. */
const beforeFestival = (m: Moment) => m.festival >= -24 && m.festival < 0;
/** The festival week and the lantern days after it: schools, stations and most activities rest. */
const festivalHoliday = (m: Moment) => m.festival >= 0 && m.festival <= 8;
/** Winter and summer holidays: no after-school classes. */
const schoolHoliday = (m: Moment) => m.month === 7 || m.month === 8 || (m.festival >= -18 && m.festival <= 16);
const winter = (m: Moment) => m.month === 12 || m.month <= 2;

export interface Template {
  name: string;
  /** How often it is posted at this moment, relative to the others (0: not now). */
  weight(m: Moment): number;
  build(r: Random, m: Moment): Story;
}

const contactOf = (r: Random, slug: Slug) => r.pick(CONTACTS[slug]);
const townshipOf = (r: Random, weights: [number, number, number] = [5, 3, 3]) =>
  r.weighted(TOWNSHIPS.map((t, i) => [t, weights[i]] as const));

/** The common fields of a story; templates fill in the rest. */
function story(
  fields: Omit<Story, 'startsAt' | 'endsAt' | 'step' | 'address'> & Partial<Pick<Story, 'startsAt' | 'endsAt' | 'step' | 'address'>>,
): Story {
  return { startsAt: null, endsAt: null, step: 1, address: null, ...fields };
}

const PATIENTS = [
  { who: '独居老人', why: '一位独居老人突发脑梗住院，子女都在外地务工，一时赶不回来。' },
  { who: '留守老人', why: '一位留守老人摔伤髋部做了手术，老伴年迈，夜里无人照看。' },
  { who: '重症病人', why: '一位重症病人在监护后转入普通病房，家属白天上班，夜间需要有人看护。' },
  { who: '孤寡老人', why: '一位孤寡老人因肺部感染住院，村里委托协会安排夜间陪护。' },
  { who: '术后病人', why: '一位贫困户术后需要夜间翻身、喂水和观察输液，家属只有一位且身体不好。' },
];

const GUARD_OUTCOMES = [
  '老人病情稳定，已转入普通病房，家属已返回接手照顾。',
  '陪护期间老人情况平稳，已康复出院。',
  '病人顺利度过术后恢复期，家属表示感谢。',
  '志愿者轮流陪护，老人已出院回家，村医继续随访。',
];

/** Night guards for a patient at a hospital (domain.md: "volunteers taking turns to guard a critically ill patient through the night"). */
const guard: Template = {
  name: 'guard',
  weight: (m) => (winter(m) ? 1.7 : 1.2) * (festivalHoliday(m) ? 0.6 : 1),
  build(r, m) {
    const requester = r.weighted<Slug>([
      ['hz', 3],
      ['bx', 2],
    ]);
    const township = townshipOf(r, [7, 2, 2]);
    const hospital = r.pick(PLACES[township].hospitals);
    const patient = r.pick(PATIENTS);
    const urgency = r.weighted([
      [Urgency.CRITICAL, 3],
      [Urgency.HIGH, 5],
      [Urgency.NORMAL, 2],
    ]);
    const hour = (m.postedAt - chinaInstant(m.day, 0)) / HOUR_MS;
    const first = m.day + (urgency === Urgency.CRITICAL && hour < 17 ? 0 : r.int(1, 2));
    const nights = r.int(2, 3);
    const perNight = r.chance(0.8) ? 2 : 1;
    return story({
      requester,
      kind: RequestKind.PATIENT_GUARD,
      category: AidCategory.MEDICAL,
      urgency,
      title: `${hospital}${patient.who}夜间陪护`,
      description: `${patient.why}需要每晚${perNight === 2 ? '两' : '一'}人陪护，共${nights}晚。`,
      township,
      address: `${hospital}住院部`,
      contact: `${contactOf(r, requester)}（病房号请电话询问）`,
      slots: Array.from({ length: nights }, (_, i) => shift(first + i, 20, 32, perNight, `第${i + 1}晚 `)),
      beneficiaries: 1,
      outcome: r.pick(GUARD_OUTCOMES),
      cancelReason: r.pick(['病人已转往市里医院', '家属已从外地赶回，自行照顾', '病人提前出院']),
    });
  },
};

interface Cause {
  category: AidCategory;
  requester: Slug[];
  title: (r: Random, m: Moment, village: string) => string;
  description: string;
  target: [number, number];
  beneficiaries: [number, number];
  urgency: Urgency;
  weight: (m: Moment) => number;
  outcome: string;
}

const CAUSES: Cause[] = [
  {
    category: AidCategory.POVERTY_RELIEF,
    requester: ['bx'],
    title: (_r, _m, village) => `${village}火灾受灾家庭联合募捐`,
    description: '一户人家房屋失火，财物几乎全毁。各协会联合募捐，用于临时住所和生活用品。',
    target: [20_000, 60_000],
    beneficiaries: [3, 6],
    urgency: Urgency.HIGH,
    weight: (m) => (winter(m) ? 1.5 : 0.6),
    outcome: '善款已全部交到受灾家庭手中，临时住所已安排，房屋重建正在进行。',
  },
  {
    category: AidCategory.POVERTY_RELIEF,
    requester: ['bx'],
    title: (_r, _m, village) => `${village}因病致贫家庭帮扶募捐`,
    description: '家中主要劳动力患病，孩子还在上学，生活难以为继。募集善款帮助这个家庭渡过难关。',
    target: [10_000, 30_000],
    beneficiaries: [2, 5],
    urgency: Urgency.NORMAL,
    weight: (m) => (beforeFestival(m) ? 2 : 0.7),
    outcome: '善款已按计划分批交给家庭，协会每月回访。',
  },
  {
    category: AidCategory.MEDICAL,
    requester: ['bx', 'hz'],
    title: () => '白血病患儿治疗费募捐',
    description: '一名小学生确诊白血病，正在市里医院化疗，医保报销后仍有较大缺口。',
    target: [50_000, 100_000],
    beneficiaries: [1, 1],
    urgency: Urgency.HIGH,
    weight: () => 0.5,
    outcome: '善款已转入医院账户，孩子完成第一阶段化疗，情况稳定。',
  },
  {
    category: AidCategory.MEDICAL,
    requester: ['hz'],
    title: () => '尿毒症患者透析费用募捐',
    description: '一位中年患者每周需要透析三次，家中无力负担自费部分。',
    target: [20_000, 50_000],
    beneficiaries: [1, 1],
    urgency: Urgency.NORMAL,
    weight: () => 0.5,
    outcome: '善款可以支付约半年的自费透析费用，家属已签收。',
  },
  {
    category: AidCategory.EDUCATION,
    requester: ['bx'],
    title: (_r, m) => `${m.year}年困难家庭大学新生助学金`,
    description: '今年全县有多名困难家庭学生考上大学，学费和路费有困难。募集助学金，每人资助第一年的部分费用。',
    target: [10_000, 30_000],
    beneficiaries: [4, 15],
    urgency: Urgency.NORMAL,
    weight: (m) => (m.month === 7 || m.month === 8 ? 4 : m.month === 9 ? 1 : 0),
    outcome: '助学金已在开学前发放到每位新生手中。',
  },
  {
    category: AidCategory.DISABILITY,
    requester: ['bx'],
    title: (_r, _m, village) => `${village}残疾人家庭无障碍改造募捐`,
    description: '为行动不便的残疾人家庭修建坡道、加装扶手、改造卫生间。',
    target: [10_000, 25_000],
    beneficiaries: [2, 6],
    urgency: Urgency.LOW,
    weight: (m) => (m.month === 5 ? 2 : 0.5),
    outcome: '改造工程已完工，家庭成员出行和如厕安全多了。',
  },
];

/** A fundraising drive: one slot whose capacity is the target in yuan (domain.md). */
const fundraising: Template = {
  name: 'fundraising',
  weight: (m) => (festivalHoliday(m) ? 0.2 : beforeFestival(m) ? 1.2 : 0.7),
  build(r, m) {
    const cause = r.weighted(CAUSES.map((c) => [c, c.weight(m) + 0.01] as const));
    const requester = r.pick(cause.requester);
    const township = townshipOf(r);
    const village = r.pick(PLACES[township].villages);
    const target = r.int(cause.target[0] / 5_000, cause.target[1] / 5_000) * 5_000;
    const days = r.int(10, 30);
    return story({
      requester,
      kind: RequestKind.FUNDRAISING,
      category: cause.category,
      urgency: cause.urgency,
      title: cause.title(r, m, village),
      description: `${cause.description}目标${target / 10_000}万元，募捐${days}天。`,
      township,
      contact: contactOf(r, requester),
      slots: [{ label: '募捐目标（元）', startsAt: null, endsAt: null, capacity: target }],
      startsAt: m.postedAt,
      endsAt: chinaInstant(m.day + days, 18),
      beneficiaries: r.int(cause.beneficiaries[0], cause.beneficiaries[1]),
      outcome: cause.outcome,
      cancelReason: r.pick(['家庭已获得政府专项救助', '当事人家属要求停止募捐']),
      step: 500,
    });
  },
};

/** The 4:30 homework bar at the township social-work stations (domain.md). */
const homework: Template = {
  name: 'homework',
  weight: (m) => (schoolHoliday(m) ? 0 : 1.3),
  build(r, m) {
    const requester = r.weighted<Slug>([
      ['gt', 4],
      ['bx', 1],
    ]);
    const township = requester === 'gt' ? townshipOf(r, [6, 2, 2]) : townshipOf(r);
    const monday = nextMonday(m.day);
    const days = r.sample([0, 1, 2, 3, 4], r.chance(0.6) ? 1 : 2).sort((a, b) => a - b);
    return story({
      requester,
      kind: RequestKind.TUTORING,
      category: AidCategory.EDUCATION,
      urgency: Urgency.NORMAL,
      title: '四点半课堂作业辅导老师',
      description: '下周放学后辅导留守儿童写作业、读课文，需要有耐心的志愿者，能辅导小学数学和语文更好。',
      township,
      address: `${township}社工站四点半课堂`,
      contact: contactOf(r, requester),
      slots: days.map((d) => shift(monday + d, 16.5, 18, r.int(2, 4))),
      beneficiaries: r.int(15, 45),
      outcome: r.pick([
        '孩子们按时完成作业，老师反映作业质量有提高。',
        '辅导顺利，家长群里反馈很好。',
        '完成辅导，约有一半孩子还参加了课外阅读。',
      ]),
      cancelReason: r.pick(['学校临时安排考试，课堂暂停一周', '社工站停电检修']),
    });
  },
};

/** The chess association's lessons (domain.md: "chess lessons given by the chess association to 100+ children"). */
const chess: Template = {
  name: 'chess',
  weight: (m) => (festivalHoliday(m) ? 0 : 0.6),
  build(r, m) {
    const township = townshipOf(r, [2, 2, 6]);
    const saturday = onOrAfter(m.day + 3, 6);
    const weeks = r.chance(0.7) ? 1 : 2;
    return story({
      requester: 'xq',
      kind: RequestKind.TUTORING,
      category: AidCategory.CHILD_CARE,
      urgency: r.chance(0.3) ? Urgency.LOW : Urgency.NORMAL,
      title: `${township}留守儿童象棋课助教`,
      description: '周六上午给留守儿童上象棋课，需要助教帮忙摆棋、看护和维持秩序，会下象棋更好。',
      township,
      address: `${township}中心小学活动室`,
      contact: contactOf(r, 'xq'),
      slots: Array.from({ length: weeks }, (_, i) => shift(saturday + 7 * i, 9, 11.5, r.int(2, 3))),
      beneficiaries: r.int(40, 120),
      outcome: r.pick(['课程顺利，孩子们学会了基本开局。', '本期象棋课结束，举行了小型比赛，孩子们很开心。']),
      cancelReason: '学校活动室另有安排',
    });
  },
};

/** Reading and the small cinema for left-behind children (domain.md). */
const weekendChildren: Template = {
  name: 'weekend-children',
  weight: (m) => (festivalHoliday(m) ? 0.2 : m.month === 7 || m.month === 8 ? 1 : 0.6),
  build(r, m) {
    const cinema = r.chance(0.5);
    const day = cinema ? onOrAfter(m.day + 2, 6) : onOrAfter(m.day + 2, 0);
    const township = townshipOf(r, [6, 2, 2]);
    return story({
      requester: 'gt',
      kind: RequestKind.MANPOWER,
      category: AidCategory.CHILD_CARE,
      urgency: Urgency.LOW,
      title: cinema ? '周末小影院放映与看护' : '周日绘本阅读陪伴',
      description: cinema
        ? '给留守儿童放一部儿童电影，需要志愿者负责放映、看护孩子和放映后的交流。'
        : '陪低年级留守儿童读绘本，每位志愿者带四五个孩子。',
      township,
      address: `${township}社工站`,
      contact: contactOf(r, 'gt'),
      slots: [cinema ? shift(day, 14, 16.5, r.int(2, 3)) : shift(day, 9.5, 11, r.int(2, 4))],
      beneficiaries: r.int(15, 40),
      outcome: r.pick(['孩子们都很投入，下次还想来。', '活动顺利，结束后孩子们由家长或社工接回。']),
      cancelReason: '场地临时被占用',
    });
  },
};

/** Day care in the summer holiday, when left-behind children have nowhere to go. */
const summerCare: Template = {
  name: 'summer-care',
  weight: (m) => (m.month === 7 || (m.month === 8 && dateOf(m.day).date < 25) ? 2.2 : m.month === 6 && dateOf(m.day).date > 20 ? 1 : 0),
  build(r, m) {
    const monday = nextMonday(m.day);
    const days = r.int(2, 3);
    const township = townshipOf(r, [5, 3, 3]);
    return story({
      requester: 'gt',
      kind: RequestKind.MANPOWER,
      category: AidCategory.CHILD_CARE,
      urgency: Urgency.NORMAL,
      title: '暑期留守儿童托管班看护志愿者',
      description: '暑假期间父母在外务工的孩子白天无人照看。托管班上午开放，需要志愿者看护、带做游戏和暑假作业。',
      township,
      address: `${township}社工站`,
      contact: contactOf(r, 'gt'),
      slots: Array.from({ length: days }, (_, i) => shift(monday + i, 8.5, 12, r.int(2, 3))),
      beneficiaries: r.int(30, 60),
      outcome: '一周托管顺利结束，没有发生安全问题。',
      cancelReason: '高温预警，托管班暂停',
    });
  },
};

const COURSES = ['苗族蜡染', '麦秆画', '宜宾燃面制作', '水产养殖', '家政服务', '电商直播带货', '茶树修剪与管理', '竹编'];

/** Courses given by volunteer teachers (domain.md: "a pool of volunteer teachers ... courses residents choose from a menu"). */
const training: Template = {
  name: 'training',
  weight: (m) => (festivalHoliday(m) ? 0 : m.month === 5 || m.month === 9 ? 0.5 : 0.9),
  build(r, m) {
    const course = r.pick(COURSES);
    const township = townshipOf(r, [3, 5, 3]);
    const weekday = r.int(1, 6);
    const first = onOrAfter(m.day + r.int(5, 14), weekday);
    const sessions = r.int(1, 2);
    const afternoon = r.chance(0.4);
    const people = r.chance(0.7) ? 1 : 2;
    const trainees = r.int(12, 40);
    const placed = r.int(0, Math.floor(trainees / 5));
    return story({
      requester: 'js',
      kind: RequestKind.TRAINING,
      category: AidCategory.SKILLS_TRAINING,
      urgency: Urgency.LOW,
      title: `${course}课程授课老师`,
      description: `为${township}的村民开设${course}课程，共${sessions}次课，需要${people === 1 ? '一位有经验的老师' : '一位老师和一位助教'}。`,
      township,
      address: `${township}文化站`,
      contact: contactOf(r, 'js'),
      slots: Array.from({ length: sessions }, (_, i) =>
        afternoon ? shift(first + 7 * i, 14, 17, people, `第${i + 1}次课 `) : shift(first + 7 * i, 9, 12, people, `第${i + 1}次课 `),
      ),
      beneficiaries: trainees,
      outcome: placed > 0 ? `课程全部完成，${trainees}名学员结业，其中${placed}人被推荐就业。` : `课程全部完成，${trainees}名学员结业。`,
      cancelReason: r.pick(['报名人数不足', '农忙，村民没有时间参加']),
    });
  },
};

/** Give-back duty: families who receive services take shifts at the stations (domain.md). */
const giveBack: Template = {
  name: 'give-back',
  weight: (m) => (festivalHoliday(m) ? 0 : 0.7),
  build(r, m) {
    const township = townshipOf(r, [6, 2, 2]);
    const monday = nextMonday(m.day);
    return story({
      requester: 'gt',
      kind: RequestKind.MANPOWER,
      category: AidCategory.COMMUNITY_SERVICE,
      urgency: Urgency.LOW,
      title: '阅览室回馈值日：清洁与秩序维护',
      description: '接受服务的家庭每户派一名成员轮流值日，整理阅览室、打扫卫生、维持秩序；下周二、周四人手不够，请各协会支援。',
      township,
      address: `${township}社工站阅览室`,
      contact: contactOf(r, 'gt'),
      slots: [1, 3].map((d) => shift(monday + d, 14, 17, 2)),
      beneficiaries: r.int(40, 80),
      outcome: '一周值日完成，阅览室整洁有序。',
      cancelReason: '阅览室装修，暂停开放',
    });
  },
};

/** Hands for the community: clean-ups, moving, festivals. */
const community: Template = {
  name: 'community',
  weight: (m) => (festivalHoliday(m) ? 0.3 : 0.8),
  build(r, m) {
    const township = townshipOf(r, [4, 4, 3]);
    const village = r.pick(PLACES[township].villages);
    const festival = m.month === 6 ? '端午节' : m.month === 9 ? '中秋节' : beforeFestival(m) ? '迎新春' : null;
    const variant = r.weighted([
      ['clean', 3],
      ['move', 1.5],
      ['festival', festival ? 3 : 0],
    ] as const);
    const saturday = onOrAfter(m.day + 3, 6);
    if (variant === 'move') {
      const day = m.day + r.int(2, 6);
      return story({
        requester: 'hz',
        kind: RequestKind.MANPOWER,
        category: AidCategory.COMMUNITY_SERVICE,
        urgency: Urgency.NORMAL,
        title: `${township}敬老院搬迁搬运志愿者`,
        description: '敬老院搬进新楼，需要青壮年志愿者帮忙搬运床铺、衣柜和老人的生活用品。',
        township,
        address: `${township}敬老院`,
        contact: contactOf(r, 'hz'),
        slots: [shift(day, 9, 12, r.int(4, 6))],
        beneficiaries: r.int(20, 45),
        outcome: '搬迁顺利完成，老人们住进了新房间。',
        cancelReason: '新楼验收推迟',
      });
    }
    if (variant === 'festival') {
      return story({
        requester: 'hz',
        kind: RequestKind.MANPOWER,
        category: AidCategory.COMMUNITY_SERVICE,
        urgency: Urgency.NORMAL,
        title: `${township}${festival ?? ''}游园活动志愿者`,
        description: '镇上举办节日游园活动，需要志愿者负责引导、秩序维护和照看老人孩子。',
        township,
        address: `${township}文化广场`,
        contact: contactOf(r, 'hz'),
        slots: [shift(saturday, 14, 18, r.int(6, 10))],
        beneficiaries: r.int(150, 400),
        outcome: '活动顺利，现场秩序良好，无人走失。',
        cancelReason: '天气原因，活动延期',
      });
    }
    return story({
      requester: 'hz',
      kind: RequestKind.MANPOWER,
      category: AidCategory.COMMUNITY_SERVICE,
      urgency: Urgency.LOW,
      title: `${village}环境整治志愿者`,
      description: '周六上午清理河道垃圾、修剪绿化带、张贴卫生宣传画，工具由村里提供。',
      township,
      address: `${village}村委会门口集合`,
      contact: contactOf(r, 'hz'),
      slots: [shift(saturday, 8.5, 11.5, r.int(6, 10))],
      beneficiaries: r.int(80, 300),
      outcome: '清理垃圾二十多袋，河道和路边干净了。',
      cancelReason: '天气原因，活动延期',
    });
  },
};

interface Goods {
  category: AidCategory;
  requester: Slug[];
  title: string;
  description: string;
  items: { label: string; range: [number, number] }[];
  step: number;
  beneficiaries: [number, number];
  weight: (m: Moment) => number;
  outcome: string;
}

const GOODS: Goods[] = [
  {
    category: AidCategory.POVERTY_RELIEF,
    requester: ['bx'],
    title: '困难家庭过冬棉被棉衣',
    description: '为山区困难家庭和独居老人募集新棉被和厚棉衣，统一送到各村。',
    items: [
      { label: '棉被（床）', range: [40, 100] },
      { label: '棉衣（件）', range: [30, 80] },
    ],
    step: 5,
    beneficiaries: [30, 90],
    weight: (m) => (m.month >= 11 || m.month <= 1 ? 3 : 0),
    outcome: '棉被棉衣已全部发放到户，每户签收登记。',
  },
  {
    category: AidCategory.SPECIAL_NEEDS,
    requester: ['hz', 'bx'],
    title: '春节慰问米油包',
    description: '春节前给独居老人和特困户送米、油和年货，每份一袋大米、一桶油。',
    items: [{ label: '米油包（份）', range: [80, 200] }],
    step: 10,
    beneficiaries: [80, 200],
    weight: (m) => (beforeFestival(m) ? 5 : 0),
    outcome: '米油包已在除夕前送到每户老人家中。',
  },
  {
    category: AidCategory.EDUCATION,
    requester: ['gt', 'bx'],
    title: '留守儿童新学期书包文具',
    description: '新学期开学前，为留守儿童准备书包、文具盒和作业本。',
    items: [{ label: '书包文具套装（套）', range: [60, 150] }],
    step: 10,
    beneficiaries: [60, 150],
    weight: (m) => (m.month === 8 || (m.month === 9 && dateOf(m.day).date < 10) || (m.festival > 0 && m.festival < 14) ? 3 : 0),
    outcome: '开学第一天，书包文具发到了每个孩子手中。',
  },
  {
    category: AidCategory.DISABILITY,
    requester: ['bx'],
    title: '轮椅和助行器',
    description: '为行动不便的残疾人和老人募集轮椅、助行器，旧的完好可用也欢迎。',
    items: [
      { label: '轮椅（辆）', range: [5, 15] },
      { label: '助行器（个）', range: [5, 15] },
    ],
    step: 1,
    beneficiaries: [8, 25],
    weight: (m) => (m.month === 5 ? 2 : 0.4),
    outcome: '轮椅和助行器已配送到户，并教会家属使用。',
  },
  {
    category: AidCategory.CHILD_CARE,
    requester: ['gt', 'xq'],
    title: '儿童图书角图书捐赠',
    description: '为村里的儿童图书角募集适合小学生阅读的图书，新书旧书都可以。',
    items: [{ label: '图书（册）', range: [100, 300] }],
    step: 10,
    beneficiaries: [40, 120],
    weight: () => 0.5,
    outcome: '图书已上架，孩子们放学后可以借阅。',
  },
  {
    category: AidCategory.SPECIAL_NEEDS,
    requester: ['hz'],
    title: '防汛应急物资：雨衣和手电筒',
    description: '汛期将至，为沿河村组的独居老人和防汛值守人员准备应急物资。',
    items: [
      { label: '雨衣（件）', range: [40, 100] },
      { label: '手电筒（个）', range: [40, 100] },
    ],
    step: 5,
    beneficiaries: [40, 100],
    weight: (m) => (m.month >= 5 && m.month <= 7 ? 2 : 0),
    outcome: '物资已发放到各村组，汛期结束后统一回收。',
  },
  {
    category: AidCategory.MEDICAL,
    requester: ['hz'],
    title: '卧床老人护理用品',
    description: '为长期卧床的失能老人募集成人纸尿裤和护理垫。',
    items: [{ label: '护理用品（包）', range: [100, 300] }],
    step: 10,
    beneficiaries: [20, 50],
    weight: () => 0.4,
    outcome: '护理用品已按月分发，可以用到下个季度。',
  },
];

/** Goods collected and handed out (ITEM slots). */
const supplies: Template = {
  name: 'supplies',
  weight: (m) => (festivalHoliday(m) ? 0.2 : 0.9),
  build(r, m) {
    const goods = r.weighted(GOODS.map((g) => [g, g.weight(m) + 0.01] as const));
    const requester = r.pick(goods.requester);
    const township = townshipOf(r);
    const days = r.int(7, 20);
    return story({
      requester,
      kind: RequestKind.SUPPLIES,
      category: goods.category,
      urgency: beforeFestival(m) ? Urgency.HIGH : Urgency.NORMAL,
      title: goods.title,
      description: `${goods.description}请在${days}天内送到${township}社工站。`,
      township,
      address: `${township}社工站`,
      contact: contactOf(r, requester),
      slots: goods.items.map((item) => ({
        label: item.label,
        startsAt: null,
        endsAt: null,
        capacity: r.int(item.range[0] / goods.step, item.range[1] / goods.step) * goods.step,
      })),
      startsAt: m.postedAt,
      endsAt: chinaInstant(m.day + days, 18),
      beneficiaries: r.int(goods.beneficiaries[0], goods.beneficiaries[1]),
      outcome: goods.outcome,
      cancelReason: '已由企业整批捐赠',
      step: goods.step,
    });
  },
};

/** Aid for people with disabilities: escorts to rehabilitation, the national day of helping the disabled (May). */
const disability: Template = {
  name: 'disability',
  weight: (m) => (m.month === 5 ? 1.5 : festivalHoliday(m) ? 0.1 : 0.6),
  build(r, m) {
    if (m.month === 5 && r.chance(0.6)) {
      const township = townshipOf(r);
      const day = onOrAfter(m.day + 2, 6);
      return story({
        requester: 'bx',
        kind: RequestKind.MANPOWER,
        category: AidCategory.DISABILITY,
        urgency: Urgency.NORMAL,
        title: '全国助残日入户慰问志愿者',
        description: '助残日前后走访重度残疾人家庭，送慰问品、了解康复和生活需求。',
        township,
        address: `${township}残联`,
        contact: contactOf(r, 'bx'),
        slots: [shift(day, 9, 12, r.int(6, 8))],
        beneficiaries: r.int(20, 40),
        outcome: '走访了二十多户残疾人家庭，需求已登记并转交残联。',
        cancelReason: '残联统一调整了活动时间',
      });
    }
    const weekday = r.pick([2, 4]);
    const first = onOrAfter(m.day + 2, weekday);
    const sessions = 2;
    return story({
      requester: 'bx',
      kind: RequestKind.MANPOWER,
      category: AidCategory.DISABILITY,
      urgency: Urgency.NORMAL,
      title: '陪同残疾人到县医院康复训练',
      description: '一位肢体残疾的中年人需要每周去县医院康复科训练，家人白天要干农活，需要志愿者陪同和推轮椅。',
      township: '巡场镇',
      address: '县人民医院康复科',
      contact: contactOf(r, 'bx'),
      slots: Array.from({ length: sessions }, (_, i) => shift(first + 7 * i, 9, 11.5, r.chance(0.6) ? 1 : 2)),
      beneficiaries: 1,
      outcome: '康复训练坚持下来了，已经可以扶着助行器走一段路。',
      cancelReason: '本人住院，训练暂停',
    });
  },
};

/** 助需: whoever else needs help: meals for elders living alone, heat-wave visits, flood watch, Double Ninth. */
const specialNeeds: Template = {
  name: 'special-needs',
  weight: (m) => (festivalHoliday(m) ? 0.4 : m.month >= 6 && m.month <= 8 ? 1.4 : m.month === 10 ? 1.3 : 0.8),
  build(r, m) {
    const requester = r.weighted<Slug>([
      ['hz', 3],
      ['bx', 2],
    ]);
    const township = townshipOf(r, [4, 4, 3]);
    const village = r.pick(PLACES[township].villages);
    const summer = m.month >= 6 && m.month <= 8;
    const variant = r.weighted([
      ['meals', 3],
      ['heat', summer ? 2 : 0],
      ['flood', summer ? 1.5 : 0],
      ['double-ninth', m.month === 10 ? 3 : 0],
    ] as const);
    const base = { requester, kind: RequestKind.MANPOWER, category: AidCategory.SPECIAL_NEEDS, township, contact: contactOf(r, requester) };
    if (variant === 'heat') {
      const day = m.day + r.int(1, 3);
      return story({
        ...base,
        urgency: Urgency.HIGH,
        title: '高温天气入户探访独居老人',
        description: `持续高温，分组到${village}独居老人家中查看降温条件、送清凉用品，发现问题及时报告。`,
        address: `${village}村委会`,
        slots: [shift(day, 8.5, 11.5, r.int(4, 6))],
        beneficiaries: r.int(20, 50),
        outcome: '探访了全部独居老人，两户的电扇坏了已换新。',
        cancelReason: '高温预警解除，改为电话探访',
      });
    }
    if (variant === 'flood') {
      // Tonight if there is time to answer, else tomorrow night.
      const first = chinaInstant(m.day, 20) - m.postedAt > 3 * HOUR_MS ? m.day : m.day + 1;
      const nights = 2;
      return story({
        ...base,
        urgency: Urgency.CRITICAL,
        title: `${village}汛期夜间巡查值守`,
        description: '连续强降雨，沿河低洼处需要夜间巡查值守，发现险情及时通知村里转移群众。',
        address: `${village}村委会`,
        slots: Array.from({ length: nights }, (_, i) => shift(first + i, 20, 30, r.int(3, 4), `第${i + 1}晚 `)),
        beneficiaries: r.int(60, 200),
        outcome: '值守期间水位平稳，没有发生险情。',
        cancelReason: '雨停了，水位回落',
      });
    }
    if (variant === 'double-ninth') {
      const day = m.day + r.int(2, 6);
      return story({
        ...base,
        urgency: Urgency.LOW,
        title: `${township}敬老院重阳节陪伴活动`,
        description: '重阳节到敬老院陪老人聊天、包饺子、表演节目，给老人理发。',
        address: `${township}敬老院`,
        slots: [shift(day, 14, 17, r.int(6, 10))],
        beneficiaries: r.int(30, 60),
        outcome: '老人们过了一个热闹的重阳节。',
        cancelReason: '敬老院流感防控，暂停探访',
      });
    }
    const monday = nextMonday(m.day);
    const days = r.int(2, 3);
    return story({
      ...base,
      urgency: Urgency.NORMAL,
      title: `${village}独居老人助餐送餐`,
      description: '村里的长者食堂每天中午做好饭菜，需要志愿者送到行动不便的独居老人家中。',
      address: `${village}长者食堂`,
      slots: Array.from({ length: days }, (_, i) => shift(monday + i, 10.5, 12.5, r.int(2, 3))),
      beneficiaries: r.int(10, 30),
      outcome: '一周送餐没有中断，老人们吃上了热饭菜。',
      cancelReason: '食堂设备维修，暂停一周',
    });
  },
};

/** Free clinics need volunteers to guide the crowd (medical aid by hands, not money). */
const clinic: Template = {
  name: 'clinic',
  weight: (m) => (festivalHoliday(m) ? 0 : 0.45),
  build(r, m) {
    const requester = r.weighted<Slug>([
      ['hz', 1],
      ['bx', 1],
    ]);
    const township = townshipOf(r, [2, 4, 4]);
    const saturday = onOrAfter(m.day + 5, 6);
    return story({
      requester,
      kind: RequestKind.MANPOWER,
      category: AidCategory.MEDICAL,
      urgency: Urgency.NORMAL,
      title: `${township}义诊活动现场引导`,
      description: '县医院专家到镇上义诊，需要志愿者负责排队引导、登记和扶助老人。',
      township,
      address: `${township}卫生院门口`,
      contact: contactOf(r, requester),
      slots: [shift(saturday, 8.5, 12, r.int(4, 8))],
      beneficiaries: r.int(80, 220),
      outcome: '义诊接待群众一百多人次，发现的慢病患者已转卫生院随访。',
      cancelReason: '专家临时有手术，义诊改期',
    });
  },
};

/** Home visits to families in hardship, above all before Spring Festival. */
const visits: Template = {
  name: 'visits',
  weight: (m) => (beforeFestival(m) ? 3 : festivalHoliday(m) ? 0 : 0.35),
  build(r, m) {
    const township = townshipOf(r);
    const day = m.day + r.int(2, 5);
    const festival = beforeFestival(m);
    return story({
      requester: 'bx',
      kind: RequestKind.MANPOWER,
      category: AidCategory.POVERTY_RELIEF,
      urgency: festival ? Urgency.HIGH : Urgency.NORMAL,
      title: festival ? `${township}春节前困难家庭入户慰问` : `${township}困难家庭入户走访`,
      description: festival
        ? '春节前分组走访低保户、特困户，送去慰问金和年货，登记家庭困难。'
        : '分组走访困难家庭，了解生活、就医和孩子上学的困难，登记后转交相关部门。',
      township,
      address: `${township}社工站集合`,
      contact: contactOf(r, 'bx'),
      slots: [r.chance(0.5) ? shift(day, 9, 12, r.int(4, 6)) : shift(day, 14, 17.5, r.int(4, 6))],
      beneficiaries: r.int(15, 50),
      outcome: '走访完成，困难情况已登记，其中几户已申请临时救助。',
      cancelReason: '天气原因，改期走访',
    });
  },
};

export const TEMPLATES: readonly Template[] = [
  guard,
  fundraising,
  homework,
  chess,
  weekendChildren,
  summerCare,
  training,
  giveBack,
  community,
  supplies,
  disability,
  specialNeeds,
  clinic,
  visits,
];

/** Requests posted on a day, on average: more in winter and before Spring Festival, fewer at weekends and in the festival week. */
export function postingsPerDay(day: number, base: number): number {
  const m = momentOf(chinaInstant(day, 12));
  const { weekday } = dateOf(day);
  const monthly = [1.3, 1.2, 0.9, 0.9, 1, 1, 1.2, 1.1, 1.1, 0.85, 1, 1.3][m.month - 1];
  const weekend = weekday === 0 || weekday === 6 ? 0.5 : 1;
  const festival = beforeFestival(m) ? 1.5 : festivalHoliday(m) ? 0.35 : 1;
  return base * monthly * weekend * festival;
}

/** A request of these days and the claims it has had so far. */
export interface Pinned {
  story: Posted;
  postedAt: number;
  claims: { slot: number; by: Slug; quantity: number; at: number }[];
}

/**
 * Open requests a new user finds, the same every time (the README's tour
 * starts from them): a week of night guards from tomorrow, partly staffed; a
 * fundraising drive, partly pledged; the 4:30 homework bar next week, full; a
 * give-back roster next week, one shift covered.
 */
export function todaysRequests(now: number): Pinned[] {
  const today = chinaDayOf(now);
  const ago = (hours: number) => now - Math.round(hours * HOUR_MS);
  // The night guards were posted this morning: three hours ago, or since midnight if it is earlier
  // (but at least ten minutes ago), so that today, and this month, has a request.
  const morning = Math.max(10 * MINUTE_MS, Math.min(3 * HOUR_MS, (now - chinaInstant(today, 0)) * 0.9));
  const thisMorning = (share: number) => now - Math.round(share * morning);
  const monday = nextMonday(today);
  return [
    {
      story: {
        requester: 'hz',
        kind: RequestKind.PATIENT_GUARD,
        category: AidCategory.MEDICAL,
        urgency: Urgency.CRITICAL,
        title: '县人民医院重症病人夜间陪护',
        description: '一位独居老人在县人民医院重症监护，家属在外地务工。需要每晚两人轮流陪护一周。',
        township: '巡场镇',
        address: '县人民医院住院部',
        contact: '赵敏 138-0000-0101（病房号请电话询问）',
        slots: Array.from({ length: 7 }, (_, i) => ({
          label: `第${i + 1}晚 20:00-08:00`,
          startsAt: chinaInstant(today + i + 1, 20),
          endsAt: chinaInstant(today + i + 2, 8),
          capacity: 2,
        })),
        startsAt: null,
        endsAt: null,
      },
      postedAt: thisMorning(1),
      claims: [
        { slot: 0, by: 'bx', quantity: 2, at: thisMorning(0.87) },
        { slot: 1, by: 'bx', quantity: 1, at: thisMorning(0.83) },
        { slot: 1, by: 'xq', quantity: 1, at: thisMorning(0.4) },
        { slot: 2, by: 'gt', quantity: 1, at: thisMorning(0.13) },
      ],
    },
    {
      story: {
        requester: 'bx',
        kind: RequestKind.FUNDRAISING,
        category: AidCategory.POVERTY_RELIEF,
        urgency: Urgency.HIGH,
        title: '上罗镇火灾受灾家庭联合募捐',
        description: '一户五口之家房屋失火，财物全毁。各协会联合募捐，目标五万元，用于临时住所和生活用品。',
        township: '上罗镇',
        address: null,
        contact: '王丽 138-0000-0102',
        slots: [{ label: '募捐目标（元）', startsAt: null, endsAt: null, capacity: 50_000 }],
        startsAt: null,
        endsAt: null,
      },
      postedAt: ago(46),
      claims: [
        { slot: 0, by: 'hz', quantity: 5_000, at: ago(44) },
        { slot: 0, by: 'xq', quantity: 2_000, at: ago(29) },
        { slot: 0, by: 'js', quantity: 3_000, at: ago(6) },
      ],
    },
    {
      story: {
        requester: 'gt',
        kind: RequestKind.TUTORING,
        category: AidCategory.EDUCATION,
        urgency: Urgency.NORMAL,
        title: '四点半课堂辅导老师',
        description: '下周工作日下午四点半到六点，留守儿童作业辅导，需要四名辅导志愿者。',
        township: '巡场镇',
        address: '巡场镇社工站四点半课堂',
        contact: '周芳 138-0000-0103',
        slots: [{ label: '下周一至周五 16:30-18:00', startsAt: null, endsAt: null, capacity: 4 }],
        startsAt: chinaInstant(monday, 16.5),
        endsAt: chinaInstant(monday + 4, 18),
      },
      postedAt: ago(26),
      claims: [
        { slot: 0, by: 'bx', quantity: 2, at: ago(22) },
        { slot: 0, by: 'xq', quantity: 2, at: ago(5) },
      ],
    },
    {
      story: {
        requester: 'gt',
        kind: RequestKind.MANPOWER,
        category: AidCategory.COMMUNITY_SERVICE,
        urgency: Urgency.LOW,
        title: '阅览室回馈值日：清洁与秩序维护',
        description: '接受服务的家庭每户派一名成员轮流值日，整理阅览室、打扫卫生、维持秩序；下周人手不够，请各协会支援。',
        township: '巡场镇',
        address: '巡场镇社工站阅览室',
        contact: '吴磊 138-0000-0113',
        slots: [0, 2, 4].map((d) => shift(monday + d, 14, 17, 2)),
        startsAt: null,
        endsAt: null,
      },
      postedAt: ago(20),
      claims: [{ slot: 0, by: 'hz', quantity: 2, at: ago(18) }],
    },
  ];
}

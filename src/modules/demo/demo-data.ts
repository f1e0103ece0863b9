/**
 * Demo data for a first look at the server: the associations and townships of
 * shared/design/domain.md, each with an owner and a coordinator. Every person,
 * e-mail address and phone number here is invented. Loaded once, under the
 * start-up lock; the marker in app_setting keeps it from loading twice.
 *
 * Everything goes through the services, with the SYSTEM actor (or the founding
 * user, for what only a user may do), so demo data obeys every rule and fills
 * the event log like real use.
 */
import { openDb, type Db } from '../../db/handle.js';
import type { Orm } from '../../db/orm.js';
import { SYSTEM } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { AidCategory, MemberRole, RequestKind, Urgency } from '../../shared/enums.js';
import { toGlobalId } from '../../shared/global-id.js';
import { mustExist } from '../../shared/must-exist.js';
import { query } from '../tables.js';
import { createUser } from '../identity/user.service.js';
import { addMember, createAssociation, verifyAssociation } from '../associations/association.service.js';
import { postHelpRequest, completeHelpRequest, type PostFields } from '../help-requests/help-request.service.js';
import { claim } from '../help-requests/claim.service.js';
import { slotsByRequest } from '../help-requests/help-request.loaders.js';

export const DEMO_PASSWORD = 'mutual-aid-demo';
const MARKER = 'demo_data_loaded';

interface DemoAssociation {
  slug: string;
  name: string;
  township: string;
  description: string;
  categories: AidCategory[];
  verified: boolean;
  owner: string;
  coordinator: string;
}

export const DEMO_ASSOCIATIONS: DemoAssociation[] = [
  {
    slug: 'bx',
    name: '僰乡义工协会',
    township: '巡场镇',
    description: '县里最大的义工队伍，助困、助学、助医、助残、助需。',
    categories: [AidCategory.POVERTY_RELIEF, AidCategory.EDUCATION, AidCategory.MEDICAL, AidCategory.DISABILITY, AidCategory.SPECIAL_NEEDS],
    verified: true,
    owner: '王丽',
    coordinator: '陈刚',
  },
  {
    slug: 'hz',
    name: '互助协会',
    township: '上罗镇',
    description: '邻里互助：陪护、搬运、应急。',
    categories: [AidCategory.MEDICAL, AidCategory.SPECIAL_NEEDS, AidCategory.COMMUNITY_SERVICE],
    verified: true,
    owner: '李强',
    coordinator: '赵敏',
  },
  {
    slug: 'gt',
    name: '珙童协会',
    township: '巡场镇',
    description: '关爱留守儿童：四点半课堂、阅读、电影。',
    categories: [AidCategory.CHILD_CARE, AidCategory.EDUCATION],
    verified: true,
    owner: '周芳',
    coordinator: '吴磊',
  },
  {
    slug: 'xq',
    name: '象棋协会',
    township: '孝儿镇',
    description: '给一百多名孩子上象棋课。',
    categories: [AidCategory.CHILD_CARE, AidCategory.EDUCATION],
    verified: true,
    owner: '郑伟',
    coordinator: '孙洁',
  },
  {
    slug: 'js',
    name: '乡村技能培训协会',
    township: '上罗镇',
    description: '农技、手工、非遗传承人授课：苗族蜡染、麦秆画、宜宾燃面。',
    categories: [AidCategory.SKILLS_TRAINING],
    verified: true,
    owner: '黄梅',
    coordinator: '马超',
  },
  {
    slug: 'ax',
    name: '爱心妈妈协会',
    township: '孝儿镇',
    description: '新成立，等待服务中心审核。',
    categories: [AidCategory.CHILD_CARE, AidCategory.COMMUNITY_SERVICE],
    verified: false,
    owner: '林静',
    coordinator: '何平',
  },
];

export const demoEmail = (slug: string, role: 'owner' | 'coordinator') => `${slug}.${role}@demo.example.org`;

/** Loads the demo data unless it was loaded before. Returns whether it loaded now. */
export async function loadDemoData(orm: Orm, clock: Clock): Promise<boolean> {
  const loaded = await loadDemoIdentities(openDb(orm), clock);
  if (loaded) await loadDemoRequests(openDb(orm), clock);
  return loaded;
}

/** The marker and every association with its people, in one transaction: all or nothing. */
async function loadDemoIdentities(db: Db, clock: Clock): Promise<boolean> {
  return db.em.transactional(async (em) => {
    const tx: Db = { em, loaderScope: {} };
    const marked = await query(em)
      .insertInto('app_setting')
      .values({ key: MARKER, value: 'true', createdAt: clock() })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!marked) return false;
    for (const demo of DEMO_ASSOCIATIONS) {
      const person = (role: 'owner' | 'coordinator', displayName: string) =>
        createUser(tx, SYSTEM, { email: demoEmail(demo.slug, role), password: DEMO_PASSWORD, displayName }, clock);
      const owner = await person('owner', demo.owner);
      await person('coordinator', demo.coordinator);
      const founder = { kind: 'user', userId: owner.id, isAdmin: false } as const;
      const { description, categories, township, name } = demo;
      const association = await createAssociation(tx, founder, { name, township, description, categories }, clock);
      const associationId = toGlobalId('Association', association.id);
      await addMember(tx, founder, { associationId, email: demoEmail(demo.slug, 'coordinator'), role: MemberRole.COORDINATOR }, clock);
      if (demo.verified) await verifyAssociation(tx, SYSTEM, associationId);
    }
    return true;
  });
}

/** Whether the database holds anything yet (a first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const user = await query(db.em).selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return user === undefined;
}

/** A time `days` from today at `hour`:00 in China (UTC+8), where the demo county is. */
function chinaTime(days: number, hour: number): Date {
  const now = new Date();
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days);
  return new Date(day + (hour - 8) * 3600_000);
}

interface DemoRequest {
  by: string;
  input: Omit<PostFields, 'associationId'>;
  /** Claims as [slot index, association slug, quantity]. */
  claims: [number, string, number][];
  complete?: { beneficiaries: number; outcome: string };
}

const DEMO_REQUESTS: DemoRequest[] = [
  {
    by: 'hz',
    input: {
      kind: RequestKind.PATIENT_GUARD,
      category: AidCategory.MEDICAL,
      title: '县人民医院重症病人夜间陪护',
      description: '一位独居老人在县人民医院重症监护，家属在外地务工。需要每晚两人轮流陪护一周。',
      address: '县人民医院住院部',
      contact: '赵敏 138-0000-0101（病房号请电话询问）',
      urgency: Urgency.CRITICAL,
      slots: Array.from({ length: 7 }, (_, i) => ({
        label: `第${i + 1}晚 20:00-08:00`,
        startsAt: chinaTime(i + 1, 20),
        endsAt: chinaTime(i + 2, 8),
        capacity: 2,
      })),
    },
    claims: [
      [0, 'bx', 2],
      [1, 'bx', 1],
      [1, 'xq', 1],
      [2, 'gt', 1],
    ],
  },
  {
    by: 'bx',
    input: {
      kind: RequestKind.FUNDRAISING,
      category: AidCategory.POVERTY_RELIEF,
      title: '上罗镇火灾受灾家庭联合募捐',
      description: '一户五口之家房屋失火，财物全毁。各协会联合募捐，目标五万元，用于临时住所和生活用品。',
      contact: '王丽 138-0000-0102',
      urgency: Urgency.HIGH,
      township: '上罗镇',
      slots: [{ label: '募捐目标（元）', capacity: 50_000 }],
    },
    claims: [
      [0, 'hz', 5_000],
      [0, 'xq', 2_000],
      [0, 'js', 3_000],
    ],
  },
  {
    by: 'gt',
    input: {
      kind: RequestKind.TUTORING,
      category: AidCategory.EDUCATION,
      title: '四点半课堂辅导老师',
      description: '下周工作日下午四点半到六点，留守儿童作业辅导，需要四名辅导志愿者。',
      address: '巡场镇社工站四点半课堂',
      contact: '周芳 138-0000-0103',
      startsAt: chinaTime(7, 16),
      endsAt: chinaTime(11, 18),
      slots: [{ label: '下周一至周五 16:30-18:00', capacity: 4 }],
    },
    claims: [
      [0, 'bx', 2],
      [0, 'xq', 2],
    ],
  },
  {
    by: 'js',
    input: {
      kind: RequestKind.TRAINING,
      category: AidCategory.SKILLS_TRAINING,
      title: '苗族蜡染技艺课程授课老师',
      description: '为二十多名妇女开设苗族蜡染入门课程，共三次课，需要一位有经验的老师。',
      address: '上罗镇文化站',
      contact: '黄梅 138-0000-0104',
      startsAt: chinaTime(-10, 9),
      endsAt: chinaTime(-8, 17),
      slots: [{ label: '授课老师（三次课）', capacity: 1 }],
    },
    claims: [[0, 'hz', 1]],
    complete: { beneficiaries: 24, outcome: '三次课全部完成，24名学员结业，其中5人被推荐就业。' },
  },
  {
    by: 'gt',
    input: {
      kind: RequestKind.MANPOWER,
      category: AidCategory.COMMUNITY_SERVICE,
      title: '阅览室回馈值日：清洁与秩序维护',
      description: '接受服务的家庭每户派一名成员轮流值日，整理阅览室、打扫卫生、维持秩序。',
      address: '巡场镇社工站阅览室',
      // Past shifts: claimed while they were ahead, so the slots carry no times here.
      startsAt: chinaTime(-6, 14),
      endsAt: chinaTime(-2, 17),
      slots: ['周一', '周三', '周五'].map((day) => ({ label: `上周${day} 14:00-17:00`, capacity: 2 })),
    },
    claims: [
      [0, 'hz', 2],
      [1, 'bx', 1],
      [2, 'xq', 2],
    ],
    complete: { beneficiaries: 60, outcome: '三次值日完成，阅览室整洁有序，服务约六十名儿童。' },
  },
];

/**
 * Realistic requests, posted, claimed and completed through the services with
 * the SYSTEM actor (who may act for any association), so that demo data obeys
 * every rule and fills the event log like real use.
 */
async function loadDemoRequests(db: Db, clock: Clock): Promise<void> {
  const associations = await query(db.em).selectFrom('association').select(['id', 'name']).execute();
  const ids = new Map(associations.map((a) => [a.name, a.id]));
  const idOf = (slug: string) => {
    const demo = mustExist(
      DEMO_ASSOCIATIONS.find((a) => a.slug === slug),
      slug,
    );
    return toGlobalId('Association', mustExist(ids.get(demo.name), demo.name));
  };
  for (const demo of DEMO_REQUESTS) {
    const requestId = await postHelpRequest(db, SYSTEM, { ...demo.input, associationId: idOf(demo.by) }, clock);
    const slots = await slotsByRequest(db).load(requestId);
    for (const [slot, slug, quantity] of demo.claims) {
      await claim(db, SYSTEM, { slotId: toGlobalId('Slot', slots[slot].id), associationId: idOf(slug), quantity }, clock);
    }
    if (demo.complete) {
      const { beneficiaries, outcome } = demo.complete;
      await completeHelpRequest(db, SYSTEM, { id: toGlobalId('HelpRequest', requestId), beneficiaries, outcome }, clock);
    }
  }
}

/**
 * Demo data for a first look at the server: the associations and townships of
 * shared/design/domain.md, each with an owner and a coordinator, and a year of
 * their history up to the moment of loading (demo-history.ts), which leaves
 * requests open to be claimed. Every person, e-mail address and phone number
 * here is invented. Loaded once, under the start-up lock; the marker in
 * app_setting keeps it from loading twice.
 *
 * Everything goes through the services, with the SYSTEM actor (or the founding
 * user, for what only a user may do), so demo data obeys every rule and fills
 * the event log like real use. Deterministic: the same clock gives the same
 * data (ids aside).
 */
import type { ForkOptions } from '@mikro-orm/core';
import type { Db } from '../../db/handle.js';
import type { Orm } from '../../db/orm.js';
import { SYSTEM } from '../../shared/actor.js';
import { fixedClock, type Clock } from '../../shared/clock.js';
import { AidCategory, MemberRole } from '../../shared/enums.js';
import { toGlobalId } from '../../shared/global-id.js';
import { mustExist } from '../../shared/must-exist.js';
import { query } from '../tables.js';
import { createUser } from '../identity/user.service.js';
import { addMember, createAssociation, verifyAssociation } from '../associations/association.service.js';
import { associationsJoined, loadDemoHistory, newcomerJoined } from './demo-history.js';
import type { Slug } from './demo-stories.js';

export const DEMO_PASSWORD = 'mutual-aid-demo';
const MARKER = 'demo_data_loaded';

interface DemoAssociation {
  slug: Slug;
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

/**
 * Loads the demo data unless it was loaded before. Returns whether it loaded
 * now. `clock` is read once: the history ends at that instant. All or nothing:
 * the marker, the people and the year commit together (inOneTransaction), so a
 * load that fails or is interrupted leaves no trace and the next start loads
 * again.
 */
export async function loadDemoData(orm: Orm, clock: Clock): Promise<boolean> {
  const now = clock();
  return inOneTransaction(orm, async (open) => {
    if (!(await mark(open(), now))) return false;
    await loadDemoIdentities(open(), now);
    const associations = await demoAssociationIds(open());
    const verified = DEMO_ASSOCIATIONS.filter((demo) => demo.verified).map((demo) => demo.slug);
    await loadDemoHistory(open(), now, associations, verified);
    return true;
  });
}

/**
 * Runs `work` in one transaction, with a fresh Db (its own loaders) per
 * operation from `open`, in which every service's own transaction becomes a
 * savepoint. The services open theirs with `db.em.transactional` or, for
 * requests, `db.em.fork().transactional`; a plain fork has no transaction, so
 * the Db's EntityManager makes its forks keep the enclosing one. Reads through
 * `db.em` (loaders, `query(db.em)`) run in it too and see what earlier steps
 * wrote. Nothing else changes: the same statements, locks and checks, the
 * event log's positions taken under its lock (held to this one COMMIT, so its
 * commit order holds); what is saved is a COMMIT, and its wait for the disk,
 * per step: thousands of them, most of the load's time.
 */
async function inOneTransaction<T>(orm: Orm, work: (open: () => Db) => Promise<T>): Promise<T> {
  return orm.em.fork().transactional(async (em) => {
    const shared = new Proxy(em, {
      get(target, property): unknown {
        if (property === 'fork') {
          return (options?: ForkOptions) => target.fork({ ...options, keepTransactionContext: true, disableTransactions: true });
        }
        const value: unknown = Reflect.get(target, property, target);
        // Its methods run on the EntityManager itself: they read its private fields.
        return typeof value === 'function' ? (...args: unknown[]): unknown => Reflect.apply(value, target, args) : value;
      },
    });
    return work(() => ({ em: shared, loaderScope: {} }));
  });
}

/** Sets the marker; false if it was set before (loaded already). */
async function mark(db: Db, now: Date): Promise<boolean> {
  const marked = await query(db.em)
    .insertInto('app_setting')
    .values({ key: MARKER, value: 'true', createdAt: now })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return marked !== undefined;
}

/**
 * Every association with its people. The verified associations joined a few
 * weeks before their history starts, the one awaiting review last week: their
 * people with them.
 */
async function loadDemoIdentities(db: Db, now: Date): Promise<void> {
  for (const demo of DEMO_ASSOCIATIONS) {
    const clock = fixedClock(demo.verified ? associationsJoined(now) : newcomerJoined(now));
    const person = (role: 'owner' | 'coordinator', displayName: string) =>
      createUser(db, SYSTEM, { email: demoEmail(demo.slug, role), password: DEMO_PASSWORD, displayName }, clock);
    const owner = await person('owner', demo.owner);
    await person('coordinator', demo.coordinator);
    const founder = { kind: 'user', userId: owner.id, isAdmin: false } as const;
    const { description, categories, township, name } = demo;
    const association = await createAssociation(db, founder, { name, township, description, categories }, clock);
    const associationId = toGlobalId('Association', association.id);
    await addMember(db, founder, { associationId, email: demoEmail(demo.slug, 'coordinator'), role: MemberRole.COORDINATOR }, clock);
    if (demo.verified) await verifyAssociation(db, SYSTEM, associationId);
  }
}

/** The global ids of the demo associations, by slug, in the order of DEMO_ASSOCIATIONS. */
async function demoAssociationIds(db: Db): Promise<Map<Slug, string>> {
  const rows = await query(db.em).selectFrom('association').select(['id', 'name']).execute();
  const byName = new Map(rows.map((row) => [row.name, row.id]));
  return new Map(DEMO_ASSOCIATIONS.map((demo) => [demo.slug, toGlobalId('Association', mustExist(byName.get(demo.name), demo.name))]));
}

/** Whether the database holds anything yet (a first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const user = await query(db.em).selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return user === undefined;
}

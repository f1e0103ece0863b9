/**
 * Demo data for a first look at the server: the associations and townships of
 * shared/design/domain.md, each with an owner and a coordinator. Every person,
 * e-mail address and phone number here is invented. Loaded once, under the
 * start-up lock; the marker in app_setting keeps it from loading twice.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AidCategory, MemberRole } from '../shared/enums.js';
import { createUser } from '../modules/identity/user.service.js';
import { Association } from '../modules/associations/association.entity.js';
import { Membership } from '../modules/associations/membership.entity.js';
import { row } from './sql.js';

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
export async function loadDemoData(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tem) => {
    const claimed = await row<{ key: string }>(tem, `INSERT INTO app_setting (key, value) VALUES (?, 'true') ON CONFLICT DO NOTHING RETURNING key`, [MARKER]);
    if (!claimed) return false;
    for (const demo of DEMO_ASSOCIATIONS) {
      const owner = await createUser(tem, { email: demoEmail(demo.slug, 'owner'), password: DEMO_PASSWORD, displayName: demo.owner }, false);
      const coordinator = await createUser(tem, { email: demoEmail(demo.slug, 'coordinator'), password: DEMO_PASSWORD, displayName: demo.coordinator }, false);
      const association = tem.create(Association, {
        name: demo.name,
        township: demo.township,
        description: demo.description,
        categories: demo.categories,
        verified: demo.verified,
      });
      await tem.flush();
      tem.create(Membership, { associationId: association.id, userId: owner.id, role: MemberRole.OWNER });
      tem.create(Membership, { associationId: association.id, userId: coordinator.id, role: MemberRole.COORDINATOR });
      await tem.flush();
    }
    return true;
  });
}

/** Whether the database holds anything yet (a first start). */
export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await row<{ n: number }>(em, `SELECT count(*)::int AS n FROM app_user`))!.n === 0;
}

/**
 * `npm run generate -- --requests 50000 [--seed 1] [--append] [--end YYYY-MM-DD]`:
 * fills DATABASE_URL (or the embedded database under DATA_DIR) with a realistic
 * volume of invented data, to measure the dashboards on (bench/RESULTS.md).
 *
 * - About 120 verified associations in eight townships (no users: statistics
 *   need no owners), then N help requests posted over the three years before
 *   --end (default: today in STATS_TIME_ZONE), more of them recently, with
 *   their slots and claims from other associations.
 * - Set-based SQL only (generate_series, INSERT ... SELECT), in one
 *   transaction: everything or nothing is inserted. This bulk loader is the one
 *   place where SQL is written as text outside src/db/raw.ts: temporary
 *   functions and tables over generate_series are not what a query builder is
 *   for, and it runs on a plain pg client, never beside the services. The
 *   demo data (demo-data.ts), by contrast, goes through the services.
 * - Deterministic: every choice is a hash of (seed, row number, column), never
 *   random(); ids are md5 hashes as uuids (of the seed, the row number and the
 *   number of requests already there, so --append never reuses one). The same
 *   seed, N and --end on the same database state give the same rows.
 * - Consistent with every constraint and invariant of the schema: unit by kind,
 *   closedAt iff closed, FILLED only when full, slot and request `claimed` the
 *   sums of ACTIVE and FULFILLED quantities, `activeClaims` the count of ACTIVE
 *   claims, one ACTIVE claim per (slot, association), never a claim on one's own
 *   request, filledAt when a request filled. OPEN and FILLED requests end in
 *   the future, so the expiry job does not rewrite them at once.
 * - The event log stays empty: generated requests have no history (their
 *   version counts the events they would have had).
 * - Refuses a database that already has help requests, unless --append.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError, loadConfig } from '../../config.js';
import { createLogger } from '../../shared/logger.js';
import { runCli } from '../../shared/cli.js';
import { messageOf } from '../../shared/errors.js';
import { openDatabase } from '../../db/database.js';
import { migrate, withStartupLock } from '../../db/startup.js';

const USAGE = 'usage: npm run generate -- [--requests N] [--seed S] [--append] [--end YYYY-MM-DD]';

interface Options {
  requests: number;
  seed: number;
  append: boolean;
  end: string | null;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        requests: { type: 'string', default: '50000' },
        seed: { type: 'string', default: '1' },
        append: { type: 'boolean', default: false },
        end: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new ConfigError('arguments', `${messageOf(error).split('\n')[0]} (${USAGE})`);
  }
  const int = (name: string, raw: string, min: number, max: number) => {
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
      throw new ConfigError(`--${name}`, `must be an integer from ${min} to ${max}, got '${raw}'`);
    return Number(raw);
  };
  const end = values.end ?? null;
  if (end !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(end) || Number.isNaN(Date.parse(end)))) {
    throw new ConfigError('--end', `must be a date YYYY-MM-DD, got '${end}'`);
  }
  return {
    requests: int('requests', values.requests, 1, 5_000_000),
    seed: int('seed', values.seed, 0, 2_147_483_647),
    append: values.append,
    end,
  };
}

/** Townships of the county, with how many generated associations each has (120 in all). */
const TOWNSHIPS: [string, number][] = [
  ['巡场镇', 30],
  ['上罗镇', 18],
  ['孝儿镇', 18],
  ['底洞镇', 12],
  ['洛表镇', 12],
  ['珙泉镇', 10],
  ['王家镇', 10],
  ['下罗镇', 10],
];

/** Association name stems (township prefix + stem: unique per township), their categories and what they do. */
const STEMS: [string, string[], string][] = [
  [
    '义工协会',
    ['POVERTY_RELIEF', 'EDUCATION', 'MEDICAL', 'DISABILITY', 'SPECIAL_NEEDS'],
    '助困、助学、助医、助残、助需，镇上人数最多的义工队伍。',
  ],
  ['互助协会', ['MEDICAL', 'SPECIAL_NEEDS', 'COMMUNITY_SERVICE'], '邻里互助：陪护、搬运、应急。'],
  ['关爱留守儿童协会', ['CHILD_CARE', 'EDUCATION'], '四点半课堂、阅读陪伴、节假日探访留守儿童。'],
  ['志愿者服务队', ['COMMUNITY_SERVICE', 'SPECIAL_NEEDS'], '赶集日秩序维护、环境整治、应急帮工。'],
  ['青年志愿者协会', ['COMMUNITY_SERVICE', 'EDUCATION'], '返乡大学生和青年职工组成，周末活动为主。'],
  ['巾帼志愿服务队', ['CHILD_CARE', 'COMMUNITY_SERVICE'], '妇女志愿者：关爱儿童、邻里调解、敬老服务。'],
  ['助残协会', ['DISABILITY'], '帮助残疾人就医、办证、就业和家庭改造。'],
  ['助学会', ['EDUCATION', 'POVERTY_RELIEF'], '资助困难学生，联系爱心企业结对助学。'],
  ['老年协会', ['COMMUNITY_SERVICE', 'MEDICAL'], '低龄老人帮高龄老人：探访、陪诊、代购。'],
  ['红十字志愿服务队', ['MEDICAL'], '急救培训、无偿献血宣传、义诊协助。'],
  ['应急救援队', ['SPECIAL_NEEDS', 'COMMUNITY_SERVICE'], '山洪、滑坡、火灾后的搜救、转移和清淤。'],
  ['医护志愿者协会', ['MEDICAL'], '退休医生护士组成，负责重症病人陪护排班。'],
  ['技能培训协会', ['SKILLS_TRAINING'], '农技、手工、电商技能培训，非遗传承人授课。'],
  ['象棋协会', ['CHILD_CARE', 'EDUCATION'], '给孩子们上象棋课，每周两次。'],
  ['书画协会', ['EDUCATION', 'CHILD_CARE'], '书法、国画公益课，送春联下乡。'],
  ['读书会', ['EDUCATION'], '乡村图书角、亲子共读、读书分享会。'],
  ['乡贤会', ['POVERTY_RELIEF', 'EDUCATION'], '在外乡贤牵头，联系捐资助学和困难帮扶。'],
  ['爱心妈妈协会', ['CHILD_CARE'], '爱心妈妈与留守儿童结对，定期探访。'],
  ['慈善会', ['POVERTY_RELIEF', 'MEDICAL'], '大病救助、困难家庭临时救助。'],
  ['退役军人志愿服务队', ['SPECIAL_NEEDS', 'COMMUNITY_SERVICE'], '应急抢险、护学岗、交通疏导。'],
  ['农技协会', ['SKILLS_TRAINING', 'POVERTY_RELIEF'], '果树嫁接、病虫害防治、养殖技术下田间。'],
  ['苗族文化协会', ['SKILLS_TRAINING', 'COMMUNITY_SERVICE'], '苗族蜡染、刺绣、芦笙传承。'],
  ['爱心车队', ['SPECIAL_NEEDS', 'MEDICAL'], '出租车和私家车司机：送病人、送考生、运物资。'],
  ['四点半课堂志愿队', ['CHILD_CARE', 'EDUCATION'], '放学后作业辅导和兴趣课。'],
  ['环保志愿者协会', ['COMMUNITY_SERVICE'], '河道清理、垃圾分类宣传、植树。'],
  ['心理援助协会', ['SPECIAL_NEEDS', 'MEDICAL'], '心理咨询师志愿者，灾后和重病家庭心理疏导。'],
  ['助老服务队', ['COMMUNITY_SERVICE', 'SPECIAL_NEEDS'], '独居老人探访、理发、打扫。'],
  ['体育协会', ['CHILD_CARE', 'COMMUNITY_SERVICE'], '乡村篮球、留守儿童体育课。'],
  ['摄影协会', ['COMMUNITY_SERVICE'], '为老人拍免费照片，记录志愿活动。'],
  ['商会爱心联盟', ['POVERTY_RELIEF', 'EDUCATION'], '本地商户联合捐资捐物。'],
];

/** (kind, category, weight, titles, description): the joint distribution of what is asked for. */
const ASKS: [string, string, number, string[], string][] = [
  [
    'MANPOWER',
    'COMMUNITY_SERVICE',
    12,
    ['周六社区环境整治志愿者', '赶集日交通疏导志愿者', '敬老院周末打扫', '河道垃圾清理'],
    '需要志愿者协助，请自带手套，中午提供盒饭。',
  ],
  [
    'MANPOWER',
    'POVERTY_RELIEF',
    5,
    ['困难户房屋修缮帮工', '帮困难户抢收玉米', '为独居老人搬家'],
    '困难家庭缺劳力，需要志愿者帮工，有力气即可。',
  ],
  [
    'MANPOWER',
    'SPECIAL_NEEDS',
    6,
    ['暴雨后清淤帮扶', '火灾受灾户临时安置搬运', '山体滑坡受灾户转移协助'],
    '受灾家庭急需人手，请穿胶鞋，注意安全。',
  ],
  [
    'MANPOWER',
    'DISABILITY',
    3,
    ['残疾人家庭院坝硬化帮工', '陪同残疾人办理证件', '助残日活动志愿者'],
    '需要志愿者陪同和帮工，活动结束后统一返回。',
  ],
  ['MANPOWER', 'MEDICAL', 2, ['义诊活动现场志愿者', '无偿献血活动引导志愿者'], '协助现场排队引导和登记。'],
  [
    'PATIENT_GUARD',
    'MEDICAL',
    11,
    ['县人民医院重症病人夜间陪护', '县中医医院术后老人陪护', '乡镇卫生院病人夜间陪护'],
    '病人家属在外地务工，需要每晚轮流陪护。',
  ],
  ['PATIENT_GUARD', 'DISABILITY', 2, ['重度残疾人住院陪护'], '病人行动不便，需要志愿者夜间陪护，协助翻身。'],
  ['PATIENT_GUARD', 'SPECIAL_NEEDS', 1, ['独居老人住院陪护'], '老人独居，住院期间无人照顾。'],
  [
    'FUNDRAISING',
    'POVERTY_RELIEF',
    5,
    ['火灾受灾家庭联合募捐', '困难家庭过冬联合募捐', '特困户危房改造募捐'],
    '各协会联合募捐，款项用于临时住所和生活用品，账目公开。',
  ],
  [
    'FUNDRAISING',
    'MEDICAL',
    4,
    ['白血病患儿治疗费募捐', '重症患者医疗费联合募捐'],
    '家庭已无力承担后续治疗费用，恳请各协会援手，账目公开。',
  ],
  ['FUNDRAISING', 'EDUCATION', 2, ['困难学生学费募捐', '乡村小学图书角募捐'], '用于困难学生学费和学习用品，账目公开。'],
  ['FUNDRAISING', 'SPECIAL_NEEDS', 1, ['意外受伤家庭应急募捐'], '家中主要劳动力意外受伤，急需应急资金。'],
  [
    'TUTORING',
    'EDUCATION',
    8,
    ['初三学生周末数学辅导', '小学生暑期作业辅导', '高考英语义务辅导'],
    '需要有耐心的志愿者老师，每次一个半小时。',
  ],
  ['TUTORING', 'CHILD_CARE', 8, ['留守儿童四点半课堂', '留守儿童象棋课', '留守儿童阅读陪伴'], '放学后陪伴留守儿童，辅导作业或上兴趣课。'],
  [
    'TRAINING',
    'SKILLS_TRAINING',
    6,
    ['苗族蜡染技能培训', '麦秆画手工培训', '电商直播技能培训', '果树嫁接技术培训'],
    '需要老师授课一天，学员为本镇村民。',
  ],
  ['TRAINING', 'EDUCATION', 1, ['家长课堂讲师', '防溺水安全教育讲师'], '需要讲师给家长和孩子讲一堂课。'],
  ['TRAINING', 'DISABILITY', 1, ['残疾人手工编织培训'], '为残疾人开设手工编织课，帮助居家就业。'],
  ['SUPPLIES', 'POVERTY_RELIEF', 7, ['困难户过冬棉被', '困难家庭大米和食用油'], '为困难家庭筹集物资，物资统一登记发放。'],
  ['SUPPLIES', 'CHILD_CARE', 5, ['留守儿童冬衣', '留守儿童书包文具'], '为留守儿童筹集物资，请按尺码登记。'],
  ['SUPPLIES', 'EDUCATION', 4, ['乡村小学课外读物', '困难学生学习用品'], '为乡村学校筹集图书和文具。'],
  ['SUPPLIES', 'DISABILITY', 2, ['残疾人轮椅和拐杖'], '为行动不便的残疾人筹集辅具。'],
  ['SUPPLIES', 'COMMUNITY_SERVICE', 2, ['社区活动室桌椅'], '社区活动室缺桌椅，旧的也可以。'],
  ['SUPPLIES', 'SPECIAL_NEEDS', 2, ['受灾户应急物资'], '受灾家庭急需饮用水、方便食品和被褥。'],
];

const PEOPLE = [
  '王丽',
  '陈刚',
  '李强',
  '赵敏',
  '周芳',
  '吴磊',
  '郑伟',
  '孙洁',
  '黄梅',
  '马超',
  '刘洋',
  '杨帆',
  '张静',
  '何平',
  '罗娟',
  '邓兵',
];
const ITEMS = ['大米（袋）', '食用油（桶）', '棉被（床）', '冬衣（件）', '书包（个）', '课外书（本）', '文具（套）'];

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: string[]) => `ARRAY[${values.map(lit).join(', ')}]::text[]`;
const valuesList = (rows: (string | number)[][]) => rows.map((row) => `(${row.join(', ')})`).join(',\n');

/** The statements, in order; each after the first runs in the same transaction. */
function statements(seed: number): string[] {
  return [
    // Uniform [0, 1) from (row, column) and the seed; pick() chooses one of an array.
    `CREATE FUNCTION pg_temp.u(k bigint, col text) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT (hashtext(k::text || ':${seed}:' || col)::bigint & 2147483647) / 2147483648.0::float8 $$`,
    `CREATE FUNCTION pg_temp.pick(k bigint, col text, choices text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT choices[1 + floor(pg_temp.u(k, col) * cardinality(choices))::int] $$`,

    `CREATE TEMP TABLE gen_candidate ON COMMIT DROP AS
     WITH township(t, township, associations) AS (VALUES ${valuesList(TOWNSHIPS.map(([name, n], t) => [t, lit(name), n]))}),
          stem(s, stem, categories, description) AS (VALUES ${valuesList(STEMS.map(([stem, categories, description], s) => [s, lit(stem), textArray(categories), lit(description)]))})
     SELECT md5('generate:association:' || township.township || ':' || stem.stem)::uuid AS id,
            replace(township.township, '镇', '') || stem.stem AS name, township.township, stem.categories,
            township.township || '：' || stem.description AS description, township.t, j
       FROM township CROSS JOIN LATERAL generate_series(0, township.associations - 1) j
       JOIN stem ON stem.s = (j + township.t * 7) % ${STEMS.length}`,
    `INSERT INTO association (id, name, township, description, categories, verified, created_at, name_key, search_text)
     SELECT c.id, c.name, c.township, c.description, c.categories, true,
            p.anchor - interval '3 years' - (30 + c.j * 11 + c.t * 3) * interval '1 day',
            lower(normalize(c.name, NFKC)), lower(normalize(c.name || E'\\n' || c.description, NFKC))
       FROM gen_candidate c, gen_param p
     ON CONFLICT DO NOTHING`,
    // The generated associations present (a name taken by another id is skipped), in an order of activity:
    // low n post and help the most.
    `CREATE TEMP TABLE gen_assoc ON COMMIT DROP AS
     SELECT row_number() OVER (ORDER BY hashtext(a.id::text || ':${seed}'), a.id)::int AS n, a.id, a.township
       FROM association a JOIN gen_candidate c USING (id)`,

    `CREATE TEMP TABLE gen_ask ON COMMIT DROP AS
     WITH ask(kind, category, weight, titles, description) AS (VALUES ${valuesList(
       ASKS.map(([kind, category, weight, titles, description]) => [lit(kind), lit(category), weight, textArray(titles), lit(description)]),
     )})
     SELECT kind, category, titles, description,
            CASE kind WHEN 'FUNDRAISING' THEN 'YUAN' WHEN 'SUPPLIES' THEN 'ITEM' ELSE 'PERSON' END AS unit,
            (sum(weight) OVER (ORDER BY kind, category) - weight)::float8 / sum(weight) OVER () AS lo,
            sum(weight) OVER (ORDER BY kind, category)::float8 / sum(weight) OVER () AS hi
       FROM ask`,

    // Requests: when, who, what, how many slots, and the times those slots give.
    `CREATE TEMP TABLE gen_request_base ON COMMIT DROP AS
     WITH counts AS (SELECT count(*)::int AS associations FROM gen_assoc),
     r0 AS (
       SELECT p.base + i AS k, p.anchor, p.anchor - interval '3 years' AS since, counts.associations
         FROM gen_param p, counts, generate_series(1, p.n) i
     ),
     r1 AS (
       SELECT r0.*,
              -- posting grows over the years (density rises linearly, threefold), between 08:00 and 22:00
              since + floor((anchor::date - since::date) * (sqrt(1 + 8 * pg_temp.u(k, 'day')) - 1) / 2) * interval '1 day'
                    + interval '8 hours' + round(pg_temp.u(k, 'time') * 50400) * interval '1 second' AS posted_at,
              1 + floor(associations * power(pg_temp.u(k, 'requester'), 1.7))::int AS requester_n,
              1 + floor(10 * power(pg_temp.u(k, 'lead'), 2))::int AS lead_days,
              pg_temp.u(k, 'ask') AS u_ask
         FROM r0
     ),
     r2 AS (
       SELECT r1.*, a.kind, a.category, a.unit, a.titles, a.description,
              CASE a.kind
                WHEN 'FUNDRAISING' THEN 1
                WHEN 'PATIENT_GUARD' THEN 1 + floor(7 * pg_temp.u(k, 'slots'))::int
                WHEN 'MANPOWER' THEN 1 + floor(3 * power(pg_temp.u(k, 'slots'), 1.5))::int
                WHEN 'TUTORING' THEN 1 + floor(6 * power(pg_temp.u(k, 'slots'), 2))::int
                WHEN 'TRAINING' THEN 1 + floor(2 * pg_temp.u(k, 'slots'))::int
                ELSE 1 + floor(3 * pg_temp.u(k, 'slots'))::int
              END AS slots,
              -- shifts: first start, spacing, length (null: the slots carry no times)
              CASE a.kind WHEN 'PATIENT_GUARD' THEN interval '20 hours' WHEN 'MANPOWER' THEN interval '8 hours 30 minutes'
                          WHEN 'TUTORING' THEN interval '16 hours 30 minutes' WHEN 'TRAINING' THEN interval '9 hours' END AS shift_start,
              CASE a.kind WHEN 'PATIENT_GUARD' THEN interval '1 day' WHEN 'MANPOWER' THEN interval '1 day'
                          WHEN 'TUTORING' THEN interval '7 days' WHEN 'TRAINING' THEN interval '7 days' END AS shift_step,
              CASE a.kind WHEN 'PATIENT_GUARD' THEN interval '12 hours' WHEN 'MANPOWER' THEN interval '3 hours 30 minutes'
                          WHEN 'TUTORING' THEN interval '90 minutes' WHEN 'TRAINING' THEN interval '8 hours' END AS shift_length
         FROM r1 JOIN gen_ask a ON r1.u_ask >= a.lo AND r1.u_ask < a.hi
     )
     SELECT r2.*,
            date_trunc('day', posted_at) + lead_days * interval '1 day' + shift_start AS starts_at,
            CASE WHEN shift_start IS NULL THEN posted_at + (7 + floor(24 * pg_temp.u(k, 'deadline'))) * interval '1 day'
                 ELSE date_trunc('day', posted_at) + lead_days * interval '1 day' + shift_start + (slots - 1) * shift_step + shift_length
            END AS ends_at
       FROM r2`,

    // Status follows the end: past requests were completed, expired or cancelled; running ones are
    // OPEN or FILLED (those ending within two days FILLED, so the expiry job leaves them alone).
    `CREATE TEMP TABLE gen_request ON COMMIT DROP AS
     WITH r3 AS (
       SELECT r.*, req.id AS requester_id, req.township AS requester_township, pg_temp.u(k, 'status') AS u_status,
              CASE WHEN r.ends_at <= r.anchor THEN
                     CASE WHEN pg_temp.u(k, 'status') < 0.07 THEN 'CANCELLED' WHEN pg_temp.u(k, 'status') < 0.16 THEN 'EXPIRED' ELSE 'COMPLETED' END
                   WHEN r.ends_at <= r.anchor + interval '2 days' THEN
                     CASE WHEN pg_temp.u(k, 'status') < 0.10 THEN 'CANCELLED' ELSE 'FILLED' END
                   ELSE CASE WHEN pg_temp.u(k, 'status') < 0.08 THEN 'CANCELLED' WHEN pg_temp.u(k, 'status') < 0.40 THEN 'FILLED' ELSE 'OPEN' END
              END AS status
         FROM gen_request_base r JOIN gen_assoc req ON req.n = r.requester_n
     ),
     r4 AS (
       SELECT r3.*,
              CASE status
                WHEN 'COMPLETED' THEN least(ends_at + pg_temp.u(k, 'closed') * interval '3 days', anchor)
                WHEN 'EXPIRED' THEN least(ends_at + pg_temp.u(k, 'closed') * interval '60 seconds', anchor)
                WHEN 'CANCELLED' THEN posted_at + (least(ends_at, anchor) - posted_at) * (0.2 + 0.7 * pg_temp.u(k, 'closed'))
              END AS closed_at
         FROM r3
     )
     SELECT md5('generate:${seed}:' || (SELECT base FROM gen_param) || ':request:' || k)::uuid AS id, r4.*,
            least(coalesce(starts_at, ends_at), closed_at, anchor) AS claims_until,
            status = 'COMPLETED' AND pg_temp.u(k, 'full') < 0.72 AS is_full,
            status = 'CANCELLED' AND pg_temp.u(k, 'had claims') < 0.6 AS had_claims,
            CASE WHEN pg_temp.u(k, 'where') < 0.02 THEN NULL
                 WHEN pg_temp.u(k, 'where') < 0.88 THEN requester_township
                 ELSE pg_temp.pick(k, 'township', ${textArray(TOWNSHIPS.map(([name]) => name))}) END AS township,
            CASE WHEN kind = 'PATIENT_GUARD' THEN 'CRITICAL'
                 WHEN pg_temp.u(k, 'urgency') < 0.15 THEN 'LOW' WHEN pg_temp.u(k, 'urgency') < 0.65 THEN 'NORMAL'
                 WHEN pg_temp.u(k, 'urgency') < 0.92 THEN 'HIGH' ELSE 'CRITICAL' END AS urgency,
            pg_temp.pick(k, 'title', titles) AS title,
            CASE WHEN status = 'CANCELLED' THEN
              pg_temp.pick(k, 'cancel reason', ${textArray(['家属已自行安排', '活动因天气取消', '需求已由民政部门解决', '病人已转院'])}) END AS cancel_reason
       FROM r4`,

    // Slots: capacity by kind; how much is committed (ACTIVE or FULFILLED) follows the status;
    // for a cancelled request, what was committed before (now DECLINED). g: granularity (yuan in hundreds).
    `CREATE TEMP TABLE gen_slot ON COMMIT DROP AS
     WITH s0 AS (
       SELECT r.k, r.id AS request_id, r.status, r.unit, r.kind, r.requester_n, r.is_full, r.had_claims, pos,
              md5('generate:${seed}:' || (SELECT base FROM gen_param) || ':slot:' || r.k || ':' || pos)::uuid AS id,
              CASE WHEN r.unit = 'YUAN' THEN 100 ELSE 1 END AS g,
              CASE r.kind
                WHEN 'PATIENT_GUARD' THEN CASE WHEN pg_temp.u(r.k, pos || ':cap') < 0.75 THEN 2 ELSE 1 END
                WHEN 'MANPOWER' THEN 2 + floor(9 * power(pg_temp.u(r.k, pos || ':cap'), 1.5))::int
                WHEN 'TUTORING' THEN 1 + floor(3 * power(pg_temp.u(r.k, pos || ':cap'), 2))::int
                WHEN 'TRAINING' THEN 1 + floor(2 * power(pg_temp.u(r.k, pos || ':cap'), 3))::int
                WHEN 'SUPPLIES' THEN 5 * (1 + floor(20 * power(pg_temp.u(r.k, pos || ':cap'), 2)))::int
                ELSE 1000 * (2 + floor(48 * power(pg_temp.u(r.k, pos || ':cap'), 2)))::int
              END AS capacity,
              CASE r.kind
                WHEN 'PATIENT_GUARD' THEN '第' || (pos + 1) || '晚 20:00-08:00'
                WHEN 'MANPOWER' THEN '第' || (pos + 1) || '天 08:30-12:00'
                WHEN 'TUTORING' THEN '第' || (pos + 1) || '次课 16:30-18:00'
                WHEN 'TRAINING' THEN '第' || (pos + 1) || '期 09:00-17:00'
                WHEN 'SUPPLIES' THEN (${textArray(ITEMS)})[1 + (floor(pg_temp.u(r.k, 'items') * ${ITEMS.length})::int + pos) % ${ITEMS.length}]
                ELSE '募捐目标（元）'
              END AS label,
              r.starts_at + pos * r.shift_step AS slot_starts_at,
              r.starts_at + pos * r.shift_step + r.shift_length AS slot_ends_at
         FROM gen_request r CROSS JOIN LATERAL generate_series(0, r.slots - 1) pos
     ),
     s1 AS (
       SELECT s0.*,
              CASE status
                WHEN 'FILLED' THEN capacity
                WHEN 'COMPLETED' THEN CASE WHEN is_full THEN capacity ELSE g * ceil(capacity / g * (0.2 + 0.8 * pg_temp.u(k, pos || ':committed')))::int END
                WHEN 'OPEN' THEN g * floor(capacity / g * pg_temp.u(k, pos || ':committed'))::int
                ELSE 0
              END AS committed,
              CASE WHEN had_claims THEN g * floor(capacity / g * pg_temp.u(k, pos || ':committed'))::int ELSE 0 END AS declined
         FROM s0
     )
     SELECT s1.*, (SELECT count(*)::int FROM gen_assoc) AS associations,
            CASE WHEN committed + declined = 0 THEN 0
                 ELSE least((committed + declined) / g,
                            CASE WHEN unit = 'YUAN' THEN 1 + floor(5 * power(pg_temp.u(k, pos || ':claims'), 1.3))::int
                                 WHEN pg_temp.u(k, pos || ':claims') < 0.78 THEN 1 WHEN pg_temp.u(k, pos || ':claims') < 0.95 THEN 2 ELSE 3 END)
            END AS claims,
            CASE WHEN pg_temp.u(k, pos || ':ended') < 0.10 THEN 1 ELSE 0 END AS ended
       FROM s1`,

    // Claims: the committed amount split among 1-5 associations (ACTIVE, FULFILLED, or DECLINED by a
    // cancellation), plus sometimes one claim withdrawn or declined on the way. Helpers are distinct
    // per slot, never the requester, and some associations help much more than others.
    `CREATE TEMP TABLE gen_claim ON COMMIT DROP AS
     WITH c0 AS (
       SELECT s.id AS slot_id, s.request_id, s.k, s.pos, s.capacity, s.g, s.claims, s.committed + s.declined AS amount, j,
              j < s.claims AS committing,
              1 + pg_temp.u(s.k, s.pos || ':' || j || ':weight') AS weight,
              1 + ((floor((s.associations - 1) * power(pg_temp.u(s.k, s.pos || ':helper'), 1.8))::int + j) % (s.associations - 1)) AS x,
              s.requester_n
         FROM gen_slot s CROSS JOIN LATERAL generate_series(0, s.claims + s.ended - 1) j
     ),
     c1 AS (
       SELECT c0.*,
              CASE WHEN committing AND j < claims - 1
                   THEN g * (1 + floor((amount / g - claims) * weight / sum(weight) FILTER (WHERE committing) OVER (PARTITION BY slot_id)))::int
              END AS share
         FROM c0
     ),
     c2 AS (
       SELECT c1.*,
              CASE WHEN committing THEN coalesce(share, amount - coalesce(sum(share) OVER (PARTITION BY slot_id), 0))
                   ELSE g * (1 + floor(capacity / g * 0.5 * pg_temp.u(k, pos || ':' || j || ':quantity')))::int
              END AS quantity
         FROM c1
     )
     SELECT md5('generate:${seed}:' || (SELECT base FROM gen_param) || ':claim:' || c2.k || ':' || c2.pos || ':' || c2.j)::uuid AS id,
            c2.slot_id, c2.request_id, helper.id AS association_id, c2.quantity,
            CASE WHEN NOT committing THEN CASE WHEN pg_temp.u(c2.k, c2.pos || ':' || c2.j || ':how') < 0.65 THEN 'WITHDRAWN' ELSE 'DECLINED' END
                 WHEN r.status IN ('OPEN', 'FILLED') THEN 'ACTIVE'
                 WHEN r.status = 'COMPLETED' THEN 'FULFILLED'
                 ELSE 'DECLINED' END AS status,
            committing,
            r.posted_at + (r.claims_until - r.posted_at) * (0.01 + 0.9 * power(pg_temp.u(c2.k, c2.pos || ':' || c2.j || ':when'), 2)) AS claimed_at,
            c2.k, c2.pos, c2.j, r.status AS request_status, r.closed_at, r.anchor
       FROM c2
       JOIN gen_assoc helper ON helper.n = c2.x + (c2.x >= c2.requester_n)::int
       JOIN gen_request r ON r.id = c2.request_id`,

    `CREATE TEMP TABLE gen_totals ON COMMIT DROP AS
     SELECT s.request_id, s.capacity, s.claimed, coalesce(c.active_claims, 0) AS active_claims, c.committed_until,
            coalesce(c.claims, 0) AS claims, coalesce(c.ended, 0) AS ended
       FROM (SELECT request_id, sum(capacity)::int AS capacity, sum(committed)::int AS claimed FROM gen_slot GROUP BY request_id) s
       LEFT JOIN (SELECT request_id, count(*) FILTER (WHERE status = 'ACTIVE')::int AS active_claims,
                         max(claimed_at) FILTER (WHERE committing) AS committed_until,
                         count(*)::int AS claims, count(*) FILTER (WHERE NOT committing)::int AS ended
                    FROM gen_claim GROUP BY request_id) c USING (request_id)`,
  ];
}

/** Inserts, in the order rows would have been written (physical order follows time, as in real use). */
const INSERTS = [
  `INSERT INTO help_request (id, requester_id, kind, category, unit, title, description, township, address, contact, urgency,
                             status, starts_at, ends_at, capacity, claimed, active_claims, posted_at, filled_at, closed_at,
                             beneficiaries, outcome, cancel_reason, version, search_text)
   SELECT r.id, r.requester_id, r.kind, r.category, r.unit, r.title, r.description, r.township,
          CASE r.kind WHEN 'PATIENT_GUARD' THEN pg_temp.pick(r.k, 'address', ${textArray(['县人民医院住院部', '县中医医院住院部', '乡镇卫生院'])})
                      WHEN 'MANPOWER' THEN coalesce(r.township, '') || '集镇'
                      WHEN 'TUTORING' THEN coalesce(r.township, '') || '中心小学'
                      WHEN 'TRAINING' THEN coalesce(r.township, '') || '文化站' END,
          pg_temp.pick(r.k, 'contact', ${textArray(PEOPLE)}) || ' 138-0000-' || lpad((r.k % 10000)::text, 4, '0'),
          r.urgency, r.status,
          r.starts_at, r.ends_at,
          t.capacity, t.claimed, CASE WHEN r.status IN ('OPEN', 'FILLED') THEN t.active_claims ELSE 0 END,
          r.posted_at,
          CASE WHEN r.status IN ('FILLED', 'COMPLETED') AND t.claimed = t.capacity THEN t.committed_until END,
          r.closed_at,
          CASE WHEN r.status = 'COMPLETED' THEN
            CASE r.kind WHEN 'PATIENT_GUARD' THEN 1
                        WHEN 'FUNDRAISING' THEN 1 + floor(6 * pg_temp.u(r.k, 'served'))::int
                        WHEN 'TUTORING' THEN 5 + floor(36 * pg_temp.u(r.k, 'served'))::int
                        WHEN 'TRAINING' THEN 8 + floor(43 * pg_temp.u(r.k, 'served'))::int
                        WHEN 'MANPOWER' THEN 10 + floor(190 * power(pg_temp.u(r.k, 'served'), 2))::int
                        ELSE 3 + floor(118 * pg_temp.u(r.k, 'served'))::int END END,
          CASE WHEN r.status = 'COMPLETED' AND pg_temp.u(r.k, 'outcome') < 0.7 THEN
            pg_temp.pick(r.k, 'outcome text', ${textArray(['顺利完成，感谢各协会。', '已全部落实，照片已发群里。', '提前完成，家属非常感谢。', '完成，账目已公示。'])}) END,
          r.cancel_reason,
          1 + t.claims + t.ended + (r.status IN ('FILLED', 'COMPLETED') AND t.claimed = t.capacity)::int + (r.closed_at IS NOT NULL)::int,
          lower(normalize(r.title || E'\\n' || r.description, NFKC))
     FROM gen_request r JOIN gen_totals t ON t.request_id = r.id
    ORDER BY r.posted_at, r.id`,
  `INSERT INTO slot (id, request_id, position, label, starts_at, ends_at, capacity, claimed)
   SELECT s.id, s.request_id, s.pos, s.label, s.slot_starts_at, s.slot_ends_at, s.capacity, s.committed
     FROM gen_slot s JOIN gen_request r ON r.id = s.request_id
    ORDER BY r.posted_at, r.id, s.pos`,
  `INSERT INTO claim (id, slot_id, request_id, association_id, quantity, status, note, claimed_at, ended_at, end_reason)
   SELECT c.id, c.slot_id, c.request_id, c.association_id, c.quantity, c.status,
          CASE WHEN pg_temp.u(c.k, c.pos || ':' || c.j || ':note') < 0.15 THEN
            pg_temp.pick(c.k, c.pos || ':' || c.j || ':note text', ${textArray(['我们有车，可以顺路带人', '两人都有陪护经验', '会后开票据', '下午才能到'])}) END,
          c.claimed_at,
          CASE WHEN c.status = 'ACTIVE' THEN NULL
               WHEN c.committing THEN c.closed_at
               ELSE c.claimed_at + (coalesce(c.closed_at, c.anchor) - c.claimed_at) * (0.1 + 0.8 * pg_temp.u(c.k, c.pos || ':' || c.j || ':ended')) END,
          CASE WHEN c.committing AND c.status = 'DECLINED' THEN r.cancel_reason
               WHEN NOT c.committing AND c.status = 'WITHDRAWN' THEN
                 pg_temp.pick(c.k, c.pos || ':' || c.j || ':reason', ${textArray(['临时有事，无法参加', '人手不够了', '车辆故障'])})
               WHEN NOT c.committing THEN pg_temp.pick(c.k, c.pos || ':' || c.j || ':reason', ${textArray(['已有其他协会承担', '数量与需求不符'])}) END
     FROM gen_claim c
     JOIN gen_request r ON r.id = c.request_id
    ORDER BY c.claimed_at, c.id`,
];

interface Inserted {
  anchor: string;
  associations: number;
  associationsPresent: number;
  requests: number;
  slots: number;
  claims: number;
  byStatus: Record<string, number>;
  claimsByStatus: Record<string, number>;
}

async function generate(url: string, options: Options, timeZone: string): Promise<Inserted> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('TimeZone', $1, true), set_config('work_mem', '64MB', true)`, [timeZone]);
    // Writers wait for us (readers do not), so the check below holds until commit.
    await client.query('LOCK TABLE help_request IN EXCLUSIVE MODE');
    const existing = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM help_request')).rows[0].n);
    if (existing > 0 && !options.append) {
      throw new ConfigError('arguments', `the database already has ${existing} help requests; add --append to generate more`);
    }
    await client.query(
      `CREATE TEMP TABLE gen_param ON COMMIT DROP AS
       SELECT $1::bigint AS base, $2::int AS n, coalesce($3::date, current_date)::timestamptz AS anchor`,
      [existing, options.requests, options.end],
    );
    const run = async (sql: string) => (await client.query(sql)).rowCount ?? 0;
    const [functionU, functionPick, candidates, associationInsert, present, ...rest] = statements(options.seed);
    await run(functionU);
    await run(functionPick);
    await run(candidates);
    const associations = await run(associationInsert);
    const associationsPresent = await run(present);
    if (associationsPresent < 10) throw new Error(`only ${associationsPresent} generated associations could be inserted (names taken?)`);
    for (const sql of rest) await run(sql);
    const [requests, slots, claims] = [await run(INSERTS[0]), await run(INSERTS[1]), await run(INSERTS[2])];
    const tally = async (sql: string) =>
      Object.fromEntries((await client.query<{ status: string; n: number }>(sql)).rows.map((row) => [row.status, row.n]));
    const byStatus = await tally(`SELECT status, count(*)::int AS n FROM gen_request GROUP BY status ORDER BY 2 DESC`);
    const claimsByStatus = await tally(`SELECT status, count(*)::int AS n FROM gen_claim GROUP BY status ORDER BY 2 DESC`);
    const anchor = (await client.query<{ anchor: string }>(`SELECT to_char(anchor, 'YYYY-MM-DD') AS anchor FROM gen_param`)).rows[0].anchor;
    await client.query('COMMIT');
    // Fresh statistics and visibility map, as autovacuum would leave them, so that the first
    // queries on the data are planned and run as they would be on a live database.
    await client.query('VACUUM (ANALYZE) association, help_request, slot, claim');
    return { anchor, associations, associationsPresent, requests, slots, claims, byStatus, claimsByStatus };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

await runCli(async () => {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  // Only migrates through the ORM: the data goes in through its own pg client.
  const db = await openDatabase(config, log, { entities: [], shareRunning: true });
  try {
    await withStartupLock(db.url, () => migrate(db.orm, log));
    const started = performance.now();
    const inserted = await generate(db.url, options, config.statsTimeZone);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const list = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ');
    process.stdout.write(
      [
        `generated with seed ${options.seed}, posted over the 3 years before ${inserted.anchor} (${config.statsTimeZone}; --end ${inserted.anchor} repeats it):`,
        `  associations: ${inserted.associations} inserted (${inserted.associationsPresent} generated ones in use)`,
        `  help requests: ${inserted.requests} (${list(inserted.byStatus)})`,
        `  slots: ${inserted.slots}`,
        `  claims: ${inserted.claims} (${list(inserted.claimsByStatus)})`,
        `  request events: none (generated requests have no history)`,
        `in ${seconds} s`,
      ].join('\n') + '\n',
    );
  } finally {
    await db.close();
  }
});

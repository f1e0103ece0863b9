/**
 * A dashboard's figures: the county's stats for this month (a calendar month
 * in Asia/Shanghai, as the server counts them), printed as tables with Chinese
 * and English labels. Stats are public: no login needed.
 *
 *   npm run example:dashboard                     # this month
 *   npm run example:dashboard -- --month 2026-11  # another one
 */
import { parseArgs } from 'node:util';
import { connect, shanghaiDate } from './client.ts';
import { CountyStatsDocument, type AidCategory } from './generated/graphql.ts';

const { values: options } = parseArgs({ options: { month: { type: 'string', default: shanghaiDate(new Date()).slice(0, 7) } } });
const { month } = options;
if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
  console.error(`--month ${month}: expected a month as YYYY-MM, e.g. 2026-11`);
  process.exit(2);
}
const [year, monthNumber] = month.split('-').map(Number);
// [from, to) with the county's offset: the 1st of the month to the 1st of the next (Date.UTC rolls December over).
const nextMonth = new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 7);
const api = connect();
const { stats } = await api.query(CountyStatsDocument, { from: `${month}-01T00:00:00+08:00`, to: `${nextMonth}-01T00:00:00+08:00` });
await api.close();

const CATEGORIES: Record<AidCategory, string> = {
  POVERTY_RELIEF: '助困 poverty relief',
  EDUCATION: '助学 education',
  MEDICAL: '助医 medical',
  DISABILITY: '助残 disability',
  SPECIAL_NEEDS: '助需 special needs',
  CHILD_CARE: '关爱儿童 child care',
  SKILLS_TRAINING: '技能培训 skills training',
  COMMUNITY_SERVICE: '社区服务 community service',
};
const percent = (rate: number | null | undefined) => (rate == null ? '-' : `${(rate * 100).toFixed(1)}%`);
const hours = (seconds: number | null | undefined) => (seconds == null ? '-' : (seconds / 3600).toFixed(1));

console.log(`${month} 本月概况 this month`);
console.table({
  '发布求助 requests posted': stats.requestsPosted,
  '曾满员 requests filled': stats.requestsFilled,
  '已完成 requests completed': stats.requestsCompleted,
  '满员率 fill rate': percent(stats.fillRate),
  '满员用时中位数（小时） median hours to fill': hours(stats.medianTimeToFillSeconds),
  '承诺人次 volunteers committed': stats.volunteersCommitted,
  '认捐（元） yuan pledged': stats.amountPledged,
  '受益人数 beneficiaries': stats.beneficiaries,
  '活跃协会 active associations': stats.activeAssociations,
  '服务时长（小时） volunteer hours': stats.volunteerHours,
  '服务志愿者 volunteers served': stats.volunteersServed,
  '缺勤率 no-show rate': percent(stats.noShowRate),
});

const breakdown = (rows: { requestsPosted: number; requestsCompleted: number; beneficiaries: number; volunteerHours: number }[]) =>
  rows.map((row) => ({
    '发布 posted': row.requestsPosted,
    '完成 completed': row.requestsCompleted,
    '受益 beneficiaries': row.beneficiaries,
    '时长 hours': row.volunteerHours,
  }));

// Every category is listed, zeros included: only those with something to show are printed.
const categories = stats.byCategory.filter((row) => row.requestsPosted > 0 || row.volunteerHours > 0);
console.log('按类别 by category');
console.table(Object.fromEntries(breakdown(categories).map((row, i) => [CATEGORIES[categories[i].category], row])));

console.log('按乡镇 by township');
console.table(Object.fromEntries(breakdown(stats.byTownship).map((row, i) => [stats.byTownship[i].township, row])));

console.log('互助排行 top helpers');
console.table(
  stats.topHelpers.map((helper) => ({
    '协会 association': helper.association.name,
    '认领 claims': helper.claimsMade,
    '人次 volunteers': helper.volunteersCommitted,
    '认捐 yuan': helper.amountPledged,
  })),
);

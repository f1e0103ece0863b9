/**
 * Words on the dashboard: simplified Chinese first (the county is in Sichuan),
 * English second. Enum values of the API get both; an unknown value (a newer
 * server) shows as itself rather than breaking the page.
 */

export interface Label {
  zh: string;
  en: string;
}

export const CATEGORY: Record<string, Label> = {
  POVERTY_RELIEF: { zh: '助困', en: 'Poverty relief' },
  EDUCATION: { zh: '助学', en: 'Education' },
  MEDICAL: { zh: '助医', en: 'Medical' },
  DISABILITY: { zh: '助残', en: 'Disability' },
  SPECIAL_NEEDS: { zh: '助需', en: 'Urgent needs' },
  CHILD_CARE: { zh: '关爱儿童', en: 'Child care' },
  SKILLS_TRAINING: { zh: '技能培训', en: 'Skills training' },
  COMMUNITY_SERVICE: { zh: '社区服务', en: 'Community service' },
};

export const KIND: Record<string, Label> = {
  MANPOWER: { zh: '人力支援', en: 'Manpower' },
  PATIENT_GUARD: { zh: '病人陪护', en: 'Patient guard' },
  FUNDRAISING: { zh: '联合募捐', en: 'Fundraising' },
  TUTORING: { zh: '课业辅导', en: 'Tutoring' },
  TRAINING: { zh: '技能培训', en: 'Training' },
  SUPPLIES: { zh: '物资', en: 'Supplies' },
};

export const UNIT: Record<string, Label> = {
  PERSON: { zh: '人', en: 'people' },
  YUAN: { zh: '元', en: 'yuan' },
  ITEM: { zh: '件', en: 'items' },
};

/** Event types: the ten original ones and the newer ones the ticker asks for by name. */
export const EVENT_TYPE: Record<string, Label> = {
  POSTED: { zh: '发布求助', en: 'Posted' },
  UPDATED: { zh: '更新', en: 'Updated' },
  CLAIMED: { zh: '认领', en: 'Claimed' },
  CLAIM_WITHDRAWN: { zh: '撤回认领', en: 'Claim withdrawn' },
  CLAIM_DECLINED: { zh: '谢绝认领', en: 'Claim declined' },
  FILLED: { zh: '已满员', en: 'Filled' },
  REOPENED: { zh: '重新开放', en: 'Reopened' },
  COMPLETED: { zh: '已完成', en: 'Completed' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
  EXPIRED: { zh: '已过期', en: 'Expired' },
  VOLUNTEER_ASSIGNED: { zh: '安排志愿者', en: 'Volunteer assigned' },
  VOLUNTEER_UNASSIGNED: { zh: '取消安排', en: 'Volunteer unassigned' },
  ATTENDANCE_RECORDED: { zh: '签到签退', en: 'Attendance recorded' },
  HANDOFF_OFFERED: { zh: '提议转交', en: 'Hand-off offered' },
  HANDOFF_ACCEPTED: { zh: '接受转交', en: 'Hand-off accepted' },
  HANDOFF_DECLINED: { zh: '谢绝转交', en: 'Hand-off declined' },
  HANDOFF_LAPSED: { zh: '转交失效', en: 'Hand-off lapsed' },
};

/** The types the ticker subscribes to (absent `types` would mean the original ten only). */
export const TICKER_EVENT_TYPES = Object.keys(EVENT_TYPE);

/** How an event type is coloured in the ticker. */
export function eventTone(type: string): 'good' | 'bad' | 'info' {
  if (['CLAIMED', 'FILLED', 'COMPLETED', 'VOLUNTEER_ASSIGNED', 'HANDOFF_ACCEPTED', 'ATTENDANCE_RECORDED'].includes(type)) return 'good';
  if (['CLAIM_WITHDRAWN', 'CLAIM_DECLINED', 'CANCELLED', 'EXPIRED', 'HANDOFF_DECLINED', 'HANDOFF_LAPSED'].includes(type)) return 'bad';
  return 'info';
}

export function labelOf(table: Record<string, Label>, value: string): Label {
  return table[value] ?? { zh: value, en: value };
}

export interface Period {
  value: PeriodKey;
  zh: string;
  en: string;
}

export type PeriodKey = 'this-month' | 'last-month' | 'last-12-months' | 'this-year';

export const PERIODS: Period[] = [
  { value: 'this-month', zh: '本月', en: 'This month' },
  { value: 'last-month', zh: '上月', en: 'Last month' },
  { value: 'last-12-months', zh: '近12个月', en: 'Last 12 months' },
  { value: 'this-year', zh: '今年', en: 'This year' },
];

export function isPeriodKey(value: string | null): value is PeriodKey {
  return PERIODS.some((period) => period.value === value);
}

/** Numbers as the county writes them: 12,345; money as ¥12,345. */
export const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
export const yuanFormat = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
export const percentFormat = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

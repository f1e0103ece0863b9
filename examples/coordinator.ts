/**
 * A coordinator's week of night guards, from posting to attendance:
 *
 *   1. 赵敏, coordinator of 互助协会, posts a week of night-guard shifts for a
 *      patient: one request whose shifts come from a recurrence (every night
 *      for 7 nights, 20:00-08:00 in Asia/Shanghai, 2 people a night);
 *   2. she watches it fill over the live feed while 僰乡义工协会 and 象棋协会
 *      claim the shifts (their coordinators are played by this script too, so
 *      that it runs on its own);
 *   3. 僰乡义工协会's coordinator names volunteers from its roster for the
 *      shifts it took, adding people to the roster where needed;
 *   4. 赵敏 records who came to the shift that is on now.
 *
 *   npm start                      # in one terminal: the demo data loads on the first start
 *   npm run example:coordinator    # in another (MUTUAL_AID_URL=... for another server)
 */
import { codeOf, demoPerson, follow, shanghaiDate, shanghaiTime, TIME_ZONE, type Person } from './client.ts';
import {
  AddToRosterDocument,
  AssignToShiftDocument,
  AssociationRosterDocument,
  ClaimDocument,
  PostRotaDocument,
  RecordShiftAttendanceDocument,
  RequestEventsHeadDocument,
  RequestFeedDocument,
  RotaDocument,
  WithdrawDocument,
  type AssociationRosterQuery,
  type PostRotaMutation,
} from './generated/graphql.ts';

type Shift = PostRotaMutation['postHelpRequest']['slots'][number];

const zhao = await demoPerson('hz', 'coordinator'); // 赵敏, 互助协会: asks for help
const chen = await demoPerson('bx', 'coordinator'); // 陈刚, 僰乡义工协会: helps
const sun = await demoPerson('xq', 'coordinator'); // 孙洁, 象棋协会: helps

// 1. The rota. Attendance is recorded once a shift has started, and this example cannot wait for
// tonight: so the week begins with the night that is on now or comes next (the Shanghai date 8 hours
// ago), and in the daytime today's day shift, under way already, is posted before it as a plain slot.
const firstNight = shanghaiDate(new Date(Date.now() - 8 * 3_600_000));
const dayShift = { startsAt: `${firstNight}T08:00:00+08:00`, endsAt: `${firstNight}T20:00:00+08:00` };
const daytime = Date.now() < Date.parse(dayShift.endsAt);
const [, month, day] = firstNight.split('-').map(Number);
const { postHelpRequest: rota } = await zhao.api.mutate(PostRotaDocument, {
  input: {
    associationId: zhao.association.id,
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    title: '术后老人夜间陪护（一周）',
    description: '一位独居老人术后住院，家属在外地务工。每晚需要两人陪护，共七晚。',
    address: '上罗镇卫生院住院部',
    // Contact details are shown only to the associations that claim a shift.
    contact: '赵敏 138-0000-0201（病房号请电话询问）',
    urgency: 'HIGH',
    slots: daytime ? [{ label: `白班 ${month}月${day}日 08:00-20:00`, ...dayShift, capacity: 2 }] : [],
    recurrence: {
      frequency: 'DAILY',
      count: 7,
      startDate: firstNight,
      timeZone: TIME_ZONE,
      startTime: '20:00',
      endTime: '08:00', // not after startTime: the next morning
      capacity: 2,
      label: '夜班',
    },
  },
});
console.log(`${zhao.name} (${zhao.association.name}) posted "${rota.title}": ${rota.slots.length} shifts, ${rota.capacity} places`);
for (const shift of rota.slots) console.log(`  ${shift.label ?? ''}`);

// 2. Watching it fill. The feed's head, read now, is where the subscription starts: every event
// on the rota after it is delivered, replayed if it happened before the subscription was set up.
const { requestEventsHead } = await zhao.api.query(RequestEventsHeadDocument, {});
const filled = follow(zhao.api, RequestFeedDocument, { after: requestEventsHead, filter: { requestIds: [rota.id] } }, async (data) => {
  const { type, claim, request } = data.requestEvents;
  const what = claim ? `${claim.association.name} ×${claim.quantity} ${claim.slot.label ?? ''}` : `${request.remaining} places open`;
  console.log(`  [feed] ${type} ${what}`);
  return type === 'FILLED';
});

// Meanwhile the other associations answer: 僰乡义工协会 takes every other shift and 象棋协会 the rest.
async function claimShift(helper: Person, shift: Shift) {
  const input = { slotId: shift.id, associationId: helper.association.id, quantity: shift.capacity };
  const { claim } = await helper.api.mutate(ClaimDocument, { input });
  console.log(`${helper.name} (${helper.association.name}) claims ${shift.capacity} places on ${shift.label ?? ''}`);
  return claim;
}
for (const [i, shift] of rota.slots.entries()) {
  if (i % 2 === 0) {
    await claimShift(chen, shift);
  } else if (i === 1) {
    // Two of 象棋协会's people cannot come after all: it withdraws, and 僰乡义工协会 steps in.
    const claim = await claimShift(sun, shift);
    await sun.api.mutate(WithdrawDocument, { id: claim.id, reason: '两位志愿者临时有事' });
    console.log(`${sun.name} (${sun.association.name}) withdraws from ${shift.label ?? ''}`);
    await claimShift(chen, shift);
  } else {
    await claimShift(sun, shift);
  }
}
await filled;
console.log(`"${rota.title}" is FILLED`);

// 3. 僰乡义工协会 names its people for its shifts: a team of four taking turns, two a shift.
const team = await rosterOf(chen, ['刘芳', '张卫东', '黄小燕', '杨明']);
const { helpRequest: board } = await chen.api.query(RotaDocument, { id: rota.id });
let turn = 0;
for (const shift of board?.slots ?? []) {
  for (const claim of shift.claims.filter((c) => c.association.id === chen.association.id)) {
    const names: string[] = [];
    for (let asked = 0; names.length < claim.quantity && asked < team.length; asked++) {
      const volunteer = team[turn++ % team.length];
      try {
        await chen.api.mutate(AssignToShiftDocument, { input: { claimId: claim.id, volunteerIds: [volunteer.id] } });
        names.push(volunteer.name);
      } catch (error) {
        // Already on an overlapping shift (of a rota this example posted before, say): ask the next one.
        if (codeOf(error) !== 'SCHEDULE_CONFLICT') throw error;
      }
    }
    console.log(`${chen.association.name} assigns ${names.join('、') || 'nobody (everyone is busy)'} to ${shift.label ?? ''}`);
  }
}

// 4. The shift on now: 赵敏, for the requester, records who came. Arrivals are recorded as people
// come (here: on time); someone who did not come is recorded absent once the shift has started.
const { helpRequest: staffed } = await zhao.api.query(RotaDocument, { id: rota.id });
const onNow = staffed?.slots.find((shift) => Date.parse(shift.startsAt ?? '') <= Date.now() && Date.now() < Date.parse(shift.endsAt ?? ''));
const assigned = onNow?.claims.flatMap((claim) => claim.assignments) ?? [];
const [came, missing] = [assigned.at(0), assigned.at(1)];
if (onNow && came) {
  const input = { assignmentId: came.id, arrivedAt: onNow.startsAt };
  const { recordAttendance } = await zhao.api.mutate(RecordShiftAttendanceDocument, { input });
  console.log(`${zhao.name} records ${recordAttendance.volunteer.name ?? ''} arrived at ${shanghaiTime(recordAttendance.arrivedAt ?? '')}`);
}
if (missing) {
  const { recordAttendance } = await zhao.api.mutate(RecordShiftAttendanceDocument, { input: { assignmentId: missing.id, absent: true } });
  console.log(`${zhao.name} records ${recordAttendance.volunteer.name ?? ''} absent`);
}

// The rota as 赵敏 sees it: who holds each shift, who is on it, who came.
const { helpRequest: final } = await zhao.api.query(RotaDocument, { id: rota.id });
console.table(
  final?.slots.map((shift) => ({
    '班次 shift': shift.label,
    '认领 claimed by': shift.claims.map((claim) => `${claim.association.name} ×${claim.quantity}`).join('、'),
    '志愿者 volunteers': shift.claims
      .flatMap((claim) => claim.assignments)
      .map((a) => `${a.volunteer.name ?? '?'}${a.absent ? ' 缺席 absent' : a.arrivedAt ? ` 到 ${shanghaiTime(a.arrivedAt)}` : ''}`)
      .join('、'),
  })),
);
console.log(`request ${rota.id}: ${final?.status ?? 'gone'}`);
await Promise.all([zhao, chen, sun].map((person) => person.api.close()));

/** The volunteers of `person`'s association with these names, from its roster; anyone not on it yet is added. */
async function rosterOf(person: Person, names: string[]): Promise<{ id: string; name: string }[]> {
  const roster: { id: string; name: string | null }[] = [];
  let after: string | null = null;
  do {
    const { association }: AssociationRosterQuery = await person.api.query(AssociationRosterDocument, { id: person.association.id, after });
    roster.push(...(association?.volunteers.edges.map((edge) => edge.node) ?? []));
    after = association?.volunteers.pageInfo.hasNextPage ? association.volunteers.pageInfo.endCursor : null;
  } while (after);
  const team: { id: string; name: string }[] = [];
  for (const name of names) {
    const found = roster.find((volunteer) => volunteer.name === name);
    if (found) {
      team.push({ id: found.id, name });
    } else {
      // A name and a phone are enough: many older volunteers have no account.
      const input = { associationId: person.association.id, name, phone: `139-0000-${String(1000 + team.length)}` };
      const { addVolunteer } = await person.api.mutate(AddToRosterDocument, { input });
      console.log(`${person.association.name} adds ${name} to its roster`);
      team.push({ id: addVolunteer.id, name });
    }
  }
  return team;
}

import type { Channel, DossierRecord } from '../../shared/schemas/dossier';
import type { Unit } from '../../shared/schemas/unit';
import { periodContaining } from '../../shared/kpi/periods';
import { addDays, DAY_MS, vnCivilDate, vnInstant, vnWeekday } from '../../shared/kpi/vn-time';
import { COMMUNE_PROCEDURES, DEPARTMENT_PROCEDURES, type DemoProcedure } from './procedures';
import { cumulative, Dice, seedOf } from './random';

export const DEMO_START = '2025-07-01';
const HOUR = 3_600_000;

type Archetype = 'leader' | 'improver' | 'stuck' | 'slipping';

interface Profile {
  weekly: number;
  online: [number, number, number];
  endToEnd: [number, number];
  late: [number, number];
  eResult: number;
  digitized: number;
  procedures: readonly DemoProcedure[];
  cumulative: number[];
}

const DEPARTMENT_WEEKLY: Record<string, number> = {
  'TT-PVHCC': 2600, 'SO-NNMT': 1900, 'SO-TC': 1700, 'SO-TP': 1400, 'SO-XD': 650, 'SO-YT': 600, 'SO-GDDT': 550, 'SO-CT': 420,
  'SO-NV': 320, 'SO-QHKT': 230, 'BQL-KCNC': 200, 'SO-VHTT': 180, 'SO-DL': 140, 'SO-KHCN': 90, 'SO-DTTG': 45, 'SO-VP': 35, 'SO-TTR': 18,
};
const ALL_DEPARTMENT_PROCEDURES = Object.values(DEPARTMENT_PROCEDURES).flat();

function archetypeOf(dice: Dice): Archetype {
  const x = dice.uniform();
  return x < 0.2 ? 'leader' : x < 0.62 ? 'improver' : x < 0.88 ? 'stuck' : 'slipping';
}

/** A unit's character, drawn from its code alone: urban wards are more online than rural communes. */
export function profileOf(unit: Unit, tinyCodes: ReadonlySet<string>): Profile {
  const dice = new Dice(seedOf(`profile:${unit.code}`));
  const type = archetypeOf(dice);
  const isDepartment = unit.kind === 'department';
  const lift = isDepartment ? 18 : unit.kind === 'ward' ? 10 : 0;
  const [start, end, weeks] =
    type === 'leader' ? [dice.uniform(52, 66), dice.uniform(80, 92), dice.uniform(4, 10)]
    : type === 'improver' ? [dice.uniform(28, 45), dice.uniform(63, 78), dice.uniform(6, 40)]
    : type === 'stuck' ? [dice.uniform(28, 42), dice.uniform(44, 57), dice.uniform(8, 30)]
    : [dice.uniform(58, 68), dice.uniform(48, 56), dice.uniform(20, 50)];
  const weekly = isDepartment
    ? (DEPARTMENT_WEEKLY[unit.code] ?? 100)
    : tinyCodes.has(unit.code) ? dice.uniform(12, 24) : Math.exp(dice.normal(Math.log(unit.kind === 'ward' ? 205 : 135), 0.35));
  const lateBase = type === 'leader' ? 0.003 : type === 'improver' ? 0.009 : type === 'stuck' ? 0.02 : 0.006;
  const lateEnd = type === 'improver' ? lateBase / 4 : type === 'slipping' ? lateBase * 3 : lateBase;
  const procedures = isDepartment ? (DEPARTMENT_PROCEDURES[unit.code] ?? ALL_DEPARTMENT_PROCEDURES) : COMMUNE_PROCEDURES;
  return {
    weekly,
    online: [Math.min(95, start + lift), Math.min(97, end + lift), weeks],
    endToEnd: type === 'stuck' ? [dice.uniform(0.12, 0.22), dice.uniform(0.2, 0.3)] : [dice.uniform(0.18, 0.3), dice.uniform(0.32, 0.55)],
    late: [lateBase, lateEnd],
    eResult: dice.uniform(0.6, 0.98),
    digitized: dice.uniform(0.45, 0.95),
    procedures,
    cumulative: cumulative(procedures.map((p) => p.weight)),
  };
}

/** Holidays and Tết lower the volume of their weeks. */
function seasonOf(weekStart: number): number {
  const { year, month, day } = vnCivilDate(weekStart);
  const key = year * 10000 + month * 100 + day;
  if (key >= 20260209 && key <= 20260222) return 0.2;
  if (key >= 20260223 && key <= 20260301) return 0.75;
  if (key >= 20250825 && key <= 20250907) return 0.75;
  if (key >= 20260427 && key <= 20260503) return 0.6;
  return 1;
}

const WEEKDAY_SHARE = cumulative([0.22, 0.2, 0.19, 0.18, 0.17, 0.035, 0.005]);

function addWorkingDays(instant: number, days: number): number {
  let date = vnCivilDate(instant);
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    const weekday = vnWeekday(vnInstant(date));
    if (weekday <= 5) left -= 1;
  }
  return vnInstant(date, 17, 0);
}

function ramp([from, to, weeks]: readonly number[], week: number): number {
  return (from as number) + ((to as number) - (from as number)) * Math.min(1, week / (weeks as number));
}

/** Synthetic dossiers of one unit from 1 July 2025 to `now`, in time order, the same for the same inputs. */
export function* unitDossiers(unit: Unit, profile: Profile, start: number, now: number): Generator<DossierRecord> {
  const dice = new Dice(seedOf(`dossiers:${unit.code}`));
  let seq = 0;
  for (let week = periodContaining('week', start), w = 0; week.start < now; week = periodContaining('week', week.end), w++) {
    const expected = profile.weekly * seasonOf(week.start) * Math.max(0.6, dice.normal(1, 0.12));
    const count = Math.max(0, Math.round(dice.normal(expected, Math.sqrt(expected))));
    const onlineShare = Math.max(0.02, Math.min(0.99, (ramp(profile.online, w) + dice.normal(0, 3)) / 100));
    const e2eShare = ramp([profile.endToEnd[0], profile.endToEnd[1], profile.online[2] * 1.5], w);
    const late = ramp([profile.late[0], profile.late[1], 40], w);
    const received: number[] = [];
    for (let i = 0; i < count; i++) {
      const day = dice.pickCumulative(WEEKDAY_SHARE);
      const hour = dice.chance(onlineShare) ? dice.uniform(6, 23) : dice.chance(0.55) ? dice.uniform(7.5, 11.5) : dice.uniform(13.5, 17);
      const t = week.start + day * DAY_MS + Math.floor(hour * HOUR);
      if (t >= start && t < now) received.push(t);
    }
    received.sort((a, b) => a - b);
    for (const receivedAt of received) {
      const procedure = profile.procedures[dice.pickCumulative(profile.cumulative)] as DemoProcedure;
      const channel: Channel = dice.chance(Math.min(0.99, onlineShare * procedure.online)) ? 'online' : dice.chance(0.03) ? 'postal' : 'counter';
      const endToEnd = channel === 'online' && dice.chance(Math.min(0.95, e2eShare * procedure.endToEnd));
      const dueAt = procedure.days === 0 ? vnInstant(vnCivilDate(receivedAt), 17, 0) : addWorkingDays(receivedAt, procedure.days);
      const due = Math.max(dueAt, receivedAt + HOUR);
      const isLate = dice.chance(late);
      let completedAt: number | null = isLate ? due + Math.floor(dice.uniform(0.2, 5) * DAY_MS) : receivedAt + Math.floor((due - receivedAt) * dice.uniform(0.15, 0.98));
      const withdrawn = dice.chance(0.004);
      const rejected = !withdrawn && dice.chance(0.008);
      if (completedAt > now) completedAt = null;
      if (withdrawn) completedAt = null;
      const returnedAt = completedAt === null ? null : completedAt + Math.floor(dice.uniform(0, 2) * DAY_MS);
      seq += 1;
      const fee = dice.chance(procedure.feeShare);
      yield {
        dossierId: `H01.${unit.code}-${String(vnCivilDate(receivedAt).year).slice(2)}${String(seq).padStart(7, '0')}`,
        unitCode: unit.code,
        procedureCode: procedure.code,
        procedureCodeRaw: `${procedure.code}.000.00.00.H26`,
        procedureName: procedure.name,
        channel,
        endToEnd,
        receivedAt,
        dueAt: due,
        completedAt,
        returnedAt: returnedAt !== null && returnedAt <= now ? returnedAt : null,
        status: withdrawn ? 'withdrawn' : completedAt === null ? 'processing' : rejected ? 'rejected' : 'completed',
        statusRaw: null,
        serviceLevel: endToEnd ? 4 : channel === 'online' ? 3 : null,
        eResult: completedAt === null ? null : dice.chance(profile.eResult),
        digitized: dice.chance(profile.digitized),
        feeRequired: fee,
        paidOnline: fee ? dice.chance(channel === 'online' ? 0.8 : 0.12) : null,
      };
    }
  }
}

import { parsePeriod, cutOff } from '../../shared/kpi/periods';
import { vnStartOfDate } from '../../shared/kpi/vn-time';
import type { DefinitionInfo, PeriodInfo } from '../../shared/schemas/api';
import type { IndexDefinition } from '../../shared/schemas/index-definition';
import { maxPoints } from '../../shared/kpi/index-score';
import type { Period } from '../../shared/schemas/period';
import type { Group, Unit } from '../../shared/schemas/unit';
import { groupOfKind } from '../../shared/schemas/unit';
import { UserError } from '../errors';
import type { Store } from '../store/port';
import type { Target } from '../../shared/schemas/target';
import type { CountsCache } from './counts-cache';
import { msg } from '../../shared/messages/catalogue';

export interface AnalyticsDeps {
  store: Store;
  cache: CountsCache;
  /** The index a request gets when it names none (chiso-v2 unless set). */
  defaultIndex?: string;
  minVolume: number;
  now: () => number;
}

export function periodOrThrow(id: string): Period {
  const parsed = parsePeriod(id);
  if (!parsed.ok) throw new UserError('BAD_REQUEST', parsed.message);
  return parsed.period;
}

/** `asOf` as an instant: an ISO datetime as given, a bare date as the end of that Vietnam day; default now. */
export function asOfInstant(deps: AnalyticsDeps, asOf: string | undefined): number {
  if (!asOf) return deps.now();
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return vnStartOfDate(asOf) + 86_400_000;
  const t = Date.parse(asOf);
  if (Number.isNaN(t)) throw new UserError('BAD_REQUEST', msg('analytics.badAsOf', { asOf }));
  return t;
}

export function definitionInfo(d: IndexDefinition): DefinitionInfo {
  return { id: d.id, version: d.version, name: d.name, nameEn: d.nameEn ?? null, maxPoints: maxPoints(d) };
}

export function periodInfo(period: Period, asOf: number): PeriodInfo {
  const e = cutOff(period, asOf);
  return { id: period.id, kind: period.kind, startDate: period.startDate, endDate: period.endDate, cutOff: new Date(e).toISOString(), complete: asOf >= period.end };
}

/** Units, targets and the data's time span change only with a write: read them once per data version. */
export function cachedUnits(deps: AnalyticsDeps): Promise<Unit[]> {
  return deps.cache.remember(deps.store, 'units', () => deps.store.listUnits());
}

export function cachedTargets(deps: AnalyticsDeps): Promise<Target[]> {
  return deps.cache.remember(deps.store, 'targets', () => deps.store.listTargets());
}

export function cachedRange(deps: AnalyticsDeps): Promise<{ first: number; last: number } | null> {
  return deps.cache.remember(deps.store, 'receivedRange', () => deps.store.receivedRange());
}

export async function unitsOfGroup(deps: AnalyticsDeps, group: Group): Promise<Unit[]> {
  return (await cachedUnits(deps)).filter((u) => groupOfKind(u.kind) === group);
}

export async function unitOrThrow(deps: AnalyticsDeps, code: string): Promise<Unit> {
  const unit = (await cachedUnits(deps)).find((u) => u.code === code);
  if (!unit) throw new UserError('NOT_FOUND', msg('unit.unknown', { code }));
  return unit;
}

import type { AccountabilityFilter } from '../../shared/schemas/accountability';
import type { Viewer } from '../context';
import { UserError } from '../errors';
import { msg } from '../../shared/messages/catalogue';

/** A unit's commitment and decision history is part of its detail (SPEC §4): a unit head reads their own unit's only. */
export function scopedFilter(viewer: Viewer, input: AccountabilityFilter | undefined): AccountabilityFilter {
  const filter = input ?? {};
  if (viewer.role !== 'unit_head') return filter;
  if (filter.unitCode !== undefined && filter.unitCode !== viewer.unitCode) throw new UserError('FORBIDDEN', msg('access.otherUnitAccountability'));
  return { ...filter, unitCode: viewer.unitCode ?? '' };
}

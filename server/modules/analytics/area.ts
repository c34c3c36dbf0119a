import { isCategoryCode } from '../../../common/categories.js';
import type { Jurisdiction } from '../../../common/roles.js';
import { jurisdictionFilter } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';

export interface AreaFilter {
  regionId?: string;
  districtId?: string;
  beatId?: string;
}

/** The caller's jurisdiction narrowed by the region or district they asked for; asking outside it is refused. */
export function narrowArea(jurisdiction: Jurisdiction, request: { regionId?: string; districtId?: string }): AreaFilter {
  const own = jurisdictionFilter(jurisdiction);
  for (const key of ['regionId', 'districtId'] as const) {
    if (own[key] !== undefined && request[key] !== undefined && own[key] !== request[key]) {
      throw new AppError('jurisdiction.outside', { [key]: request[key] });
    }
  }
  return {
    ...own,
    ...(request.regionId === undefined ? {} : { regionId: request.regionId }),
    ...(request.districtId === undefined ? {} : { districtId: request.districtId }),
  };
}

/** A period from two ISO instants; one that does not start before it ends is refused. */
export function parsePeriod(request: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(request.from);
  const to = new Date(request.to);
  if (!(from < to)) throw new AppError('analytics.invalid_period', { from: request.from, to: request.to });
  return { from, to };
}

/** Comma-separated category codes, each known. */
export function parseCategories(list: string): string[] {
  const categories = [...new Set(list.split(',').map((c) => c.trim()))];
  const unknown = categories.find((c) => !isCategoryCode(c));
  if (unknown !== undefined) throw new AppError('category.unknown', { category: unknown });
  return categories;
}

import { AppError } from '../../http/errors.js';
import type { OrderKind } from './schema.js';

/**
 * The terms of protection orders, in one place so a change in the law is one edit:
 * - police protection order: 30 days (Law of the Republic of Kazakhstan of 4 December 2009
 *   No. 214-IV "On the prevention of domestic violence", as amended in 2024);
 * - court special requirements: 3 months to 1 year (Code of Administrative Offences, art. 54).
 */
export const PROTECTION_ORDER_TERMS = {
  'police-protection': { days: 30 },
  'court-special-requirements': { minMonths: 3, maxMonths: 12 },
} as const;

/** The same day `months` later, or that month's last day when it is shorter (31 January + 3 = 30 April). */
export function addMonths(at: Date, months: number): Date {
  const end = new Date(at);
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return end;
}

/** When an order issued at `issuedAt` ends; a court term outside the law's range is refused. */
export function orderExpiry(kind: OrderKind, issuedAt: Date, months: number | undefined): Date {
  switch (kind) {
    case 'police-protection': {
      if (months !== undefined) throw new AppError('prevention.order_term_invalid', { kind, months });
      return new Date(issuedAt.getTime() + PROTECTION_ORDER_TERMS[kind].days * 86_400_000);
    }
    case 'court-special-requirements': {
      const { minMonths, maxMonths } = PROTECTION_ORDER_TERMS[kind];
      if (months === undefined || months < minMonths || months > maxMonths) {
        throw new AppError('prevention.order_term_invalid', { kind, months, minMonths, maxMonths });
      }
      return addMonths(issuedAt, months);
    }
  }
}

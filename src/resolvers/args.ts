/** Argument checks shared by several resolvers. */
import { badInput } from '../errors.js';

/** A PeriodFilter argument as the data layer takes it, after checking from ≤ to. */
export function periodArgs(period: { from?: string | null; to?: string | null } | null | undefined) {
  if (period?.from && period.to && period.from > period.to) {
    throw badInput('period', `from (${period.from}) is after to (${period.to})`);
  }
  return { periodFrom: period?.from ?? null, periodTo: period?.to ?? null };
}

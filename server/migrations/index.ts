import type { Migration } from 'kysely';
import * as m0001 from './0001-platform-extensions.js';
import * as m0002 from './0002-geo-reference.js';
import * as m0003 from './0003-identity-users.js';
import * as m0004 from './0004-audit-log.js';
import * as m0005 from './0005-incidents-minimal.js';
import * as m0006 from './0006-incidents-reports.js';
import * as m0007 from './0007-incidents-sos-devices.js';
import * as m0008 from './0008-incidents-millisecond-times.js';
import * as m0009 from './0009-events-commit-order.js';

/** Every migration, by name; names sort in the order they apply. A shipped migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001-platform-extensions': m0001,
  '0002-geo-reference': m0002,
  '0003-identity-users': m0003,
  '0004-audit-log': m0004,
  '0005-incidents-minimal': m0005,
  '0006-incidents-reports': m0006,
  '0007-incidents-sos-devices': m0007,
  '0008-incidents-millisecond-times': m0008,
  '0009-events-commit-order': m0009,
};

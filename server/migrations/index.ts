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
import * as m0010 from './0010-dispatch-units.js';
import * as m0020 from './0020-prevention-cases.js';
import * as m0021 from './0021-prevention-risk-conferences.js';
import * as m0022 from './0022-prevention-orders-and-crisis-centres.js';
import * as m0023 from './0023-prevention-case-team.js';
import * as m0024 from './0024-prevention-reminders.js';
import * as m0025 from './0025-prevention-conference-decisions.js';
import * as m0026 from './0026-prevention-registers.js';
import * as m0028 from './0028-prevention-programmes.js';
import * as m0030 from './0030-analytics-indicators.js';
import * as m0040 from './0040-portal-publication.js';
import * as m0041 from './0041-portal-guides.js';
import * as m0042 from './0042-portal-neighbourhood-teams.js';
import * as m0043 from './0043-portal-place-safety.js';
import * as m0045 from './0045-portal-chief-reports.js';
import * as m0048 from './0048-portal-open311.js';
import * as m0050 from './0050-feedback-ratings.js';
import * as m0060 from './0060-incidents-media.js';
import * as m0061 from './0061-incidents-merge.js';
import * as m0062 from './0062-incidents-cameras.js';
import * as m0063 from './0063-incidents-telegram.js';
import * as m0068 from './0068-prevention-case-closing.js';
import * as m0069 from './0069-incidents-reported-at.js';
import * as m0070 from './0070-portal-place-counts-from-snapshot.js';
import * as m0071 from './0071-portal-place-retire.js';
import * as m0072 from './0072-prevention-sealed-refusal-reasons.js';
import * as m0073 from './0073-prevention-register-handovers.js';
import * as m0077 from './0077-portal-question-answer-mail.js';
import * as m0078 from './0078-incidents-circumstances.js';
import * as m0079 from './0079-incidents-outcome.js';
import * as m0075 from './0075-prevention-violation-description.js';
import * as m0066 from './0066-incidents-channel-admin.js';
import * as m0067 from './0067-portal-guide-approval.js';
import * as m0064 from './0064-incidents-system-notes.js';
import * as m0065 from './0065-incidents-description-sealed.js';

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
  '0010-dispatch-units': m0010,
  '0020-prevention-cases': m0020,
  '0021-prevention-risk-conferences': m0021,
  '0022-prevention-orders-and-crisis-centres': m0022,
  '0023-prevention-case-team': m0023,
  '0024-prevention-reminders': m0024,
  '0025-prevention-conference-decisions': m0025,
  '0026-prevention-registers': m0026,
  '0028-prevention-programmes': m0028,
  '0030-analytics-indicators': m0030,
  '0040-portal-publication': m0040,
  '0041-portal-guides': m0041,
  '0042-portal-neighbourhood-teams': m0042,
  '0043-portal-place-safety': m0043,
  '0045-portal-chief-reports': m0045,
  '0048-portal-open311': m0048,
  '0050-feedback-ratings': m0050,
  '0060-incidents-media': m0060,
  '0061-incidents-merge': m0061,
  '0062-incidents-cameras': m0062,
  '0063-incidents-telegram': m0063,
  '0068-prevention-case-closing': m0068,
  '0069-incidents-reported-at': m0069,
  '0070-portal-place-counts-from-snapshot': m0070,
  '0071-portal-place-retire': m0071,
  '0072-prevention-sealed-refusal-reasons': m0072,
  '0073-prevention-register-handovers': m0073,
  '0077-portal-question-answer-mail': m0077,
  '0078-incidents-circumstances': m0078,
  '0079-incidents-outcome': m0079,
  '0075-prevention-violation-description': m0075,
  '0066-incidents-channel-admin': m0066,
  '0067-portal-guide-approval': m0067,
  '0064-incidents-system-notes': m0064,
  '0065-incidents-description-sealed': m0065,
};

import type { App } from '../../http/app.js';
import type { PreventionDeps } from './deps.js';
import { registerPreventionRoutes } from './routes.js';
import './tables.js';
import './register-tables.js';
import './programme-tables.js';
import './case-closing-tables.js';
import './conference-amendment-tables.js';

/** The prevention module's routes: domestic-violence cases, risk, orders, conferences, crisis centres. */
export function registerPrevention(app: App, deps: PreventionDeps): void {
  registerPreventionRoutes(app, deps);
}

export type { PreventionDeps } from './deps.js';
export { hasActiveProtectionOrderNear } from './orders.js';
export { PROTECTION_ORDER_TERMS } from './order-terms.js';
export { remindPrevention } from './reminders.js';
export { anonymiseClosedCases } from './retention.js';
export { backfillIinHashes } from './person-search-store.js';
export { sealPlainRefusalReasons } from './crisis-centre-store.js';
export { seedPrevention } from './seed.js';
export { seedDemoCases } from './demo-cases.js';
export { expireRegisters } from './register-expiry.js';
export { seedDemoRegisters } from './register-demo.js';
export { seedDemoPreventionHistory } from './demo-history.js';
export type * from './tables.js';
export {
  agencyWorkForAnalysis,
  AGENCY_MEASURES,
  WORK_MEASURES,
  type AgencyWorkCount,
  type AgencyMeasure,
  type WorkMeasure,
} from './agency-work-read.js';
export {
  registerFiguresForAnalysis,
  REGISTER_MEASURES,
  REPEAT_MEASURES,
  type RegisterFigure,
  type RepeatFigure,
  type RegisterMeasure,
  type RepeatMeasure,
  type RegisterFiguresQuery,
} from './register-figures-read.js';
export { AGENCIES, type Agency } from './schema.js';

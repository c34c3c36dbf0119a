import type { LonLat } from './travel-time.js';

/**
 * Whether an active protection order covers the place a unit is sent to. Dispatched officers see
 * only the yes/no caution flag — never who is protected or why. The prevention module owns
 * protection orders and plugs its look-up in here (`registerDispatch(app, { caution })`, in
 * server/main.ts); without one no place carries a caution.
 */
export type CautionLookup = (place: LonLat & { regionId: string }) => Promise<boolean>;

export const noCaution: CautionLookup = async () => false;

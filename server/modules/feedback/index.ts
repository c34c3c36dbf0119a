import type { App } from '../../http/app.js';
import { AppError } from '../../http/errors.js';
import type { RatingSink } from '../incidents/index.js';
import { rateService, type FeedbackDeps } from './ratings.js';
import { registerFeedbackRoutes } from './routes.js';

/** Citizens' ratings of the service: the web route, the staff list. */
export function registerFeedback(app: App, deps: FeedbackDeps): void {
  registerFeedbackRoutes(app, deps);
}

/**
 * Where the Telegram bot's ratings go: the same rule as the web's, one rating per incident. A
 * second tap is not an error to the chat (the first rating stands), and must not make Telegram
 * deliver the update again.
 */
export function telegramRatings(deps: FeedbackDeps): RatingSink {
  return async (rating) => {
    try {
      await rateService(deps, { trackingCode: rating.trackingCode, score: rating.score, channel: 'telegram', ip: null });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'feedback.already_rated')) throw error;
    }
  };
}

export { rateService, type FeedbackDeps } from './ratings.js';
export type { ServiceRatingsTable } from './tables.js';
export { averageRatingsByRegion } from './rating-summary.js';

import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import type { Actor } from './http/actor.js';
import { actorId } from './http/actor.js';
import { buildApp, serveWeb, type App } from './http/app.js';
import type { RouteEntry } from './http/access.js';
import { pruneDomainEvents, registerLiveEvents } from './events/index.js';
import { recordAudit, registerAudit, startChainer } from './modules/audit/index.js';
import { createGeocoder, normaliseJurisdiction, registerGeo } from './modules/geo/index.js';
import { createIdentity, pruneLoginAttempts } from './modules/identity/index.js';
import {
  checkSosDevices,
  pruneIdempotencyKeys,
  registerIncidents,
  registerTelegramBot,
  sealPlainIncidentTexts,
} from './modules/incidents/index.js';
import { registerDispatch } from './modules/dispatch/index.js';
import { registerFeedback, telegramRatings } from './modules/feedback/index.js';
import { hasActiveProtectionOrderNear, registerPrevention, remindPrevention } from './modules/prevention/index.js';
import { expireRegisters } from './modules/prevention/index.js';
import { anonymiseClosedCases, backfillIinHashes, sealPlainRefusalReasons } from './modules/prevention/index.js';
import {
  mailAnswers,
  publishSettledMonths,
  registerChiefReports,
  registerOpen311,
  registerPlaceSafety,
  registerNationalReport,
  registerPortal,
} from './modules/portal/index.js';
import { registerAnalytics } from './modules/analytics/index.js';
import { resolveKeys, type Keys } from './secrets/keys.js';
import { createFieldCrypto } from './secrets/field-crypto.js';
import { startJobs } from './jobs.js';
import { createMailSender } from './mail/index.js';
import { seedAll, type SeedReport } from './seed.js';

export interface ComposeOptions {
  config: Config;
  database: Database;
  keys: Keys;
  clock?: () => Date;
  logger?: boolean | object;
}

export interface Aman {
  app: App;
  routes: RouteEntry[];
}

/** Wires the modules into one Fastify app over an open, migrated database. */
export async function composeApp(options: ComposeOptions): Promise<Aman> {
  const { config, database } = options;
  const db = database.db;
  const clock = options.clock ?? (() => new Date());
  const fieldCrypto = createFieldCrypto(options.keys.secretKey);
  const identity = createIdentity({
    db,
    fieldCrypto,
    clock,
    failuresPerIp: config.rateLimit.loginFailuresPerIpPer15Min,
    normaliseJurisdiction: (j) => normaliseJurisdiction(db, j),
  });
  const recordRefusal = async (req: FastifyRequest, actor: Actor, reason: string) =>
    recordAudit(db, {
      action: 'access.refused',
      outcome: 'refused',
      actor: { kind: actor.kind, id: actorId(actor) },
      target: { type: 'route', id: `${req.method} ${req.routeOptions.url ?? req.url}` },
      ip: req.ip,
      details: { reason },
    });
  const { app, routes } = await buildApp({
    config,
    authenticator: identity.authenticator,
    recordRefusal,
    databaseReady: async () => {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    logger: options.logger,
  });
  identity.register(app);
  registerAudit(app, { db });
  registerGeo(app, { db, config, geocoder: createGeocoder(config, db) });
  // Orders are recorded at the victim's home point; 50 m covers the building, not the street.
  const caution = (place: { lon: number; lat: number }) => hasActiveProtectionOrderNear(db, place, 50, clock());
  const incidentDeps = {
    db,
    fieldCrypto,
    clock,
    mediaDir: path.join(config.dataDir, 'media'),
    cameraMinConfidence: config.cameraMinConfidence,
  };
  registerIncidents(app, { ...incidentDeps, caution, reportsPerMinute: config.rateLimit.publicPerMinute });
  if (config.telegram) {
    registerTelegramBot(app, {
      ...config.telegram,
      report: incidentDeps,
      geocoder: createGeocoder(config, db),
      media: config.media,
      lookupsPerMinute: config.rateLimit.trackingPerMinute,
      recordRating: telegramRatings({ db, fieldCrypto, clock }),
    });
  }
  registerFeedback(app, { db, fieldCrypto, clock });
  registerPrevention(app, { db, fieldCrypto, clock, retentionDays: config.preventionRetentionDays });
  registerPortal(app, { db, clock });
  registerOpen311(app, {
    ...incidentDeps,
    geocoder: createGeocoder(config, db),
    authenticateKey: identity.authenticator.apiKey,
    requestsPerMinute: config.rateLimit.publicPerMinute,
  });
  registerChiefReports(app, {
    db,
    clock,
    fieldCrypto,
    questionsPerHour: config.rateLimit.questionsPerHour,
    answersByEmail: config.mail !== null,
  });
  registerPlaceSafety(app, { db, clock, secretKey: options.keys.secretKey, reviewsPerHour: config.rateLimit.reviewsPerHour });
  registerAnalytics(app, { db, clock, database });
  registerNationalReport(app, { db, clock, secretKey: options.keys.secretKey });
  registerDispatch(app, {
    db,
    clock,
    fieldCrypto,
    stalePositionSeconds: config.stalePositionSeconds,
    caution,
  });
  registerLiveEvents(app, { database, onError: (error) => app.log.error({ err: error }, 'live event stream failed') });
  await serveWeb(app, config.webDir);
  await app.ready();
  return { app, routes };
}

export interface Running {
  url: string;
  seeded: SeedReport;
  stop(): Promise<void>;
}

/** `aman serve`: open, migrate, seed, listen. The health route answers only once all of it is done. */
export async function serve(config: Config): Promise<Running> {
  // Citizens' media live here in embedded mode (object storage takes over beyond one machine).
  fs.mkdirSync(path.join(config.dataDir, 'media'), { recursive: true });
  const keys = resolveKeys(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const seeded = await seedAll(database, { config, keys });
  const fieldCrypto = createFieldCrypto(keys.secretKey);
  // Before listening, so a search by IIN finds every case from the first request.
  await backfillIinHashes(database.db, fieldCrypto);
  // Before listening too, so no reader meets a description written before it was sealed.
  await sealPlainIncidentTexts(database.db, fieldCrypto);
  await sealPlainRefusalReasons(database.db, fieldCrypto);
  const { app } = await composeApp({ config, database, keys });
  const mail = createMailSender(config.mail);
  const stopChainer = startChainer(database.db, {
    auditKey: keys.auditKey,
    headFile: config.auditHeadFile,
    onError: (error) => app.log.error({ err: error }, 'audit chainer failed'),
  });
  const stopJobs = startJobs(
    [
      {
        name: 'pruning sign-in attempts, idempotency keys or old events',
        everyMs: 3_600_000,
        atStart: false,
        run: (now) =>
          Promise.all([
            pruneLoginAttempts(database.db, now),
            pruneIdempotencyKeys(database.db, now),
            pruneDomainEvents(database.db, now),
          ]),
      },
      {
        name: 'checking SOS devices',
        everyMs: 60_000,
        atStart: false,
        run: (now) => checkSosDevices(database.db, now, config.sosSilenceMinutes),
      },
      // Hourly is enough for day-granular reminders; the job records each item at most once a day.
      {
        name: 'recording prevention reminders',
        everyMs: 3_600_000,
        atStart: true,
        run: (now) => remindPrevention(database.db, now, config.preventionReminderDays),
      },
      // Registers end at a local midnight: hourly closes and anonymises an ended entry within the hour.
      {
        name: 'closing ended preventive register entries',
        everyMs: 3_600_000,
        atStart: true,
        run: (now) => expireRegisters(database.db, now),
      },
      // Retention is counted in days: once at start and then daily is precise enough.
      {
        name: 'anonymising closed prevention cases',
        everyMs: 86_400_000,
        atStart: true,
        run: (now) => anonymiseClosedCases({ db: database.db, fieldCrypto }, now, config.preventionRetentionDays),
      },
      // Hourly, so a month appears within the hour of its settle day, at any time of day it was started.
      {
        name: 'publishing settled months on the portal',
        everyMs: 3_600_000,
        atStart: true,
        run: () =>
          publishSettledMonths(
            { db: database.db, secretKey: keys.secretKey, clock: () => new Date() },
            config.portalPublishAfterDays,
          ),
      },
      ...(mail && config.mail
        ? [
            {
              name: 'e-mailing answers to askers',
              everyMs: 60_000,
              atStart: true,
              run: () =>
                mailAnswers({ db: database.db, fieldCrypto, clock: () => new Date(), mail, publicUrl: config.mail!.publicUrl }),
            },
          ]
        : []),
    ],
    (error, name) => app.log.error({ err: error }, `${name} failed`),
  );
  const url = await app.listen({ port: config.port, host: config.host });
  return {
    url,
    seeded,
    async stop() {
      stopJobs();
      mail?.close();
      await app.close();
      await stopChainer();
      await database.close();
    },
  };
}

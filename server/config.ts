import path from 'node:path';

/**
 * Every setting Aman reads from the environment, parsed once at start. Nothing else in the
 * server reads `process.env`; the README documents each variable.
 */
export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** Unset means the embedded database (PGlite + PostGIS) in `dataDir/pg`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Seed demo data: in embedded mode unless AMAN_DEMO=0, on PostgreSQL only with AMAN_DEMO=1. */
  demo: boolean;
  /** Base64 of 32 bytes, or null when it must come from (or be generated into) the data dir. */
  secretKey: string | null;
  auditKey: string | null;
  auditHeadFile: string;
  rateLimit: {
    publicPerMinute: number;
    loginPerMinute: number;
    loginFailuresPerIpPer15Min: number;
    /** Look-ups of a report by tracking code, kept low so codes cannot be enumerated. */
    trackingPerMinute: number;
    /** Questions on chiefs' reports per client address an hour, against flooding. */
    questionsPerHour: number;
    /** Reviews of places (place safety) per client address an hour, against flooding. */
    reviewsPerHour: number;
  };
  /** Address of the one reverse proxy whose X-Forwarded-For is trusted, or null. */
  trustProxy: string | null;
  mapTileUrl: string | null;
  geocoderUrl: string | null;
  logLevel: string;
  /** An SOS button without a heartbeat for this long raises a maintenance alert. */
  sosSilenceMinutes: number;
  /** A protection order ending within this many days is put on the reminder list. */
  preventionReminderDays: number;
  /** A domestic-violence case closed this many days ago loses its personal data (retention job). */
  preventionRetentionDays: number;
  /** A month is published on the portal this many days after it ended (late recordings get in first). */
  portalPublishAfterDays: number;
  /** A camera event less confident than this (0..1) is recorded but makes no incident. */
  cameraMinConfidence: number;
  /** A unit position older than this is shown with its age but never used to recommend the unit. */
  stalePositionSeconds: number;
  /** Citizens' photos, audio and video on a report: size of each file and how many. */
  media: { maxBytes: number; maxFiles: number };
  /** Serve web/dist when it exists. */
  webDir: string;
  /** The Telegram bot; its webhook route exists only when both are set. */
  telegram: { botToken: string; webhookSecret: string } | null;
  /** Outgoing e-mail (an asker told of the answer); null where no SMTP server is configured. */
  mail: { smtpUrl: string; from: string; publicUrl: string } | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function fraction(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${name} must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}

function optional(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    // Tile templates carry {z}/{x}/{y}, which URL accepts as path text.
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, got "${raw}"`);
  }
  return raw;
}

function key(env: Env, name: string): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new ConfigError(`${name} must be 32 bytes in base64 (try: openssl rand -base64 32)`);
  }
  return raw;
}

// Telegram accepts 1–256 of these characters as a webhook's secret_token.
const TELEGRAM_SECRET = /^[A-Za-z0-9_-]{1,256}$/;

function mail(env: Env): Config['mail'] {
  const smtpUrl = url(env, 'AMAN_SMTP_URL', ['smtp:', 'smtps:']);
  if (smtpUrl === null) return null;
  // A mail's link must reach the public site, which the server cannot know behind a proxy.
  const publicUrl = url(env, 'AMAN_PUBLIC_URL', ['https:', 'http:']);
  if (publicUrl === null) throw new ConfigError('AMAN_SMTP_URL needs AMAN_PUBLIC_URL, the address the public opens Aman at');
  return {
    smtpUrl,
    from: optional(env, 'AMAN_MAIL_FROM') ?? 'Aman <no-reply@localhost>',
    publicUrl: publicUrl.replace(/\/+$/, ''),
  };
}

function telegram(env: Env): Config['telegram'] {
  const botToken = optional(env, 'AMAN_TELEGRAM_BOT_TOKEN');
  const webhookSecret = optional(env, 'AMAN_TELEGRAM_WEBHOOK_SECRET');
  if (botToken === null && webhookSecret === null) return null;
  if (botToken === null || webhookSecret === null) {
    throw new ConfigError('the Telegram bot needs both AMAN_TELEGRAM_BOT_TOKEN and AMAN_TELEGRAM_WEBHOOK_SECRET');
  }
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(botToken)) throw new ConfigError('AMAN_TELEGRAM_BOT_TOKEN is not a bot token from @BotFather');
  if (!TELEGRAM_SECRET.test(webhookSecret)) {
    throw new ConfigError('AMAN_TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and -');
  }
  return { botToken, webhookSecret };
}

/** Parses the environment; throws ConfigError with a message meant for the person starting Aman. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(cwd, optional(env, 'AMAN_DATA_DIR') ?? './data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const secretKey = key(env, 'AMAN_SECRET_KEY');
  const auditKey = key(env, 'AMAN_AUDIT_KEY');
  if (production && (secretKey === null || auditKey === null)) {
    throw new ConfigError(
      'NODE_ENV=production requires AMAN_SECRET_KEY and AMAN_AUDIT_KEY (32 bytes each, base64); ' +
        'keys are generated into the data directory only outside production',
    );
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    production,
    databaseUrl,
    dataDir,
    // Embedded mode is for trying Aman, so it has the demo unless AMAN_DEMO=0 says otherwise.
    demo: env.AMAN_DEMO === '1' || (databaseUrl === null && env.AMAN_DEMO !== '0'),
    secretKey,
    auditKey,
    auditHeadFile: path.resolve(cwd, optional(env, 'AMAN_AUDIT_HEAD_FILE') ?? path.join(dataDir, 'audit-head.json')),
    rateLimit: {
      publicPerMinute: integer(env, 'AMAN_RATE_LIMIT_PUBLIC', 120, 1, 1_000_000),
      loginPerMinute: integer(env, 'AMAN_RATE_LIMIT_LOGIN', 20, 1, 1_000_000),
      loginFailuresPerIpPer15Min: integer(env, 'AMAN_RATE_LIMIT_LOGIN_FAILURES', 30, 1, 1_000_000),
      trackingPerMinute: integer(env, 'AMAN_RATE_LIMIT_TRACKING', 20, 1, 1_000_000),
      questionsPerHour: integer(env, 'AMAN_RATE_LIMIT_QUESTIONS', 3, 1, 1_000_000),
      reviewsPerHour: integer(env, 'AMAN_RATE_LIMIT_REVIEWS', 5, 1, 1_000_000),
    },
    trustProxy: optional(env, 'AMAN_TRUST_PROXY'),
    mapTileUrl: url(env, 'MAP_TILE_URL', ['https:', 'http:']),
    geocoderUrl: url(env, 'GEOCODER_URL', ['https:', 'http:']),
    logLevel: optional(env, 'AMAN_LOG_LEVEL') ?? 'info',
    sosSilenceMinutes: integer(env, 'AMAN_SOS_SILENCE_MINUTES', 15, 1, 10_080),
    preventionReminderDays: integer(env, 'AMAN_PREVENTION_REMINDER_DAYS', 3, 0, 60),
    preventionRetentionDays: integer(env, 'AMAN_PREVENTION_RETENTION_DAYS', 1825, 30, 36_500),
    portalPublishAfterDays: integer(env, 'AMAN_PORTAL_PUBLISH_AFTER_DAYS', 10, 0, 27),
    cameraMinConfidence: fraction(env, 'AMAN_CAMERA_MIN_CONFIDENCE', 0.6),
    stalePositionSeconds: integer(env, 'AMAN_STALE_POSITION_SECONDS', 120, 5, 86_400),
    media: {
      maxBytes: integer(env, 'AMAN_MEDIA_MAX_MB', 50, 1, 2_048) * 1024 * 1024,
      maxFiles: integer(env, 'AMAN_MEDIA_MAX_FILES', 5, 1, 50),
    },
    webDir: path.resolve(cwd, 'web/dist'),
    telegram: telegram(env),
    mail: mail(env),
  };
}

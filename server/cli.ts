import { Command, InvalidArgumentError } from 'commander';
import {
  JURISDICTION_LEVELS,
  isLanguage,
  isRole,
  type Jurisdiction,
  type JurisdictionLevel,
  type Role,
} from '../common/roles.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { AppError } from './http/errors.js';
import { serve } from './main.js';
import { sealAndWriteHead, verifyAuditChain } from './modules/audit/index.js';
import { registerAnalyticsCommands } from './modules/analytics/index.js';
import { normaliseJurisdiction } from './modules/geo/index.js';
import {
  API_KEY_KINDS,
  DEMO_OPEN311_KEY,
  DEMO_PASSWORD,
  createApiKey,
  createIdentity,
  type DemoUser,
} from './modules/identity/index.js';
import { createFieldCrypto } from './secrets/field-crypto.js';
import { resolveKeys } from './secrets/keys.js';
import { seedAll } from './seed.js';

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`aman: configuration: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

/** Opens and migrates the database, or exits 2 with the reason (used by every command but serve). */
async function open(cfg: Config): Promise<Database> {
  try {
    const database = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir });
    await migrateToLatest(database.db);
    return database;
  } catch (error) {
    const reason = error instanceof DataDirLockedError ? error.message : `cannot open the database: ${(error as Error).message}`;
    console.error(`aman: ${reason}`);
    process.exit(2);
  }
}

function printDemoAccounts(users: DemoUser[]): void {
  if (users.length === 0) return;
  console.log('\nDemo accounts (demo data only; the README lists them too):');
  console.log(`  password for all: ${DEMO_PASSWORD}`);
  for (const u of users) console.log(`  ${u.username.padEnd(22)} ${u.roles.join(',').padEnd(13)} TOTP secret ${u.totpSecret}`);
  console.log(`  Open311 demo key: ${DEMO_OPEN311_KEY}\n`);
}

const program = new Command('aman').description('Aman — public safety in partnership with society');

program
  .command('serve')
  .description('migrate, seed and serve the API and web UI')
  .action(async () => {
    const cfg = config();
    const running = await serve(cfg).catch((error: unknown) => {
      console.error(`aman: cannot start: ${(error as Error).message}`);
      process.exit(1);
    });
    printDemoAccounts(running.seeded.demoUsers);
    console.log(
      `Aman is listening on ${running.url} (${cfg.databaseUrl ? 'PostgreSQL' : `embedded database in ${cfg.dataDir}`})`,
    );
    const stop = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const database = await open(config());
    await database.close();
    console.log('migrate: up to date');
  });

program
  .command('seed')
  .description('load reference data, and demo data where configured')
  .action(async () => {
    const cfg = config();
    const database = await open(cfg);
    const report = await seedAll(database, { config: cfg, keys: resolveKeys(cfg) });
    await sealAndWriteHead(database.db, resolveKeys(cfg).auditKey, cfg.auditHeadFile);
    await database.close();
    printDemoAccounts(report.demoUsers);
    console.log('seed: done');
  });

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('check the whole hash chain; exit 0 when intact, 1 when not, 2 when the database cannot be opened')
  .action(async () => {
    const cfg = config();
    const keys = resolveKeys(cfg);
    const database = await open(cfg);
    const result = await verifyAuditChain(database.db, keys.auditKey, cfg.auditHeadFile);
    await database.close();
    if (result.backlog > 0) console.log(`audit: ${result.backlog} entries not yet sealed`);
    if (!result.ok) {
      console.error(`audit: entry ${result.badSeq} is bad: ${result.reason} (${result.verified} entries before it verified)`);
      process.exit(1);
    }
    console.log(`audit: ${result.verified} entries verified`);
  });

function parseRoles(value: string): Role[] {
  const roles = value.split(',').map((r) => r.trim());
  const bad = roles.find((r) => !isRole(r));
  if (bad !== undefined) throw new InvalidArgumentError(`unknown role "${bad}"`);
  return roles as Role[];
}

function parseLevel(value: string): JurisdictionLevel {
  if (!(JURISDICTION_LEVELS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`one of ${JURISDICTION_LEVELS.join(', ')}`);
  return value as JurisdictionLevel;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

program
  .command('users')
  .description('staff users')
  .command('add')
  .description('create a staff user; reads the password from standard input; prints the TOTP secret once')
  .requiredOption('--username <name>')
  .requiredOption('--name <display name>')
  .requiredOption('--roles <roles>', 'comma-separated staff roles', parseRoles)
  .option('--level <level>', 'jurisdiction level', parseLevel, 'country' as JurisdictionLevel)
  .option('--region <id>')
  .option('--district <id>')
  .option('--beat <id>')
  .option('--language <lang>', 'kk, ru or en', 'kk')
  .action(
    async (opts: {
      username: string;
      name: string;
      roles: Role[];
      level: JurisdictionLevel;
      region?: string;
      district?: string;
      beat?: string;
      language: string;
    }) => {
      const cfg = config();
      if (!isLanguage(opts.language)) throw new InvalidArgumentError('language must be kk, ru or en');
      const password = await readStdin();
      const keys = resolveKeys(cfg);
      const database = await open(cfg);
      const db = database.db;
      const identity = createIdentity({
        db,
        fieldCrypto: createFieldCrypto(keys.secretKey),
        clock: () => new Date(),
        failuresPerIp: cfg.rateLimit.loginFailuresPerIpPer15Min,
        normaliseJurisdiction: (j) => normaliseJurisdiction(db, j),
      });
      const jurisdiction: Jurisdiction = {
        level: opts.level,
        regionId: opts.region ?? null,
        districtId: opts.district ?? null,
        beatId: opts.beat ?? null,
      };
      try {
        const created = await identity.createUser({
          username: opts.username,
          displayName: opts.name,
          password,
          roles: opts.roles,
          jurisdiction,
          language: opts.language,
        });
        await sealAndWriteHead(db, keys.auditKey, cfg.auditHeadFile);
        console.log(`users: created ${created.user.username} (${created.user.id})`);
        console.log(`TOTP secret: ${created.totp.secret}`);
        console.log(`otpauth URI: ${created.totp.uri}`);
      } catch (error) {
        if (error instanceof AppError) {
          console.error(`users: ${error.code}`);
          process.exitCode = 1;
        } else throw error;
      } finally {
        await database.close();
      }
    },
  );

program
  .command('keys')
  .description('API keys for devices and partner systems')
  .command('add')
  .description('issue a key; prints only the new key')
  .requiredOption('--kind <kind>', API_KEY_KINDS.join('|'), (v: string) => {
    if (!(API_KEY_KINDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${API_KEY_KINDS.join(', ')}`);
    return v as (typeof API_KEY_KINDS)[number];
  })
  .requiredOption('--name <name>')
  .action(async (opts: { kind: (typeof API_KEY_KINDS)[number]; name: string }) => {
    const cfg = config();
    const keys = resolveKeys(cfg);
    const database = await open(cfg);
    const { key } = await createApiKey(database.db, { kind: opts.kind, name: opts.name, createdBy: null });
    await sealAndWriteHead(database.db, keys.auditKey, cfg.auditHeadFile);
    await database.close();
    console.log(key);
  });

registerAnalyticsCommands(program);

await program.parseAsync(process.argv);

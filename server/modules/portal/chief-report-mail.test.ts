import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailSender, type MailSender } from '../../mail/index.js';
import { createFieldCrypto } from '../../secrets/field-crypto.js';
import { buildTestApp, createStaff, type TestApp, type TestStaff } from '../../test/app.js';
import { insertReport } from '../../test/chief-report-fixtures.js';
import { mailAnswers } from './chief-report-mail.js';

// A real SMTP server on a local port: the sender speaks SMTP over TCP to it, as to a relay.
const ALMATY = '750000000';
const PUBLIC_URL = 'https://aman.example.kz';
const REFUSED = 'nobody@refused.example';
const QUESTIONS = '/api/v1/portal-admin/chief-report-questions';

interface Received {
  to: string[];
  /** The message as it was sent: raw, with its encodings. */
  raw: Buffer;
}

let received: Received[];
let smtp: SMTPServer;
let smtpUrl: string;
let t: TestApp;
let head: TestStaff;
let mail: MailSender;

function startSmtp(port = 0): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) {
        const error = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  return new Promise((resolve) => smtp.listen(port, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)));
}

const stopSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));

beforeAll(async () => {
  received = [];
  smtpUrl = `smtp://127.0.0.1:${await startSmtp()}`;
  t = await buildTestApp({ env: { AMAN_SMTP_URL: smtpUrl, AMAN_PUBLIC_URL: PUBLIC_URL } });
  head = await createStaff(t, ['supervisor'], { level: 'region', regionId: ALMATY });
  mail = createMailSender({ smtpUrl, from: 'Aman <no-reply@aman.example.kz>' })!;
});
afterAll(async () => {
  mail.close();
  await t.app.close();
  await stopSmtp();
});

let ip = 0;
const unique = () => Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('');
const send = () =>
  mailAnswers({
    db: t.database.db,
    fieldCrypto: createFieldCrypto(t.keys.secretKey),
    clock: () => new Date(),
    mail,
    publicUrl: PUBLIC_URL,
  });

async function askWithEmail(reportId: string, email: string, lang = 'en'): Promise<string> {
  const text = `When will the park lights be fixed ${unique()}`;
  const asked = await t.app.inject({
    method: 'POST',
    url: `/api/v1/portal/chief-reports/${reportId}/questions?lang=${lang}`,
    payload: { text, email },
    remoteAddress: `10.99.0.${++ip}`,
  });
  expect(asked.statusCode, asked.body).toBe(202);
  const row = await t.database.db
    .selectFrom('portal_chief_report_questions')
    .select(['id', 'email_enc'])
    .where('text', '=', text)
    .executeTakeFirstOrThrow();
  // Sealed at rest.
  expect(row.email_enc).toMatch(/^v1\./);
  expect(row.email_enc).not.toContain(email.split('@')[0]);
  return row.id;
}

const moderate = (id: string, action: 'answer' | 'reject', payload: object) =>
  t.app.inject({ method: 'POST', url: `${QUESTIONS}/${id}/${action}`, payload, headers: { cookie: head.cookie } });

const questionRow = (id: string) =>
  t.database.db
    .selectFrom('portal_chief_report_questions')
    .select(['email_enc', 'answer_mailed_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('telling an asker of the answer by e-mail', () => {
  it('offers the e-mail field only where mail can be sent', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    expect((await t.app.inject({ url: `/api/v1/portal/chief-reports/${reportId}` })).json().answersByEmail).toBe(true);
  });

  it('sends the answer once, in the language the question was asked in, with the link, then erases the address', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const email = `asker.${unique()}@example.kz`;
    const id = await askWithEmail(reportId, email, 'kk');
    // Nothing to tell before the answer.
    received = [];
    await send();
    expect(received.filter((m) => m.to.includes(email))).toEqual([]);

    const answer = `The lights are repaired by 1 December ${unique()}`;
    expect((await moderate(id, 'answer', { answer })).statusCode).toBe(200);
    await send();
    const messages = received.filter((m) => m.to.includes(email));
    expect(messages).toHaveLength(1);
    const message = await simpleParser(messages[0]!.raw);
    expect(message.subject).toBe('Сұрағыңызға жауап берілді');
    expect(message.from?.value[0]?.address).toBe('no-reply@aman.example.kz');
    expect(message.text).toContain('Полиция басшысының есебіне');
    expect(message.text).toContain(answer);
    expect(message.text).toContain(`${PUBLIC_URL}/chief-reports/${reportId}`);

    const row = await questionRow(id);
    expect(row.email_enc).toBeNull();
    expect(row.answer_mailed_at).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_inbox')
      .select(['action', 'outcome', 'actor_kind'])
      .where('target_id', '=', id)
      .where('action', '=', 'portal.chief_report.answer_mailed')
      .execute();
    expect(audit).toEqual([{ action: 'portal.chief_report.answer_mailed', outcome: 'success', actor_kind: 'system' }]);

    // Never twice.
    await send();
    expect(received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('erases the address of a rejected question and writes nothing to it', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const email = `rejected.${unique()}@example.kz`;
    const id = await askWithEmail(reportId, email);
    expect((await moderate(id, 'reject', { reason: 'Not about the report' })).statusCode).toBe(200);
    expect((await questionRow(id)).email_enc).toBeNull();
    await send();
    expect(received.filter((m) => m.to.includes(email))).toEqual([]);
  });

  it('gives up on an address the mail server refuses for good, and tries again after a passing failure', async () => {
    const reportId = await insertReport(t, { regionId: ALMATY }, { published: true });
    const refused = await askWithEmail(reportId, REFUSED);
    expect((await moderate(refused, 'answer', { answer: 'Answered.' })).statusCode).toBe(200);
    await send();
    expect(await questionRow(refused)).toEqual({ email_enc: null, answer_mailed_at: null });

    const email = `later.${unique()}@example.kz`;
    const id = await askWithEmail(reportId, email);
    expect((await moderate(id, 'answer', { answer: 'Answered again.' })).statusCode).toBe(200);
    const port = Number(new URL(smtpUrl).port);
    await stopSmtp();
    await expect(send()).rejects.toThrow(/not sent/);
    expect((await questionRow(id)).email_enc).not.toBeNull();

    await startSmtp(port);
    await send();
    expect(received.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect((await questionRow(id)).email_enc).toBeNull();
  });
});

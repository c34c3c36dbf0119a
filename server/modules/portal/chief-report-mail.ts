import type { Language } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import type { MailSender } from '../../mail/index.js';
import type { FieldCrypto } from '../../secrets/field-crypto.js';
import { recordAudit } from '../audit/index.js';
import * as store from './chief-report-store.js';

export interface AnswerMailDeps {
  db: Db;
  fieldCrypto: FieldCrypto;
  clock: () => Date;
  mail: MailSender;
  /** Where the public opens Aman (AMAN_PUBLIC_URL), for the link to the report. */
  publicUrl: string;
}

/** The message in the language the question was asked in: the answer is public, so it may travel. */
const MESSAGES: Record<Language, (link: string, answer: string) => { subject: string; text: string }> = {
  kk: (link, answer) => ({
    subject: 'Сұрағыңызға жауап берілді',
    text: `Полиция басшысының есебіне қойған сұрағыңызға жауап жарияланды.\n\n${answer}\n\nЕсеп пен барлық жауаптар: ${link}\n\nБұл хат бір рет жіберілді; мекенжайыңыз енді сақталмайды.`,
  }),
  ru: (link, answer) => ({
    subject: 'На ваш вопрос ответили',
    text: `На ваш вопрос к отчёту начальника полиции опубликован ответ.\n\n${answer}\n\nОтчёт и все ответы: ${link}\n\nПисьмо отправлено один раз; ваш адрес больше не хранится.`,
  }),
  en: (link, answer) => ({
    subject: 'Your question has been answered',
    text: `The answer to your question on the police chief's report has been published.\n\n${answer}\n\nThe report and every answer: ${link}\n\nThis e-mail is sent once; your address is no longer kept.`,
  }),
};

/** An SMTP reply of 5xx: this address will never take the message, so trying again is no use. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Tells each asker who left an e-mail that their question was answered, once, and erases the
 * address. An address the mail server refuses for good is erased untold; a passing failure
 * leaves the question for the next run (a message may then arrive twice if the server accepted
 * it just as the database failed, never not at all). Throws after the batch if anything is left.
 */
export async function mailAnswers(deps: AnswerMailDeps, batch = 20): Promise<number> {
  let told = 0;
  const failures: unknown[] = [];
  for (const q of await store.answersToMail(deps.db, batch)) {
    const link = `${deps.publicUrl}/chief-reports/${q.report_id}`;
    try {
      await deps.mail.send({ to: deps.fieldCrypto.decrypt(q.email_enc), ...MESSAGES[q.language](link, q.answer) });
    } catch (error) {
      if (!isPermanent(error)) {
        failures.push(error);
        continue;
      }
      await deps.db.transaction().execute(async (trx) => {
        await store.eraseQuestionEmail(trx, q.id);
        await audit(trx, q.id, 'refused');
      });
      continue;
    }
    await deps.db.transaction().execute(async (trx) => {
      await store.markAnswerMailed(trx, q.id, deps.clock());
      await audit(trx, q.id, 'success');
    });
    told++;
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} answer e-mails not sent; tried again later`);
  return told;
}

function audit(db: Db, questionId: string, outcome: 'success' | 'refused') {
  return recordAudit(db, {
    action: 'portal.chief_report.answer_mailed',
    outcome,
    actor: { kind: 'system', id: null },
    target: { type: 'portal_chief_report_question', id: questionId },
  });
}

import { useTranslation } from 'react-i18next';
import type { CaseFile } from './prevention-api.js';

/**
 * On a closed case: nothing new can be recorded until it is reopened (the server refuses it),
 * and how to reopen it. A breach of an order still in force is kept even on a closed case, so
 * one recorded after the close is called out: the victim may be in danger again.
 */
export function ClosedCaseNotice({
  file,
  reopen,
}: {
  file: CaseFile;
  /** below: the reopen form is further down this page; ask: the caller may not reopen; none: say nothing of it. */
  reopen: 'below' | 'ask' | 'none';
}) {
  const { t } = useTranslation();
  if (file.status !== 'closed') return null;
  const closedAt = file.closedAt ?? '';
  const breachedSince = file.timeline.some((e) => e.kind === 'order.violated' && e.at > closedAt);
  return (
    <div className="notice notice--warning closed-case-notice" role="note" aria-labelledby="closed-case-title">
      <p id="closed-case-title">
        <strong>{t('prevention.closedCase.title')}</strong>
      </p>
      <p>{t('prevention.closedCase.body')}</p>
      {breachedSince ? (
        <p>
          <strong>{t('prevention.closedCase.violation')}</strong>
        </p>
      ) : null}
      {reopen === 'below' ? (
        <p>
          <a href="#case-closing">{t('prevention.closedCase.howToReopen')}</a>
        </p>
      ) : reopen === 'ask' ? (
        <p>{t('prevention.closedCase.askToReopen')}</p>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from '../../src/router.js';
import { CopyButton } from '../../src/ui/copy-button.js';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import type { ReportReceipt } from './report-api.js';
import { groupTrackingCode } from './tracking-code.js';

/** The report is with the police: its tracking code, big, to copy or write down, and where to follow it. */
export function ReportSentNotice({ receipt, onAnother }: { receipt: ReportReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="report-result report-result--sent">
      <FocusHeading>{t('report.sent.title')}</FocusHeading>
      <p>{t('report.sent.body')}</p>
      <p className="report-result__code-label" id="tracking-code-label">
        {t('report.sent.codeLabel')}
      </p>
      <p className="tracking-code" aria-labelledby="tracking-code-label" data-code={receipt.trackingCode}>
        {groupTrackingCode(receipt.trackingCode)}
      </p>
      <p>
        <CopyButton text={receipt.trackingCode} label={t('report.sent.copy')} />
      </p>
      <p>{t('report.sent.keepCode')}</p>
      <div className="button-group">
        <Link className="button" to={`/track/${receipt.trackingCode}`}>
          {t('report.sent.track')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('report.another')}
        </button>
      </div>
    </div>
  );
}

/** No network (or the server is struggling): the report waits, encrypted, on this device. */
export function ReportQueuedNotice({ reason, onAnother }: { reason: 'offline' | 'server'; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="report-result report-result--queued">
      <FocusHeading>{t('report.queued.title')}</FocusHeading>
      <p>{reason === 'offline' ? t('report.queued.offline') : t('report.queued.server')}</p>
      <p>{t('report.queued.keepPage')}</p>
      <button type="button" className="button button--secondary" onClick={onAnother}>
        {t('report.another')}
      </button>
    </div>
  );
}

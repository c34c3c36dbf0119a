import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { LANGUAGE_NAMES, LANGUAGES, useLanguage, type Language } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Link } from '../../src/router.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { TextField } from '../../src/ui/text-field.js';
import { useResource } from '../../src/use-resource.js';
import { useMe } from '../auth/session.js';
import { AreaPicker } from './area-picker.js';
import {
  createReport,
  getStaffReport,
  publishReport,
  saveReport,
  type ReportContent,
  type StaffReport,
} from './chief-reports-api.js';

type Texts = Record<Language, { title: string; body: string }>;

const textsOf = (content: ReportContent): Texts =>
  Object.fromEntries(LANGUAGES.map((l) => [l, { title: content[l]?.title ?? '', body: content[l]?.body ?? '' }])) as Texts;

/** Only languages with something written are sent: a draft may be in one language, publication needs all three. */
const contentOf = (texts: Texts): ReportContent =>
  Object.fromEntries(LANGUAGES.filter((l) => texts[l].title.trim() || texts[l].body.trim()).map((l) => [l, texts[l]]));

/** A report's form: a new draft (its area within the writer's own), or a draft's edit and publication. */
export function ChiefReportEditor({
  id,
  onSaved,
  onBack,
}: {
  id: string | null;
  onSaved: (id: string) => void;
  onBack: () => void;
}) {
  const language = useLanguage();
  const report = useResource((signal) => (id ? getStaffReport(id, signal) : Promise.resolve(null)), [id, language]);
  if (report.status === 'loading') return <LoadingMessage />;
  if (report.status === 'failed') return <LoadFailure error={report.error} onRetry={report.reload} />;
  return <EditorForm report={report.data} onSaved={onSaved} onBack={onBack} onChanged={report.reload} />;
}

function EditorForm({
  report,
  onSaved,
  onBack,
  onChanged,
}: {
  report: StaffReport | null;
  onSaved: (id: string) => void;
  onBack: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const [regionId, setRegionId] = useState(report?.regionId ?? me.jurisdiction.regionId ?? '');
  const [districtId, setDistrictId] = useState(report?.districtId ?? me.jurisdiction.districtId ?? '');
  const [periodStart, setPeriodStart] = useState(report?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(report?.periodEnd ?? '');
  const [texts, setTexts] = useState<Texts>(textsOf(report?.content ?? {}));
  const [problem, setProblem] = useNotice();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const published = report?.state === 'published';
  const heading = report
    ? report.content[language]?.title || t('portal.chiefReports.admin.untitled')
    : t('portal.chiefReports.admin.new');

  useEffect(() => setStatus(null), [report?.id]);

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    setProblem(null);
    setStatus(null);
    try {
      await action();
      setStatus(done);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      const body = { periodStart, periodEnd, content: contentOf(texts) };
      if (report) {
        await saveReport(report.id, body);
        onChanged();
      } else {
        const created = await createReport({ ...body, regionId, districtId: districtId || null });
        onSaved(created.id);
      }
    }, t('portal.chiefReports.admin.saved'));

  const publish = () =>
    run(async () => {
      // What is on the screen is what gets published: unsaved edits are saved first.
      await saveReport(report!.id, { periodStart, periodEnd, content: contentOf(texts) });
      await publishReport(report!.id);
      onChanged();
    }, t('portal.chiefReports.admin.publishedNow'));

  const setText = (l: Language, field: 'title' | 'body', value: string) =>
    setTexts({ ...texts, [l]: { ...texts[l], [field]: value } });
  const level = me.jurisdiction.level;

  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          {t('portal.chiefReports.admin.backToList')}
        </button>
      </p>
      <StatusMessage message={status} />
      <ErrorSummary message={problem} />
      {published ? (
        <div className="notice">
          <p>{t('portal.chiefReports.admin.isPublished', { date: formatDateTime(report.publishedAt!, language) })}</p>
          <p>
            <Link to={`/chief-reports/${report.id}`}>{t('portal.chiefReports.admin.publicPage')}</Link>
          </p>
        </div>
      ) : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="fieldset" disabled={published || !!report}>
          <legend className="fieldset__legend">{t('portal.chiefReports.admin.area')}</legend>
          <AreaPicker
            ids={{ region: 'report-region', district: 'report-district' }}
            labels={{
              region: t('portal.chiefReports.region'),
              district: t('portal.chiefReports.district'),
              anyRegion: t('portal.chiefReports.admin.choose'),
              anyDistrict: t('portal.chiefReports.admin.wholeRegion'),
            }}
            value={{ region: regionId, district: districtId }}
            onChange={(area) => {
              setRegionId(area.region);
              setDistrictId(area.district);
            }}
            locked={{ region: level !== 'country', district: level === 'district' }}
          />
        </fieldset>
        <fieldset className="fieldset" disabled={published}>
          <legend className="fieldset__legend">{t('portal.chiefReports.admin.periodLegend')}</legend>
          <TextField
            id="report-start"
            type="date"
            label={t('portal.chiefReports.admin.periodStart')}
            value={periodStart}
            onChange={(e) => setPeriodStart(e.target.value)}
          />
          <TextField
            id="report-end"
            type="date"
            label={t('portal.chiefReports.admin.periodEnd')}
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.target.value)}
          />
        </fieldset>
        <p className="field__hint">{t('portal.chiefReports.admin.languagesHint')}</p>
        {LANGUAGES.map((l) => (
          <fieldset key={l} className="fieldset" lang={l} disabled={published}>
            <legend className="fieldset__legend">{LANGUAGE_NAMES[l]}</legend>
            <TextField
              id={`report-${l}-title`}
              label={t('portal.chiefReports.admin.titleField')}
              value={texts[l].title}
              onChange={(e) => setText(l, 'title', e.target.value)}
            />
            <div className="field">
              <label className="field__label" htmlFor={`report-${l}-body`}>
                {t('portal.chiefReports.admin.body')}
              </label>
              <textarea
                id={`report-${l}-body`}
                className="input chief-report-textarea"
                rows={8}
                value={texts[l].body}
                onChange={(e) => setText(l, 'body', e.target.value)}
              />
            </div>
          </fieldset>
        ))}
        {published ? null : (
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {t('portal.chiefReports.admin.save')}
            </button>
            {report ? (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void publish()}>
                {t('portal.chiefReports.admin.publish')}
              </button>
            ) : null}
          </div>
        )}
      </form>
    </>
  );
}

import { TableScroll } from './table-scroll.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { formatDateTime } from '../../src/intl-format.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { TextField } from '../../src/ui/text-field.js';
import { useNotice, useNoticeText, type Notice } from '../../src/ui/use-notice.js';
import { useResource } from '../../src/use-resource.js';
import {
  approveVersion,
  createGuide,
  getGuide,
  listGuides,
  publishVersion,
  saveVersion,
  submitVersion,
  type StaffGuide,
} from './guide-admin-api.js';
import { contentFromDraft, draftFromContent } from './guide-draft.js';
import { GuideTextFields, type ContentDraft } from './guide-text-fields.js';
import './portal.css';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; id: string };

/**
 * The portal-admin section: advice and legal guides, edited in versions, sent for review, approved
 * by a second editor (never the author) and published.
 */
export function GuideEditorPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [status, setStatus] = useState<Notice | null>(null);
  const statusText = useNoticeText(status);
  const guides = useResource((signal) => listGuides(signal), [language, view]);
  const title = t('portal.editor.title');

  if (view.kind === 'new') {
    return (
      <NewGuide
        onDone={(guide) => {
          setStatus({ key: 'portal.editor.created', values: { slug: guide.slug } });
          setView({ kind: 'edit', id: guide.id });
        }}
        onCancel={() => setView({ kind: 'list' })}
      />
    );
  }
  if (view.kind === 'edit') return <EditGuide id={view.id} initialStatus={status} onBack={() => setView({ kind: 'list' })} />;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={statusText} />
      <p>
        <button type="button" className="button" onClick={() => setView({ kind: 'new' })}>
          {t('portal.editor.new')}
        </button>
      </p>
      {guides.status === 'loading' ? <LoadingMessage /> : null}
      {guides.status === 'failed' ? <LoadFailure error={guides.error} onRetry={guides.reload} /> : null}
      {guides.status === 'ready' ? (
        <TableScroll label={t('portal.editor.listCaption')}>
          <table className="table">
            <caption className="table__caption">{t('portal.editor.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.editor.guide')}</th>
                <th scope="col">{t('portal.editor.latest')}</th>
                <th scope="col">{t('portal.editor.published')}</th>
              </tr>
            </thead>
            <tbody>
              {guides.data.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => setView({ kind: 'edit', id: g.id })}>
                      {g.title}
                    </button>
                  </th>
                  <td>
                    {t('portal.editor.versionState', {
                      version: g.latestVersion,
                      state: t(`portal.editor.state.${g.latestState}`),
                    })}
                    {g.latestState === 'in_review' ? (
                      <>
                        <br />
                        {t('portal.editor.awaitingReviewer')}
                        {g.latestAuthor ? ` · ${t('portal.editor.writtenBy', { author: g.latestAuthor })}` : ''}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {g.publishedVersion
                      ? t('portal.editor.version', { version: g.publishedVersion })
                      : t('portal.editor.notPublished')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

function NewGuide({ onDone, onCancel }: { onDone: (guide: StaffGuide) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [slug, setSlug] = useState('');
  const [kind, setKind] = useState<'advice' | 'what-to-do'>('what-to-do');
  const [quickExit, setQuickExit] = useState(false);
  const [content, setContent] = useState<ContentDraft>(draftFromContent({}));
  const [problem, setProblem] = useNotice();
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await createGuide({ slug: slug.trim(), kind, quickExit, content: contentFromDraft(content) }));
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={t('portal.editor.new')}>{t('portal.editor.new')}</PageHeading>
      <ErrorSummary message={problem} />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField
          id="guide-slug"
          label={t('portal.editor.slug')}
          hint={t('portal.editor.slugHint')}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
        />
        <SelectField
          id="guide-kind"
          label={t('portal.editor.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
        >
          <option value="what-to-do">{t('portal.editor.kinds.what-to-do')}</option>
          <option value="advice">{t('portal.editor.kinds.advice')}</option>
        </SelectField>
        <Checkbox
          id="guide-quick-exit"
          label={t('portal.editor.quickExit')}
          hint={t('portal.editor.quickExitHint')}
          checked={quickExit}
          onChange={(e) => setQuickExit(e.target.checked)}
        />
        <GuideTextFields value={content} onChange={setContent} />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('portal.editor.createDraft')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('portal.editor.back')}
          </button>
        </div>
      </form>
    </>
  );
}

function EditGuide({ id, initialStatus, onBack }: { id: string; initialStatus: Notice | null; onBack: () => void }) {
  const { t } = useTranslation();
  // Kept here, above the form, so the news survives the form's reset to the new version.
  const [status, setStatus] = useState<Notice | null>(initialStatus);
  // Each action answers the guide as it now is: shown at once, with no reload.
  const [updated, setUpdated] = useState<StaffGuide | null>(null);
  const loaded = useResource((signal) => getGuide(id, signal), [id]);
  const guide = updated ?? loaded.data;
  if (loaded.status === 'failed') return <LoadFailure error={loaded.error} onRetry={loaded.reload} />;
  if (!guide) return <LoadingMessage />;
  return (
    <GuideForm
      key={`${guide.latest.version}-${guide.latest.state}`}
      guide={guide}
      status={status}
      onChanged={(message, next) => {
        setStatus(message);
        setUpdated(next);
      }}
      onBack={onBack}
      t={t}
    />
  );
}

function GuideForm({
  guide,
  status,
  onChanged,
  onBack,
  t,
}: {
  guide: StaffGuide;
  status: Notice | null;
  onChanged: (notice: Notice, guide: StaffGuide) => void;
  onBack: () => void;
  t: ReturnType<typeof useTranslation>['t'];
}) {
  const language = useLanguage();
  const [content, setContent] = useState<ContentDraft>(draftFromContent(guide.latest.content));
  const [problem, setProblem] = useNotice();
  const statusText = useNoticeText(status);
  const [busy, setBusy] = useState(false);
  const latest = guide.latest;

  async function act(action: () => Promise<StaffGuide>, done: string) {
    setBusy(true);
    setProblem(null);
    try {
      onChanged({ key: done }, await action());
    } catch (error) {
      setProblem({ error });
      setBusy(false);
    }
  }

  const title = t('portal.editor.editing', { slug: guide.slug });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={statusText} />
      <ErrorSummary message={problem} />
      <p>
        {t('portal.editor.versionState', { version: latest.version, state: t(`portal.editor.state.${latest.state}`) })}
        {guide.quickExit ? ` · ${t('portal.editor.quickExit')}` : ''}
      </p>
      {latest.state === 'in_review' ? (
        <div className="notice notice--warning" role="note">
          <p className="notice__title">
            {t('portal.editor.awaitingReviewer')}
            {latest.author ? ` · ${t('portal.editor.writtenBy', { author: latest.author })}` : ''}
          </p>
          <p>{latest.writtenByViewer ? t('portal.editor.ownVersionHint') : t('portal.editor.reviewHint')}</p>
        </div>
      ) : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void act(() => saveVersion(guide.id, latest.version, contentFromDraft(content)), 'portal.editor.saved');
        }}
      >
        <GuideTextFields value={content} onChange={setContent} />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('portal.editor.save')}
          </button>
          {latest.state === 'draft' ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void act(() => submitVersion(guide.id, latest.version), 'portal.editor.submitted')}
            >
              {t('portal.editor.submit')}
            </button>
          ) : null}
          {latest.state === 'in_review' && !latest.writtenByViewer ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void act(() => approveVersion(guide.id, latest.version), 'portal.editor.approvedNow')}
            >
              {t('portal.editor.approve')}
            </button>
          ) : null}
          {latest.state === 'approved' ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void act(() => publishVersion(guide.id, latest.version), 'portal.editor.publishedNow')}
            >
              {t('portal.editor.publish')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" onClick={onBack}>
            {t('portal.editor.back')}
          </button>
        </div>
      </form>
      <h2 className="portal-section-title">{t('portal.editor.history')}</h2>
      <TableScroll label={t('portal.editor.history')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('portal.editor.versionColumn')}</th>
              <th scope="col">{t('portal.editor.stateColumn')}</th>
              <th scope="col">{t('portal.editor.authorColumn')}</th>
              <th scope="col">{t('portal.editor.approverColumn')}</th>
              <th scope="col">{t('portal.editor.publishedColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {guide.versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>
                  {t(`portal.editor.state.${v.state}`)}
                  {v.state === 'in_review' ? ` · ${t('portal.editor.awaitingReviewer')}` : ''}
                </td>
                <td>{v.author ?? '—'}</td>
                <td>{v.approver ?? '—'}</td>
                <td>{v.publishedAt ? formatDateTime(v.publishedAt, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

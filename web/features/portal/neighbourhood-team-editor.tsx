import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { useLanguage } from '../../src/i18n.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useResource } from '../../src/use-resource.js';
import {
  deleteMeeting,
  deleteMember,
  getStaffTeam,
  saveMeeting,
  saveMember,
  savePriority,
  uploadPhoto,
  type LocalText,
  type StaffTeam,
} from './neighbourhood-team-api.js';
import { MeetingForm, MemberForm, PriorityForm } from './neighbourhood-team-editor-forms.js';
import { formatDay, formatMeetingTime } from './neighbourhood-team-format.js';
import './neighbourhood-team.css';

type Editing = { kind: 'member' | 'priority' | 'meeting'; id: string | null } | null;

/** The file as base64, without the data-URL prefix. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** One beat's team, priorities and meetings, each listed with edit and delete, and one form open at a time. */
export function BeatTeamEditor({ beatId }: { beatId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useNotice();
  const team = useResource((signal) => getStaffTeam(beatId, signal), [beatId, language]);
  if (team.status === 'loading') return <LoadingMessage />;
  if (team.status === 'failed') return <LoadFailure error={team.error} onRetry={team.reload} />;
  const data: StaffTeam = team.data;
  const local = (text: LocalText | null) => (text ? (text[language] ?? text.ru) : '');

  const done = (message: string) => {
    setEditing(null);
    setStatus(message);
    team.reload();
  };
  async function remove(action: () => Promise<unknown>) {
    if (!window.confirm(t('portal.team.editor.confirmDelete'))) return;
    setProblem(null);
    try {
      await action();
      done(t('portal.team.editor.deleted'));
    } catch (error) {
      setProblem({ error });
    }
  }
  const open = (kind: NonNullable<Editing>['kind'], id: string | null) => {
    setStatus(null);
    setEditing({ kind, id });
  };
  const buttons = (kind: NonNullable<Editing>['kind'], id: string, name: string, onDelete?: () => Promise<unknown>) => (
    <div className="button-group">
      <button
        type="button"
        className="button button--secondary"
        aria-label={`${t('portal.team.editor.edit')}: ${name}`}
        onClick={() => open(kind, id)}
      >
        {t('portal.team.editor.edit')}
      </button>
      {onDelete ? (
        <button
          type="button"
          className="button button--secondary"
          aria-label={`${t('portal.team.editor.delete')}: ${name}`}
          onClick={() => void remove(onDelete)}
        >
          {t('portal.team.editor.delete')}
        </button>
      ) : null}
    </div>
  );

  const member = editing?.kind === 'member' ? (data.members.find((m) => m.id === editing.id) ?? null) : null;
  const priority = editing?.kind === 'priority' ? (data.priorities.find((p) => p.id === editing.id) ?? null) : null;
  const meeting = editing?.kind === 'meeting' ? (data.meetings.find((m) => m.id === editing.id) ?? null) : null;

  return (
    <div className="team-editor" data-testid="team-editor">
      <h2 className="portal-section-title">{data.beat.name}</h2>
      <StatusMessage message={status} />
      <ErrorSummary message={problem} />

      <section aria-labelledby="team-editor-members">
        <h3 id="team-editor-members">{t('portal.team.editor.members')}</h3>
        {data.members.length === 0 ? <p>{t('portal.team.editor.empty')}</p> : null}
        <ul className="team-cards">
          {data.members.map((m) => (
            <li key={m.id} className="team-card">
              <p className="team-card__title">{m.name}</p>
              <p>
                {t(`portal.team.positions.${m.position}`)}, {t(`portal.team.ranks.${m.rank}`)}
              </p>
              {buttons('member', m.id, m.name, () => deleteMember(beatId, m.id))}
            </li>
          ))}
        </ul>
        {editing?.kind === 'member' ? (
          <MemberForm
            value={member}
            onCancel={() => setEditing(null)}
            onSave={async (input, photo) => {
              const { id } = await saveMember(beatId, editing.id, input);
              if (photo) await uploadPhoto(beatId, id, await base64Of(photo));
              done(t('portal.team.editor.saved'));
            }}
          />
        ) : (
          <button type="button" className="button" onClick={() => open('member', null)}>
            {t('portal.team.editor.add')}: {t('portal.team.editor.members')}
          </button>
        )}
      </section>

      <section aria-labelledby="team-editor-priorities">
        <h3 id="team-editor-priorities">{t('portal.team.editor.priorities')}</h3>
        {data.priorities.length === 0 ? <p>{t('portal.team.editor.empty')}</p> : null}
        <ul className="team-cards">
          {data.priorities.map((p) => (
            <li key={p.id} className="team-card">
              <p className="team-card__title">
                {local(p.issue)} {p.closed ? `(${t('portal.team.editor.closedMark')})` : null}
              </p>
              <p className="field__hint">{t('portal.team.priorities.agreed', { date: formatDay(p.issueDate, language) })}</p>
              {buttons('priority', p.id, local(p.issue))}
            </li>
          ))}
        </ul>
        {editing?.kind === 'priority' ? (
          <PriorityForm
            value={priority}
            onCancel={() => setEditing(null)}
            onSave={async (input) => {
              await savePriority(beatId, editing.id, input);
              done(t('portal.team.editor.saved'));
            }}
          />
        ) : (
          <button type="button" className="button" onClick={() => open('priority', null)}>
            {t('portal.team.editor.add')}: {t('portal.team.editor.priorities')}
          </button>
        )}
      </section>

      <section aria-labelledby="team-editor-meetings">
        <h3 id="team-editor-meetings">{t('portal.team.editor.meetings')}</h3>
        {data.meetings.length === 0 ? <p>{t('portal.team.editor.empty')}</p> : null}
        <ul className="team-cards">
          {data.meetings.map((m) => {
            const when = formatMeetingTime(m.startsAt, m.endsAt, data.timeZone, language);
            return (
              <li key={m.id} className="team-card">
                <p className="team-card__title">{local(m.title)}</p>
                <p className="field__hint">
                  {when.from}–{when.to}
                </p>
                {buttons('meeting', m.id, local(m.title), () => deleteMeeting(beatId, m.id))}
              </li>
            );
          })}
        </ul>
        {editing?.kind === 'meeting' ? (
          <MeetingForm
            value={meeting}
            onCancel={() => setEditing(null)}
            onSave={async (input) => {
              await saveMeeting(beatId, editing.id, input);
              done(t('portal.team.editor.saved'));
            }}
          />
        ) : (
          <button type="button" className="button" onClick={() => open('meeting', null)}>
            {t('portal.team.editor.add')}: {t('portal.team.editor.meetings')}
          </button>
        )}
      </section>
    </div>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { ErrorSummary } from '../../src/ui/error-summary.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import {
  MEETING_TYPES,
  POSITIONS,
  RANKS,
  type LocalText,
  type MeetingInput,
  type MemberInput,
  type PriorityInput,
  type ReceptionHours,
} from './neighbourhood-team-api.js';

type Draft = { kk: string; ru: string; en: string };
const draftOf = (text: LocalText | null | undefined): Draft => ({ kk: text?.kk ?? '', ru: text?.ru ?? '', en: text?.en ?? '' });
/** Blank English is left out (Russian stands in); a text left wholly blank is no text. */
function textOf(draft: Draft): LocalText | null {
  if (!draft.kk.trim() && !draft.ru.trim() && !draft.en.trim()) return null;
  return { kk: draft.kk.trim(), ru: draft.ru.trim(), ...(draft.en.trim() ? { en: draft.en.trim() } : {}) };
}
const required = (draft: Draft): LocalText => textOf(draft) ?? { kk: '', ru: '' };

function TextInThreeLanguages({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: Draft;
  onChange: (d: Draft) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{label}</legend>
      {(['kk', 'ru', 'en'] as const).map((language) => (
        <TextField
          key={language}
          id={`${id}-${language}`}
          label={t('portal.team.editor.inLanguage', { field: label, language: t(`portal.team.editor.languages.${language}`) })}
          lang={language}
          value={value[language]}
          onChange={(e) => onChange({ ...value, [language]: e.target.value })}
        />
      ))}
    </fieldset>
  );
}

/** A form that saves, shows the server's problem in a live region, and says when it is done. */
function EditorForm({ onSave, onCancel, children }: { onSave: () => Promise<void>; onCancel: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useNotice();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onSave();
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <ErrorSummary message={problem} />
      {children}
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {t('portal.team.editor.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('portal.team.editor.cancel')}
        </button>
      </div>
    </form>
  );
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];

export function MemberForm({
  value,
  onSave,
  onCancel,
}: {
  value: MemberInput | null;
  onSave: (input: MemberInput, photo: File | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(value?.name ?? '');
  const [position, setPosition] = useState(value?.position ?? POSITIONS[0]!);
  const [rank, setRank] = useState(value?.rank ?? 'captain');
  const [phone, setPhone] = useState(value?.phone ?? '');
  const [email, setEmail] = useState(value?.email ?? '');
  const [point, setPoint] = useState(draftOf(value?.receptionPoint));
  const [bio, setBio] = useState(draftOf(value?.bio));
  const [hours, setHours] = useState<Record<number, { from: string; to: string }>>(
    Object.fromEntries((value?.receptionHours ?? []).map((h) => [h.day, { from: h.from, to: h.to }])),
  );
  const [photo, setPhoto] = useState<File | null>(null);
  const receptionHours = (): ReceptionHours[] =>
    DAYS.flatMap((day) => (hours[day]?.from && hours[day]?.to ? [{ day, from: hours[day].from, to: hours[day].to }] : []));
  const setHour = (day: number, key: 'from' | 'to', time: string) =>
    setHours({ ...hours, [day]: { from: '', to: '', ...hours[day], [key]: time } });
  return (
    <EditorForm
      onCancel={onCancel}
      onSave={() =>
        onSave(
          {
            name: name.trim(),
            position,
            rank,
            sortOrder: value?.sortOrder ?? 0,
            phone: phone.trim() || null,
            email: email.trim() || null,
            receptionPoint: textOf(point),
            receptionHours: receptionHours(),
            bio: textOf(bio),
          },
          photo,
        )
      }
    >
      <TextField
        id="member-name"
        label={t('portal.team.editor.name')}
        value={name}
        autoComplete="off"
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        id="member-position"
        label={t('portal.team.editor.position')}
        value={position}
        onChange={(e) => setPosition(e.target.value as typeof position)}
      >
        {POSITIONS.map((p) => (
          <option key={p} value={p}>
            {t(`portal.team.positions.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="member-rank"
        label={t('portal.team.editor.rank')}
        value={rank}
        onChange={(e) => setRank(e.target.value as typeof rank)}
      >
        {RANKS.map((r) => (
          <option key={r} value={r}>
            {t(`portal.team.ranks.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="member-phone"
        label={t('portal.team.editor.phone')}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <TextField
        id="member-email"
        label={t('portal.team.editor.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextInThreeLanguages id="member-point" label={t('portal.team.editor.receptionPoint')} value={point} onChange={setPoint} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('portal.team.editor.hoursLegend')}</legend>
        {DAYS.map((day) => (
          <div key={day} className="team-editor__hours">
            <TextField
              id={`member-hours-${day}-from`}
              label={t('portal.team.editor.from', { day: t(`portal.team.days.${day}`) })}
              type="time"
              value={hours[day]?.from ?? ''}
              onChange={(e) => setHour(day, 'from', e.target.value)}
            />
            <TextField
              id={`member-hours-${day}-to`}
              label={t('portal.team.editor.to', { day: t(`portal.team.days.${day}`) })}
              type="time"
              value={hours[day]?.to ?? ''}
              onChange={(e) => setHour(day, 'to', e.target.value)}
            />
          </div>
        ))}
      </fieldset>
      <TextInThreeLanguages id="member-bio" label={t('portal.team.editor.bio')} value={bio} onChange={setBio} />
      <div className="field">
        <label className="field__label" htmlFor="member-photo">
          {t('portal.team.editor.photo')}
        </label>
        <input
          id="member-photo"
          className="input"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
        />
      </div>
    </EditorForm>
  );
}

export function PriorityForm({
  value,
  onSave,
  onCancel,
}: {
  value: PriorityInput | null;
  onSave: (input: PriorityInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [issue, setIssue] = useState(draftOf(value?.issue));
  const [issueDate, setIssueDate] = useState(value?.issueDate ?? new Date().toISOString().slice(0, 10));
  const [action, setAction] = useState(draftOf(value?.action));
  const [actionDate, setActionDate] = useState(value?.actionDate ?? '');
  const [closed, setClosed] = useState(value?.closed ?? false);
  return (
    <EditorForm
      onCancel={onCancel}
      onSave={() => onSave({ issue: required(issue), issueDate, action: textOf(action), actionDate: actionDate || null, closed })}
    >
      <TextInThreeLanguages id="priority-issue" label={t('portal.team.editor.issue')} value={issue} onChange={setIssue} />
      <TextField
        id="priority-issue-date"
        label={t('portal.team.editor.issueDate')}
        type="date"
        value={issueDate}
        onChange={(e) => setIssueDate(e.target.value)}
      />
      <TextInThreeLanguages id="priority-action" label={t('portal.team.editor.action')} value={action} onChange={setAction} />
      <TextField
        id="priority-action-date"
        label={t('portal.team.editor.actionDate')}
        type="date"
        value={actionDate}
        onChange={(e) => setActionDate(e.target.value)}
      />
      <Checkbox
        id="priority-closed"
        label={t('portal.team.editor.closed')}
        checked={closed}
        onChange={(e) => setClosed(e.target.checked)}
      />
    </EditorForm>
  );
}

/** datetime-local works in the browser's own zone, which for an editor is their region's. */
const toLocalInput = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');

export function MeetingForm({
  value,
  onSave,
  onCancel,
}: {
  value: MeetingInput | null;
  onSave: (input: MeetingInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState(value?.type ?? 'meeting');
  const [title, setTitle] = useState(draftOf(value?.title));
  const [description, setDescription] = useState(draftOf(value?.description));
  const [address, setAddress] = useState(draftOf(value?.address));
  const [startsAt, setStartsAt] = useState(toLocalInput(value?.startsAt));
  const [endsAt, setEndsAt] = useState(toLocalInput(value?.endsAt));
  return (
    <EditorForm
      onCancel={onCancel}
      onSave={() =>
        onSave({
          type,
          title: required(title),
          description: textOf(description),
          address: required(address),
          startsAt: fromLocalInput(startsAt),
          endsAt: fromLocalInput(endsAt),
        })
      }
    >
      <SelectField
        id="meeting-type"
        label={t('portal.team.editor.type')}
        value={type}
        onChange={(e) => setType(e.target.value as typeof type)}
      >
        {MEETING_TYPES.map((m) => (
          <option key={m} value={m}>
            {t(`portal.team.meetings.types.${m}`)}
          </option>
        ))}
      </SelectField>
      <TextInThreeLanguages id="meeting-title" label={t('portal.team.editor.meetingTitle')} value={title} onChange={setTitle} />
      <TextInThreeLanguages id="meeting-address" label={t('portal.team.editor.address')} value={address} onChange={setAddress} />
      <TextField
        id="meeting-starts"
        label={t('portal.team.editor.startsAt')}
        type="datetime-local"
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <TextField
        id="meeting-ends"
        label={t('portal.team.editor.endsAt')}
        type="datetime-local"
        value={endsAt}
        onChange={(e) => setEndsAt(e.target.value)}
      />
      <TextInThreeLanguages
        id="meeting-description"
        label={t('portal.team.editor.description')}
        value={description}
        onChange={setDescription}
      />
    </EditorForm>
  );
}

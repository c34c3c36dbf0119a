import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../src/i18n.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import { SelectField } from '../../src/ui/select-field.js';
import { TextField } from '../../src/ui/text-field.js';
import { createUser, type CreatedUser } from './admin-api.js';
import { useMe } from '../auth/session.js';
import { draftFromJurisdiction, jurisdictionInput, jurisdictionProblems, type JurisdictionDraft } from './jurisdiction-draft.js';
import { JurisdictionFields } from './jurisdiction-fields.js';
import { RoleCheckboxes } from './role-checkboxes.js';

interface Draft {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  jurisdiction: JurisdictionDraft;
  language: Language;
}

const ID = 'new-user';

/** The server's rules for a new account (identity module): checked here too, to answer at once. */
const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
const PASSWORD_MIN = 8;

/** Problems as translation keys, keyed by the id of the field they belong to. */
function draftProblems(draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  const username = draft.username.trim();
  if (!username) problems[`${ID}-username`] = 'admin.errors.usernameRequired';
  else if (!USERNAME_PATTERN.test(username)) problems[`${ID}-username`] = 'admin.errors.usernameInvalid';
  if (!draft.displayName.trim()) problems[`${ID}-displayName`] = 'admin.errors.displayNameRequired';
  if (!draft.password) problems[`${ID}-password`] = 'admin.errors.passwordRequired';
  else if ([...draft.password].length < PASSWORD_MIN) problems[`${ID}-password`] = 'admin.errors.passwordTooShort';
  if (draft.roles.length === 0) problems[`${ID}-roles`] = 'admin.errors.rolesRequired';
  for (const [field, key] of Object.entries(jurisdictionProblems(draft.jurisdiction))) {
    problems[`${ID}-jurisdiction-${field}`] = key;
  }
  return problems;
}

interface UserCreateFormProps {
  onCreated: (created: CreatedUser) => void;
  onCancel: () => void;
}

/** A new staff account: who, their first password, roles, jurisdiction and language. */
export function UserCreateForm({ onCreated, onCancel }: UserCreateFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState<Draft>({
    username: '',
    displayName: '',
    password: '',
    roles: [],
    // The administrator's own jurisdiction to start with: the widest they may grant.
    jurisdiction: draftFromJurisdiction(me.jurisdiction),
    language: 'kk',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useNotice();
  const [isSaving, setSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    const found = draftProblems(draft);
    setProblems(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const created = await createUser({
        username: draft.username.trim(),
        displayName: draft.displayName.trim(),
        password: draft.password,
        roles: draft.roles,
        jurisdiction: jurisdictionInput(draft.jurisdiction),
        language: draft.language,
      });
      onCreated(created);
    } catch (error) {
      setServerError({ error });
      setSaving(false);
    }
  }

  const message = (fieldId: string) => (problems[fieldId] ? t(problems[fieldId]) : null);
  const fieldErrors: FieldError[] = Object.entries(problems).map(([fieldId, key]) => ({ fieldId, message: t(key) }));

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FocusHeading>{t('admin.createTitle')}</FocusHeading>
      <ErrorSummary message={serverError} fieldErrors={fieldErrors} />
      <TextField
        id={`${ID}-username`}
        label={t('admin.username')}
        hint={t('admin.usernameHint')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={draft.username}
        error={message(`${ID}-username`)}
        onChange={(event) => setDraft({ ...draft, username: event.target.value })}
      />
      <TextField
        id={`${ID}-displayName`}
        label={t('admin.displayName')}
        autoComplete="off"
        value={draft.displayName}
        error={message(`${ID}-displayName`)}
        onChange={(event) => setDraft({ ...draft, displayName: event.target.value })}
      />
      <TextField
        id={`${ID}-password`}
        type="password"
        label={t('admin.password')}
        hint={t('admin.passwordHint')}
        autoComplete="new-password"
        value={draft.password}
        error={message(`${ID}-password`)}
        onChange={(event) => setDraft({ ...draft, password: event.target.value })}
      />
      <RoleCheckboxes
        idPrefix={ID}
        value={draft.roles}
        error={message(`${ID}-roles`)}
        onChange={(roles) => setDraft({ ...draft, roles })}
      />
      <JurisdictionFields
        idPrefix={`${ID}-jurisdiction`}
        value={draft.jurisdiction}
        errors={{
          regionId: message(`${ID}-jurisdiction-regionId`) ?? undefined,
          districtId: message(`${ID}-jurisdiction-districtId`) ?? undefined,
          beatId: message(`${ID}-jurisdiction-beatId`) ?? undefined,
        }}
        onChange={(jurisdiction) => setDraft({ ...draft, jurisdiction })}
      />
      <SelectField
        id={`${ID}-language`}
        label={t('admin.language')}
        value={draft.language}
        onChange={(event) => setDraft({ ...draft, language: event.target.value as Language })}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </SelectField>
      <div className="button-group">
        <button type="submit" className="button" aria-disabled={isSaving}>
          {t('admin.createSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

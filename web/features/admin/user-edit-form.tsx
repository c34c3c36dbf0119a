import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/roles.js';
import { useNotice } from '../../src/ui/use-notice.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { ErrorSummary, type FieldError } from '../../src/ui/error-summary.js';
import { FocusHeading } from '../../src/ui/focus-heading.js';
import { updateUser, type StaffUser } from './admin-api.js';
import { draftFromJurisdiction, jurisdictionInput, jurisdictionProblems, type JurisdictionDraft } from './jurisdiction-draft.js';
import { JurisdictionFields } from './jurisdiction-fields.js';
import { RoleCheckboxes } from './role-checkboxes.js';

interface UserEditFormProps {
  user: StaffUser;
  onSaved: (user: StaffUser) => void;
  onCancel: () => void;
}

const ID = 'edit-user';

/** Changes an account's roles, jurisdiction and whether it is disabled. */
export function UserEditForm({ user, onSaved, onCancel }: UserEditFormProps) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [jurisdiction, setJurisdiction] = useState<JurisdictionDraft>(draftFromJurisdiction(user.jurisdiction));
  const [isDisabled, setDisabled] = useState(user.disabled);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useNotice();
  const [isSaving, setSaving] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    const found: Record<string, string> = {};
    if (roles.length === 0) found[`${ID}-roles`] = 'admin.errors.rolesRequired';
    for (const [field, key] of Object.entries(jurisdictionProblems(jurisdiction))) {
      found[`${ID}-jurisdiction-${field}`] = key;
    }
    setProblems(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const input = jurisdictionInput(jurisdiction);
    try {
      const saved = await updateUser(user.id, { roles, jurisdiction: input, disabled: isDisabled });
      onSaved(
        saved ?? {
          ...user,
          roles,
          disabled: isDisabled,
          jurisdiction: {
            level: input.level,
            regionId: input.regionId ?? null,
            districtId: input.districtId ?? null,
            beatId: input.beatId ?? null,
          },
        },
      );
    } catch (error) {
      setServerError({ error });
      setSaving(false);
    }
  }

  const message = (fieldId: string) => (problems[fieldId] ? t(problems[fieldId]) : null);
  const fieldErrors: FieldError[] = Object.entries(problems).map(([fieldId, key]) => ({ fieldId, message: t(key) }));

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FocusHeading>{t('admin.editTitle', { name: user.displayName || user.username })}</FocusHeading>
      <p className="field__hint">{t('admin.editUsername', { username: user.username })}</p>
      <ErrorSummary message={serverError} fieldErrors={fieldErrors} />
      <RoleCheckboxes idPrefix={ID} value={roles} error={message(`${ID}-roles`)} onChange={setRoles} />
      <JurisdictionFields
        idPrefix={`${ID}-jurisdiction`}
        value={jurisdiction}
        errors={{
          regionId: message(`${ID}-jurisdiction-regionId`) ?? undefined,
          districtId: message(`${ID}-jurisdiction-districtId`) ?? undefined,
          beatId: message(`${ID}-jurisdiction-beatId`) ?? undefined,
        }}
        onChange={setJurisdiction}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('admin.access')}</legend>
        <Checkbox
          id={`${ID}-disabled`}
          label={t('admin.disabledLabel')}
          hint={t('admin.disabledHint')}
          checked={isDisabled}
          onChange={(event) => setDisabled(event.target.checked)}
        />
      </fieldset>
      <div className="button-group">
        <button type="submit" className="button" aria-disabled={isSaving}>
          {t('admin.saveSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

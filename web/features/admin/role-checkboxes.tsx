import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Role } from '../../../common/roles.js';
import { Checkbox } from '../../src/ui/checkbox.js';
import { FieldMessages } from '../../src/ui/field-message.js';

interface RoleCheckboxesProps {
  idPrefix: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | null | undefined;
}

/** The staff roles, each with what it is for. A citizen is not a staff role, so it is not here. */
export function RoleCheckboxes({ idPrefix, value, onChange, error }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  const groupId = `${idPrefix}-roles`;

  function toggle(role: Role, isChecked: boolean) {
    const next = isChecked ? [...value, role] : value.filter((candidate) => candidate !== role);
    onChange(STAFF_ROLES.filter((candidate) => next.includes(candidate))); // keep a stable order
  }

  return (
    <fieldset
      className={error ? 'fieldset field--error' : 'fieldset'}
      id={groupId}
      tabIndex={-1}
      aria-describedby={error ? `${groupId}-error` : undefined}
    >
      <legend className="fieldset__legend">{t('admin.roles')}</legend>
      <FieldMessages id={groupId} error={error} />
      <div className="checkboxes">
        {STAFF_ROLES.map((role) => (
          <Checkbox
            key={role}
            id={`${groupId}-${role}`}
            label={t(`roles.${role}`)}
            hint={t(`roleHints.${role}`)}
            checked={value.includes(role)}
            onChange={(event) => toggle(role, event.target.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}

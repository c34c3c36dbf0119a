import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../src/i18n.js';
import { JurisdictionLabel } from '../geo/jurisdiction-label.js';
import { isLocked, type StaffUser } from './admin-api.js';
import { UserStatus } from './user-status.js';

interface UserTableProps {
  users: StaffUser[];
  onEdit: (user: StaffUser) => void;
  onUnlock: (user: StaffUser) => void;
  unlockingId: string | null;
}

/**
 * Staff accounts. On narrow screens each row becomes a card; the explicit table roles keep the
 * table's meaning for screen readers when CSS changes how the rows are laid out.
 */
export function UserTable({ users, onEdit, onUnlock, unlockingId }: UserTableProps) {
  const { t } = useTranslation();
  const columns = {
    username: t('admin.username'),
    displayName: t('admin.displayName'),
    roles: t('admin.roles'),
    jurisdiction: t('jurisdiction.label'),
    language: t('admin.language'),
    status: t('admin.statusLabel'),
    actions: t('admin.actions'),
  };
  return (
    <table className="table table--stack user-table" role="table">
      <caption className="visually-hidden">{t('admin.tableCaption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {Object.entries(columns).map(([key, label]) => (
            <th key={key} scope="col" role="columnheader">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {users.map((user) => {
          const name = user.displayName || user.username;
          return (
            <tr key={user.id} role="row">
              <th scope="row" role="rowheader" data-label={columns.username}>
                {user.username}
              </th>
              <td role="cell" data-label={columns.displayName}>
                {user.displayName}
              </td>
              <td role="cell" data-label={columns.roles}>
                {user.roles.map((role) => t(`roles.${role}`)).join(', ')}
              </td>
              <td role="cell" data-label={columns.jurisdiction}>
                <JurisdictionLabel jurisdiction={user.jurisdiction} />
              </td>
              <td role="cell" data-label={columns.language}>
                {LANGUAGE_NAMES[user.language]}
              </td>
              <td role="cell" data-label={columns.status}>
                <UserStatus user={user} />
              </td>
              <td role="cell" data-label={columns.actions}>
                <div className="table__actions">
                  <button type="button" className="button button--secondary button--small" onClick={() => onEdit(user)}>
                    {t('admin.edit')}
                    <span className="visually-hidden"> {name}</span>
                  </button>
                  {isLocked(user) ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={unlockingId === user.id}
                      onClick={() => onUnlock(user)}
                    >
                      {t('admin.unlock')}
                      <span className="visually-hidden"> {name}</span>
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

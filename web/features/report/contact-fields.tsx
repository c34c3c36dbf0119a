import { useTranslation } from 'react-i18next';
import { TextField } from '../../src/ui/text-field.js';
import type { ReportDraft } from './report-draft.js';

interface ContactFieldsProps {
  contact: ReportDraft['contact'];
  name: string;
  phone: string;
  nameId: string;
  phoneId: string;
  nameError: string | null;
  phoneError: string | null;
  onChange: (change: Partial<Pick<ReportDraft, 'contact' | 'name' | 'phone'>>) => void;
}

/** Whether the police may contact the reporter, and how; anonymous reports carry no contact. */
export function ContactFields(props: ContactFieldsProps) {
  const { t } = useTranslation();
  const { contact, onChange } = props;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('report.contact.legend')}</legend>
      <div className="radios">
        <div className="radio">
          <input
            id="report-contact-yes"
            type="radio"
            name="report-contact"
            className="radio__input"
            checked={contact === 'contact'}
            onChange={() => onChange({ contact: 'contact' })}
          />
          <label className="radio__label" htmlFor="report-contact-yes">
            {t('report.contact.yes')}
          </label>
        </div>
        <div className="radio">
          <input
            id="report-contact-anonymous"
            type="radio"
            name="report-contact"
            className="radio__input"
            aria-describedby="report-contact-anonymous-hint"
            checked={contact === 'anonymous'}
            onChange={() => onChange({ contact: 'anonymous' })}
          />
          <label className="radio__label" htmlFor="report-contact-anonymous">
            {t('report.contact.anonymous')}
          </label>
          <p id="report-contact-anonymous-hint" className="radio__hint">
            {t('report.contact.anonymousHint')}
          </p>
        </div>
      </div>
      {contact === 'contact' ? (
        <div className="report-form__contact">
          <TextField
            id={props.nameId}
            label={t('report.contact.name')}
            autoComplete="name"
            value={props.name}
            error={props.nameError}
            onChange={(event) => onChange({ name: event.target.value })}
          />
          <TextField
            id={props.phoneId}
            label={t('report.contact.phone')}
            hint={t('report.contact.phoneHint')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={props.phone}
            error={props.phoneError}
            onChange={(event) => onChange({ phone: event.target.value })}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

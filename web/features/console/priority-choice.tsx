import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

const PRIORITIES = [1, 2, 3, 4] as const;

/**
 * Priority as four radio buttons; the digit keys 1–4 choose directly while the group has focus
 * (arrow keys work as in any radio group). `allowRules` adds "as the rules say" (null).
 */
export function PriorityChoice({
  idPrefix,
  value,
  onChange,
  allowRules = false,
}: {
  idPrefix: string;
  value: number | null;
  onChange: (priority: number | null) => void;
  allowRules?: boolean;
}) {
  const { t } = useTranslation();
  function onKey(event: KeyboardEvent<HTMLFieldSetElement>) {
    const digit = Number(event.key);
    if (PRIORITIES.includes(digit as 1)) {
      event.preventDefault();
      onChange(digit);
      document.getElementById(`${idPrefix}-p${digit}`)?.focus();
    }
  }
  const options: (number | null)[] = allowRules ? [null, ...PRIORITIES] : [...PRIORITIES];
  return (
    <fieldset className="fieldset priority-choice" onKeyDown={onKey} aria-describedby={`${idPrefix}-priority-hint`}>
      <legend className="fieldset__legend">{t('console.priority.label')}</legend>
      <p id={`${idPrefix}-priority-hint`} className="field__hint">
        {t('console.priority.hint')}
      </p>
      <div className="priority-choice__options">
        {options.map((p) => (
          <label key={p ?? 'rules'} className="priority-choice__option" htmlFor={`${idPrefix}-p${p ?? 'rules'}`}>
            <input
              id={`${idPrefix}-p${p ?? 'rules'}`}
              type="radio"
              name={`${idPrefix}-priority`}
              checked={value === p}
              onChange={() => onChange(p)}
            />
            {p === null ? t('console.priority.rules') : t(`console.priority.p${p}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

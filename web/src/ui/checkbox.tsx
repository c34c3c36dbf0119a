import type { InputHTMLAttributes } from 'react';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string;
  label: string;
  hint?: string | undefined;
}

/** A checkbox with its label (and optional hint) beside it; the whole label is clickable. */
export function Checkbox({ id, label, hint, ...input }: CheckboxProps) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" className="checkbox__input" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label className="checkbox__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="checkbox__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const HOLD_MS = 2_000;

/**
 * The panic button: it fires only when held for two seconds (finger, mouse, or Space/Enter held
 * down), so a pocket or a slip never raises a false alarm, while a person in danger needs no
 * second look at the screen. Releasing early cancels; the fill shows how long is left.
 */
export function PanicButton({ onConfirmed, disabled, hintId }: { onConfirmed: () => void; disabled: boolean; hintId: string }) {
  const { t } = useTranslation();
  const [holding, setHolding] = useState(false);
  const timer = useRef<number | null>(null);

  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setHolding(false);
  };
  const start = () => {
    if (disabled || timer.current !== null) return;
    setHolding(true);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      setHolding(false);
      onConfirmed();
    }, HOLD_MS);
  };
  useEffect(() => stop, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    if (!event.repeat) start();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === ' ' || event.key === 'Enter') stop();
  };

  return (
    <button
      type="button"
      className={holding ? 'panic-button panic-button--holding' : 'panic-button'}
      aria-describedby={hintId}
      disabled={disabled}
      onPointerDown={start}
      onPointerUp={stop}
      onPointerLeave={stop}
      onPointerCancel={stop}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      onBlur={stop}
      onContextMenu={(event) => event.preventDefault()}
      style={{ ['--hold-ms' as string]: `${HOLD_MS}ms` }}
    >
      <span className="panic-button__fill" aria-hidden="true" />
      <span className="panic-button__label">{holding ? t('officer.panic.holding') : t('officer.panic.button')}</span>
    </button>
  );
}

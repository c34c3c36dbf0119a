import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../src/ui/use-notice.js';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useResource } from '../../src/use-resource.js';
import { useLiveEvents } from '../dispatch/use-live-events.js';
import {
  acceptOrders,
  fetchMyUnits,
  reportProgress,
  setEmergency,
  setUnitStatus,
  type ManualStatus,
  type MyUnit,
} from './officer-api.js';
import { OrdersCard } from './orders-card.js';
import { PanicButton } from './panic-button.js';
import { SharingNotice } from './sharing-notice.js';
import { usePositionSharing } from './use-position-sharing.js';
import '../dispatch/unit-status.css';
import './officer.css';

const MANUAL: readonly ManualStatus[] = ['available', 'busy', 'off_duty'];
// New orders also come through the live feed; this catches those of an incident outside the officer's own beat.
const REFRESH_MS = 15_000;
const LIVE_TYPES = [
  'incident.assigned',
  'incident.assignment_updated',
  'unit.status_changed',
  'unit.emergency_raised',
  'unit.emergency_cleared',
];

type Done = { key: string; status?: string };

function UnitPanel({ unit, onChanged }: { unit: MyUnit; onChanged: (done: Done) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useNotice();
  const sharing = usePositionSharing(unit.id, unit.status !== 'off_duty');

  async function act(work: () => Promise<unknown>, done: Done) {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      onChanged(done);
    } catch (error) {
      setFailure({ error });
    } finally {
      setBusy(false);
    }
  }

  const orders = unit.orders;
  const onAssignment = orders !== null && orders.status !== 'resolved' && orders.status !== 'cancelled';
  return (
    <article className="officer-unit" aria-labelledby={`unit-${unit.id}`}>
      <h2 id={`unit-${unit.id}`} className="officer-unit__title">
        {unit.callSign}
        <span className="officer-unit__kind">
          {t(`dispatch.agency.${unit.agency}`)} · {t(`dispatch.kind.${unit.kind}`)}
        </span>
      </h2>
      {unit.emergency ? (
        <div className="notice notice--error officer-emergency" role="alert">
          <p className="notice__title">{t('officer.panic.raised')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => act(() => setEmergency(unit.id, false), { key: 'officer.panic.cleared' })}
          >
            {t('officer.panic.clear')}
          </button>
        </div>
      ) : null}
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>{failure}</p>
        </div>
      ) : null}
      <p className="officer-unit__status">
        {t('officer.status.current')}{' '}
        <strong className={`unit-status unit-status--${unit.status}`}>{t(`dispatch.status.${unit.status}`)}</strong>
      </p>
      {orders && onAssignment ? (
        <OrdersCard
          orders={orders}
          busy={busy}
          onStep={(step) =>
            act(() => (step === 'accept' ? acceptOrders(orders) : reportProgress(orders, step)), {
              key: `officer.steps.done.${step}`,
            })
          }
        />
      ) : (
        <p className="officer-unit__idle">{t('officer.orders.none')}</p>
      )}
      <fieldset className="fieldset officer-status" disabled={busy || onAssignment}>
        <legend className="fieldset__legend">{t('officer.status.legend')}</legend>
        {onAssignment ? <p className="field__hint">{t('officer.status.onAssignment')}</p> : null}
        <div className="officer-status__buttons">
          {MANUAL.map((status) => (
            <button
              key={status}
              type="button"
              className="button button--secondary officer-status__button"
              aria-pressed={unit.status === status}
              onClick={() =>
                act(() => setUnitStatus(unit.id, status), { key: 'officer.status.set', status: `dispatch.status.${status}` })
              }
            >
              {t(`dispatch.status.${status}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <SharingNotice state={sharing} />
      {unit.emergency ? null : (
        <section className="officer-panic" aria-labelledby={`panic-${unit.id}`}>
          <h2 id={`panic-${unit.id}`} className="officer-panic__title">
            {t('officer.panic.title')}
          </h2>
          <p id={`panic-hint-${unit.id}`} className="field__hint">
            {t('officer.panic.hint')}
          </p>
          <PanicButton
            hintId={`panic-hint-${unit.id}`}
            disabled={busy}
            onConfirmed={() => void act(() => setEmergency(unit.id, true), { key: 'officer.panic.sent' })}
          />
        </section>
      )}
    </article>
  );
}

/** The officer's phone view: their unit, its orders, its status, position sharing and the panic button. */
export function OfficerPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [attempt, setAttempt] = useState(0);
  // The key, not the text: a language switched after an action re-reads the confirmation too.
  const [message, setMessage] = useState<{ key: string; status?: string } | null>(null);
  const units = useResource((signal) => fetchMyUnits(signal), [language, attempt]);
  // Reloads keep the old picture on screen (no loading flash): hold the last answer.
  const [shown, setShown] = useState<MyUnit[] | null>(null);
  useEffect(() => {
    if (units.status === 'ready') setShown(units.data);
  }, [units.status, units.data]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  useLiveEvents(LIVE_TYPES, refresh);

  const title = t('officer.title');
  return (
    <div className="officer-page">
      <PageHeading title={title}>{title}</PageHeading>
      <StatusMessage message={message ? t(message.key, { status: message.status ? t(message.status) : '' }) : null} />
      {shown === null ? (
        units.status === 'failed' ? (
          <LoadFailure error={units.error} onRetry={refresh} />
        ) : (
          <LoadingMessage />
        )
      ) : shown.length === 0 ? (
        <p className="notice">{t('officer.noUnit')}</p>
      ) : (
        shown.map((unit) => (
          <UnitPanel
            key={unit.id}
            unit={unit}
            onChanged={(done) => {
              setMessage(done);
              refresh();
            }}
          />
        ))
      )}
    </div>
  );
}

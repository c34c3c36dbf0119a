import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../src/i18n.js';
import { LoadFailure } from '../../src/ui/load-failure.js';
import { LoadingMessage } from '../../src/ui/loading-message.js';
import { PageHeading } from '../../src/ui/page-heading.js';
import { StatusMessage } from '../../src/ui/status-message.js';
import { useResource } from '../../src/use-resource.js';
import { fetchClientConfig, fetchRegionBoundaries } from '../geo/geo-api.js';
import { BOUNDARIES_CREDIT, MapAttribution } from '../geo/map-attribution.js';
import '../geo/map.css';
import { EmergencyAlerts } from './emergency-alerts.js';
import { IncidentList } from './incident-list.js';
import { orderUnits } from './unit-board-order.js';
import { UnitTable } from './unit-table.js';
import { EMERGENCY_COLOUR, INCIDENT_COLOUR, STATUS_COLOURS, UnitsMap } from './units-map.js';
import { useUnitBoard, type UnitBoardState } from './use-unit-board.js';
import type { UnitView } from './dispatch-api.js';

/** What the polite live region says about the newest change: "П-004: en route". */
function announcement(change: UnitBoardState['lastChange'], units: readonly UnitView[], t: TFunction): string | null {
  const unit = change ? units.find((u) => u.id === change.unitId) : undefined;
  if (!change || !unit) return null;
  if (change.type === 'unit.emergency_raised') return t('dispatch.board.panicRaised', { callSign: unit.callSign });
  if (change.type === 'unit.emergency_cleared') return t('dispatch.board.panicCleared', { callSign: unit.callSign });
  return t('dispatch.board.statusChanged', { callSign: unit.callSign, status: t(`dispatch.status.${change.to ?? unit.status}`) });
}

/** Ticks once a second so position ages count up between polls. */
function useNow(): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function MapLegend() {
  const { t } = useTranslation();
  const entries = [
    ...Object.entries(STATUS_COLOURS).map(([status, colour]) => ({ key: status, colour, label: t(`dispatch.status.${status}`) })),
    { key: 'emergency', colour: EMERGENCY_COLOUR, label: t('dispatch.emergency.tag') },
  ];
  return (
    <ul className="map-legend" aria-label={t('dispatch.map.legend')}>
      {entries.map((e) => (
        <li key={e.key}>
          <span className="map-legend__dot" style={{ background: e.colour }} aria-hidden="true" />
          {e.label}
        </li>
      ))}
      <li>
        <span className="map-legend__dot map-legend__dot--incident" style={{ borderColor: INCIDENT_COLOUR }} aria-hidden="true" />
        {t('dispatch.map.incident')}
      </li>
    </ul>
  );
}

/** The operator's live board: every unit of the jurisdiction, emergencies first, on a map and in a table. */
export function DispatchBoard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const board = useUnitBoard();
  const now = useNow();
  const config = useResource((signal) => fetchClientConfig(signal), [language]);
  const boundaries = useResource((signal) => fetchRegionBoundaries(signal), [language]);
  const snapshot = board.snapshot;
  const units = snapshot ? orderUnits(snapshot.units) : [];
  const title = t('dispatch.board.title');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <EmergencyAlerts units={units} />
      <StatusMessage message={announcement(board.lastChange, snapshot?.units ?? [], t)} />
      <p className="lead">{t('dispatch.board.intro')}</p>
      <p>
        <a href="#unit-list-title">{t('dispatch.board.skipToList')}</a>
      </p>
      {board.error ? <LoadFailure error={board.error} /> : null}
      <figure className="map-figure dispatch-board__map">
        {boundaries.status === 'failed' ? (
          <LoadFailure error={boundaries.error} onRetry={boundaries.reload} />
        ) : boundaries.status === 'loading' || config.status === 'loading' ? (
          <div className="region-map region-map--loading">
            <LoadingMessage label={t('map.loading')} />
          </div>
        ) : (
          <UnitsMap
            key={language}
            boundaries={boundaries.data}
            tileUrl={config.data?.mapTileUrl ?? null}
            units={units}
            incidents={board.incidents}
          />
        )}
        <MapLegend />
        <MapAttribution text={config.data?.attribution ?? BOUNDARIES_CREDIT} />
      </figure>
      <section aria-labelledby="unit-list-title">
        <h2 id="unit-list-title" tabIndex={-1}>
          {t('dispatch.units.title')}
        </h2>
        {snapshot ? (
          <>
            <p className="dispatch-board__hint">{t('dispatch.units.staleHint', { seconds: snapshot.staleAfterSeconds })}</p>
            <UnitTable
              units={units}
              incidents={board.incidents}
              staleAfterSeconds={snapshot.staleAfterSeconds}
              receivedAt={snapshot.receivedAt}
              now={now}
            />
          </>
        ) : board.error ? null : (
          <LoadingMessage />
        )}
      </section>
      <section aria-labelledby="incident-list-title">
        <h2 id="incident-list-title">{t('dispatch.incidents.title')}</h2>
        <IncidentList incidents={board.incidents} units={units} />
      </section>
    </>
  );
}

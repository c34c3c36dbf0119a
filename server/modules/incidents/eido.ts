import { categoryByCode } from '../../../common/categories.js';
import type { IncidentRow } from './store.js';

/**
 * An incident as an Emergency Incident Data Object (NENA-STA-021, JSON encoding): the incident,
 * location (PIDF-LO by value) and notes components, cross-referenced by `$id`. Only what a
 * neighbouring dispatch centre needs to act: no reporter identity, no internal notes, no media.
 */
export interface Eido {
  $schema: string;
  eidoMessageIdentifier: string;
  lastUpdateTimeStamp: string;
  sendingSystemIdentifier: string;
  incidentComponent: {
    $id: string;
    incidentTrackingIdentifier: string;
    lastUpdateTimeStamp: string;
    incidentCreationTimeStamp: string;
    incidentStatusCommonRegistryText: string[];
    incidentTypeCommonRegistryText: string[];
    incidentTypeLocalText: string[];
    incidentPriorityLocalText: string;
    incidentSourceLocalText: string;
    locationReference: string[];
    notesReference: string[];
  };
  locationComponent: {
    $id: string;
    locationByValue: string;
    locationJurisdictionLocalText: string[];
  }[];
  notesComponent: {
    $id: string;
    noteDateTimeStamp: string;
    noteText: string;
    noteStatusLocalText: string;
  }[];
}

export const EIDO_SCHEMA = 'https://www.nena.org/page/EIDO';

// NENA's incident status registry words for Aman's statuses.
const REGISTRY_STATUS: Record<string, string> = {
  new: 'Received',
  triaged: 'Prioritized',
  dispatched: 'Dispatched',
  en_route: 'Enroute',
  on_scene: 'OnScene',
  resolved: 'Cleared',
  closed: 'Closed',
  cancelled: 'Cancelled',
  merged: 'Merged',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** PIDF-LO (RFC 4119 / 5491) with a GML point; GML in EPSG:4326 gives latitude first. */
function pidfLo(entity: string, lon: number, lat: number): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" ` +
    `xmlns:gml="http://www.opengis.net/gml" entity="${escapeXml(entity)}">` +
    '<tuple id="incident-location"><status><gp:geopriv><gp:location-info>' +
    `<gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>${lat} ${lon}</gml:pos></gml:Point>` +
    '</gp:location-info><gp:usage-rules/></gp:geopriv></status></tuple></presence>'
  );
}

export interface EidoTimelineEntry {
  id: number;
  at: Date;
  status: string;
  text: string;
}

export function incidentToEido(row: IncidentRow, timeline: EidoTimelineEntry[], options: { system: string; now: Date }): Eido {
  const urn = (kind: string, id: string | number) => `urn:emergency:uid:${kind}:${id}:${options.system}`;
  const incidentId = urn('incidentid', row.id);
  const locationId = urn('locationid', row.id);
  const point = row.location_json ? (JSON.parse(row.location_json) as { coordinates: [number, number] }) : null;
  const lastUpdate = timeline[timeline.length - 1]?.at ?? row.reported_at;
  const category = categoryByCode(row.category);
  const notes = timeline.map((entry) => ({
    $id: urn('noteid', entry.id),
    noteDateTimeStamp: entry.at.toISOString(),
    noteText: entry.text,
    noteStatusLocalText: entry.status,
  }));
  return {
    $schema: EIDO_SCHEMA,
    eidoMessageIdentifier: urn('eidoid', `${row.id}-${options.now.getTime()}`),
    lastUpdateTimeStamp: lastUpdate.toISOString(),
    sendingSystemIdentifier: options.system,
    incidentComponent: {
      $id: incidentId,
      incidentTrackingIdentifier: incidentId,
      lastUpdateTimeStamp: lastUpdate.toISOString(),
      incidentCreationTimeStamp: row.reported_at.toISOString(),
      incidentStatusCommonRegistryText: [REGISTRY_STATUS[row.status] ?? row.status],
      incidentTypeCommonRegistryText: [category ? category.names.en : row.category],
      incidentTypeLocalText: [row.category],
      incidentPriorityLocalText: `P${row.priority}`,
      incidentSourceLocalText: row.source,
      locationReference: point ? [locationId] : [],
      notesReference: notes.map((n) => n.$id),
    },
    locationComponent: point
      ? [
          {
            $id: locationId,
            locationByValue: pidfLo(incidentId, point.coordinates[0], point.coordinates[1]),
            locationJurisdictionLocalText: [row.region_id, row.district_id, row.beat_id].filter((v): v is string => !!v),
          },
        ]
      : [],
    notesComponent: notes,
  };
}

import { Type, type Static } from '@sinclair/typebox';

export const ResponseTimesQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time', description: 'incidents reported at or after this instant' }),
    to: Type.String({ format: 'date-time', description: 'and before this one; at most 366 days after `from`' }),
  },
  { additionalProperties: false },
);
export type ResponseTimesQuery = Static<typeof ResponseTimesQuery>;

/** One interval (reported → a milestone) over the incidents that reached it. */
export const Interval = Type.Object({
  /** Incidents that reached the milestone; the figures are over these only. */
  count: Type.Integer({ minimum: 0 }),
  medianSeconds: Type.Union([Type.Number(), Type.Null()]),
  p90Seconds: Type.Union([Type.Number(), Type.Null()]),
});
export type Interval = Static<typeof Interval>;

export const ResponseFigures = Type.Object({
  /** Incidents reported in the period (duplicates merged into another left out). */
  incidents: Type.Integer({ minimum: 0 }),
  /** Reported → the first unit assigned. */
  toDispatch: Interval,
  /** Reported → the first unit on scene. */
  toOnScene: Interval,
  /** Reported → the incident first resolved. */
  toResolved: Interval,
});
export type ResponseFigures = Static<typeof ResponseFigures>;

export const ResponseTimes = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  overall: ResponseFigures,
  byPriority: Type.Array(Type.Composite([Type.Object({ priority: Type.Integer({ minimum: 1, maximum: 4 }) }), ResponseFigures])),
  byDistrict: Type.Array(
    Type.Composite([
      Type.Object({ regionId: Type.String(), districtId: Type.Union([Type.String(), Type.Null()]) }),
      ResponseFigures,
    ]),
  ),
});
export type ResponseTimes = Static<typeof ResponseTimes>;

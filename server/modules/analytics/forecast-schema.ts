import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const FORECAST_MODELS = ['etas', 'last-period', 'kde', 'long-term-average'] as const;
export type ForecastModelName = (typeof FORECAST_MODELS)[number];

/** Shares of the area flagged as hot spots that the forecast is judged at (as in issue 6: 1% and 5%). */
export const FORECAST_SHARES = [0.01, 0.05] as const;

/**
 * What an analyst may ask for. Cells under 100 m split one address over several cells; over
 * 2 km a cell is a district, not a patrol area. A horizon past four weeks is no longer about
 * near repeats; each back-tested period refits ETAS, so 12 periods keep a request to seconds.
 */
export const FORECAST_LIMITS = {
  horizonDays: { min: 1, max: 28 },
  cellSize: { min: 100, max: 2000 },
  periods: { min: 2, max: 12 },
} as const;

export const ForecastQuery = Type.Object(
  {
    regionId: Type.Optional(Id),
    districtId: Type.Optional(Id),
    categories: Type.String({ minLength: 1, maxLength: 1000, description: 'Comma-separated category codes' }),
    model: Type.Union(
      FORECAST_MODELS.map((m) => Type.Literal(m)),
      { default: 'etas', description: 'Whose forecast the cells show; every model is back-tested' },
    ),
    start: Type.Optional(
      Type.String({ format: 'date-time', description: 'Start of the forecast period; now by default, never later' }),
    ),
    // The bounds of these four are checked by the service (`checkForecastOptions`), so a refusal
    // names every limit in the caller's language instead of a bare schema message.
    horizonDays: Type.Integer({
      default: 7,
      description: `Days forecast: ${FORECAST_LIMITS.horizonDays.min}–${FORECAST_LIMITS.horizonDays.max}`,
    }),
    cellSize: Type.Integer({
      default: 500,
      description: `Square cell side in metres: ${FORECAST_LIMITS.cellSize.min}–${FORECAST_LIMITS.cellSize.max}`,
    }),
    periods: Type.Integer({
      default: 8,
      description: `Past periods back-tested: ${FORECAST_LIMITS.periods.min}–${FORECAST_LIMITS.periods.max}`,
    }),
    share: Type.Number({
      default: 0.05,
      description: `Share of the study area listed as hot spots: ${FORECAST_SHARES.join(' or ')}`,
    }),
  },
  { additionalProperties: false },
);
export type ForecastQuery = Static<typeof ForecastQuery>;

const ByShare = Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]), {
  description: 'Keyed by the share of area flagged, "0.01" and "0.05"; null when no period had a crime',
});

const LonLat = Type.Tuple([Type.Number(), Type.Number()]);

export const ForecastView = Type.Object({
  model: Type.String(),
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  horizonDays: Type.Integer(),
  cellSize: Type.Integer(),
  share: Type.Number({ description: 'The share of the study area whose cells are listed' }),
  historyFrom: Type.String({ format: 'date-time', description: 'The oldest incident time the models could see' }),
  incidents: Type.Integer({ description: 'Incidents in the history read' }),
  studyCells: Type.Integer({ description: 'Cells with at least one incident in the history: the study area' }),
  params: Type.Record(Type.String(), Type.Number(), { description: 'What the shown model used or fitted' }),
  cells: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      /** Expected incidents in the period (ETAS, long-term average, last period) or relative density (kde). */
      score: Type.Number(),
      centre: LonLat,
      /** The square's corners, longitude first, closed. */
      ring: Type.Array(LonLat),
      /** The smallest share of the area (0.01 or 0.05) whose flagged cells include this one. */
      share: Type.Number(),
    }),
    { description: 'The highest-scored cells, up to `share` of the study area, highest first' },
  ),
  evaluation: Type.Object({
    periods: Type.Integer(),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    crimes: Type.Integer({ description: 'Incidents in the back-tested periods' }),
    models: Type.Array(
      Type.Object({
        name: Type.String(),
        hitRate: ByShare,
        pai: ByShare,
        peiStar: ByShare,
      }),
    ),
  }),
});
export type ForecastView = Static<typeof ForecastView>;

import { Type, type Static } from '@sinclair/typebox';

export const AGENCIES = ['police', 'national_guard'] as const;
export const UNIT_KINDS = ['patrol_car', 'motorcycle', 'bicycle', 'foot'] as const;
/** `dispatched`: assigned, not yet accepted by its officers. */
export const UNIT_STATUSES = ['available', 'dispatched', 'en_route', 'on_scene', 'busy', 'off_duty'] as const;
/** What an officer or operator may set by hand; the others follow the unit's assignment. */
export const MANUAL_UNIT_STATUSES = ['available', 'busy', 'off_duty'] as const;
export const ASSIGNMENT_STATUSES = ['assigned', 'accepted', 'on_scene', 'resolved', 'cancelled'] as const;

export type Agency = (typeof AGENCIES)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export type ManualUnitStatus = (typeof MANUAL_UNIT_STATUSES)[number];
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

// Type.Union over a mapped array would widen the static type to string; Unsafe keeps the literal union.
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

const Uuid = Type.String({ format: 'uuid' });
const Point = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
});

export const UnitId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const AssignmentParams = Type.Object(
  { id: Type.String({ maxLength: 64 }), assignmentId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export const PositionView = Type.Object({
  location: Point,
  recordedAt: Type.String({ format: 'date-time' }),
  ageSeconds: Type.Integer({ minimum: 0 }),
  /** Older than AMAN_STALE_POSITION_SECONDS: shown, never used for recommendations. */
  stale: Type.Boolean(),
});

export const ActiveAssignment = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  status: literals(ASSIGNMENT_STATUSES),
  assignedAt: Type.String({ format: 'date-time' }),
});

export const UnitView = Type.Object({
  id: Uuid,
  callSign: Type.String(),
  agency: literals(AGENCIES),
  kind: literals(UNIT_KINDS),
  status: literals(UNIT_STATUSES),
  emergency: Type.Boolean(),
  emergencyAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  statusChangedAt: Type.String({ format: 'date-time' }),
  regionId: Type.String(),
  districtId: Type.String(),
  memberIds: Type.Array(Uuid),
  position: Type.Union([PositionView, Type.Null()]),
  assignment: Type.Union([ActiveAssignment, Type.Null()]),
});
export type UnitView = Static<typeof UnitView>;

/** What the officers of a unit see of the incident they are sent to: where, what, and whether to take care. */
export const Orders = Type.Object({
  assignmentId: Uuid,
  incidentId: Uuid,
  status: literals(ASSIGNMENT_STATUSES),
  category: Type.String(),
  priority: Type.Integer({ minimum: 1, maximum: 4 }),
  location: Type.Union([Point, Type.Null()]),
  /** An active protection order covers the address: approach with care. Carries no victim data. */
  caution: Type.Boolean(),
});
export const MyUnitView = Type.Composite([
  Type.Omit(UnitView, ['assignment']),
  Type.Object({ orders: Type.Union([Orders, Type.Null()]) }),
]);
export type MyUnitView = Static<typeof MyUnitView>;

export const UnitListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    status: Type.Optional(literals(UNIT_STATUSES)),
    districtId: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type UnitListQuery = Static<typeof UnitListQuery>;

export const CreateUnitRequest = Type.Object(
  {
    callSign: Type.String({ minLength: 1, maxLength: 32 }),
    agency: literals(AGENCIES),
    kind: literals(UNIT_KINDS),
    districtId: Type.String({ minLength: 1, maxLength: 32, description: 'home district; the region follows from it' }),
    status: Type.Optional(literals(MANUAL_UNIT_STATUSES)),
    memberIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateUnitRequest = Static<typeof CreateUnitRequest>;

export const UpdateUnitRequest = Type.Partial(Type.Omit(CreateUnitRequest, ['status']), { additionalProperties: false });
export type UpdateUnitRequest = Static<typeof UpdateUnitRequest>;

export const UnitStatusRequest = Type.Object({ status: literals(MANUAL_UNIT_STATUSES) }, { additionalProperties: false });
export const EmergencyRequest = Type.Object(
  { active: Type.Boolean({ description: 'true: panic (officers of the unit only); false: clear it (they or a supervisor)' }) },
  { additionalProperties: false },
);

export const Fix = Type.Object(
  {
    at: Type.String({ format: 'date-time', description: 'when the device took the fix' }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    accuracyM: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    headingDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
    speedKmh: Type.Optional(Type.Number({ minimum: 0, maximum: 400 })),
  },
  { additionalProperties: false },
);
export type Fix = Static<typeof Fix>;

export const PositionsRequest = Type.Object(
  { fixes: Type.Array(Fix, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export const PositionsReceipt = Type.Object({
  accepted: Type.Integer(),
  /** The newest fix the server holds for the unit after this batch (a late batch does not replace a newer fix). */
  latestAt: Type.String({ format: 'date-time' }),
});

export const AssignRequest = Type.Object({ unitId: Uuid }, { additionalProperties: false });
export const AssignmentView = Type.Object({
  id: Uuid,
  unitId: Uuid,
  incidentId: Uuid,
  status: literals(ASSIGNMENT_STATUSES),
  assignedAt: Type.String({ format: 'date-time' }),
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  onSceneAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type AssignmentView = Static<typeof AssignmentView>;

export const ProgressRequest = Type.Object(
  {
    status: Type.Union([Type.Literal('on_scene'), Type.Literal('resolved')]),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'staff only' })),
  },
  { additionalProperties: false },
);
export const CancelAssignmentRequest = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const RecommendQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
    agency: Type.Optional(literals(AGENCIES)),
    kind: Type.Optional(literals(UNIT_KINDS)),
  },
  { additionalProperties: false },
);
export type RecommendQuery = Static<typeof RecommendQuery>;

export const Recommendation = Type.Object({
  unitId: Uuid,
  callSign: Type.String(),
  agency: literals(AGENCIES),
  kind: literals(UNIT_KINDS),
  distanceMeters: Type.Integer(),
  etaSeconds: Type.Integer(),
  position: PositionView,
});
export const Recommendations = Type.Object({
  incidentId: Uuid,
  /** Units whose newest fix is older than this were left out. */
  staleAfterSeconds: Type.Integer(),
  units: Type.Array(Recommendation),
});
export type Recommendations = Static<typeof Recommendations>;

import { Type, type TSchema } from '@sinclair/typebox';
import { CELL_STATES } from '../../domain/rounds/round.js';

// Null first: Fastify's validator coerces types, and with the type first an explicit null became 0 or ''.
const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
const Sex = Type.Union([Type.Literal('女'), Type.Literal('男'), Type.Literal('合计')]);
const UrbanRural = Type.Union([Type.Literal('城镇'), Type.Literal('农村'), Type.Literal('合计')]);
export const CellStateSchema = Type.Union(
  CELL_STATES.map((s) => Type.Literal(s)),
  {
    description: 'owed 未填报 | draft 草稿 | submitted 已报送 | returned 已退回 | approved 已审核',
  },
);

export const RoundSchema = Type.Object({
  id: Type.String({ description: '<plan id>-<year>' }),
  planId: Type.String(),
  year: Type.Integer(),
  regionCode: Type.String(),
  deadline: Type.String({ format: 'date' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], {
    description:
      'open 填报中 | closed 已关闭 (nothing can be saved, submitted or uploaded; all stays readable)',
  }),
  openedBy: Nullable(Type.String()),
  openedAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  closedBy: Nullable(Type.String()),
});

export const RoundStatusChangeSchema = Type.Object({
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')], {
    description: 'closed: the round was closed; open: it was reopened (with the reason)',
  }),
  reason: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
});

const Warning = Type.Object({ check: Type.String(), zh: Type.String(), en: Type.String() });

export const RoundCellSchema = Type.Object({
  id: Type.String({ description: 'cell id: for review decisions and the history' }),
  indicatorCode: Type.String(),
  indicatorName: Type.String(),
  unit: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Type.String(),
  sex: Sex,
  urbanRural: UrbanRural,
  age: Type.String({ description: "age group or category; '' for the total" }),
  department: Type.String({ description: 'supplying department (卫健局)' }),
  state: CellStateSchema,
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  comment: Nullable(Type.String()),
  version: Type.Integer({ description: 'the value version, 0 while none is stored: send it back to save' }),
  source: Nullable(Type.String({ description: 'form | xlsx | csv | api' })),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  lastYearValue: Nullable(Type.Number()),
  target: Nullable(
    Type.Object({
      comparator: Type.String(),
      value: Nullable(Type.Number()),
      unit: Nullable(Type.String()),
      year: Type.Integer(),
      text: Type.String(),
    }),
  ),
  returnReason: Nullable(Type.String()),
  warnings: Type.Array(Warning, { description: 'attached at the last save; visible to the reviewer' }),
  submittedValue: Nullable(Type.Number()),
  changedSinceSubmission: Type.Boolean({ description: 'value differs from the one last submitted' }),
  firstSubmittedAt: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
});

const Counts = {
  owed: Type.Integer(),
  entered: Type.Integer(),
  submitted: Type.Integer(),
  approved: Type.Integer(),
  returned: Type.Integer(),
  late: Type.Integer(),
  completeness: Nullable(Type.Number({ description: 'submitted ÷ owed' })),
  timeliness: Nullable(Type.Number({ description: 'submitted by the deadline ÷ owed' })),
};

export const RoundProgressSchema = Type.Object({
  total: Type.Object(Counts),
  byDepartment: Type.Array(Type.Object({ department: Type.String(), ...Counts })),
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Counts })),
  reminders: Type.Array(
    Type.Object({
      department: Type.String(),
      overdue: Type.Integer(),
      regionCodes: Type.Array(Type.String()),
      message: Type.String({ description: 'the reminder text, in the request language' }),
    }),
  ),
});

/** A cell to save: its key (codes or names) and value, with the version last seen. */
export const RoundCellInputSchema = Type.Object(
  {
    indicator: Type.String({ minLength: 1, maxLength: 120, description: 'code or name' }),
    region: Type.String({ minLength: 1, maxLength: 100, description: 'GB/T 2260 code or name' }),
    sex: Type.Optional(Type.String({ maxLength: 10, description: '女 / 男 / 合计 (default)' })),
    urbanRural: Type.Optional(Type.String({ maxLength: 10, description: '城镇 / 农村 / 合计 (default)' })),
    age: Type.Optional(Type.String({ maxLength: 30, description: 'age group or category' })),
    value: Type.Optional(Nullable(Type.Number())),
    numerator: Type.Optional(Nullable(Type.Number())),
    denominator: Type.Optional(Nullable(Type.Number())),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    version: Type.Integer({ minimum: 0, description: 'the version last seen (0: none stored yet)' }),
  },
  { additionalProperties: false },
);

export const SavedCellSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer({ description: 'send it with the next save of this cell' }),
});

export const SavedWarningSchema = Type.Object({
  field: Type.String(),
  cellId: Type.String(),
  check: Type.String(),
  message: Type.String(),
});

export const HistoryEntrySchema = Type.Object({
  action: Type.String({ description: 'save | submit | approve | return | reopen' }),
  oldValue: Nullable(Type.Number()),
  newValue: Nullable(Type.Number()),
  oldState: Nullable(Type.String()),
  newState: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  source: Nullable(Type.String({ description: 'form | xlsx | csv | api' })),
  userId: Nullable(Type.String()),
  userName: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
});

export const RollUpCellSchema = Type.Object({
  indicatorCode: Type.String(),
  sex: Sex,
  urbanRural: UrbanRural,
  age: Type.String(),
  regionCode: Type.String(),
  reported: Nullable(Type.Number({ description: 'the value the region itself reported (approved)' })),
  value: Nullable(Type.Number({ description: 'rolled up from the approved sub-region values' })),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  reason: Nullable(Type.String({ description: 'not_aggregable | no_data | zero_denominator' })),
  contributed: Type.Array(Type.String()),
  missing: Type.Array(Type.String()),
  complete: Type.Boolean(),
});

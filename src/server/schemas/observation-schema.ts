import { Type } from '@sinclair/typebox';

const Sex = Type.Union([Type.Literal('女'), Type.Literal('男'), Type.Literal('合计')]);
const UrbanRural = Type.Union([Type.Literal('城镇'), Type.Literal('农村'), Type.Literal('合计')]);

export const ObservationSchema = Type.Object({
  indicatorCode: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  sex: Sex,
  urbanRural: UrbanRural,
  age: Type.String({ description: "age group; '' for all ages" }),
  value: Type.Number(),
  numerator: Type.Union([Type.Number(), Type.Null()]),
  denominator: Type.Union([Type.Number(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  simulated: Type.Boolean({ description: 'true for simulated (模拟数据) values, as the demo stores' }),
  status: Type.String({ description: 'draft | submitted | approved' }),
  source: Type.String({ description: 'csv | xlsx | api | form' }),
  version: Type.Integer({ description: '1 when first stored, +1 on every update; send it back to write' }),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});

// Null first: Fastify's validator coerces types, and with the number first an explicit null became 0.
const NullableNumber = Type.Optional(Type.Union([Type.Null(), Type.Number()]));

/** A cell of PUT /api/observations: the columns of an observation file, codes or names. */
export const ObservationCellSchema = Type.Object(
  {
    indicator: Type.String({ minLength: 1, maxLength: 120, description: 'code or name' }),
    region: Type.String({ minLength: 1, maxLength: 100, description: 'GB/T 2260 code or name' }),
    year: Type.Integer(),
    sex: Type.Optional(Type.String({ maxLength: 10, description: '女 / 男 / 合计 (female / male / total)' })),
    urbanRural: Type.Optional(Type.String({ maxLength: 10, description: '城镇 / 农村 / 合计' })),
    age: Type.Optional(Type.String({ maxLength: 30 })),
    value: NullableNumber,
    numerator: NullableNumber,
    denominator: NullableNumber,
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    version: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'the version last seen; 0 = not stored yet; omitted = no check',
      }),
    ),
  },
  { additionalProperties: false },
);

import { Type } from '@sinclair/typebox';

const Quantity = Type.Object({
  nameZh: Type.String(),
  nameEn: Type.String(),
  department: Type.Optional(Type.String()),
});

export const IndicatorSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  area: Type.String(),
  kind: Type.String(),
  unit: Type.Union([Type.String(), Type.Null()]),
  direction: Type.String(),
  definition: Type.String(),
  caliber: Type.String(),
  disaggregations: Type.Array(Type.Object({ dimension: Type.String(), values: Type.Array(Type.String()) })),
  department: Type.String(),
  supportingDepartments: Type.Array(Type.String()),
  rollUp: Type.Object({
    kind: Type.String(),
    numerator: Type.Optional(Quantity),
    denominator: Type.Optional(Quantity),
    multiplier: Type.Optional(Type.Number()),
  }),
  aliases: Type.Array(Type.String()),
});

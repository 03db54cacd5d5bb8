import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const Responsibility = Type.Object({
  departments: Type.Array(Type.String()),
  raw: Nullable(Type.String()),
});

const ItemId = {
  id: Type.String({ description: 'stable item id (`anqing/a0/g3`), as responsibility edits name items' }),
};

const PlanItem = Type.Object({
  ...ItemId,
  number: Type.Integer(),
  title: Nullable(Type.String()),
  text: Type.String(),
  responsibility: Responsibility,
});

export const TargetSchema = Type.Object({
  ...ItemId,
  area: Type.String(),
  section: Type.String(),
  item: Type.Integer(),
  indicator: Type.String(),
  comparator: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  unit: Nullable(Type.String()),
  year: Type.Integer(),
  responsible: Type.Array(Type.String()),
  text: Type.String(),
});

const Period = Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 });

const planIdentity = {
  id: Type.String(),
  title: Type.String(),
  region: Type.String(),
  regionCode: Nullable(Type.String({ description: 'GB/T 2260 code of the plan’s region, where resolved' })),
  level: Type.String(),
  parentRegion: Nullable(Type.String()),
  period: Period,
};

export const PlanSchema = Type.Object({
  ...planIdentity,
  areas: Type.Array(
    Type.Object({
      ...ItemId,
      code: Type.String(),
      name: Type.String(),
      goals: Type.Array(PlanItem),
      measures: Type.Array(PlanItem),
    }),
  ),
  projects: Type.Array(Type.Composite([PlanItem, Type.Object({ area: Nullable(Type.String()) })])),
  targets: Type.Array(TargetSchema),
});

export const PlanSummarySchema = Type.Object({
  ...planIdentity,
  sourceFormat: Type.String(),
  importedAt: Type.String(),
  updatedAt: Type.String(),
  counts: Type.Object({
    areas: Type.Integer(),
    goals: Type.Integer(),
    measures: Type.Integer(),
    projects: Type.Integer(),
    targets: Type.Integer(),
  }),
});

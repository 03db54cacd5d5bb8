import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

export const PublishedYearSchema = Type.Object({
  planId: Type.String(),
  planTitle: Type.String(),
  region: Type.String(),
  year: Type.Integer(),
  publishedAt: Type.String(),
});

export const PublicIndicatorSchema = Type.Object({
  targetKey: Type.String(),
  label: Type.String({ description: '规划中的指标表述' }),
  indicatorCode: Type.String(),
  indicatorName: Type.String(),
  unit: Type.Union([Type.String(), Type.Null()]),
  area: Type.String(),
  status: Type.String(),
  statusName: Type.String(),
  explanation: Type.String(),
  milestones: Type.Array(
    Type.Object({ year: Type.Integer(), comparator: Type.String(), value: Nullable(Type.Number()) }),
  ),
  series: Type.Array(Type.Object({ year: Type.Integer(), value: Nullable(Type.Number()) })),
  simulated: Type.Boolean({ description: '含模拟数据' }),
});

export const PublicPlanYearSchema = Type.Object({
  planId: Type.String(),
  planTitle: Type.String(),
  year: Type.Integer(),
  publishedAt: Type.String(),
  regionCode: Type.String(),
  attainment: Type.Object({
    achieved: Type.Integer(),
    assessable: Type.Integer(),
    rate: Nullable(Type.Number()),
  }),
  indicators: Type.Array(PublicIndicatorSchema),
});

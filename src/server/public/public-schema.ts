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

const Point = Type.Object({ year: Type.Integer(), value: Nullable(Type.Number()) });

/** The chart of a published indicator: the input of the shared `seriesOption` (the web draws it with ECharts). */
export const PublicChartSchema = Type.Object({
  chart: Type.Object({
    title: Type.String(),
    unit: Type.Union([Type.String(), Type.Null()]),
    lines: Type.Array(Type.Object({ name: Type.String(), points: Type.Array(Point) })),
    targets: Type.Optional(Type.Array(Type.Object({ year: Type.Integer(), value: Type.Number() }))),
    subtitle: Type.Optional(Type.String({ description: '模拟数据' })),
  }),
});

/** Open data of a published indicator as JSON: the Open SDG columns with the indicator's metadata. */
export const OpenDataJsonSchema = Type.Object({
  plan: Type.Object({ id: Type.String(), title: Type.String(), region: Type.String() }),
  publishedYear: Type.Integer(),
  indicator: Type.Object({
    code: Type.String(),
    name: Type.String(),
    label: Type.String(),
    unit: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    statusName: Type.String(),
  }),
  simulated: Type.Boolean({ description: '含模拟数据' }),
  columns: Type.Array(Type.String()),
  data: Type.Array(
    Type.Object({
      Year: Type.Integer(),
      GeoCode: Type.String({ description: '空：规划所在地区（总体）' }),
      Region: Type.String(),
      Sex: Type.String({ description: '空：合计' }),
      Value: Type.Number(),
    }),
  ),
});

/** A file answer (CSV, zip, .docx, .xlsx) as OpenAPI describes it. */
export const fileResponse = (description: string, ...types: string[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});

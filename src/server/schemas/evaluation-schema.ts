import { Type } from '@sinclair/typebox';
import { ALERT_RULES } from '../../domain/evaluation/alert-rules.js';
import { ALERT_STATUSES } from '../../domain/evaluation/alert-workflow.js';
import { PROGRESS_STATUSES } from '../../domain/evaluation/progress-status.js';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const NumOrNull = Nullable(Type.Number());
/** Objects whose every field is passed on (assessment components, ranking components). */
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const YearQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: '评估年度 / the year evaluated' }),
    region: Type.Optional(Type.String({ minLength: 2, maxLength: 12, description: '行政区划代码' })),
  },
  { additionalProperties: false },
);

export const ProgressStatusSchema = Type.Union(PROGRESS_STATUSES.map((s) => Type.Literal(s)));
export const AlertRuleSchema = Type.Union(ALERT_RULES.map((r) => Type.Literal(r)));
export const AlertStatusSchema = Type.Union(ALERT_STATUSES.map((s) => Type.Literal(s)));
export const AlertLevelSchema = Type.Union([Type.Literal('red'), Type.Literal('yellow')]);

export const AttainmentRateSchema = Type.Object({
  group: Type.String(),
  achieved: Type.Integer(),
  assessable: Type.Integer(),
  notAssessable: Type.Integer(),
  qualitative: Type.Integer(),
  rate: NumOrNull,
});

const MilestoneSchema = Type.Object({
  indicator: Type.String(),
  comparator: Type.String(),
  value: NumOrNull,
  unit: Type.Union([Type.String(), Type.Null()]),
  year: Type.Integer(),
});

const CandidateSchema = Type.Object({
  rule: AlertRuleSchema,
  level: AlertLevelSchema,
  reason: Type.String(),
  departments: Type.Array(Type.String()),
});

export const TargetEvaluationSchema = Type.Object({
  targetKey: Type.String(),
  area: Type.String(),
  label: Type.String(),
  indicatorCode: Type.Union([Type.String(), Type.Null()]),
  indicatorName: Type.Union([Type.String(), Type.Null()]),
  milestones: Type.Array(MilestoneSchema),
  responsible: Type.Array(Type.String()),
  status: ProgressStatusSchema,
  explanation: Type.String({ description: '一句话说明（中文）' }),
  assessment: Type.Union([
    Type.Object({
      current: Type.Union([
        Open('当前里程碑的评估及其组成：基期、最新值、所需与实际速度、比值、预测'),
        Type.Null(),
      ]),
      milestones: Type.Array(Open('每个里程碑（2025、2030）的评估')),
    }),
    Type.Null(),
  ]),
  value: Type.Union([Open('评估年度数值：上报值、汇总值及差异'), Type.Null()]),
  series: Type.Array(Type.Object({ year: Type.Integer(), value: NumOrNull })),
  alerts: Type.Array(CandidateSchema),
});

export const StoredAlertSchema = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  targetKey: Type.String(),
  indicatorCode: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.String(),
  year: Type.Integer(),
  rule: AlertRuleSchema,
  level: AlertLevelSchema,
  status: AlertStatusSchema,
  reason: Type.String(),
  reasonEn: Type.String(),
  departments: Type.Array(Type.String()),
  actionPlan: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  closedNote: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const AlertEventSchema = Type.Object({
  position: Type.Integer(),
  at: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  fromStatus: Type.Union([AlertStatusSchema, Type.Null()]),
  toStatus: Type.Union([AlertStatusSchema, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
});

export const PlanEvaluationSchema = Type.Object({
  planId: Type.String(),
  planTitle: Type.String(),
  year: Type.Integer(),
  dataVersion: Type.String(),
  planRegionCode: Type.String(),
  regions: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      regionName: Type.String(),
      level: Type.String(),
      isPlanRegion: Type.Boolean(),
      ownPlanId: Type.Union([Type.String(), Type.Null()]),
      attainment: Type.Union([
        Type.Object({ overall: AttainmentRateSchema, byArea: Type.Array(AttainmentRateSchema) }),
        Type.Null(),
      ]),
      targets: Type.Array(TargetEvaluationSchema),
    }),
  ),
  attainment: Type.Object({
    plan: AttainmentRateSchema,
    byArea: Type.Array(AttainmentRateSchema),
    byRegion: Type.Array(
      Type.Intersect([
        AttainmentRateSchema,
        Type.Object({ regionCode: Type.String(), regionName: Type.String() }),
      ]),
    ),
  }),
  alerts: Type.Array(StoredAlertSchema),
  unassessedTargets: Type.Array(
    Type.Object({ targetKey: Type.String(), label: Type.String(), reason: Type.String() }),
  ),
});

export const RankingSchema = Type.Object({
  planId: Type.String(),
  year: Type.Integer(),
  parentCode: Type.String(),
  parentName: Type.String(),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      direction: Type.String(),
      target: NumOrNull,
    }),
  ),
  regions: Type.Array(
    Type.Object({
      region: Type.String(),
      regionName: Type.String(),
      status: Type.String(),
      rank: Type.Union([Type.Integer(), Type.Null()]),
      score: NumOrNull,
      indicatorsWithData: Type.Integer(),
      previousRank: Type.Union([Type.Integer(), Type.Null()]),
      rankChange: Type.Union([Type.Integer(), Type.Null()]),
      components: Type.Array(Open('每项指标的原值、采用值、可信度、得分与贡献')),
    }),
  ),
  rule: Type.String(),
});

const Counts = (keys: readonly string[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()])));

export const OverviewSchema = Type.Object({
  planId: Type.String(),
  year: Type.Integer(),
  dataVersion: Type.String(),
  counts: Counts(['targets', 'assessedTargets', 'regions', 'assessments']),
  statusDistribution: Type.Object({ plan: Counts(PROGRESS_STATUSES), allRegions: Counts(PROGRESS_STATUSES) }),
  alerts: Type.Object({
    open: Type.Integer(),
    byLevel: Counts(['red', 'yellow']),
    byRule: Counts(ALERT_RULES),
    byStatus: Type.Record(Type.String(), Type.Integer()),
  }),
  attainment: PlanEvaluationSchema.properties.attainment,
  regionCode: Type.String({ description: '规划所在地区' }),
  regionName: Type.String(),
  simulated: Type.Boolean({ description: '是否含模拟数据' }),
  targets: Type.Array(
    Type.Object({
      targetKey: Type.String(),
      area: Type.String(),
      label: Type.String(),
      indicatorCode: Type.Union([Type.String(), Type.Null()]),
      indicatorName: Type.Union([Type.String(), Type.Null()]),
      indicatorNameEn: Type.Union([Type.String(), Type.Null()]),
      status: ProgressStatusSchema,
      previousStatus: Type.Union([ProgressStatusSchema, Type.Null()], {
        description: '上一年度的状态（截至上年的数据）',
      }),
      explanation: Type.String({ description: '一句话说明（中文）' }),
      latestYear: Type.Union([Type.Integer(), Type.Null()]),
    }),
    { description: '规划所在地区各目标的状态' },
  ),
  completeness: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      regionName: Type.String(),
      reported: Type.Integer(),
      targets: Type.Integer(),
    }),
    { description: '本年度上报完整性：规划所在地区及下辖地区有上报值的目标数' },
  ),
});

/** The overview's query: the year may be left out (then the latest year with approved data of the plan's region). */
export const OverviewQuery = Type.Object(
  { year: Type.Optional(YearQuery.properties.year), region: YearQuery.properties.region },
  { additionalProperties: false },
);

export const ComparisonSchema = Type.Object({
  planId: Type.String(),
  referencePlanId: Type.Union([Type.String(), Type.Null()]),
  lessAmbitious: Type.Integer(),
  comparisons: Type.Array(
    Type.Object({
      key: Type.String(),
      indicatorCode: Type.String(),
      year: Type.Integer(),
      own: MilestoneSchema,
      reference: Type.Union([MilestoneSchema, Type.Null()]),
      verdict: Type.String(),
      reason: Type.String(),
    }),
  ),
});

export const AlertQuery = Type.Object(
  {
    plan: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    region: Type.Optional(Type.String({ minLength: 2, maxLength: 12 })),
    status: Type.Optional(AlertStatusSchema),
    level: Type.Optional(AlertLevelSchema),
    rule: Type.Optional(AlertRuleSchema),
    department: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const AlertActionBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: 2000, description: '说明或评论' })),
    actionPlan: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4000, description: '整改措施（认领时必填）' }),
    ),
    dueDate: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '办理期限 YYYY-MM-DD' }),
    ),
  },
  { additionalProperties: false },
);

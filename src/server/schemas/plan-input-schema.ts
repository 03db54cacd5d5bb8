import { Type } from '@sinclair/typebox';

// Null comes first in unions: the API's Ajv coerces types, and would read null as 0 or "" otherwise.
import { AREA_CODES, COMPARATORS } from '../../domain/plan.js';
import { DOCUMENT_FORMATS } from '../../domain/plan-source.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([Type.Null(), schema]);
const Text = (maxLength: number) => Type.String({ maxLength });
const AreaCode = Type.Union([...AREA_CODES, 'other'].map((c) => Type.Literal(c)));

const Responsibility = Type.Object({
  departments: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 }),
  raw: Nullable(Text(2000)),
});

const PlanItemInput = Type.Object({
  number: Type.Integer({ minimum: 0, maximum: 1000 }),
  title: Nullable(Text(2000)),
  text: Text(20000),
  responsibility: Responsibility,
});

/** A plan as `POST /api/plans/parse` returns it, possibly corrected (item ids may be sent back; ignored). */
export const PlanInputSchema = Type.Object({
  id: Type.String({ maxLength: 64 }),
  title: Type.String({ maxLength: 200 }),
  region: Type.String({ maxLength: 50 }),
  level: Type.Union(['national', 'province', 'city', 'county', 'district'].map((l) => Type.Literal(l))),
  parentRegion: Nullable(Type.String({ maxLength: 50 })),
  period: Type.Array(Type.Integer({ minimum: 1949, maximum: 2100 }), { minItems: 2, maxItems: 2 }),
  areas: Type.Array(
    Type.Object({
      code: AreaCode,
      name: Text(100),
      goals: Type.Array(PlanItemInput, { maxItems: 500 }),
      measures: Type.Array(PlanItemInput, { maxItems: 500 }),
    }),
    { maxItems: 20 },
  ),
  projects: Type.Array(
    Type.Composite([PlanItemInput, Type.Object({ area: Type.Union([Type.Null(), AreaCode]) })]),
    { maxItems: 500 },
  ),
  targets: Type.Array(
    Type.Object({
      area: AreaCode,
      section: Type.Union(['goal', 'measure', 'project', 'other'].map((s) => Type.Literal(s))),
      item: Type.Integer({ minimum: 0, maximum: 1000 }),
      indicator: Text(200),
      comparator: Type.Union(COMPARATORS.map((c) => Type.Literal(c))),
      value: Type.Union([Type.Null(), Type.Number()]),
      unit: Nullable(Text(20)),
      year: Type.Integer({ minimum: 1949, maximum: 2100 }),
      responsible: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 }),
      text: Text(20000),
    }),
    { maxItems: 2000 },
  ),
});

export const PlanSourceSchema = Type.Object({
  format: Type.Union(DOCUMENT_FORMATS.map((f) => Type.Literal(f))),
  text: Type.String({ minLength: 1 }),
});

/** One target's link to the indicator catalogue, by the target's item id. */
export const TargetLinkSchema = Type.Object({
  targetId: Type.String(),
  indicatorCode: Type.Union([Type.String(), Type.Null()]),
  method: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number(),
});

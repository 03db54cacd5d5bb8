import { Type } from '@sinclair/typebox';
import { CellStateSchema, RoundCellInputSchema } from '../schemas/round-schema.js';

/** Parameters, query strings and bodies of the round routes (TypeBox; the OpenAPI document is built from them). */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });
export const CellParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 80 }),
  cellId: Type.String({ minLength: 1, maxLength: 80 }),
});
export const OpenBody = Type.Object(
  {
    planId: Type.String({ minLength: 1, maxLength: 64 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    deadline: Type.String({ format: 'date', description: 'YYYY-MM-DD; late after this day (China time)' }),
  },
  { additionalProperties: false },
);
export const CellsQuery = Type.Object(
  {
    department: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 12, description: 'region code' })),
    state: Type.Optional(CellStateSchema),
  },
  { additionalProperties: false },
);
export const SaveBody = Type.Object(
  {
    cells: Type.Array(RoundCellInputSchema, { minItems: 1, maxItems: 5000 }),
    source: Type.Optional(
      Type.Union([Type.Literal('form'), Type.Literal('api')], { description: 'form (web grid) or api' }),
    ),
  },
  { additionalProperties: false },
);
export const SubmitBody = Type.Object(
  {
    department: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 12, description: 'region code' })),
  },
  { additionalProperties: false },
);
export const ReviewBody = Type.Object(
  {
    decisions: Type.Array(
      Type.Object(
        {
          cellId: Type.String({ minLength: 1, maxLength: 80 }),
          decision: Type.Union([Type.Literal('approve'), Type.Literal('return'), Type.Literal('reopen')], {
            description: 'reopen: an approved value, monitoring lead only',
          }),
          reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
export const TemplateQuery = Type.Object(
  { department: Type.String({ minLength: 1, maxLength: 50 }) },
  { additionalProperties: false },
);
export const UploadQuery = Type.Object(
  { filename: Type.String({ minLength: 1, maxLength: 200, description: 'the file name: .xlsx or .csv' }) },
  { additionalProperties: false },
);
export const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
];
export const ReopenBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500, description: '重新开放的原因 / why it is reopened' }),
  },
  { additionalProperties: false },
);

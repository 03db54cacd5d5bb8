import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HalfskyError } from '../../domain/errors.js';
import { findIndicator, INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { IndicatorSchema } from '../schemas/indicator-schema.js';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 120 }) });

/** GET /api/indicators and /api/indicators/:code: the catalogue, the same for every region. */
export function indicatorRoutes(app: FastifyInstance): void {
  app.get(
    '/api/indicators',
    {
      config: { access: 'indicator:read' },
      schema: {
        tags: ['indicators'],
        summary: '监测指标目录 / the indicator catalogue',
        response: { 200: Type.Object({ indicators: Type.Array(IndicatorSchema) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ indicators: INDICATOR_CATALOG }),
  );

  app.get<{ Params: Static<typeof CodeParams> }>(
    '/api/indicators/:code',
    {
      config: { access: 'indicator:read' },
      schema: {
        tags: ['indicators'],
        summary: '监测指标 / one indicator',
        params: CodeParams,
        response: { 200: IndicatorSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const indicator = findIndicator(request.params.code);
      if (!indicator) throw new HalfskyError('INDICATOR_NOT_FOUND', { code: request.params.code });
      return indicator;
    },
  );
}

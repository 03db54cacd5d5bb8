import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/load-config.js';
import { acceptRawFiles, refuseOversizedUpload } from '../raw-upload.js';
import { roundTemplateFile } from '../../services/rounds/round-template-file.js';
import { uploadRoundFile } from '../../services/rounds/upload-round-file.js';
import type { ResolvedDeps } from '../app-deps.js';
import { requestLang } from '../request-lang.js';
import { ERROR_RESPONSES } from '../schemas/error-schema.js';
import { SavedWarningSchema } from '../schemas/round-schema.js';
import { IdParams, TemplateQuery, UPLOAD_TYPES, UploadQuery } from './round-route-schemas.js';
import { roundRoute, warningsIn } from './round-route.js';

/** Excel in and out: a department's template of a round, and uploads of a filled-in template or a CSV. */
export function roundFileRoutes(app: FastifyInstance, config: Config, deps: ResolvedDeps): void {
  roundRoute<{ Params: Static<typeof IdParams>; Querystring: Static<typeof TemplateQuery> }>(
    app,
    deps,
    {
      method: 'GET',
      url: '/api/rounds/:id/template',
      access: 'observation:write',
      schema: {
        summary: '下载部门填报模板（Excel）/ the Excel template of a department',
        params: IdParams,
        querystring: TemplateQuery,
        response: {
          200: Type.String({ format: 'binary', description: 'XLSX workbook' }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (ctx, request, reply) => {
      const file = await roundTemplateFile(deps.db, request.auth!.user, ctx, request.query.department);
      return reply
        .header('content-type', UPLOAD_TYPES[1])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.bytes);
    },
  );

  // Uploads take the raw file as the body; their parser lives in a child scope so it touches no other route.
  void app.register(async (scope) => {
    acceptRawFiles(scope, UPLOAD_TYPES, config);
    roundRoute<{ Params: Static<typeof IdParams>; Querystring: Static<typeof UploadQuery> }>(
      scope,
      deps,
      {
        method: 'POST',
        url: '/api/rounds/:id/upload',
        access: 'observation:write',
        bodyLimit: config.maxUploadBytes,
        onRequest: refuseOversizedUpload(config),
        schema: {
          summary:
            '上传填好的模板（.xlsx）或 CSV：全部成功或全部不保存 / upload a filled-in template or CSV, all or nothing',
          description: `Body: the file itself (Content-Type ${UPLOAD_TYPES.join(', ')}), at most HALFSKY_MAX_UPLOAD_MB.`,
          params: IdParams,
          querystring: UploadQuery,
          response: {
            200: Type.Object({
              rows: Type.Integer({ description: 'rows with a value in the file' }),
              saved: Type.Integer({
                description: 'cells stored (rows equal to the stored value are left out)',
              }),
              warnings: Type.Array(SavedWarningSchema),
            }),
            413: ERROR_RESPONSES[400],
            ...ERROR_RESPONSES,
          },
        },
      },
      async (ctx, request) => {
        const body = request.body as Buffer | undefined;
        const result = await uploadRoundFile(
          deps.db,
          request.auth!.user,
          ctx,
          { bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0), filename: request.query.filename },
          { maxBytes: config.maxUploadBytes, now: deps.now() },
        );
        return {
          rows: result.rows,
          saved: result.saved,
          warnings: warningsIn(result.warnings, requestLang(request, config.lang)),
        };
      },
    );
  });
}

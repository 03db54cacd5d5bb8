import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config/load-config.js';
import { HalfskyError } from '../domain/errors.js';

type UploadLimits = Pick<Config, 'maxUploadBytes' | 'maxUploadMb'>;

/** Lets a (child) scope take the raw file as the body for these content types, up to the upload limit. */
export function acceptRawFiles(scope: FastifyInstance, types: readonly string[], limits: UploadLimits): void {
  scope.addContentTypeParser(
    [...types],
    { parseAs: 'buffer', bodyLimit: limits.maxUploadBytes },
    (_request, body, done) => done(null, body),
  );
}

/**
 * An onRequest hook refusing an upload whose declared length is over the limit before any of it is read:
 * FILE_TOO_LARGE with the size and the limit, and (with `field`) the field at fault.
 */
export function refuseOversizedUpload(limits: UploadLimits, field?: string) {
  return async (request: FastifyRequest): Promise<void> => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length <= limits.maxUploadBytes) return;
    throw new HalfskyError(
      'FILE_TOO_LARGE',
      { path: 'upload', sizeMb: Math.round((length / 1048576) * 10) / 10, maxMb: limits.maxUploadMb },
      field === undefined
        ? undefined
        : {
            fields: [{ field, zh: `上限 ${limits.maxUploadMb} MB`, en: `limit ${limits.maxUploadMb} MB` }],
          },
    );
  };
}

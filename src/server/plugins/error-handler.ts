import type { FastifyError, FastifyInstance } from 'fastify';
import { HalfskyError, isHalfskyError, type Lang } from '../../domain/errors.js';
import { ERROR_STATUS } from '../error-status.js';
import { requestLang } from '../request-lang.js';
import { validationFields } from '../validation-fields.js';

/**
 * Maps every failure to `{ code, message, fields? }` once: HalfskyError codes to their status (ERROR_STATUS),
 * schema validation to 400 with the fields at fault and why (in the request's language), anything else to a generic 500 (logged, never shown).
 * Messages are in Chinese unless Accept-Language asks for English; 5xx messages are always generic.
 */
export function registerErrorHandler(app: FastifyInstance, fallbackLang: Lang): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLang(request, fallbackLang);
    if (error.validation) {
      const fields = validationFields(error.validation, error.validationContext, lang);
      const coded = new HalfskyError('VALIDATION_FAILED', {
        fields: fields.map((f) => `${f.field} ${f.message}`).join(lang === 'zh' ? '；' : '; '),
      });
      return reply.status(400).send({ code: coded.code, message: coded.messageIn(lang), fields });
    }
    if (isHalfskyError(error as unknown)) {
      const coded = error as unknown as HalfskyError;
      const status = ERROR_STATUS[coded.code] ?? 500;
      if (status < 500) {
        const fields = coded.fields?.map((f) => ({ field: f.field, message: f[lang] }));
        return reply
          .status(status)
          .send({ code: coded.code, message: coded.messageIn(lang), ...(fields ? { fields } : {}) });
      }
      request.log.error({ err: error }, 'coded server error');
      return reply.status(status).send({ code: coded.code, message: generic(lang) });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, body too large, unsupported media type).
      const coded = new HalfskyError('VALIDATION_FAILED', { fields: error.code ?? 'body' });
      return reply.status(error.statusCode).send({ code: coded.code, message: coded.messageIn(lang) });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ code: 'INTERNAL_ERROR', message: generic(lang) });
  });

  app.setNotFoundHandler((request, reply) => {
    const error = new HalfskyError('ROUTE_NOT_FOUND', {
      method: request.method,
      url: request.url.split('?')[0] ?? '',
    });
    return reply
      .status(404)
      .send({ code: error.code, message: error.messageIn(requestLang(request, fallbackLang)) });
  });
}

function generic(lang: Lang): string {
  return new HalfskyError('INTERNAL_ERROR', {}).messageIn(lang);
}

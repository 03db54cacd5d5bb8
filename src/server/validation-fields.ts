import type { FastifySchemaValidationError } from 'fastify';
import type { Lang } from '../domain/errors.js';

/** A field a request got wrong, with the reason in the request's language. */
export interface ValidationField {
  field: string;
  message: string;
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  string: { zh: '文本', en: 'text' },
  boolean: { zh: '是或否（true / false）', en: 'true or false' },
  null: { zh: '空值（null）', en: 'null' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

const typeName = (type: unknown, lang: Lang): string =>
  String(type)
    .split(',')
    .map((t) => TYPE_NAMES[t]?.[lang] ?? t)
    .join(lang === 'zh' ? '或' : ' or ');

const list = (values: unknown, lang: Lang): string =>
  (Array.isArray(values) ? values : [values]).map((v) => JSON.stringify(v)).join(lang === 'zh' ? '、' : ', ');

/** One schema failure in words (Ajv's messages are English only). */
function describe(error: FastifySchemaValidationError, lang: Lang): string {
  const p = (error.params ?? {}) as Record<string, unknown>;
  const zh = lang === 'zh';
  switch (error.keyword) {
    case 'required':
      return zh ? '必填' : 'is required';
    case 'type':
      return zh ? `应为${typeName(p.type, lang)}` : `must be ${typeName(p.type, lang)}`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const op = String(p.comparison ?? '');
      const words: Record<string, [string, string]> = {
        '>=': ['不小于', 'at least'],
        '>': ['大于', 'more than'],
        '<=': ['不大于', 'at most'],
        '<': ['小于', 'less than'],
      };
      const [wz, we] = words[op] ?? ['满足', 'within'];
      return zh ? `应${wz}${String(p.limit)}` : `must be ${we} ${String(p.limit)}`;
    }
    case 'minLength':
      return zh ? `至少${String(p.limit)}个字符` : `must have at least ${String(p.limit)} characters`;
    case 'maxLength':
      return zh ? `最多${String(p.limit)}个字符` : `must have at most ${String(p.limit)} characters`;
    case 'minItems':
      return zh ? `至少${String(p.limit)}项` : `must have at least ${String(p.limit)} items`;
    case 'maxItems':
      return zh ? `最多${String(p.limit)}项` : `must have at most ${String(p.limit)} items`;
    case 'pattern':
      return zh ? '格式不正确' : 'has the wrong format';
    case 'format':
      return zh ? `应为${String(p.format)}格式` : `must be a ${String(p.format)}`;
    case 'enum':
      return zh
        ? `应为以下之一：${list(p.allowedValues, lang)}`
        : `must be one of ${list(p.allowedValues, lang)}`;
    case 'const':
      return zh ? `应为${list(p.allowedValue, lang)}` : `must be ${list(p.allowedValue, lang)}`;
    case 'additionalProperties':
      return zh ? '不是可接受的字段' : 'is not an accepted field';
    default:
      return zh ? '不符合要求' : (error.message ?? 'is not valid');
  }
}

/**
 * The fields a request's schema validation refused, each once, with its reason in Chinese or English:
 * `body.cells.1.value 应为数字或空值（null）`. A field refused by every branch of an `anyOf` (a number or null)
 * gets one message naming the accepted types rather than one per branch; an unknown field is named itself.
 */
export function validationFields(
  errors: readonly FastifySchemaValidationError[],
  context: string | undefined,
  lang: Lang,
): ValidationField[] {
  const pathOf = (e: FastifySchemaValidationError) => {
    const p = (e.params ?? {}) as Record<string, unknown>;
    const child =
      typeof p.missingProperty === 'string'
        ? p.missingProperty
        : typeof p.additionalProperty === 'string'
          ? p.additionalProperty
          : null;
    return `${context ?? ''}${e.instancePath}`.replace(/\//g, '.') + (child === null ? '' : `.${child}`);
  };
  const byField = new Map<string, FastifySchemaValidationError[]>();
  for (const e of errors) {
    const field = pathOf(e);
    byField.set(field, [...(byField.get(field) ?? []), e]);
  }
  return [...byField].map(([field, es]) => {
    if (es.some((e) => e.keyword === 'anyOf')) {
      // Every branch refused: say what the branches accept together (应为数字或空值; 应为以下之一：…).
      const rest = es.filter((e) => e.keyword !== 'anyOf');
      const param = (e: FastifySchemaValidationError, name: string) =>
        ((e.params ?? {}) as Record<string, unknown>)[name];
      const merged = (keyword: string, params: Record<string, unknown>) =>
        describe({ ...rest[0]!, keyword, params }, lang);
      if (rest.length > 0 && rest.every((e) => e.keyword === 'type'))
        return { field, message: merged('type', { type: rest.map((e) => param(e, 'type')).join(',') }) };
      if (rest.length > 0 && rest.every((e) => e.keyword === 'const'))
        return {
          field,
          message: merged('enum', { allowedValues: rest.map((e) => param(e, 'allowedValue')) }),
        };
      return { field, message: rest.map((e) => describe(e, lang)).join(lang === 'zh' ? '；或' : '; or ') };
    }
    return {
      field,
      message: [...new Set(es.map((e) => describe(e, lang)))].join(lang === 'zh' ? '；' : '; '),
    };
  });
}

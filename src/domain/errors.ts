/**
 * The catalogue of expected failures. Every error has a stable code, a Chinese message (the default
 * language of the platform) and an English one; callers choose the language, only edges print.
 */

export type Lang = 'zh' | 'en';

interface Messages<P> {
  zh: (params: P) => string;
  en: (params: P) => string;
}

function messages<P>(zh: (params: P) => string, en: (params: P) => string): Messages<P> {
  return { zh, en };
}

type PathParams = { path: string };

const CATALOGUE = {
  CONFIG_INVALID: messages<{ variable: string; value: string; expectedZh: string; expectedEn: string }>(
    (p) => `环境变量 ${p.variable} 的值无效（“${p.value}”），应为${p.expectedZh}。`,
    (p) => `Invalid value for ${p.variable} ("${p.value}"): expected ${p.expectedEn}.`,
  ),
  FILE_NOT_FOUND: messages<PathParams>(
    (p) => `找不到文件：${p.path}`,
    (p) => `File not found: ${p.path}`,
  ),
  NOT_A_FILE: messages<PathParams>(
    (p) => `不是普通文件（可能是目录）：${p.path}`,
    (p) => `Not a regular file (a directory?): ${p.path}`,
  ),
  EMPTY_FILE: messages<PathParams>(
    (p) => `文件为空：${p.path}`,
    (p) => `The file is empty: ${p.path}`,
  ),
  BINARY_FILE: messages<PathParams>(
    (p) => `文件不是文本文件（可能是二进制文件或编码无法识别）：${p.path}`,
    (p) => `The file is not text (binary content or an unknown encoding): ${p.path}`,
  ),
  UNSUPPORTED_EXTENSION: messages<PathParams & { extension: string; supported: string }>(
    (p) => `不支持的文件类型“${p.extension || '（无扩展名）'}”：${p.path}。支持的类型：${p.supported}。`,
    (p) => `Unsupported file type "${p.extension || '(none)'}": ${p.path}. Supported: ${p.supported}.`,
  ),
  FILE_TOO_LARGE: messages<PathParams & { sizeMb: number; maxMb: number }>(
    (p) => `文件过大（${p.sizeMb} MB，上限 ${p.maxMb} MB）：${p.path}`,
    (p) => `The file is too large (${p.sizeMb} MB, limit ${p.maxMb} MB): ${p.path}`,
  ),
  CORRUPT_DOCUMENT: messages<PathParams & { format: string }>(
    (p) => `无法读取 ${p.format} 文件，文件可能已损坏：${p.path}`,
    (p) => `Cannot read the ${p.format} file; it may be damaged: ${p.path}`,
  ),
  DOCUMENT_HAS_NO_TEXT: messages<PathParams>(
    (p) => `文件中没有可提取的文字（扫描件需先进行文字识别）：${p.path}`,
    (p) => `The document contains no extractable text (a scan needs OCR first): ${p.path}`,
  ),
  NOT_A_PLAN: messages<PathParams>(
    (p) => `该文件不是妇女发展规划：未找到任何发展领域（如“妇女与健康”）：${p.path}`,
    (p) =>
      `This is not a women's development plan: no area heading (such as 妇女与健康) was found: ${p.path}`,
  ),
  PLAN_HAS_NO_TARGETS: messages<PathParams>(
    (p) => `规划中未找到任何目标值（如“孕产妇死亡率控制在12/10万以下”），未导入：${p.path}`,
    (p) =>
      `No targets (such as 孕产妇死亡率控制在12/10万以下) were found in the plan; nothing imported: ${p.path}`,
  ),
  PLAN_NOT_FOUND: messages<{ id: string }>(
    (p) => `找不到规划：${p.id}`,
    (p) => `Plan not found: ${p.id}`,
  ),
  INVALID_PLAN_ID: messages<{ id: string }>(
    (p) => `规划标识“${p.id}”无效：只能包含字母、数字、“-”和“_”，最长 64 个字符。`,
    (p) => `Invalid plan id "${p.id}": use letters, digits, "-" and "_" only, at most 64 characters.`,
  ),
  NO_SEED_FILES: messages<{ dir: string }>(
    (p) => `目录中没有可导入的规划文件：${p.dir}`,
    (p) => `No plan files to import in ${p.dir}`,
  ),
  MISSING_COLUMNS: messages<PathParams & { columns: string[] }>(
    (p) => `数据文件缺少必需的列：${p.columns.join('、')}：${p.path}`,
    (p) => `The data file lacks required columns: ${p.columns.join(', ')}: ${p.path}`,
  ),
  UNKNOWN_INDICATOR: messages<{ input: string }>(
    (p) => `未知指标：${p.input}`,
    (p) => `Unknown indicator: ${p.input}`,
  ),
  UNKNOWN_REGION: messages<{ input: string }>(
    (p) => `未知或不唯一的地区：${p.input}`,
    (p) => `Unknown or ambiguous region: ${p.input}`,
  ),
  INVALID_ROWS: messages<PathParams & { rows: number; problems: number }>(
    (p) => `${p.rows} 行数据有误（共 ${p.problems} 处），未导入任何数据：${p.path}`,
    (p) => `${p.rows} rows have errors (${p.problems} in all); nothing was imported: ${p.path}`,
  ),
  DATABASE_UNAVAILABLE: messages<{ detail: string }>(
    (p) => `无法连接数据库：${p.detail}`,
    (p) => `Cannot connect to the database: ${p.detail}`,
  ),
  UNAUTHENTICATED: messages<Record<string, never>>(
    () => '请先登录。',
    () => 'Please sign in first.',
  ),
  FORBIDDEN: messages<Record<string, never>>(
    () => '没有执行此操作的权限。',
    () => 'You are not allowed to do this.',
  ),
  CSRF_TOKEN_INVALID: messages<Record<string, never>>(
    () => '请求缺少有效的 CSRF 令牌（x-csrf-token），请刷新后重试。',
    () => 'The request lacks a valid CSRF token (x-csrf-token); reload and try again.',
  ),
  LOGIN_FAILED: messages<Record<string, never>>(
    () => '用户名或密码错误。',
    () => 'Wrong username or password.',
  ),
  LOGIN_RATE_LIMITED: messages<{ minutes: number }>(
    (p) => `登录失败次数过多，请 ${p.minutes} 分钟后再试。`,
    (p) => `Too many failed sign-ins; try again in ${p.minutes} minutes.`,
  ),
  VALIDATION_FAILED: messages<{ fields: string }>(
    (p) => `请求参数无效：${p.fields}`,
    (p) => `Invalid request: ${p.fields}`,
  ),
  ROUTE_NOT_FOUND: messages<{ method: string; url: string }>(
    (p) => `没有这个接口：${p.method} ${p.url}`,
    (p) => `No such route: ${p.method} ${p.url}`,
  ),
  REGION_NOT_FOUND: messages<{ code: string }>(
    (p) => `找不到行政区划：${p.code}`,
    (p) => `Region not found: ${p.code}`,
  ),
  INDICATOR_NOT_FOUND: messages<{ code: string }>(
    (p) => `找不到监测指标：${p.code}`,
    (p) => `Indicator not found: ${p.code}`,
  ),
  USER_NOT_FOUND: messages<{ id: string }>(
    (p) => `找不到用户：${p.id}`,
    (p) => `User not found: ${p.id}`,
  ),
  USERNAME_TAKEN: messages<{ username: string }>(
    (p) => `用户名已存在：${p.username}`,
    (p) => `The username is taken: ${p.username}`,
  ),
  USER_INVALID: messages<{ reasonZh: string; reasonEn: string }>(
    (p) => `用户信息无效：${p.reasonZh}`,
    (p) => `Invalid user: ${p.reasonEn}`,
  ),
  OBSERVATIONS_INVALID: messages<{ cells: number; problems: number }>(
    (p) => `数据有误：${p.cells} 个单元格共 ${p.problems} 处问题，未保存任何数据。`,
    (p) => `Invalid data: ${p.problems} problems in ${p.cells} cells; nothing was stored.`,
  ),
  OBSERVATION_CONFLICT: messages<{ cells: string }>(
    (p) => `数据已被他人修改（单元格 ${p.cells}），请刷新后重试；未保存任何数据。`,
    (p) => `The data was changed by someone else (cells ${p.cells}); reload and retry. Nothing was stored.`,
  ),
  OBSERVATIONS_FORBIDDEN: messages<{ cells: string }>(
    (p) => `无权填报这些单元格（${p.cells}）：地区不在本人辖区或指标不属于本部门；未保存任何数据。`,
    (p) =>
      `Not allowed to write cells ${p.cells}: region outside your scope or indicator not your department's. Nothing was stored.`,
  ),
  PLAN_ITEM_NOT_FOUND: messages<{ planId: string; itemId: string }>(
    (p) => `规划 ${p.planId} 中找不到条目：${p.itemId}`,
    (p) => `Item not found in plan ${p.planId}: ${p.itemId}`,
  ),
  ALERT_NOT_FOUND: messages<{ id: string }>(
    (p) => `找不到预警：${p.id}`,
    (p) => `Alert not found: ${p.id}`,
  ),
  ALERT_ACTION_NOT_ALLOWED: messages<{ id: string; action: string; status: string }>(
    (p) => `预警 ${p.id} 当前状态为“${p.status}”，不能执行“${p.action}”。`,
    (p) => `Alert ${p.id} is ${p.status}; "${p.action}" is not allowed.`,
  ),
  ROUND_NOT_FOUND: messages<{ id: string }>(
    (p) => `找不到填报轮次：${p.id}`,
    (p) => `Reporting round not found: ${p.id}`,
  ),
  ROUND_EXISTS: messages<{ planId: string; year: number }>(
    (p) => `规划 ${p.planId} 的 ${p.year} 年度填报轮次已存在。`,
    (p) => `A reporting round for plan ${p.planId} and ${p.year} already exists.`,
  ),
  ROUND_HAS_NO_CELLS: messages<{ planId: string }>(
    (p) => `规划 ${p.planId} 没有关联到可填报的监测指标，无法开启填报轮次。`,
    (p) => `Plan ${p.planId} has no linked quantitative indicators; no round can be opened.`,
  ),
  ROUND_CELLS_INVALID: messages<{ cells: number; problems: number }>(
    (p) => `填报数据有误：${p.cells} 个单元格共 ${p.problems} 处问题，未保存任何数据。`,
    (p) => `Invalid round data: ${p.problems} problems in ${p.cells} cells; nothing was stored.`,
  ),
  ROUND_CELL_STATE: messages<{ cells: string }>(
    (p) => `单元格当前状态不允许此操作（${p.cells}）；未保存任何数据。`,
    (p) => `The cells' state does not allow this (${p.cells}); nothing was stored.`,
  ),
  ROUND_CLOSED: messages<{ id: string }>(
    (p) => `填报轮次 ${p.id} 已关闭，不能再保存、报送或上传数据；如需修改，请监测组重新开放本轮次。`,
    (p) =>
      `The reporting round ${p.id} is closed: nothing can be saved, submitted or uploaded; the monitoring lead can reopen it.`,
  ),
  ROUND_STATUS: messages<{ id: string; status: string }>(
    (p) => `填报轮次 ${p.id} ${p.status === 'closed' ? '已关闭' : '已开放'}，无需重复操作。`,
    (p) => `The reporting round ${p.id} is already ${p.status}.`,
  ),
  REASON_REQUIRED: messages<{ fields: string }>(
    (p) => `请填写原因：${p.fields}`,
    (p) => `A reason is required: ${p.fields}`,
  ),
  UPLOAD_NOT_EXCEL: messages<PathParams>(
    (p) => `文件扩展名为 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件）：${p.path}`,
    (p) => `The file is named .xlsx but is not an Excel workbook (another file renamed?): ${p.path}`,
  ),
  UPLOAD_UNSUPPORTED_CONTENT: messages<PathParams & { problems: number }>(
    (p) =>
      `上传的工作簿含有不支持的内容（公式、合并单元格或隐藏工作表，共 ${p.problems} 处），未导入任何数据：${p.path}`,
    (p) =>
      `The workbook contains unsupported content (formulas, merged cells or hidden sheets; ${p.problems} in all); nothing was imported: ${p.path}`,
  ),
  REPORT_REQUEST_INVALID: messages<{ reasonZh: string; reasonEn: string }>(
    (p) => `无法生成报告：${p.reasonZh}`,
    (p) => `Cannot produce the report: ${p.reasonEn}`,
  ),
  DEPARTMENT_NOT_IN_PLAN: messages<{ planId: string; department: string }>(
    (p) => `规划 ${p.planId} 中没有责任单位“${p.department}”。`,
    (p) => `Plan ${p.planId} names no responsible department "${p.department}".`,
  ),
  NOT_PUBLISHED: messages<{ planId: string; year: number | string }>(
    (p) => `规划 ${p.planId} 的 ${p.year} 年度结果尚未公开发布。`,
    (p) => `The ${p.year} results of plan ${p.planId} have not been published.`,
  ),
  PLAN_INVALID: messages<{ problems: number }>(
    (p) => `规划内容有误（${p.problems} 处），未保存。`,
    (p) => `The plan is invalid (${p.problems} problems); nothing was stored.`,
  ),
  PLAN_OUT_OF_SCOPE: messages<{ region: string }>(
    (p) => `规划所属地区“${p.region}”不在本人辖区内，不能导入。`,
    (p) => `The plan's region "${p.region}" lies outside your scope; it cannot be imported.`,
  ),
  INTERNAL_ERROR: messages<Record<string, never>>(
    () => '服务器内部错误，请稍后再试。',
    () => 'Internal server error; please try again later.',
  ),
} satisfies Record<string, Messages<never>>;

export type ErrorCode = keyof typeof CATALOGUE;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof CATALOGUE)[C]['zh']>[0];

/** One field at fault, with its reason in both languages. */
export interface ErrorField {
  field: string;
  zh: string;
  en: string;
}

/** An expected failure: carries a catalogue code and the parameters its messages need. */
export class HalfskyError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'HalfskyError';
  readonly code: C;
  readonly params: ErrorParams<C>;
  /** The fields at fault (a cell's index and column, `cells.3.value`), where the failure has some. */
  readonly fields: readonly ErrorField[] | undefined;

  constructor(
    code: C,
    params: ErrorParams<C>,
    options?: { cause?: unknown; fields?: readonly ErrorField[] },
  ) {
    super(messageOf(code, params, 'zh'), options);
    this.code = code;
    this.params = params;
    this.fields = options?.fields;
  }

  /** The message in the given language. */
  messageIn(lang: Lang): string {
    return messageOf(this.code, this.params, lang);
  }
}

function messageOf<C extends ErrorCode>(code: C, params: ErrorParams<C>, lang: Lang): string {
  const entry = CATALOGUE[code] as Messages<ErrorParams<C>>;
  return entry[lang](params);
}

/** True when `error` is a HalfskyError, optionally with the given code. */
export function isHalfskyError<C extends ErrorCode>(error: unknown, code?: C): error is HalfskyError<C> {
  return error instanceof HalfskyError && (code === undefined || error.code === code);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Env } from '../config/load-config.js';
import { HalfskyError, type Lang } from '../domain/errors.js';
import type { CliContext, CliIo } from './cli-context.js';
import { printError } from './print-error.js';
import { UsageError } from './usage-error.js';
import type { PublishOptions } from './commands/publish.js';
import type { ReportOptions } from './commands/report.js';
import type { UserAddOptions } from './commands/user-add.js';

const ROLE_LIST = 'administrator plan_owner monitoring_lead reporter county_office viewer';

export interface RunCliOptions {
  env: Env;
  io: CliIo;
  /** Root of the package: data/plans and package.json live here. */
  packageRoot: string;
  cwd?: string;
}

/**
 * Runs the halfsky CLI and returns its exit code: 0 success, 1 failure (a HalfskyError, printed in Chinese
 * and English), 2 usage error. Command modules (and with them Kysely, the drivers, mammoth and unpdf) are
 * imported only when their command runs, so that start-up and --help stay fast.
 */
export async function runCli(argv: string[], options: RunCliOptions): Promise<number> {
  const { env, io } = options;
  let exitCode = 0;
  let lang: Lang = env.HALFSKY_LANG === 'en' ? 'en' : 'zh';

  const program = new Command('halfsky')
    .description(
      '半边天：妇女发展规划监测评估平台\nHalfsky: monitoring and evaluation of women’s development plans',
    )
    .version(packageVersion(options.packageRoot), '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .addOption(new Option('--lang <lang>', '输出语言 / output language').choices(['zh', 'en']))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError();
  program.addHelpCommand('help [command]', '显示命令的帮助 / show help for a command');

  const context = (): CliContext => {
    const chosen = program.opts<{ lang?: Lang }>().lang;
    if (chosen) lang = chosen;
    const config = loadConfig(env, options.cwd);
    lang = chosen ?? config.lang;
    return { config, lang, io, packageRoot: options.packageRoot };
  };
  const run = (action: () => Promise<number>) => async () => {
    exitCode = await action();
  };

  const plan = program
    .command('plan')
    .description('规划：解析、导入、查看、删除 / plans: parse, import, list, show, delete');
  plan
    .command('parse')
    .description('解析规划文件并输出（不保存）/ parse a plan document and print it (stores nothing)')
    .argument('<file>', '规划文件（.txt .md .docx .pdf）/ plan document')
    .option('--json', '按 gold 模式输出 JSON / print JSON in the gold schema')
    .option('--id <id>', '规划标识 / plan id')
    .action((file: string, opts: { json?: boolean; id?: string }) =>
      run(async () => (await import('./commands/plan-parse.js')).planParse(context(), file, opts))(),
    );
  plan
    .command('import')
    .description('导入规划文件并保存；重复导入将更新 / import and store plans; re-importing updates')
    .argument('<files...>', '规划文件 / plan documents')
    .option('--id <id>', '规划标识（仅限单个文件）/ plan id (single file only)')
    .action((files: string[], opts: { id?: string }) =>
      run(async () => (await import('./commands/plan-import.js')).planImport(context(), files, opts))(),
    );
  plan
    .command('import-seeds')
    .description('导入随附的规划（data/plans/）/ import the bundled plans (data/plans/)')
    .option('--dir <dir>', '规划文件所在目录 / directory of plan documents')
    .action((opts: { dir?: string }) =>
      run(async () => (await import('./commands/plan-import-seeds.js')).planImportSeeds(context(), opts))(),
    );
  plan
    .command('list')
    .description('列出已导入的规划 / list stored plans')
    .action(() => run(async () => (await import('./commands/plan-list.js')).planList(context()))());
  plan
    .command('show')
    .description('显示已导入的规划 / show a stored plan')
    .argument('<id>', '规划标识 / plan id')
    .option('--json', '按 gold 模式输出 JSON / print JSON in the gold schema')
    .action((id: string, opts: { json?: boolean }) =>
      run(async () => (await import('./commands/plan-show.js')).planShow(context(), id, opts))(),
    );
  plan
    .command('delete')
    .description('删除已导入的规划 / delete a stored plan')
    .argument('<id>', '规划标识 / plan id')
    .action((id: string) =>
      run(async () => (await import('./commands/plan-delete.js')).planDelete(context(), id))(),
    );

  const data = program.command('data').description('监测数据：导入、导出 / observations: import, export');
  data
    .command('import')
    .description(
      '导入数据文件（CSV/XLSX）；任一行有误则全部不导入 / import a data file (CSV/XLSX); any bad row imports nothing',
    )
    .argument('<file>', '数据文件（.csv .xlsx）/ data file')
    .option('--dry-run', '只检查，不保存 / check only, store nothing')
    .action((file: string, opts: { dryRun?: boolean }) =>
      run(async () => (await import('./commands/data-import.js')).dataImport(context(), file, opts))(),
    );
  data
    .command('export')
    .description('按导入格式导出数据 / export observations in the import format')
    .option('-o, --output <file>', '输出文件（默认标准输出，CSV）/ output file (default: stdout, CSV)')
    .option('--indicator <indicator>', '指标代码或名称 / indicator code or name')
    .option('--region <region>', '地区代码或名称（含下级）/ region code or name (with its subregions)')
    .option('--format <format>', 'csv 或 xlsx（默认按文件扩展名）/ csv or xlsx (default: from the file name)')
    .action((opts: { output?: string; indicator?: string; region?: string; format?: string }) =>
      run(async () => (await import('./commands/data-export.js')).dataExport(context(), opts))(),
    );

  program
    .command('evaluate')
    .description(
      '评估规划：目标进展、达标率与预警 / evaluate a plan: progress against targets, attainment, alerts',
    )
    .requiredOption('--plan <id>', '规划标识 / plan id')
    .requiredOption('--year <year>', '评估年度 / the year evaluated')
    .option('--region <code>', '只看一个地区（规划地区或其下级）/ one region only')
    .option('--json', '输出 JSON / print JSON')
    .action((opts: { plan: string; year: string; region?: string; json?: boolean }) =>
      run(async () => (await import('./commands/evaluate.js')).evaluate(context(), opts))(),
    );

  program
    .command('report')
    .description(
      '生成报告：年度监测、中期/终期评估、统计资料、部门报告 / write a report: annual, midterm, final, yearbook, department',
    )
    .argument('<kind>', 'annual | midterm | final | yearbook | department')
    .requiredOption('--plan <id>', '规划标识 / plan id')
    .requiredOption('--year <year>', '年度 / year')
    .requiredOption('-o, --output <file>', '输出文件（.docx；统计资料可为 .xlsx）/ output file')
    .option('--region <code>', '地区代码（默认规划地区）/ region code (default: the plan’s region)')
    .option('--department <name>', '责任单位（部门报告）/ department (department reports)')
    .option('--template <name>', '部门模板 / department template: implementation | self-evaluation')
    .option('--format <format>', 'docx | xlsx（仅统计资料）/ docx | xlsx (yearbook only)')
    .action((kind: string, opts: ReportOptions) =>
      run(async () => (await import('./commands/report.js')).report(context(), kind, opts))(),
    );
  program
    .command('publish')
    .description('公开发布某年度结果或撤回 / publish (or withdraw) a year’s results')
    .option('--plan <id>', '规划标识 / plan id')
    .option('--year <year>', '年度 / year')
    .option('--withdraw', '撤回 / withdraw')
    .option('--list', '列出已发布的年度 / list published years')
    .action((opts: PublishOptions) =>
      run(async () => (await import('./commands/publish.js')).publish(context(), opts))(),
    );

  const round = program.command('round').description('年度填报轮次 / reporting rounds');
  round
    .command('open')
    .description('开启规划的年度填报轮次 / open a plan’s reporting round for a year')
    .requiredOption('--plan <id>', '规划标识 / plan id')
    .requiredOption('--year <year>', '统计年度 / year of the data')
    .requiredOption('--deadline <date>', '截止日期 YYYY-MM-DD / deadline')
    .action((opts: { plan: string; year: string; deadline: string }) =>
      run(async () => (await import('./commands/round-open.js')).roundOpen(context(), opts))(),
    );
  round
    .command('status')
    .description('完成情况与催报名单 / completeness, timeliness and reminders')
    .argument('<id>', '轮次标识（如 anqing-2024）/ round id')
    .option('--json', '输出 JSON / print JSON')
    .action((id: string, opts: { json?: boolean }) =>
      run(async () => (await import('./commands/round-status.js')).roundStatusCommand(context(), id, opts))(),
    );
  round
    .command('close')
    .description('关闭填报轮次（数据仍可查看）/ close a round (its data stays readable)')
    .argument('<id>', '轮次标识 / round id')
    .action((id: string) =>
      run(async () => (await import('./commands/round-close.js')).roundClose(context(), id))(),
    );
  round
    .command('reopen')
    .description('重新开放已关闭的轮次 / reopen a closed round')
    .argument('<id>', '轮次标识 / round id')
    .requiredOption('--reason <text>', '原因 / why')
    .action((id: string, opts: { reason: string }) =>
      run(async () => (await import('./commands/round-close.js')).roundReopen(context(), id, opts))(),
    );
  round
    .command('template')
    .description('生成部门填报模板（Excel）/ write a department’s Excel template')
    .argument('<id>', '轮次标识 / round id')
    .requiredOption('--department <name>', '部门（如 卫健局）/ department')
    .option('-o, --output <file>', '输出文件 / output file')
    .action((id: string, opts: { department: string; output?: string }) =>
      run(async () =>
        (await import('./commands/round-template.js')).roundTemplateCommand(context(), id, opts),
      )(),
    );

  program
    .command('serve')
    .description('启动 HTTP 服务（端口取自 PORT）/ start the HTTP server (port from PORT)')
    .option('--host <host>', '监听地址 / address to listen on', '0.0.0.0')
    .option('--demo', '数据库为空时先载入演示数据 / seed the demo into an empty database first')
    .action((opts: { host: string; demo?: boolean }) =>
      run(async () => (await import('./commands/serve.js')).serve(context(), opts))(),
    );
  const user = program.command('user').description('用户管理 / users');
  user
    .command('add')
    .description('新建用户，密码从标准输入读取 / add a user; the password is read from standard input')
    .argument('<username>', '用户名 / username')
    .requiredOption('--role <role>', `角色 / role: ${ROLE_LIST}`)
    .requiredOption('--region <region>', '辖区（代码或名称）/ region scope (code or name)')
    .option('--department <name...>', '部门（成员单位必填）/ departments (required for reporters)')
    .option('--display-name <name>', '显示名称 / display name')
    .option('--password-stdin', '从标准输入读取密码（默认）/ read the password from stdin (the default)')
    .action((username: string, opts: UserAddOptions) =>
      run(async () => (await import('./commands/user-add.js')).userAdd(context(), username, opts))(),
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    printError(io.stderr, error, lang);
    if (error instanceof UsageError) return 2;
    return error instanceof HalfskyError ? 1 : 1;
  }
}

function packageVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

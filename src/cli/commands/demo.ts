import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import { packageFile } from '../../io/package-files.js';
import path from 'node:path';
import type { CliContext } from '../context.js';
import { paint } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { dayRu } from '../../core/i18n.js';
import { UserError } from '../../core/errors.js';
import { osReason } from '../../core/messages/os-errors.js';

/** The bundled samples folder. */
export const SAMPLES_DIR = packageFile('samples');

interface Step {
  title: { ru: string; en: string };
  command: string;
  run: (ctx: CliContext, lang: string) => Promise<number>;
}

const sample = (...parts: string[]) => path.join(SAMPLES_DIR, ...parts);

/** The samples' go-live day; a Russian heading writes it as every Russian date is written (ДД.ММ.ГГГГ). */
const CUTOVER = '2025-01-01';

/** The steps of the demo, each a real command on the bundled samples. */
function steps(): Step[] {
  return [
    {
      title: { ru: 'Аудит зрелости CRM (из файла ответов), ответы проверены по выгрузкам', en: 'CRM maturity audit (from an answers file), answers checked against the exports' },
      command: 'crm-audit audit --answers samples/answers/leader.yaml --managers 6 -d samples/amocrm-deals.csv -a samples/bitrix24-calls.xls -p samples/payments.csv',
      run: async (ctx, lang) =>
        (await import('./audit.js')).run(
          { questionnaire: 'crm-maturity', answers: sample('answers', 'leader.yaml'), managers: '6', deals: sample('amocrm-deals.csv'), activities: sample('bitrix24-calls.xls'), payments: sample('payments.csv'), lang },
          ctx,
        ),
    },
    {
      title: { ru: 'Показатели по менеджерам (amoCRM + журнал звонков Битрикс24 + оплаты)', en: 'KPIs per manager (amoCRM + Bitrix24 call log + payments)' },
      command: 'crm-audit kpi -d samples/amocrm-deals.csv -a samples/bitrix24-calls.xls -p samples/payments.csv',
      run: async (ctx, lang) => (await import('./kpi.js')).run({ deals: sample('amocrm-deals.csv'), activities: sample('bitrix24-calls.xls'), payments: sample('payments.csv'), lang }, ctx),
    },
    {
      title: { ru: 'По источникам: расходы на рекламу, CAC, ROMI и LTV; план продаж против факта', en: 'By source: marketing spend, CAC, ROMI and LTV; the sales plan against the facts' },
      command: 'crm-audit kpi -d samples/amocrm-deals.csv -p samples/payments.csv --by source --spend samples/spend.csv --plan samples/plan.csv --margin 0.35 --metrics leads,won,conversion,revenue',
      run: async (ctx, lang) =>
        (await import('./kpi.js')).run(
          { deals: sample('amocrm-deals.csv'), payments: sample('payments.csv'), by: ['source'], spend: sample('spend.csv'), plan: sample('plan.csv'), margin: '0.35', metrics: 'leads,won,conversion,revenue', lang },
          ctx,
        ),
    },
    {
      title: { ru: `До и после внедрения CRM (запуск ${dayRu(CUTOVER)}), окупаемость`, en: 'Before and after the CRM (go-live 2025-01-01), payback' },
      command: 'crm-audit compare -d samples/amocrm-deals.csv -a samples/bitrix24-calls.xls --cutover 2025-01-01 --targets samples/targets.yaml --cost 1500000 --monthly-cost 60000 --margin 0.35',
      run: async (ctx, lang) =>
        (await import('./compare.js')).run(
          { deals: sample('amocrm-deals.csv'), activities: sample('bitrix24-calls.xls'), cutover: '2025-01-01', targets: sample('targets.yaml'), cost: '1500000', monthlyCost: '60000', margin: '0.35', lang },
          ctx,
        ),
    },
  ];
}

/** The client document of the samples: audit, KPIs, before/after and payback in one HTML file. */
async function writeDemoReport(ctx: CliContext, lang: string, file: string): Promise<number> {
  const report = await import('./report.js');
  return report.run(
    {
      answers: sample('answers', 'leader.yaml'), managers: '6', company: lang === 'en' ? 'Demo Ltd' : 'ООО «Демо»',
      deals: sample('amocrm-deals.csv'), activities: sample('bitrix24-calls.xls'), payments: sample('payments.csv'),
      cutover: '2025-01-01', targets: sample('targets.yaml'), cost: '1500000', monthlyCost: '60000', margin: '0.35',
      by: ['month', 'source', 'source,month', 'stage'], spend: sample('spend.csv'), plan: sample('plan.csv'),
      exitCode: true, format: 'html', output: file, lang,
    },
    { ...ctx, cwd: SAMPLES_DIR },
  );
}

/** `crm-audit demo`: what `npm start` runs — every capability on the bundled samples. */
export async function run(opts: { lang: string }, ctx: CliContext): Promise<number> {
  const c = paint(ctx, 'stdout');
  const lang = opts.lang === 'en' ? 'en' : 'ru';
  // A folder that takes no file is said before the tour, not after it (its report was the last step).
  try {
    accessSync(ctx.cwd, constants.W_OK);
  } catch (error) {
    throw UserError.of('E_OUTPUT', 'demo.write', osReason(error as NodeJS.ErrnoException), { file: path.resolve(ctx.cwd, 'demo-report.html') });
  }
  // The steps read the same samples: a warning about them is said by the first step that finds it, not again by each.
  const shared = { ...ctx, warned: new Set<string>() };
  for (const step of steps()) {
    ctx.stdout.write(`\n${c.bold(`== ${step.title[lang]}`)}\n${c.dim(`$ ${step.command}`)}\n\n`);
    const code = await step.run({ ...shared, cwd: SAMPLES_DIR }, opts.lang);
    if (code !== EXIT.ok) return code;
  }
  const file = demoReportFile(ctx.cwd);
  ctx.stdout.write(`\n${c.bold(`== ${lang === 'ru' ? 'Отчёт для клиента с графиками (HTML)' : 'The client report with charts (HTML)'}`)}\n${c.dim(`$ crm-audit report --answers … -d … -a … -p … --cutover 2025-01-01 --cost 1500000 -o ${path.basename(file)}`)}\n\n`);
  const code = await writeDemoReport(shared, opts.lang, file).catch((error: unknown) => {
    if (!(error instanceof UserError) || error.code !== 'E_OUTPUT') throw error;
    throw UserError.of('E_OUTPUT', 'demo.write', error.params ?? {}, error.where);
  });
  if (code !== EXIT.ok) return code;
  // report.run has just said «Записано: …/demo-report.html (385,2 КБ)»: the path is not repeated, only what to do with it.
  ctx.stdout.write(lang === 'ru' ? 'Откройте его в браузере; печать даёт страницы A4.\n' : 'Open it in a browser; it prints on A4 pages.\n');
  return EXIT.ok;
}

/**
 * Where the tour writes its HTML: demo-report.html in the working folder, replaced only when it is an
 * earlier tour's (a crm-audit HTML file); a file of that name of the user's own is kept, and the next
 * free name (demo-report-2.html…) taken (a tester's own demo-report.html was replaced without a word).
 */
function demoReportFile(cwd: string): string {
  for (let n = 1; ; n++) {
    const file = path.resolve(cwd, n === 1 ? 'demo-report.html' : `demo-report-${n}.html`);
    let head = '';
    try {
      const fd = openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(4096);
        head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return file;
    }
    if (head.includes('<meta name="generator" content="crm-audit">')) return file;
  }
}

import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { CliContext } from '../context.js';
import { paint } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** The bundled samples folder. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../samples/', import.meta.url));

interface Step {
  title: { ru: string; en: string };
  command: string;
  run: (ctx: CliContext, lang: string) => Promise<number>;
}

const sample = (...parts: string[]) => path.join(SAMPLES_DIR, ...parts);

/** The steps of the demo, each a real command on the bundled samples. */
function steps(): Step[] {
  return [
    {
      title: { ru: 'Аудит зрелости CRM (из файла ответов)', en: 'CRM maturity audit (from an answers file)' },
      command: 'crm-audit audit --answers samples/answers/leader.yaml --managers 8',
      run: async (ctx, lang) => (await import('./audit.js')).run({ questionnaire: 'crm-maturity', answers: sample('answers', 'leader.yaml'), managers: '8', lang }, ctx),
    },
  ];
}

/** `crm-audit demo`: what `npm start` runs — every capability on the bundled samples. */
export async function run(opts: { lang: string }, ctx: CliContext): Promise<number> {
  const c = paint(ctx, 'stdout');
  for (const step of steps()) {
    ctx.stdout.write(`\n${c.bold(`== ${step.title[opts.lang === 'en' ? 'en' : 'ru']}`)}\n${c.dim(`$ ${step.command}`)}\n\n`);
    const code = await step.run({ ...ctx, cwd: SAMPLES_DIR }, opts.lang);
    if (code !== EXIT.ok) return code;
  }
  return EXIT.ok;
}

// A questionnaire written in one language, run in another: refused before any question, naming the
// languages it declares (a tester's ru-only questionnaire run with --lang en gave English headings
// beside Russian sections, bands and recommendations, exit 0).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const QUESTIONNAIRE = `id: my-q
version: 1
languages: [ru]
title: { ru: Моя анкета }
sections:
  - id: rep
    title: { ru: Отчёты }
    questions:
      - id: rep.daily
        points: 1
        text: { ru: Отчёты ежедневно? }
        recommendation: { ru: Настройте отчёты. }
bands:
  - id: low
    from: 0
    to: 0
    title: { ru: Низкий }
    meaning: { ru: Мало. }
  - id: high
    from: 1
    to: 1
    title: { ru: Высокий }
    meaning: { ru: Много. }
`;

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-q-lang-'));
  writeFileSync(path.join(dir, 'q.yaml'), QUESTIONNAIRE);
  writeFileSync(path.join(dir, 'answers.yaml'), 'questionnaire: q.yaml\nanswers:\n  rep.daily: yes\n');
  writeFileSync(path.join(dir, 'report.yaml'), 'audit: { answers: answers.yaml }\nlang: en\n');
  return dir;
}

describe('a questionnaire run in a language it does not declare', () => {
  it('audit from answers, interactive audit and report exit 2 naming the languages and --lang ru; in Russian it runs', () => {
    const dir = files();
    for (const args of [['audit', '--answers', 'answers.yaml', '--lang', 'en'], ['audit', '-q', 'q.yaml', '--lang', 'en'], ['report', '-c', 'report.yaml']]) {
      const run = runCli(args, { cwd: dir });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/the questionnaire is written in ru only, and this run is in "en"/);
      expect(run.stderr).toMatch(/run with --lang ru/);
      expect(run.stdout).toBe('');
    }
    const ru = runCli(['audit', '--answers', 'answers.yaml', '--lang', 'ru', '--now', '2025-04-01', '--format', 'json'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(JSON.parse(ru.stdout)).toMatchObject({ lang: 'ru', sections: [{ id: 'rep', score: 1, max: 1 }] });
  });
});

import { closest } from '../assert-paths.js';
import { isAnswerWord } from '../audit/answer-words.js';
import { quotedNear } from '../document-issues.js';
import { UserError } from '../errors.js';
import { FACT_IDS } from '../kpi/facts.js';
import type { MessageId, Params } from '../messages.js';
import type { Questionnaire } from './schema.js';

/** A rule the schema cannot express; returns every problem it finds, each with a path into the file and a catalogue message. */
interface Rule {
  name: string;
  check(q: Questionnaire): Array<{ path: string; id: MessageId; params?: Params }>;
}

const KIND_RU: Record<string, string> = { section: 'раздел', question: 'вопрос', band: 'уровень' };

/**
 * Refuses a run in a language the questionnaire does not declare (a file of `languages: [ru]` run with
 * `--lang en`): its texts would fall back to another language, and the report speak two (a tester).
 * Called before any question is asked; `file`: the questionnaire's file or id, for the message.
 */
export function assertRunLanguage(q: Questionnaire, lang: string, file?: string): void {
  if (q.languages.includes(lang)) return;
  const params = { lang, declared: q.languages.join(', '), suggest: q.languages[0]! };
  throw UserError.of('E_QUESTIONNAIRE_LANG', 'questionnaire.runLanguage', params, { ...(file ? { file } : {}), path: 'languages' });
}

/** How many questions the questionnaire asks (validate's count, an interview taking up a draft). */
export function questionCount(q: Questionnaire): number {
  return q.sections.reduce((n, s) => n + s.questions.length, 0);
}

/** The highest score the questionnaire allows. */
export function maxScore(q: Questionnaire): number {
  return q.sections.reduce((sum, s) => sum + s.questions.reduce((a, x) => a + x.points, 0), 0);
}

const uniqueIds: Rule = {
  name: 'unique-ids',
  check(q) {
    const out: ReturnType<Rule['check']> = [];
    const seen = new Map<string, string>();
    const note = (kind: string, value: string, path: string) => {
      const key = `${kind}:${value}`;
      const first = seen.get(key);
      if (first) out.push({ path, id: 'questionnaire.duplicateId', params: { kind, kindRu: KIND_RU[kind] ?? kind, value, first } });
      else seen.set(key, path);
    };
    q.sections.forEach((s, i) => {
      note('section', s.id, `sections[${i}].id`);
      s.questions.forEach((x, j) => {
        note('question', x.id, `sections[${i}].questions[${j}].id`);
        const choiceIds = new Set<string>();
        x.choices?.forEach((c, k) => {
          const path = `sections[${i}].questions[${j}].choices[${k}].id`;
          if (isAnswerWord(c.id)) out.push({ path, id: 'questionnaire.reservedChoice', params: { value: c.id } });
          if (choiceIds.has(c.id)) out.push({ path, id: 'questionnaire.duplicateChoice', params: { value: c.id } });
          choiceIds.add(c.id);
        });
      });
    });
    q.bands.forEach((b, i) => note('band', b.id, `bands[${i}].id`));
    return out;
  },
};

const positivePoints: Rule = {
  name: 'positive-points',
  check(q) {
    const out: ReturnType<Rule['check']> = [];
    q.sections.forEach((s, i) =>
      s.questions.forEach((x, j) => {
        const path = `sections[${i}].questions[${j}]`;
        if (x.points <= 0) out.push({ path: `${path}.points`, id: 'questionnaire.points', params: { points: x.points } });
        x.choices?.forEach((c, k) => {
          if (c.points > x.points) out.push({ path: `${path}.choices[${k}].points`, id: 'questionnaire.choicePoints', params: { points: c.points, max: x.points } });
        });
      }),
    );
    return out;
  },
};

const bandsCoverScores: Rule = {
  name: 'bands-cover-scores',
  check(q) {
    const out: ReturnType<Rule['check']> = [];
    const max = maxScore(q);
    const bands = q.bands.map((b, i) => ({ ...b, i })).sort((a, b) => a.from - b.from);
    for (const b of bands) {
      if (b.to < b.from) out.push({ path: `bands[${b.i}]`, id: 'questionnaire.bandReversed', params: { id: b.id, from: b.from, to: b.to } });
    }
    const first = bands[0];
    const last = bands[bands.length - 1];
    if (first && first.from !== 0) out.push({ path: `bands[${first.i}].from`, id: 'questionnaire.bandsStart', params: { from: first.from } });
    if (last && last.to !== max) out.push({ path: `bands[${last.i}].to`, id: 'questionnaire.bandsEnd', params: { to: last.to, max } });
    for (let k = 1; k < bands.length; k++) {
      const prev = bands[k - 1]!;
      const cur = bands[k]!;
      if (cur.from <= prev.to) out.push({ path: `bands[${cur.i}].from`, id: 'questionnaire.bandsOverlap', params: { id: cur.id, prev: prev.id, from: cur.from, to: Math.min(prev.to, cur.to), next: prev.to + 1 } });
      else if (cur.from > prev.to + 1) out.push({ path: `bands[${cur.i}].from`, id: 'questionnaire.bandsGap', params: { id: cur.id, prev: prev.id, from: prev.to + 1, to: cur.from - 1 } });
    }
    return out;
  },
};

const textsInEveryLanguage: Rule = {
  name: 'texts-in-every-language',
  check(q) {
    const out: ReturnType<Rule['check']> = [];
    const walk = (text: Record<string, string | undefined>, path: string) => {
      for (const lang of q.languages) {
        if (!text[lang]?.trim()) out.push({ path: `${path}.${lang}`, id: 'questionnaire.textMissing', params: { lang, languages: q.languages.join(', ') } });
      }
    };
    walk(q.title, 'title');
    if (q.note) walk(q.note, 'note');
    q.sections.forEach((s, i) => {
      const sp = `sections[${i}]`;
      walk(s.title, `${sp}.title`);
      if (s.explanation) walk(s.explanation, `${sp}.explanation`);
      s.questions.forEach((x, j) => {
        const qp = `${sp}.questions[${j}]`;
        if (x.title) walk(x.title, `${qp}.title`);
        walk(x.text, `${qp}.text`);
        if (x.explanation) walk(x.explanation, `${qp}.explanation`);
        walk(x.recommendation, `${qp}.recommendation`);
        if (x.cost) walk(x.cost.basis, `${qp}.cost.basis`);
        x.choices?.forEach((c, k) => walk(c.label, `${qp}.choices[${k}].label`));
      });
    });
    q.bands.forEach((b, i) => {
      walk(b.title, `bands[${i}].title`);
      walk(b.meaning, `bands[${i}].meaning`);
    });
    return out;
  },
};

/** A misspelt fact's «did you mean» (`fact: win_rat`: tester T56). */
function factNear(fact: string): { near: string; nearRu: string } {
  return quotedNear(closest(fact, FACT_IDS).slice(0, 1));
}

const knownFacts: Rule = {
  name: 'evidence-facts',
  check(q) {
    const out: ReturnType<Rule['check']> = [];
    const known = new Set<string>(FACT_IDS);
    const facts = FACT_IDS.join(', ');
    q.sections.forEach((s, i) =>
      s.questions.forEach((x, j) => {
        const path = `sections[${i}].questions[${j}].evidence`;
        const e = x.evidence;
        if (!e) return;
        if (e.sample && !known.has(e.sample.fact)) out.push({ path: `${path}.sample.fact`, id: 'questionnaire.unknownFact', params: { fact: e.sample.fact, facts, ...factNear(e.sample.fact) } });
        e.checks.forEach((c, k) => {
          if (!known.has(c.fact)) out.push({ path: `${path}.checks[${k}].fact`, id: 'questionnaire.unknownFact', params: { fact: c.fact, facts, ...factNear(c.fact) } });
          if (c.per !== undefined && !known.has(c.per)) out.push({ path: `${path}.checks[${k}].per`, id: 'questionnaire.unknownFact', params: { fact: c.per, facts, ...factNear(c.per) } });
        });
      }),
    );
    return out;
  },
};

/** The named rules, run in order after the schema. */
export const questionnaireRules: readonly Rule[] = [uniqueIds, positivePoints, bandsCoverScores, textsInEveryLanguage, knownFacts];

/** Runs every rule and returns all problems as user errors pointing into `file`. */
export function checkQuestionnaireRules(q: Questionnaire, file: string): UserError[] {
  return questionnaireRules.flatMap((rule) =>
    rule.check(q).map((p) => UserError.of(`E_QUESTIONNAIRE_${rule.name.toUpperCase().replace(/-/g, '_')}`, p.id, p.params, { file, path: p.path })),
  );
}

/** Whether a questionnaire reference is a path (or `-`, stdin), not a built-in id: it has a slash or a .yaml/.json name. */
export function isQuestionnairePath(ref: string): boolean {
  return ref === '-' || ref.includes('/') || ref.includes('\\') || /\.(ya?ml|json)$/i.test(ref);
}

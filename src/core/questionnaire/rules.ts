import { UserError } from '../errors.js';
import { FACT_IDS } from '../kpi/facts.js';
import type { Questionnaire } from './schema.js';

/** A rule the schema cannot express; returns every problem it finds, each with a path into the file. */
interface Rule {
  name: string;
  check(q: Questionnaire): Array<{ path: string; message: string; hint?: string }>;
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
      if (first) out.push({ path, message: `duplicate ${kind} id "${value}" (first at ${first})`, hint: 'every id must be unique' });
      else seen.set(key, path);
    };
    q.sections.forEach((s, i) => {
      note('section', s.id, `sections[${i}].id`);
      s.questions.forEach((x, j) => {
        note('question', x.id, `sections[${i}].questions[${j}].id`);
        const choiceIds = new Set<string>();
        x.choices?.forEach((c, k) => {
          const path = `sections[${i}].questions[${j}].choices[${k}].id`;
          if (['yes', 'no', 'skip'].includes(c.id)) out.push({ path, message: `choice id "${c.id}" is reserved`, hint: 'yes, no and skip are always offered; give the choice another id' });
          if (choiceIds.has(c.id)) out.push({ path, message: `duplicate choice id "${c.id}"` });
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
        if (x.points <= 0) out.push({ path: `${path}.points`, message: `points must be positive, got ${x.points}` });
        x.choices?.forEach((c, k) => {
          if (c.points > x.points) out.push({ path: `${path}.choices[${k}].points`, message: `a choice earns ${c.points} points, more than the question's ${x.points}` });
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
      if (b.to < b.from) out.push({ path: `bands[${b.i}]`, message: `band "${b.id}" ends (${b.to}) before it starts (${b.from})` });
    }
    const first = bands[0];
    const last = bands[bands.length - 1];
    if (first && first.from !== 0) out.push({ path: `bands[${first.i}].from`, message: `the lowest band starts at ${first.from}; scores from 0 have no band`, hint: 'start the lowest band at 0' });
    if (last && last.to !== max) out.push({ path: `bands[${last.i}].to`, message: `the highest band ends at ${last.to} but the maximum score is ${max}`, hint: `end the highest band at ${max}` });
    for (let k = 1; k < bands.length; k++) {
      const prev = bands[k - 1]!;
      const cur = bands[k]!;
      if (cur.from <= prev.to) out.push({ path: `bands[${cur.i}].from`, message: `band "${cur.id}" overlaps band "${prev.id}" (scores ${cur.from}..${Math.min(prev.to, cur.to)})` });
      else if (cur.from > prev.to + 1) out.push({ path: `bands[${cur.i}].from`, message: `scores ${prev.to + 1}..${cur.from - 1} fall between bands "${prev.id}" and "${cur.id}"`, hint: `start "${cur.id}" at ${prev.to + 1}` });
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
        if (!text[lang]?.trim()) out.push({ path: `${path}.${lang}`, message: `the ${lang} text is missing`, hint: `languages declares ${q.languages.join(', ')}; give every text in each` });
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

const knownFacts: Rule = {
  name: 'evidence-facts',
  check(q) {
    const out: ReturnType<Rule['check']> = [];
    const known = new Set<string>(FACT_IDS);
    const hint = `facts: ${FACT_IDS.join(', ')}`;
    q.sections.forEach((s, i) =>
      s.questions.forEach((x, j) => {
        const path = `sections[${i}].questions[${j}].evidence`;
        const e = x.evidence;
        if (!e) return;
        if (e.sample && !known.has(e.sample.fact)) out.push({ path: `${path}.sample.fact`, message: `unknown evidence fact "${e.sample.fact}"`, hint });
        e.checks.forEach((c, k) => {
          if (!known.has(c.fact)) out.push({ path: `${path}.checks[${k}].fact`, message: `unknown evidence fact "${c.fact}"`, hint });
          if (c.per !== undefined && !known.has(c.per)) out.push({ path: `${path}.checks[${k}].per`, message: `unknown evidence fact "${c.per}"`, hint });
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
    rule.check(q).map((p) => new UserError(`E_QUESTIONNAIRE_${rule.name.toUpperCase().replace(/-/g, '_')}`, p.message, { file, path: p.path }, p.hint)),
  );
}

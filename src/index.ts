// The programmatic API: everything the CLI does, as functions that return data.
export { UserError, UserErrors, describeUserError } from './core/errors.js';
export type { Where } from './core/errors.js';
export { parseQuestionnaire } from './core/questionnaire/parse.js';
export { questionnaireSchema, questionnaireJsonSchema } from './core/questionnaire/schema.js';
export type { Questionnaire } from './core/questionnaire/schema.js';
export { maxScore } from './core/questionnaire/rules.js';
export { parseAnswers } from './core/audit/answers.js';
export { scoreAudit } from './core/audit/score.js';
export type { AuditResult } from './core/audit/types.js';
export { loadQuestionnaire } from './io/questionnaire.js';
export { renderAuditTable, renderAuditMarkdown } from './render/audit/text.js';
export { renderAuditXlsx } from './render/audit/xlsx.js';

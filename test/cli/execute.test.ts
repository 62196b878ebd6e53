import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { helpOfKnownCommand, langAfterCommand } from '../../src/cli/execute.js';
import { describeUserError, type UserError } from '../../src/core/errors.js';

// A tester: `crm-audit --lang en kpi …` said «unknown option '--lang'» (in English: the language was
// understood), and `crm-audit help foo` printed the top-level help and exited 0.
describe('langAfterCommand', () => {
  it('moves --lang given before the command after its name, as the command\'s option', () => {
    expect(langAfterCommand(['--lang', 'en', 'kpi', '-d', 'deals.csv'])).toEqual(['kpi', '--lang', 'en', '-d', 'deals.csv']);
    expect(langAfterCommand(['--debug', '--lang=ru', 'inspect', 'a.csv'])).toEqual(['--debug', 'inspect', '--lang=ru', 'a.csv']);
  });

  it('drops it alone or before help (it has chosen the language already), and leaves a command line without it as it is', () => {
    expect(langAfterCommand(['--lang', 'en'])).toEqual([]);
    expect(langAfterCommand(['--lang', 'en', '--help'])).toEqual(['--help']);
    expect(langAfterCommand(['--lang', 'en', 'help', 'kpi'])).toEqual(['help', 'kpi']);
    expect(langAfterCommand(['kpi', '--lang', 'en'])).toEqual(['kpi', '--lang', 'en']);
  });

  // T40 F4: `crm-audit --lang kpi -d x` said «unknown option -d», and `crm-audit --lang kpi` showed the help with exit 0.
  it('a --lang whose next word is a command has lost its value: it goes last, for commander to say so', () => {
    const commands = ['kpi', 'audit'];
    expect(langAfterCommand(['--lang', 'kpi', '-d', 'deals.csv'], commands)).toEqual(['kpi', '-d', 'deals.csv', '--lang']);
    expect(langAfterCommand(['--lang', 'kpi'], commands)).toEqual(['kpi', '--lang']);
    expect(langAfterCommand(['--lang', 'en', 'kpi'], commands)).toEqual(['kpi', '--lang', 'en']);
    expect(langAfterCommand(['--lang', 'de', 'kpi'], commands)).toEqual(['kpi', '--lang', 'de']);
  });
});

describe('helpOfKnownCommand', () => {
  const program = new Command('crm-audit');
  program.command('kpi');
  program.command('inspect');

  it('`help X` of no command X is the unknown command X; of a known one, or alone, the help', () => {
    expect(helpOfKnownCommand(['help', 'foo'], program)).toEqual(['foo']);
    expect(helpOfKnownCommand(['--debug', 'help', 'foo'], program)).toEqual(['--debug', 'foo']);
    expect(helpOfKnownCommand(['help', 'kpi'], program)).toEqual(['help', 'kpi']);
    expect(helpOfKnownCommand(['help'], program)).toEqual(['help']);
    expect(helpOfKnownCommand(['kpi', 'help'], program)).toEqual(['kpi', 'help']);
  });

  // T40 F11: `help kpi extra` printed the help and exited 0, the word dropped.
  it('`help X Y` is refused naming Y; an option\'s value after X is no such word', () => {
    const refused = (argv: string[]) => {
      try {
        helpOfKnownCommand(argv, program);
      } catch (error) {
        return describeUserError(error as UserError, 'ru');
      }
      return 'accepted';
    };
    expect(refused(['help', 'kpi', 'extra'])).toContain('help: лишний аргумент «extra»');
    expect(refused(['help', 'inspect', 'deals.csv'])).toContain('справка по команде: crm-audit help inspect');
    expect(refused(['help', 'kpi', '--lang=en', 'extra'])).toContain('«extra»');
    expect(helpOfKnownCommand(['help', 'kpi', '--lang', 'en'], program)).toEqual(['help', 'kpi', '--lang', 'en']);
    // A flag's next word is a word, and so is any after `--` (a reviewer).
    expect(refused(['help', 'kpi', '--by-manager', 'extra'])).toContain('«extra»');
    expect(refused(['help', 'kpi', '--', 'extra'])).toContain('«extra»');
  });
});

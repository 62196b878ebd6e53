// The only importer of the prompt library. Tests mock this module whole.
import { confirm, input, select } from '@inquirer/prompts';

/** Where prompts read and draw: the UI goes to stderr so stdout carries only the report. */
export interface PromptIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface Choice {
  value: string;
  name: string;
  description?: string;
}

/** Asks the user to pick one of several choices. */
export function askSelect(io: PromptIO, message: string, choices: Choice[], defaultValue?: string): Promise<string> {
  return select({ message, choices, default: defaultValue, pageSize: 10 }, { input: io.input, output: io.output });
}

/** Asks for a line of text; `validate` returns true, or the reason to ask again. */
export function askInput(io: PromptIO, message: string, defaultValue?: string, validate?: (value: string) => true | string): Promise<string> {
  return input({ message, default: defaultValue, ...(validate ? { validate } : {}) }, { input: io.input, output: io.output });
}

/** Asks a yes/no question. */
export function askConfirm(io: PromptIO, message: string, defaultValue = true): Promise<boolean> {
  return confirm({ message, default: defaultValue }, { input: io.input, output: io.output });
}

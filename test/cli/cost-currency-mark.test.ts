import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { renderMessage } from '../../src/core/messages.js';
import { parseAmount } from '../../src/cli/commands/compare.js';

// T39 F4: a cost typed with a dollar or euro mark was «не читается» with the rouble forms only.
describe('--cost with another currency\'s mark', () => {
  const refused = (value: string) => {
    try {
      parseAmount(value, '--cost');
    } catch (error) {
      return error as UserError;
    }
    throw new Error(`${value} was read`);
  };

  it('is refused saying a cost is a number in the deals\' currency, with the number to give', () => {
    for (const [value, number] of [['$1500000', '1500000'], ['1 500 000 USD', '1500000'], ['€1,5 млн', '1500000'], ['₸ 800 тыс.', '800000']] as const) {
      const error = refused(value);
      expect(error.messageId).toBe('usage.amountCurrency');
      expect(renderMessage('usage.amountCurrency', error.params!, 'ru')).toBe(`--cost: «${value}» — сумма в другой валюте; сумма затрат пишется числом в валюте сделок (из знаков валюты читается только рублёвый: ₽, руб., RUB)`);
      expect(error.params!.number).toBe(number);
    }
  });

  it('a rouble mark is read, and what is no amount at all keeps the forms\' message', () => {
    expect(parseAmount('1 500 000 ₽', '--cost')).toBe(1_500_000);
    expect(parseAmount('1500000 RUB', '--cost')).toBe(1_500_000);
    expect(refused('abc').messageId).toBe('usage.amount');
    expect(refused('$abc').messageId).toBe('usage.amount');
  });
});

// Tester T54: values written in the languages of the CRMs' other interfaces. Dates with a French or
// Polish month («2 mars 2025»), a Spanish Excel's «05:45 p. m.», and a yes or a no in a closed flag
// («Ja», «Tak», «Sim», «Так») were refused as no date or neither yes nor no.
import { describe, expect, it } from 'vitest';
import { buildValueMaps, closedStage } from '../../../src/io/map/value-maps.js';
import { normalizeValue, parseBoolean, parseDate } from '../../../src/io/map/values.js';

const at = (raw: string, order?: 'dmy' | 'mdy') => {
  const d = parseDate(raw, order);
  return d === undefined || d === 'needs-order' ? d : new Date(d.ms).toISOString().slice(0, 16);
};

describe('dates in other languages', () => {
  it('reads month words in French, Italian, Polish, Ukrainian and Turkish', () => {
    expect(at('2 mars 2025 09:15')).toBe('2025-03-02T09:15');
    expect(at('14 févr. 2025')).toBe('2025-02-14T00:00');
    expect(at('3 dicembre 2024')).toBe('2024-12-03T00:00');
    expect(at('5 października 2024 10:00')).toBe('2024-10-05T10:00');
    expect(at('7 квітня 2025')).toBe('2025-04-07T00:00');
    expect(at('9 Ağustos 2024')).toBe('2024-08-09T00:00');
  });

  it('reads a Spanish Excel\'s «p. m.» and «a. m.» as PM and AM', () => {
    expect(at('14/03/2025 05:45 p. m.', 'dmy')).toBe('2025-03-14T17:45');
    expect(at('14/03/2025 12:10 a. m.', 'dmy')).toBe('2025-03-14T00:10');
  });
});

describe('a yes or a no in other languages', () => {
  it('reads the words Bitrix24 writes in a closed flag in each interface', () => {
    for (const yes of ['Ja', 'Sí', 'Sim', 'Oui', 'Tak', 'Так', 'Evet']) expect(parseBoolean(yes), yes).toBe(true);
    for (const no of ['Nein', 'Não', 'Non', 'Nie', 'Ні', 'Hayır', 'No']) expect(parseBoolean(no), no).toBe(false);
  });
});

describe('call and deal words in other languages', () => {
  const maps = buildValueMaps();

  it('reads a call\'s direction and its missed status', () => {
    const direction = (v: string) => maps.direction.get(normalizeValue(v));
    for (const v of ['Eingehend', 'Entrant', 'Entrada', 'Przychodzące', 'Вхідний', 'Gelen']) expect(direction(v), v).toBe('in');
    for (const v of ['Ausgehend', 'Sortant', 'Saída', 'Wychodzące', 'Вихідний', 'Giden']) expect(direction(v), v).toBe('out');
    const missed = (v: string) => maps.missed.get(normalizeValue(v));
    for (const v of ['Perdida', 'Verpasst', 'Unbeantwortet', 'Manqué', 'Nieodebrane', 'Пропущений', 'Cevapsız']) expect(missed(v), v).toBe(true);
    for (const v of ['Angenommen', 'Beantwortet', 'Odebrane']) expect(missed(v), v).toBe(false);
  });

  it('reads won, lost and open in a status column and in closed stages', () => {
    const status = (v: string) => maps.status.get(normalizeValue(v));
    expect(['Gagnée', 'Perdue', 'Ouverte', 'Wygrana', 'Przegrana', 'Угода успішна', 'Угода провалена', 'Kazanıldı', 'Kaybedildi'].map(status)).toEqual(['won', 'lost', 'open', 'won', 'lost', 'won', 'lost', 'won', 'lost']);
    expect(['Fermée gagnée', 'Fermée perdue', 'Geschlossen und gewonnen', 'Chiusa persa'].map((v) => closedStage(normalizeValue(v)))).toEqual(['won', 'lost', 'won', 'lost']);
  });
});

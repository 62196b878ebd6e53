import { describe, expect, it } from 'vitest';
import { missingOf } from '../../helpers/missing-columns.js';

// A tester: a Kommo events list no profile knew (Date, Author, Object, Name, Event…) was refused with
// `manager: "Name"`, a column of deal titles («Acme supply»), which has a name's shape and a header close
// to the manager's aliases; pasted, the deals' titles became managers. «Author» holds people's names.
describe('the column proposed for a missing manager is the one written as people\'s names', () => {
  const headers = ['When', 'Author', 'Object', 'Name', 'What happened'];
  const rows = [
    ['03.03.2025 09:30', 'Anna Smith', 'Lead', 'Acme supply', 'Outgoing call'],
    ['04.03.2025 11:00', 'Bob Jones', 'Lead', 'Beta pilot', 'Incoming call'],
    ['05.03.2025 12:00', 'Anna Smith', 'Lead', 'Acme supply', 'Note added'],
  ];

  it('a column of capitalised names comes before a closer header of deal titles, in the snippet too', () => {
    const error = missingOf(headers, rows, 'activities');
    const manager = error.missing.find((m) => m.field === 'manager')!;
    expect(manager.candidates[0]).toBe('Author');
    expect(manager.candidates).toContain('Name');
    expect(manager.byValues?.are).toBe('names');
    expect(error.hint).toContain('    manager: "Author"    # by its values (names): check');
  });

  it('a similar name written as people\'s names stays first (Cyrillic, initials, a line after the name)', () => {
    const ru = missingOf(['Дата', 'Менеджер проекта', 'Название'], [['01.02.2025', 'Петрова А. С.', 'Ромашка поставка'], ['02.02.2025', 'Иванов Иван (доб. 101)', 'Лютик пилот']], 'deals');
    expect(ru.missing.find((m) => m.field === 'manager')!.candidates[0]).toBe('Менеджер проекта');
  });

  // A tester's Sipuni log writes the line first («101 (Anna Smith)»): a column of people, as the name first is.
  it('a column of names with the line before them comes before a closer header of deal titles', () => {
    const lineFirst = [['03.03.2025 09:30', '101 (Anna Smith)', 'Acme supply'], ['04.03.2025 11:00', '102 (Bob Jones)', 'Beta pilot']];
    expect(missingOf(['When', 'User', 'Name'], lineFirst, 'activities').missing.find((m) => m.field === 'manager')!.candidates).toEqual(['User', 'Name']);
    // The control: plain titles in «User» leave the closer «Name» first.
    const titles = lineFirst.map((r, i) => [r[0]!, ['acme pilot', 'beta trial'][i]!, r[2]!]);
    expect(missingOf(['When', 'User', 'Name'], titles, 'activities').missing.find((m) => m.field === 'manager')!.candidates).toEqual(['Name', 'User']);
  });

  it('where no column is written as names, the similar name of a name\'s shape is still offered (a file written in lower case)', () => {
    const lower = missingOf(['When', 'Author', 'Name'], [['03.03.2025 09:30', 'anna smith', 'acme supply']], 'activities');
    expect(lower.missing.find((m) => m.field === 'manager')!.candidates[0]).toBe('Name');
  });
});

// A tester: a Salesforce report whose owner column is its alias (`asmit`) was refused with
// `manager: "Type"`, by its values: «New Customer» on every deal has a name's shape. Pasted, one
// «manager» held every deal.
describe('a column of one value on every row of the sample is no manager proposed', () => {
  const headers = ['Owner Alias', 'Account Name', 'Stage', 'Created Date', 'Type'];
  const rows = [
    ['asmit', 'Acme', 'Closed Won', '1/10/2024', 'New Customer'],
    ['asmit', 'Beta', 'Closed Lost', '1/15/2024', 'New Customer'],
    ['bjone', 'Delta', 'Closed Won', '2/3/2024', 'New Customer'],
  ];

  it('the owner alias is proposed, «Type» nowhere, in the snippet too', () => {
    const manager = missingOf(headers, rows, 'deals').missing.find((m) => m.field === 'manager')!;
    expect(manager.candidates[0]).toBe('Owner Alias');
    expect(manager.candidates).not.toContain('Type');
    expect(manager.byValues).toBeUndefined();
    expect(missingOf(headers, rows, 'deals').hint).toContain('    manager: "Owner Alias"');
  });

  it('where no other column fits, the one value is still proposed (a team of one)', () => {
    const alone = missingOf(['Account Name', 'Created Date', 'Type'], rows.map((r) => [r[1]!, r[3]!, r[4]!]), 'deals');
    expect(alone.missing.find((m) => m.field === 'manager')!.candidates).toContain('Type');
  });
});

// Tester T45: a French HubSpot export's snippet proposed «Phase de la transaction» (Conclue gagnée, Contrat envoyé)
// as the manager, whose stages read like names; the owner's column came after it.
// «Propriétaire de la transaction» is a manager's own name now (tester T54): a header of people no alias names stands in for it.
describe('a stage or pipeline column is never proposed for the manager', () => {
  it('the column of people after it is', () => {
    const headers = ['Nom de la transaction', 'Phase de la transaction', 'Chargé de compte', 'Date de création', 'Pipeline'];
    const rows = [
      ['Deal 101', 'Conclue gagnée', 'John Smith', '2025-03-01 10:00', 'Pipeline des ventes'],
      ['Deal 102', 'Contrat envoyé', 'Mary Jones', '2025-03-02 09:00', 'Pipeline des ventes'],
      ['Deal 103', 'Conclue perdue', 'John Smith', '2025-03-03 09:00', 'Pipeline des ventes'],
    ];
    const manager = missingOf(headers, rows, 'deals').missing.find((m) => m.field === 'manager')!;
    expect(manager.candidates[0]).toBe('Chargé de compte');
    expect(manager.candidates).not.toContain('Phase de la transaction');
    expect(missingOf(['Этап', 'Кто ведёт'], [['Принимают решение', 'Иванов Иван'], ['Первичный контакт', 'Петрова Анна']], 'deals').missing.find((m) => m.field === 'manager')?.candidates).not.toContain('Этап');
  });
});

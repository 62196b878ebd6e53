// Pipedrive's activities exported in its Spanish, Portuguese and German interfaces, and its deals in
// Spanish under «Negocio - …»: each was refused (tester T68 H2, H3), the Portuguese and German activities
// as a deals export (their «Negócio - ID», «Deal - ID»). The Spanish headers are those of public scripts
// that read a real export; the others are the interfaces' words (profiles/pipedrive*.yaml).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/core/records.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { importDeals } from '../../../src/io/map/import.js';
import { readActivityRows } from '../../helpers/activity-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pipedrive-intl-'));

/** The same four activities in each language: a call of 2 minutes, an e-mail, a meeting of 1 h 30, and a call still to do. */
const FILES: Record<string, string[]> = {
  'es.csv': [
    'Actividad - ID,Actividad - Asunto,Actividad - Tipo,Actividad - Asignada al usuario,Actividad - Fecha de vencimiento,Actividad - Hora de vencimiento,Actividad - Duración,Actividad - Hecho,Negocio - ID,Negocio - Título,Negocio - Propietario,Negocio - Negocio creado el',
    '1,Primera llamada,Llamada,Ana Pérez,2025-03-03,10:30,00:02,Hecho,101,Venta Alfa,Ana Pérez,2025-03-01 09:00:00',
    '2,Oferta,Correo electrónico,Ana Pérez,2025-03-05,10:00,,Hecho,101,Venta Alfa,Ana Pérez,2025-03-01 09:00:00',
    '3,Demo,Reunión,Bruno Díaz,2025-03-05,11:00,01:30,Hecho,201,Venta Delta,Bruno Díaz,2025-03-02 09:00:00',
    '4,Volver a llamar,Llamada,Bruno Díaz,2025-03-20,10:00,00:15,Por hacer,202,Venta Épsilon,Bruno Díaz,2025-03-02 09:00:00',
  ],
  'pt.csv': [
    'Atividade - ID,Atividade - Assunto,Atividade - Tipo,Atividade - Atribuído ao usuário,Atividade - Data de vencimento,Atividade - Hora de vencimento,Atividade - Duração,Atividade - Concluída,Negócio - ID,Negócio - Título',
    '1,Primeira ligação,Chamada,Ana Pérez,2025-03-03,10:30,00:02,Concluída,101,Venda Alfa',
    '2,Proposta,E-mail,Ana Pérez,2025-03-05,10:00,,Concluída,101,Venda Alfa',
    '3,Demo,Reunião,Bruno Díaz,2025-03-05,11:00,01:30,Concluída,201,Venda Delta',
    '4,Ligar de novo,Chamada,Bruno Díaz,2025-03-20,10:00,00:15,A fazer,202,Venda Épsilon',
  ],
  'de.csv': [
    'Aktivität - ID,Aktivität - Betreff,Aktivität - Typ,Aktivität - Zugewiesen an Benutzer,Aktivität - Fälligkeitsdatum,Aktivität - Fälligkeitszeit,Aktivität - Dauer,Aktivität - Erledigt,Deal - ID,Deal - Titel',
    '1,Erster Anruf,Anruf,Ana Pérez,2025-03-03,10:30,00:02,Erledigt,101,Verkauf Alfa',
    '2,Angebot,E-Mail,Ana Pérez,2025-03-05,10:00,,Erledigt,101,Verkauf Alfa',
    '3,Demo,Meeting,Bruno Díaz,2025-03-05,11:00,01:30,Erledigt,201,Verkauf Delta',
    '4,Zurückrufen,Anruf,Bruno Díaz,2025-03-20,10:00,00:15,Nicht erledigt,202,Verkauf Epsilon',
  ],
};

const read = (name: string) => readActivityRows(dir, name, FILES[name]!);

describe('Pipedrive activities in Spanish, Portuguese and German', () => {
  it.each(Object.keys(FILES))('%s: an activities file of the pipedrive-activities profile, read as the Russian and English ones are', async (name) => {
    const r = await read(name);
    expect(r.kind).toBe('activities');
    expect(r.profile).toBe('pipedrive-activities');
    expect(r.rows).toEqual([
      'call 120 Ana Pérez 101 2025-03-03T10:30',
      'email - Ana Pérez 101 2025-03-05T10:00',
      'meeting 5400 Bruno Díaz 201 2025-03-05T11:00',
    ]);
    expect(r.report.dropped['planned activity, not done']).toBe(1);
  });
});

describe('Pipedrive deals in Spanish under «Negocio - …»', () => {
  it('are read by the pipedrive profile: owner, value, status, creation date', async () => {
    writeFileSync(path.join(dir, 'deals-es.csv'), [
      'Negocio - ID,Negocio - Título,Negocio - Propietario,Negocio - Valor,Negocio - Moneda,Negocio - Etapa,Negocio - Estado,Negocio - Negocio creado el,Negocio - Organización',
      '101,Venta Alfa,Ana Pérez,1000,EUR,Negociación,Ganado,2025-03-01 09:00:00,Alfa SL',
      '201,Venta Delta,Bruno Díaz,2000,EUR,Propuesta,Perdido,2025-03-02 09:00:00,Delta SA',
      '202,Venta Épsilon,Bruno Díaz,3000,EUR,Contacto,Abierto,2025-03-02 09:00:00,Épsilon SA',
      '203,Venta Zeta,Bruno Díaz,500,EUR,Contacto,Eliminado,2025-03-03 09:00:00,Zeta SA',
    ].join('\n'));
    const opts = { cwd: dir, stdin: process.stdin };
    expect(await guessKind('deals-es.csv', opts)).toBe('deals');
    let profile: string | undefined;
    const { store, report } = await importDeals('deals-es.csv', { ...opts, onHeader: (m) => (profile = m.profile?.profile.id) });
    expect(profile).toBe('pipedrive');
    expect(report.dropped['deleted deal (Pipedrive status "deleted")']).toBe(1);
    const deals: Deal[] = store.toDeals();
    expect(deals.map((d) => [d.id, d.manager, d.status, d.amount, d.client])).toEqual([
      ['101', 'Ana Pérez', 'won', 1000, 'Alfa SL'],
      ['201', 'Bruno Díaz', 'lost', 2000, 'Delta SA'],
      ['202', 'Bruno Díaz', 'open', 3000, 'Épsilon SA'],
    ]);
  });
});

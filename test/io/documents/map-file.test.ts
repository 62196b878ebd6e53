import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOverrides, mapOptions } from '../../../src/io/documents/map-file.js';

describe('loadOverrides', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-file-'));

  it('gives a payments section\'s status to the invoice statuses, and a deals section\'s to the deals\' outcomes', async () => {
    writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  status: { "Договор подписан": won }\npayments:\n  status: { "Закрыт": paid, "Не выставлен": void }\n');
    const { valueMaps } = await loadOverrides('map.yaml', dir, process.stdin);
    expect([valueMaps.invoice.get('закрыт'), valueMaps.invoice.get('не выставлен')]).toEqual(['paid', 'void']);
    expect(valueMaps.status.get('договор подписан')).toBe('won');
    // Neither word is the other's: an invoice word is no deal stage.
    expect(valueMaps.status.has('закрыт')).toBe(false);
    expect(valueMaps.invoice.has('договор подписан')).toBe(false);
  });

  it('gives an activities section\'s rows (the kind of every row) to the activities file only', async () => {
    writeFileSync(path.join(dir, 'rows.yaml'), 'activities:\n  rows: meeting\n  columns: { manager: "Organizer" }\n');
    const overrides = await loadOverrides('rows.yaml', dir, process.stdin);
    expect(mapOptions(overrides, 'activities').rows).toBe('meeting');
    expect(mapOptions(overrides, 'deals').rows).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Content, DynamicContent } from 'pdfmake/interfaces';
import { buildDossierModel } from '../../../src/renderer/src/domain/dossier/dossier-model';
import { DOSSIER_SECTION_TITLES, grantDossierDefinition } from '../../../src/renderer/src/reports/grant-dossier-pdf';
import { formatSiret } from '../../../src/renderer/src/reports/pdf-layout';
import { fixtureDossierInput } from '../../fixtures/dossier';

const texts = (node: unknown): string[] => {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
};

describe('the grant dossier definition', () => {
  const model = buildDossierModel(fixtureDossierInput());
  const definition = grantDossierDefinition(model, { draft: false });
  const all = texts(definition.content);

  it('follows the Cerfa order', () => {
    const order = Object.values(DOSSIER_SECTION_TITLES).map((title) => all.findIndex((t) => t.startsWith(title)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('numbers pages « page 3 / 12 » and heads each with the association’s name', () => {
    const footer = definition.footer as DynamicContent;
    expect(texts(footer(3, 12, { width: 595, height: 842 } as never))).toContain('page 3 / 12');
    const header = definition.header as DynamicContent;
    expect(texts(header(1, 12, { width: 595, height: 842 } as never))).toContain('Les Amis du Quartier');
  });

  it('prints whole euros, long dates and the formatted SIRET', () => {
    expect(all).toContain('163\u00a0500\u00a0€');
    expect(all).toContain('24 novembre 2026');
    expect(all).toContain('842\u00a0139\u00a0750\u00a000017');
    // §4 reports the last exercise closed on the filing date (2025: ETPT 3,09), not the requested one.
    expect(all).toContain('3,09');
    expect(all.join(' ')).not.toContain('\u202f');
  });

  it('repeats the header rows of budget tables and never splits a row', () => {
    const tables = (definition.content as Content[]).flatMap(function find(
      node: unknown,
    ): { headerRows?: number; dontBreakRows?: boolean }[] {
      if (Array.isArray(node)) return node.flatMap(find);
      if (node && typeof node === 'object') {
        const table = (node as { table?: { headerRows?: number; dontBreakRows?: boolean } }).table;
        return [...(table ? [table] : []), ...Object.values(node).flatMap(find)];
      }
      return [];
    });
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.every((t) => t.dontBreakRows === true)).toBe(true);
  });

  it('watermarks a draft BROUILLON and only a draft', () => {
    expect(definition.watermark).toBeUndefined();
    expect(grantDossierDefinition(model, { draft: true }).watermark).toMatchObject({ text: 'BROUILLON' });
  });

  it.each([
    ['84213975000017', '842\u00a0139\u00a0750\u00a000017'],
    ['842 139 750 00017', '842\u00a0139\u00a0750\u00a000017'],
    [undefined, 'Non renseigné'],
  ])('formats SIRET %s', (siret, expected) => {
    expect(formatSiret(siret)).toBe(expected);
  });
});

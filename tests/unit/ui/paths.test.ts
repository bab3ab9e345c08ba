import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'regexparam';
import { matchRoute } from 'wouter';
import type { Screen, Target } from '../../../src/renderer/src/domain/target';
import { MOVED_ADDRESSES, pathTo, ROUTES } from '../../../src/renderer/src/ui/paths';

// Routes are data (DESIGN.md decision 14): ui/paths.ts is the one module that knows an address. These
// tests check that every target's address leads back to its screen and its record, and that no route
// string is typed anywhere else in the renderer.

const SAMPLES: Array<[Target, string]> = [
  [{ screen: 'dashboard' }, '/tableau-de-bord'],
  [{ screen: 'team' }, '/equipe'],
  [{ screen: 'person', id: 'p-1' }, '/equipe/p-1'],
  [{ screen: 'applications' }, '/financements'],
  [{ screen: 'new-application' }, '/financements/nouvelle'],
  [{ screen: 'application', id: 'a-1' }, '/financements/demandes/a-1'],
  [{ screen: 'funders' }, '/financements/financeurs'],
  [{ screen: 'yearly-summary' }, '/financements/bilan'],
  [{ screen: 'yearly-summary', year: 2026 }, '/financements/bilan/2026'],
  [{ screen: 'partners' }, '/partenaires'],
  [{ screen: 'new-partner' }, '/partenaires/nouveau'],
  [{ screen: 'directory-duplicates' }, '/partenaires/doublons'],
  [{ screen: 'partner', id: 'pa-1' }, '/partenaires/pa-1'],
  [{ screen: 'edit-partner', id: 'pa-1' }, '/partenaires/pa-1/modifier'],
  [{ screen: 'agreements' }, '/partenaires/conventions'],
  [{ screen: 'new-agreement' }, '/partenaires/conventions/nouvelle'],
  [{ screen: 'agreement', id: 'c-1' }, '/partenaires/conventions/c-1'],
  [{ screen: 'edit-agreement', id: 'c-1' }, '/partenaires/conventions/c-1/modifier'],
  [{ screen: 'dossier' }, '/dossiers'],
  [{ screen: 'actions' }, '/dossiers/actions'],
  [{ screen: 'new-action' }, '/dossiers/actions/nouvelle'],
  [{ screen: 'action', id: 'x-1' }, '/dossiers/actions/x-1'],
  [{ screen: 'budgets' }, '/dossiers/budgets'],
  [{ screen: 'budgets', year: 2027 }, '/dossiers/budgets/2027'],
  [{ screen: 'next-exercise' }, '/dossiers/exercice-suivant'],
  [{ screen: 'next-exercise', year: 2028 }, '/dossiers/exercice-suivant/2028'],
  [{ screen: 'treasury' }, '/tresorerie'],
  [{ screen: 'reports' }, '/dossiers/comptes-rendus'],
  [{ screen: 'report', id: 'a-1' }, '/dossiers/comptes-rendus/a-1'],
  [{ screen: 'report', id: 'a-1', exercise: 2 }, '/dossiers/comptes-rendus/a-1/2'],
  [{ screen: 'import' }, '/importer'],
  [{ screen: 'association' }, '/association'],
  [{ screen: 'documents' }, '/association/pieces'],
  [{ screen: 'backups' }, '/sauvegardes'],
  [{ screen: 'bin' }, '/corbeille'],
  [{ screen: 'journal' }, '/corbeille/journal'],
  [{ screen: 'settings' }, '/reglages'],
];

/** The screen the route table opens for a path: the first pattern that matches, in ROUTES' order. */
function routeOf(path: string): { screen: Screen; params: Record<string, string | undefined> } | undefined {
  for (const [screen, route] of Object.entries(ROUTES) as Array<[Screen, { pattern: string }]>) {
    const [matched, params] = matchRoute(parse, route.pattern, path);
    if (matched) return { screen, params: params as Record<string, string | undefined> };
  }
  return undefined;
}

describe('pathTo', () => {
  it('has a sample for every screen', () => {
    expect(new Set(SAMPLES.map(([t]) => t.screen))).toEqual(new Set(Object.keys(ROUTES)));
  });

  it.each(SAMPLES)('%o is %s, and that address opens the same screen of the same record', (target, path) => {
    expect(pathTo(target)).toBe(path);
    const route = routeOf(path);
    expect(route?.screen).toBe(target.screen);
    const values = Object.values(route!.params).filter((v) => v !== undefined);
    if ('id' in target) expect(values).toContain(target.id);
    if ('year' in target && target.year !== undefined) expect(values).toContain(String(target.year));
    if ('exercise' in target && target.exercise !== undefined) expect(values).toContain(String(target.exercise));
  });

  it('sends an address that moved to its new place, which opens a screen of its own', () => {
    // Issue 19: the association's pièces left Partenaires for the Association section.
    expect(MOVED_ADDRESSES.map(({ from, to }) => [from, pathTo(to)])).toEqual([['/partenaires/documents', '/association/pieces']]);
    for (const { to } of MOVED_ADDRESSES) expect(routeOf(pathTo(to))?.screen).toBe(to.screen);
  });

  it('opens no screen for an address it does not know', () => {
    expect(routeOf('/inconnu')).toBeUndefined();
    expect(routeOf('/equipe/p-1/contrats')).toBeUndefined();
  });
});

// Every route's first segment: a string literal starting with one of them is a hand-typed route.
const FIRST_SEGMENTS = [...new Set(Object.values(ROUTES).map((r) => r.pattern.split('/')[1]!))];
const ROUTE_LITERAL = new RegExp(`['"\`]/(${FIRST_SEGMENTS.join('|')})(?=[/'"\`$?])`);

const root = fileURLToPath(new URL('../../../src/renderer/src', import.meta.url));
const PATHS_MODULE = 'ui/paths.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('no route string outside ui/paths.ts', () => {
  it('recognises a hand-typed route, and not a look-alike', () => {
    expect(ROUTE_LITERAL.test("navigate('/equipe')")).toBe(true);
    expect(ROUTE_LITERAL.test('href={`/financements/demandes/${id}`}')).toBe(true);
    expect(ROUTE_LITERAL.test('<Link href="/corbeille/journal">')).toBe(true);
    expect(ROUTE_LITERAL.test("'/equipement'")).toBe(false);
    expect(ROUTE_LITERAL.test("pathTo({ screen: 'team' })")).toBe(false);
  });

  it('finds none in the renderer', () => {
    const offenders = sourceFiles(root)
      .filter((file) => relative(root, file).split('\\').join('/') !== PATHS_MODULE)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, index }))
          .filter(({ line }) => ROUTE_LITERAL.test(line))
          .map(({ line, index }) => `${relative(root, file)}:${index + 1}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});

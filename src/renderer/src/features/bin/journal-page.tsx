import { useMemo, useState } from 'react';
import { listJournalMatching, useJournalPage, useJournalPeople } from '../../data/journal-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { tableLabel } from '../../domain/backup/table-labels';
import { todayIso } from '../../domain/dates';
import { formatDateTimeShort, NOBODY, type JournalFilter } from '../../domain/journal/journal';
import { currentPlatform } from '../../platform/current-platform';
import { TextField, SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { BinTabs } from './bin-tabs';
import { journalCsvBytes, journalFileName } from './journal-csv';
import { useRememberedState } from '../../ui/remembered-state';
import { useAction } from '../../ui/use-action';
import { EmptyState, Loading } from '../../ui/loading-state';

// Long journals are cut on screen, never in the export: the screen reads only the newest entries that
// match, from an index, so a journal of 50 000 entries opens as fast as a short one.
const SHOWN_AT_MOST = 300;
const NOBODY_VALUE = '\u0000nobody';

export function JournalPage() {
  const act = useAction();
  const { db, record } = useCurrentWorkspace();
  const toast = useToast();
  const [person, setPerson] = useRememberedState(`${record.id}:journal:person`, '');
  const [table, setTable] = useRememberedState(`${record.id}:journal:table`, '');
  const [from, setFrom] = useRememberedState(`${record.id}:journal:from`, '');
  const [to, setTo] = useRememberedState(`${record.id}:journal:to`, '');
  const [text, setText] = useRememberedState(`${record.id}:journal:text`, '');
  const [exporting, setExporting] = useState(false);

  const people = useJournalPeople(db) ?? [];
  // Every kind of record of the schema, so that a table added later is filterable without new code.
  const tables = useMemo(
    () =>
      db.tables
        .map((t) => t.name)
        .filter((name) => name !== 'journal' && name !== 'meta')
        .sort((a, b) => tableLabel(a).localeCompare(tableLabel(b), 'fr')),
    [db],
  );

  const filter: JournalFilter = useMemo(
    () => ({ person: person === NOBODY_VALUE ? null : person, table, from, to, text }),
    [person, table, from, to, text],
  );
  const page = useJournalPage(db, filter, SHOWN_AT_MOST);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const filtered = await listJournalMatching(db, filter);
      const status = await currentPlatform().saveFile(journalFileName(record.name, todayIso()), journalCsvBytes(filtered), [
        { name: 'Tableur CSV', extensions: ['csv'] },
      ]);
      if (status === 'saved') toast.show(`Journal exporté (${filtered.length} modification${filtered.length > 1 ? 's' : ''}).`);
    } catch (e) {
      toast.show(`L’export a échoué\u00a0: ${e instanceof Error ? e.message : String(e)}`, { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const filtering = person !== '' || table !== '' || from !== '' || to !== '' || text !== '';

  return (
    <Page
      title="Journal des modifications"
      action={
        <button type="button" className="button button--primary" onClick={() => act(() => exportCsv())} disabled={exporting || !page}>
          Exporter en CSV
        </button>
      }
    >
      <BinTabs />
      <p className="muted">
        Qui a modifié quoi, et quand, dans cet espace. Chaque modification est signée du nom de la personne au clavier.
      </p>
      <div className="filters journal-filters" role="search" aria-label="Filtrer le journal">
        <TextField label="Rechercher" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Nom, action…" />
        <SelectField
          label="Personne"
          value={person}
          onChange={(e) => setPerson(e.target.value)}
          options={[{ value: '', label: 'Toutes' }, ...people.map((name) => ({ value: name ?? NOBODY_VALUE, label: name ?? NOBODY }))]}
        />
        <SelectField
          label="Type de fiche"
          value={table}
          onChange={(e) => setTable(e.target.value)}
          options={[{ value: '', label: 'Tous' }, ...tables.map((name) => ({ value: name, label: tableLabel(name) }))]}
        />
        <TextField label="Du" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Au" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        {filtering ? (
          <button
            type="button"
            className="button button--small journal-filters__reset"
            onClick={() => {
              setPerson('');
              setTable('');
              setFrom('');
              setTo('');
              setText('');
            }}
          >
            Effacer les filtres
          </button>
        ) : null}
      </div>
      {page === undefined ? (
        <Loading />
      ) : page.total === 0 ? (
        <EmptyState>
          <p>
            <strong>Aucune modification pour l’instant.</strong>
          </p>
          <p>Dès que quelqu’un crée, modifie ou supprime une fiche dans cet espace, le journal l’inscrit ici avec son nom.</p>
        </EmptyState>
      ) : (
        <>
          <p role="status" className="muted">
            {page.matching === page.total
              ? `${page.total} modification${page.total > 1 ? 's' : ''}.`
              : `${page.matching} modification${page.matching > 1 ? 's' : ''} sur ${page.total}.`}
            {page.matching > SHOWN_AT_MOST ? ` Les ${SHOWN_AT_MOST} plus récentes sont affichées ; l’export les contient toutes.` : ''}
          </p>
          {page.entries.length > 0 ? (
            <div className="table-wrap">
              <table className="data-table journal-table">
                <caption className="visually-hidden">Journal des modifications, de la plus récente à la plus ancienne</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Personne</th>
                    <th scope="col">Type de fiche</th>
                    <th scope="col">Modification</th>
                  </tr>
                </thead>
                <tbody>
                  {page.entries.map((entry) => (
                    <tr key={entry.id} className={entry.undoneAt ? 'journal-table__undone' : undefined}>
                      <td className="journal-table__when">{formatDateTimeShort(entry.at)}</td>
                      <td>{entry.person ?? <span className="muted">{NOBODY}</span>}</td>
                      <td>{tableLabel(entry.table)}</td>
                      <td>
                        {entry.summary}
                        {entry.undoneAt ? <span className="badge journal-table__badge">annulée</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Aucune modification ne correspond à ces filtres.</p>
          )}
        </>
      )}
    </Page>
  );
}

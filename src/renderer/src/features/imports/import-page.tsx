import { useMemo, useRef, useState } from 'react';
import { importRows, type ImportResult } from '../../data/spreadsheet-import';
import { readSpreadsheet, type SheetTable } from '../../data/spreadsheet-reader';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import {
  IMPORT_FIELDS,
  IMPORT_KINDS,
  missingRequiredFields,
  rowErrorMessages,
  suggestMapping,
  validateImportRows,
  type ColumnMapping,
  type ImportField,
  type ImportKind,
  type RowOutcome,
} from '../../domain/spreadsheets/import-targets';
import { currentPlatform } from '../../platform/current-platform';
import { CheckboxField, SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
import { EmptyState } from '../../ui/loading-state';
import { useImportReferences } from '../../data/live-queries';

// Import from a spreadsheet: pick the file, say what it holds, check the columns, look at the preview and
// the errors, then import — all rows or none, unless the user chooses to skip the rows in error.

const PREVIEW_ROWS = 5;
const NOT_IN_FILE = '';

const IMPORTED_WHAT: Record<ImportKind, [string, string]> = {
  people: ['personne importée', 'personnes importées'],
  contracts: ['contrat importé', 'contrats importés'],
  funders: ['financeur importé', 'financeurs importés'],
  applications: ['demande importée', 'demandes importées'],
  partners: ['partenaire importé', 'partenaires importés'],
};

function shown(field: ImportField, outcome: RowOutcome): string {
  const raw = outcome.cells[field.key] ?? '';
  if (!outcome.ok || !(field.key in outcome.value)) return raw;
  const value = outcome.value[field.key];
  if (value === undefined || value === '') return '';
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? formatDateShort(value) : raw;
    case 'amount':
      return typeof value === 'number' ? formatCents(value) : raw;
    case 'number':
      return String(value).replace('.', ',');
    case 'yesno':
      return value === true ? 'Oui' : 'Non';
    case 'choice':
      return field.choices.find((c) => c.value === value)?.label ?? String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

export function ImportPage() {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const refs = useImportReferences(db);
  const [file, setFile] = useState<{ name: string; table: SheetTable } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [kind, setKind] = useState<ImportKind>('people');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  const chooseFile = async () => {
    const opened = await currentPlatform().openFile([
      { name: 'Tableurs (CSV, Excel)', extensions: ['csv', 'xlsx', 'txt'] },
    ]);
    if (!opened) return;
    try {
      const table = await readSpreadsheet(opened.fileName, opened.data);
      setFile({ name: opened.fileName, table });
      setReadError(table.headers.length === 0 ? 'Ce fichier est vide : aucune ligne d’en-tête trouvée.' : null);
      setMapping(suggestMapping(kind, table.headers));
      setResult(null);
    } catch {
      setFile(null);
      setReadError(`« ${opened.fileName} » n’a pas pu être lu : enregistrez-le depuis votre tableur en CSV ou en .xlsx et réessayez.`);
    }
  };

  const changeKind = (next: ImportKind) => {
    setKind(next);
    setResult(null);
    if (file) setMapping(suggestMapping(next, file.table.headers));
  };

  const outcomes = useMemo(
    () => (file && refs ? validateImportRows(kind, file.table.rows, mapping, refs, file.table.firstLine) : []),
    [file, refs, kind, mapping],
  );
  const missing = missingRequiredFields(kind, mapping);
  const errors = rowErrorMessages(outcomes);
  const badRows = outcomes.filter((o) => !o.ok).length;
  const goodRows = outcomes.length - badRows;
  const fields = IMPORT_FIELDS[kind];
  const mappedFields = fields.filter((f) => (mapping[f.key] ?? null) !== null);

  const runImport = async () => {
    setBusy(true);
    try {
      const outcome = await importRows(db, kind, outcomes, { skipInvalid });
      setResult(outcome);
      if (outcome.status === 'imported') {
        const [one, many] = IMPORTED_WHAT[kind];
        toast.show(`${outcome.count} ${outcome.count === 1 ? one : many}.`);
      }
      resultRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const columnOptions = [
    { value: NOT_IN_FILE, label: '— absent du fichier —' },
    ...(file?.table.headers.map((h, i) => ({ value: String(i), label: h === '' ? `Colonne ${i + 1}` : h })) ?? []),
  ];

  return (
    <Page
      title="Importer depuis un tableur"
      action={
        <button type="button" className="button button--primary" onClick={() => act(() => chooseFile())}>
          {file ? 'Choisir un autre fichier…' : 'Choisir un fichier…'}
        </button>
      }
    >
      {file === null ? (
        <EmptyState>
          <p>
            Reprenez vos listes tenues sous Excel ou LibreOffice : personnes de l’équipe, contrats, financeurs, demandes
            de subvention, partenaires. Les fichiers CSV (séparateur point-virgule, virgule ou tabulation, UTF-8 ou
            Windows-1252) et .xlsx sont acceptés ; les dates au format jj/mm/aaaa et les montants avec une virgule.
          </p>
          <p>Rien n’est enregistré avant que vous ayez vérifié l’aperçu.</p>
        </EmptyState>
      ) : null}
      {readError ? (
        <p className="import__error" role="alert">
          {readError}
        </p>
      ) : null}

      {file && !readError ? (
        <>
          <p className="import__file">
            Fichier : <strong>{file.name}</strong> ({file.table.source}, {file.table.rows.filter((r) => r.some((c) => c.trim() !== '')).length} lignes de données)
          </p>

          <h2 className="import__step">1. Ce que contient le fichier</h2>
          <SelectField
            label="Le fichier contient"
            value={kind}
            options={IMPORT_KINDS}
            onChange={(e) => changeKind(e.target.value as ImportKind)}
          />

          <h2 className="import__step">2. Correspondance des colonnes</h2>
          <p className="field__hint">Chaque information de Passerelle est lue dans une colonne de votre fichier, reconnue par son en-tête. Corrigez si besoin.</p>
          {missing.length > 0 ? (
            <p className="import__error" role="alert">
              Colonnes obligatoires à associer : {missing.join(', ')}.
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="data-table import__mapping">
              <caption className="visually-hidden">Correspondance des colonnes</caption>
              <thead>
                <tr>
                  <th scope="col">Information</th>
                  <th scope="col">Colonne du fichier</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field) => (
                  <tr key={field.key}>
                    <th scope="row">
                      {field.label}
                      {field.required ? <span className="field__required"> (obligatoire)</span> : null}
                    </th>
                    <td>
                      <select
                        aria-label={`Colonne pour « ${field.label} »`}
                        value={mapping[field.key] === null || mapping[field.key] === undefined ? NOT_IN_FILE : String(mapping[field.key])}
                        onChange={(e) => {
                          setResult(null);
                          setMapping({ ...mapping, [field.key]: e.target.value === NOT_IN_FILE ? null : Number(e.target.value) });
                        }}
                      >
                        {columnOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 className="import__step">3. Aperçu</h2>
          <div className="table-wrap">
            <table className="data-table import__preview">
              <caption>
                Les {Math.min(PREVIEW_ROWS, outcomes.length)} premières lignes, telles qu’elles seront enregistrées
              </caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  {mappedFields.map((f) => (
                    <th scope="col" key={f.key}>
                      {f.label}
                    </th>
                  ))}
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {outcomes.slice(0, PREVIEW_ROWS).map((o) => (
                  <tr key={o.line} className={o.ok ? undefined : 'import__row--error'}>
                    <td>{o.line}</td>
                    {mappedFields.map((f) => (
                      <td key={f.key}>{shown(f, o)}</td>
                    ))}
                    <td>{o.ok ? 'Prête' : 'En erreur'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 className="import__step">4. Vérification</h2>
          {badRows === 0 ? (
            <p className="import__ok">
              {goodRows} {goodRows === 1 ? 'ligne prête' : 'lignes prêtes'} à importer, aucune erreur.
            </p>
          ) : (
            <section className="import__report" aria-labelledby="import-errors-title">
              <h3 id="import-errors-title">
                {badRows} {badRows === 1 ? 'ligne en erreur' : 'lignes en erreur'} sur {outcomes.length}
              </h3>
              <ul>
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
              <CheckboxField
                label="Ignorer les lignes en erreur"
                hint={`Seules les ${goodRows} lignes correctes seront importées ; corrigez les autres dans votre fichier pour les importer ensuite.`}
                checked={skipInvalid}
                onChange={(e) => {
                  setResult(null);
                  setSkipInvalid(e.target.checked);
                }}
              />
            </section>
          )}

          <div className="import__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || result?.status === 'imported' || missing.length > 0 || outcomes.length === 0 || (skipInvalid && goodRows === 0)}
              onClick={() => act(() => runImport())}
            >
              {badRows > 0 && skipInvalid ? `Importer les ${goodRows} lignes correctes` : `Importer ${outcomes.length} ${outcomes.length === 1 ? 'ligne' : 'lignes'}`}
            </button>
          </div>
          <div ref={resultRef} tabIndex={-1} aria-live="polite" className="import__result">
            {result?.status === 'refused' ? (
              <p className="import__error">
                Rien n’a été importé : {result.badRows} {result.badRows === 1 ? 'ligne est' : 'lignes sont'} en erreur. Corrigez le fichier, ou cochez
                « Ignorer les lignes en erreur ».
              </p>
            ) : null}
            {result?.status === 'imported' ? (
              <p className="import__ok">
                {result.count} {result.count === 1 ? IMPORTED_WHAT[kind][0] : IMPORTED_WHAT[kind][1]}
                {result.skipped > 0 ? ` ; ${result.skipped} ${result.skipped === 1 ? 'ligne ignorée' : 'lignes ignorées'}` : ''}.
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </Page>
  );
}

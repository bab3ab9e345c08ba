import { useMemo, useRef, useState } from 'react';
import { importRows, type ImportResult } from '../../data/spreadsheet-import';
import { readSpreadsheet, type SheetTable } from '../../data/spreadsheet-reader';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import {
  IMPORT_FIELDS,
  IMPORT_KINDS,
  importPlan,
  type ExistingChoice,
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
import { Options } from '../../ui/options';

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

/** « 3 contrats importés ; 3 personnes ajoutées à l’équipe. » — what was written, nothing else. */
function resultText(result: Extract<ImportResult, { status: 'imported' }>, kind: ImportKind): string {
  const [one, many] = IMPORTED_WHAT[kind];
  const parts = [
    result.count > 0 || result.updated === 0 ? `${result.count} ${result.count <= 1 ? one : many}` : '',
    result.createdPeople > 0
      ? `${result.createdPeople} ${result.createdPeople === 1 ? 'personne ajoutée' : 'personnes ajoutées'} à l’équipe`
      : '',
    result.updated > 0 ? `${result.updated} ${result.updated === 1 ? 'fiche mise à jour' : 'fiches mises à jour'}` : '',
    result.unchanged > 0
      ? `${result.unchanged} déjà dans l’équipe, ${result.unchanged === 1 ? 'laissée telle quelle' : 'laissées telles quelles'}`
      : '',
    result.skipped > 0 ? `${result.skipped} ${result.skipped === 1 ? 'ligne ignorée' : 'lignes ignorées'}` : '',
  ].filter((p) => p !== '');
  return `${parts.join(' ; ')}.`;
}

/** The preview's « État » of a row: what the import will do with it. */
function rowState(o: RowOutcome, existing: ExistingChoice): string {
  if (!o.ok) return 'En erreur';
  if (o.existing) return `Déjà dans l’équipe (${o.existing.name}) — ${existing === 'update' ? 'sera mise à jour' : 'laissée telle quelle'}`;
  if (o.newPerson) return `Prête — ajoute ${o.newPerson.firstName} ${o.newPerson.lastName} à l’équipe`;
  return 'Prête';
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
  const [existing, setExisting] = useState<ExistingChoice>('skip');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  /** Which reading of a file of two encodings the user chose; null until chosen. */
  const [reading, setReading] = useState<number | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const chooseFile = async () => {
    const opened = await currentPlatform().openFile([{ name: 'Tableurs (CSV, Excel)', extensions: ['csv', 'xlsx', 'txt'] }]);
    if (!opened) return;
    try {
      const table = await readSpreadsheet(opened.fileName, opened.data);
      setFile({ name: opened.fileName, table });
      setReading(null);
      setReadError(table.headers.length === 0 ? 'Ce fichier est vide : aucune ligne d’en-tête trouvée.' : null);
      setMapping(suggestMapping(kind, table.headers));
      setResult(null);
    } catch {
      setFile(null);
      setReadError(`« ${opened.fileName} » n’a pas pu être lu : enregistrez-le depuis votre tableur en CSV ou en .xlsx et réessayez.`);
    }
  };

  const readings = file?.table.readings;
  const table = file ? (readings && reading !== null ? (readings[reading]?.table ?? file.table) : file.table) : null;
  const readingMissing = readings !== undefined && reading === null;

  const changeKind = (next: ImportKind) => {
    setKind(next);
    setResult(null);
    if (table) setMapping(suggestMapping(next, table.headers));
  };

  const outcomes = useMemo(
    () => (table && refs ? validateImportRows(kind, table.rows, mapping, refs, table.firstLine) : []),
    [table, refs, kind, mapping],
  );
  const missing = missingRequiredFields(kind, mapping);
  const errors = rowErrorMessages(outcomes);
  const badRows = outcomes.filter((o) => !o.ok).length;
  const goodRows = outcomes.length - badRows;
  const plan = importPlan(outcomes, { skipInvalid, existing });
  const matchedRows = outcomes.filter((o) => o.ok && o.existing !== undefined).length;
  // The button counts what will be written, nothing else.
  const toWrite = plan.create + plan.update;
  const fields = IMPORT_FIELDS[kind];
  const mappedFields = fields.filter((f) => (mapping[f.key] ?? null) !== null);

  const runImport = async () => {
    setBusy(true);
    try {
      const outcome = await importRows(db, kind, outcomes, { skipInvalid, existing });
      setResult(outcome);
      if (outcome.status === 'imported') {
        const [one, many] = IMPORTED_WHAT[kind];
        toast.show(
          outcome.count === 0 && outcome.updated > 0
            ? `${outcome.updated} ${outcome.updated === 1 ? 'fiche mise à jour' : 'fiches mises à jour'}.`
            : `${outcome.count} ${outcome.count === 1 ? one : many}.`,
        );
      }
      resultRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const columnOptions = [
    { value: NOT_IN_FILE, label: '— absent du fichier —' },
    ...(table?.headers.map((h, i) => ({ value: String(i), label: h === '' ? `Colonne ${i + 1}` : h })) ?? []),
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
            Reprenez vos listes tenues sous Excel ou LibreOffice : personnes de l’équipe, contrats, financeurs, demandes de subvention,
            partenaires. Les fichiers CSV (séparateur point-virgule, virgule ou tabulation, UTF-8 ou Windows-1252) et .xlsx sont acceptés ;
            les dates au format jj/mm/aaaa et les montants avec une virgule.
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
            Fichier : <strong>{file.name}</strong> ({readingMissing ? 'CSV, encodage à choisir' : (table ?? file.table).source},{' '}
            {file.table.rows.filter((r) => r.some((c) => c.trim() !== '')).length} lignes de données)
          </p>

          {readings ? (
            <fieldset className="import__readings">
              <legend>Ce fichier mêle deux encodages de caractères&nbsp;: choisissez la lecture où les accents sont justes.</legend>
              {readings.map((r, i) => (
                <label key={r.encoding} className="import__reading">
                  <input
                    type="radio"
                    name="reading"
                    checked={reading === i}
                    onChange={() => {
                      setResult(null);
                      setReading(i);
                      setMapping(suggestMapping(kind, r.table.headers));
                    }}
                  />
                  <span>
                    <strong>{r.label}</strong>
                    {r.samples.map((line, n) => (
                      <code key={n} className="import__sample">
                        {line}
                      </code>
                    ))}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}

          <h2 className="import__step">1. Ce que contient le fichier</h2>
          <SelectField
            label="Le fichier contient"
            value={kind}
            options={IMPORT_KINDS}
            onChange={(e) => changeKind(e.target.value as ImportKind)}
          />

          <h2 className="import__step">2. Correspondance des colonnes</h2>
          <p className="field__hint">
            Chaque information de Passerelle est lue dans une colonne de votre fichier, reconnue par son en-tête. Corrigez si besoin.
          </p>
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
                        <Options options={columnOptions} />
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
              <caption>Les {Math.min(PREVIEW_ROWS, outcomes.length)} premières lignes, telles qu’elles seront enregistrées</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">État</th>
                  {mappedFields.map((f) => (
                    <th scope="col" key={f.key}>
                      {f.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {outcomes.slice(0, PREVIEW_ROWS).map((o) => (
                  <tr key={o.line} className={o.ok ? undefined : 'import__row--error'}>
                    <td>{o.line}</td>
                    <td>{rowState(o, existing)}</td>
                    {mappedFields.map((f) => (
                      <td key={f.key}>{shown(f, o)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 className="import__step">4. Vérification</h2>
          {badRows === 0 ? (
            <p className="import__ok">
              {matchedRows > 0
                ? `${goodRows} ${goodRows === 1 ? 'ligne lue' : 'lignes lues'} sans erreur, dont ${matchedRows} déjà dans l’équipe.`
                : `${goodRows} ${goodRows === 1 ? 'ligne prête' : 'lignes prêtes'} à importer, aucune erreur.`}
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

          {matchedRows > 0 ? (
            <fieldset className="import__existing">
              <legend>
                {matchedRows} {matchedRows === 1 ? 'personne du fichier est' : 'personnes du fichier sont'} déjà dans l’équipe (même
                courriel, ou même nom et prénom)
              </legend>
              {EXISTING_CHOICES.map((choice) => (
                <label key={choice.value} className="import__choice">
                  <input
                    type="radio"
                    name="existing"
                    checked={existing === choice.value}
                    onChange={() => {
                      setResult(null);
                      setExisting(choice.value);
                    }}
                  />
                  {choice.label}
                </label>
              ))}
            </fieldset>
          ) : null}
          {plan.newPeople > 0 ? (
            <p className="import__ok">
              {plan.newPeople}{' '}
              {plan.newPeople === 1
                ? 'personne n’est pas encore dans l’équipe : elle y sera ajoutée'
                : 'personnes ne sont pas encore dans l’équipe : elles y seront ajoutées'}{' '}
              avec {plan.newPeople === 1 ? 'son contrat' : 'leurs contrats'}.
            </p>
          ) : null}

          <div className="import__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || result?.status === 'imported' || missing.length > 0 || readingMissing || plan.blocked}
              onClick={() => act(() => runImport())}
            >
              {badRows > 0 && !skipInvalid
                ? 'Importer'
                : toWrite === 0
                  ? 'Rien à importer'
                  : badRows > 0
                    ? `Importer les ${toWrite} ${toWrite === 1 ? 'ligne correcte' : 'lignes correctes'}`
                    : `Importer ${toWrite} ${toWrite === 1 ? 'ligne' : 'lignes'}`}
            </button>
            {badRows > 0 && !skipInvalid ? (
              <p className="field__hint">
                Rien ne sera importé tant que {badRows} {badRows === 1 ? 'ligne est' : 'lignes sont'} en erreur&nbsp;: corrigez le fichier,
                ou cochez « Ignorer les lignes en erreur ».
              </p>
            ) : null}
            {readingMissing ? <p className="field__hint">Choisissez d’abord la lecture du fichier où les accents sont justes.</p> : null}
            {badRows === 0 && toWrite === 0 && matchedRows > 0 ? (
              <p className="field__hint">Toutes les personnes du fichier sont déjà dans l’équipe.</p>
            ) : null}
          </div>
          <div ref={resultRef} tabIndex={-1} aria-live="polite" className="import__result">
            {result?.status === 'refused' ? (
              <p className="import__error">
                Rien n’a été importé : {result.badRows} {result.badRows === 1 ? 'ligne est' : 'lignes sont'} en erreur. Corrigez le fichier,
                ou cochez « Ignorer les lignes en erreur ».
              </p>
            ) : null}
            {result?.status === 'imported' ? <p className="import__ok">{resultText(result, kind)}</p> : null}
          </div>
        </>
      ) : null}
    </Page>
  );
}

/** What happens to the people of the file already in the team. */
const EXISTING_CHOICES: readonly { value: ExistingChoice; label: string }[] = [
  { value: 'skip', label: 'Les laisser telles quelles' },
  { value: 'update', label: 'Mettre à jour leur fiche avec les colonnes du fichier' },
];

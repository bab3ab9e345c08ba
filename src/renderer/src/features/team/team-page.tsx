import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatDateShort, todayIso } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import { CONTRACT_KINDS, contractKindLabel } from '../../domain/team/contract';
import { personName } from '../../domain/team/person';
import { formatEtpt, teamYear, type TeamYear } from '../../domain/team/team-year';
import { exerciseLabel } from '../../domain/exercise';
import { useTeam } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { SelectField, TextField } from '../../ui/field';
import { ExportMenu } from '../../ui/export-menu';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { LongTableBody, longTableProps } from '../../ui/long-table-body';
import { useRememberedState } from '../../ui/remembered-state';
import { nextSort, SortableHeader, type SortState } from '../../ui/sortable';
import { PersonForm } from './person-form';
import { saveTeamExport } from './team-export';
import { DEFAULT_FILTERS, filterRows, teamRows, type TeamFilters } from './team-list';
import { YearSelect, useTeamYear } from './year-select';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { FormDialog } from '../../ui/form-dialog';

const STATUS_OPTIONS = [
  { value: 'all', label: 'Toutes les personnes' },
  { value: 'active', label: 'En poste ou à venir' },
  { value: 'ended', label: 'Sorties' },
];
const KIND_OPTIONS = [{ value: 'all', label: 'Tous les contrats' }, ...CONTRACT_KINDS];
const AIDED_OPTIONS = [
  { value: 'all', label: 'Aidés ou non' },
  { value: 'aided', label: 'Postes aidés' },
  { value: 'not-aided', label: 'Sans aide' },
];

const STATUS_LABELS = { active: 'En poste', upcoming: 'À venir', ended: 'Sorti·e', none: 'Sans contrat' } as const;

export function TeamPage() {
  const { db, record } = useCurrentWorkspace();
  const team = useTeam(db);
  const [adding, setAdding] = useState(false);
  const [exercise, setYear] = useTeamYear();
  const [filters, setFilters] = useRememberedState<TeamFilters>(`passerelle:${record.id}:team-filters`, DEFAULT_FILTERS);
  const today = todayIso();
  const summary = useMemo(() => (team ? teamYear(team, exercise) : undefined), [team, exercise]);
  const rows = useMemo(() => (team ? filterRows(teamRows(team, today), filters) : []), [team, today, filters]);

  const action = (
    <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
      Ajouter une personne
    </button>
  );

  return (
    <Page title="Équipe" action={action}>
      <NewPersonDialog open={adding} onOpenChange={setAdding} />
      {team === undefined || summary === undefined ? (
        <Loading />
      ) : team.people.length === 0 ? (
        <EmptyState title="Votre équipe, ses contrats et ses postes aidés" card>
          <p>
            Enregistrez chaque salarié·e et chaque volontaire une fois, puis leurs contrats et avenants : Passerelle calcule l’effectif, les
            ETPT et le coût de l’équipe pour les dossiers de subvention, et rappelle les échéances (fin de période d’essai, DPAE,
            renouvellement d’un PEC…).
          </p>
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Ajouter la première personne
          </button>
        </EmptyState>
      ) : (
        <>
          <YearSummary summary={summary} onYearChange={setYear} />
          <section className="card" aria-labelledby="team-list-title">
            <div className="card__header">
              <h2 id="team-list-title">Les personnes</h2>
              <ExportMenu what="la liste de l’équipe" onExport={(format) => saveTeamExport(format, rows)} />
            </div>
            <div className="filters" role="search" aria-label="Filtrer l’équipe">
              <TextField
                label="Rechercher"
                type="search"
                placeholder="Nom, fonction…"
                value={filters.search}
                onChange={(e) => setFilters({ ...filters, search: e.target.value })}
              />
              <SelectField
                label="Situation"
                options={STATUS_OPTIONS}
                value={filters.status}
                onChange={(e) => setFilters({ ...filters, status: e.target.value as TeamFilters['status'] })}
              />
              <SelectField
                label="Type de contrat"
                options={KIND_OPTIONS}
                value={filters.kind}
                onChange={(e) => setFilters({ ...filters, kind: e.target.value as TeamFilters['kind'] })}
              />
              <SelectField
                label="Aide à l’emploi"
                options={AIDED_OPTIONS}
                value={filters.aided}
                onChange={(e) => setFilters({ ...filters, aided: e.target.value as TeamFilters['aided'] })}
              />
            </div>
            {rows.length === 0 ? (
              <p className="muted">Personne ne correspond à ces filtres.</p>
            ) : (
              <TeamTable rows={rows} filters={filters} onSort={setFilters} />
            )}
          </section>
        </>
      )}
    </Page>
  );
}

function YearSummary({ summary, onYearChange }: { summary: TeamYear; onYearChange: (year: number) => void }) {
  const year = exerciseLabel(summary.exercise);
  const figures: Array<[string, string]> = [
    ['Salarié·es', String(summary.headcount)],
    ['ETPT', formatEtpt(summary.etpt)],
    ['Emplois aidés', String(summary.aidedJobs)],
    ['Volontaires', String(summary.volunteers)],
    ['5 plus hauts salaires bruts annuels (cumulés)', formatCents(summary.topFiveGrossCents)],
    ['Coût employeur', formatCents(summary.employerCostCents)],
    ['Aides attendues', formatCents(summary.aidExpectedCents)],
    ['Aides reçues', formatCents(summary.aidReceivedCents)],
    ['Reste à charge', formatCents(summary.remainingCostCents)],
  ];
  return (
    <section className="card" aria-labelledby="team-year-title">
      <div className="card__header">
        <h2 id="team-year-title">Moyens humains en {year}</h2>
        <YearSelect exercise={summary.exercise} onChange={onYearChange} />
      </div>
      <dl className="figures" aria-label={`Chiffres de l’équipe en ${year}`}>
        {figures.map(([label, value]) => (
          <div key={label} className="figures__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Exercice du {formatDateShort(summary.exercise.start)} au {formatDateShort(summary.exercise.end)}. ETPT : heures hebdomadaires ÷ 35,
        au prorata des jours de l’exercice couverts ; les volontaires en service civique n’en font pas partie. Coût employeur : salaire brut
        et charges patronales ; reste à charge : coût moins les aides attendues.
      </p>
    </section>
  );
}

const COLUMNS: Array<{ sort: TeamFilters['sort']; label: string }> = [
  { sort: 'name', label: 'Nom' },
  { sort: 'job', label: 'Fonction' },
  { sort: 'kind', label: 'Contrat' },
  { sort: 'start', label: 'Début' },
  { sort: 'end', label: 'Fin' },
];

function TeamTable({
  rows,
  filters,
  onSort,
}: {
  rows: ReturnType<typeof filterRows>;
  filters: TeamFilters;
  onSort: (filters: TeamFilters) => void;
}) {
  const long = longTableProps(rows.length);
  // The order is one of the remembered filters (filterRows sorts), so the header only reads and sets it.
  const sort: SortState<TeamFilters['sort']> = { key: filters.sort, direction: filters.descending ? 'descending' : 'ascending' };
  const toggle = (key: TeamFilters['sort']) => {
    const next = nextSort(sort, key);
    onSort({ ...filters, sort: next.key, descending: next.direction === 'descending' });
  };
  return (
    <table className="table" {...long.table}>
      <caption className="visually-hidden">L’équipe, une ligne par personne avec son contrat actuel</caption>
      <thead>
        <tr {...long.headerRow}>
          {COLUMNS.map((column) => (
            <SortableHeader key={column.sort} label={column.label} column={column.sort} sort={sort} onSort={toggle} />
          ))}
          <th scope="col">Situation</th>
        </tr>
      </thead>
      <LongTableBody
        count={rows.length}
        columns={COLUMNS.length + 1}
        renderRow={(index, props) => {
          const row = rows[index]!;
          return (
            <tr key={row.person.id} {...props}>
              <th scope="row">
                <Link href={pathTo({ screen: 'person', id: row.person.id })}>{`${row.person.lastName} ${row.person.firstName}`}</Link>
                {row.person.role === 'volunteer' ? <span className="badge">Volontaire</span> : null}
              </th>
              <td>{row.current?.jobTitle ?? row.person.jobTitle ?? '—'}</td>
              <td>
                {row.current ? contractKindLabel(row.current.kind) : '—'}
                {row.aided ? <span className="badge badge--aided">Aidé</span> : null}
              </td>
              <td className="nowrap">{row.current ? formatDateShort(row.current.startDate) : '—'}</td>
              <td className="nowrap">{row.currentEnd ? formatDateShort(row.currentEnd) : row.current ? 'Indéterminée' : '—'}</td>
              <td>{STATUS_LABELS[row.status]}</td>
            </tr>
          );
        }}
      />
    </table>
  );
}

function NewPersonDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [, navigate] = useLocation();
  const toast = useToast();
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      wide
      title="Nouvelle personne"
      description="Une fiche par personne ; ses contrats, avenants et postes aidés s’ajoutent ensuite sur sa page."
    >
      <PersonForm
        submitLabel="Ajouter"
        onCancel={() => onOpenChange(false)}
        onSaved={(person) => {
          onOpenChange(false);
          toast.show(`${personName(person)} a été ajouté·e à l’équipe.`);
          navigate(pathTo({ screen: 'person', id: person.id }));
        }}
      />
    </FormDialog>
  );
}

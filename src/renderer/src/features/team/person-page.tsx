import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { staffDeadlines } from '../../domain/deadlines/end-of-contract';
import { classifyDeadlines } from '../../domain/deadlines/engine';
import { formatDateShort, todayIso } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import { contractKindLabel, isEmployment } from '../../domain/team/contract';
import { PERSON_ROLES, personName, type PersonRecord } from '../../domain/team/person';
import { trialRulesFor } from '../../domain/team/trial-period';
import { formatEtpt, personYear, type TeamData } from '../../domain/team/team-year';
import { exerciseLabel } from '../../domain/exercise';
import { useAssociationProfile } from '../../data/association-repository';
import { useDeadlineStates } from '../../data/deadline-state-repository';
import { usePerson, useTeam } from '../../data/team-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
import { ContractCard } from './contract-card';
import { ContractForm } from './contract-form';
import { PersonForm } from './person-form';
import { useTeamBin } from './use-team-bin';
import { YearSelect, useTeamYear } from './year-select';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

export function PersonPage() {
  const { personId = '' } = useParams<{ personId: string }>();
  const { db } = useCurrentWorkspace();
  const person = usePerson(db, personId);
  const team = useTeam(db);
  const profile = useAssociationProfile(db);

  if (person === undefined || team === undefined || profile === undefined) {
    return (
      <Page title="Équipe">
        <Loading />
      </Page>
    );
  }
  if (person === null) {
    return (
      <Page title="Personne introuvable">
        <p>Cette personne n’existe pas ou a été mise à la corbeille.</p>
        <Link href={pathTo({ screen: 'team' })}>Revenir à l’équipe</Link>
      </Page>
    );
  }
  return (
    <PersonView
      key={person.id}
      person={person}
      team={team}
      collectiveAgreement={profile?.collectiveAgreement}
      alsaceMoselle={profile?.alsaceMoselle ?? false}
    />
  );
}

function PersonView({
  person,
  team,
  collectiveAgreement,
  alsaceMoselle,
}: {
  person: PersonRecord;
  team: TeamData;
  collectiveAgreement: string | undefined;
  alsaceMoselle: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const toast = useToast();
  const trialRules = trialRulesFor(collectiveAgreement);
  const contracts = team.contracts.filter((c) => c.personId === person.id).sort((a, b) => b.startDate.localeCompare(a.startDate));

  const action = (
    <button type="button" className="button button--primary" onClick={() => setAdding(true)} disabled={adding}>
      {person.role === 'volunteer' ? 'Nouvel engagement' : 'Nouveau contrat'}
    </button>
  );

  return (
    <Page title={personName(person)} action={action}>
      <p className="breadcrumb">
        <Link href={pathTo({ screen: 'team' })}>Équipe</Link> › {personName(person)}
      </p>
      {adding ? (
        <ContractForm
          person={person}
          trialRules={trialRules}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            toast.show('Contrat enregistré.');
          }}
        />
      ) : null}
      <PersonDeadlines person={person} team={team} trialRules={trialRules} alsaceMoselle={alsaceMoselle} />
      <PersonYear person={person} team={team} />
      <section aria-labelledby="contracts-title">
        <h2 id="contracts-title">Contrats et avenants</h2>
        {contracts.length === 0 ? (
          <EmptyState card>
            <p>
              Aucun contrat pour l’instant. Ajoutez le premier : ses dates, sa durée et son salaire donnent les ETPT, le coût et les
              échéances.
            </p>
            {adding ? null : (
              <button type="button" className="button" onClick={() => setAdding(true)}>
                Ajouter un contrat
              </button>
            )}
          </EmptyState>
        ) : (
          <ol className="timeline">
            {contracts.map((contract) => (
              <li key={contract.id} className="timeline__item">
                <ContractCard person={person} contract={contract} team={team} trialRules={trialRules} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <PersonDetails person={person} />
    </Page>
  );
}

function PersonDeadlines({
  person,
  team,
  trialRules,
  alsaceMoselle,
}: {
  person: PersonRecord;
  team: TeamData;
  trialRules: ReturnType<typeof trialRulesFor>;
  alsaceMoselle: boolean;
}) {
  const today = todayIso();
  const { db } = useCurrentWorkspace();
  const states = useDeadlineStates(db);
  const deadlines = useMemo(() => {
    // The dashboard's own engine and states: what it lists for this person, this page lists too — an
    // obligation however late, never a passed milestone, nothing done or dismissed.
    const mine = staffDeadlines(team, today, { trialRules, alsaceMoselle }).filter(
      (d) => d.target.screen === 'person' && d.target.id === person.id,
    );
    const board = classifyDeadlines(mine, new Map((states ?? []).map((s) => [s.key, s])), today);
    return [...board.overdue, ...board.thisWeek, ...board.next30, ...board.next90, ...board.later, ...board.snoozed];
  }, [team, today, trialRules, alsaceMoselle, person.id, states]);
  return (
    <section className="card" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">Échéances</h2>
      {deadlines.length === 0 ? (
        <p className="muted">Aucune échéance à venir pour cette personne.</p>
      ) : (
        <ul className="deadline-list">
          {deadlines.map((d) => (
            <li key={d.key} className={d.dueDate < today ? 'deadline deadline--past' : 'deadline'}>
              <span className="deadline__date">{formatDateShort(d.dueDate)}</span>
              <span className="deadline__title">
                {d.title.replace(` — ${personName(person)}`, '')}
                {d.dueDate < today ? <span className="badge badge--late">En retard</span> : null}
              </span>
              {d.detail ? <span className="deadline__detail muted">{d.detail}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonYear({ person, team }: { person: PersonRecord; team: TeamData }) {
  const [exercise, setYear] = useTeamYear();
  const year = exerciseLabel(exercise);
  const { rows, totals } = personYear(person.id, team, exercise);
  return (
    <section className="card" aria-labelledby="person-year-title">
      <div className="card__header">
        <h2 id="person-year-title">En {year}</h2>
        <YearSelect exercise={exercise} onChange={setYear} />
      </div>
      {rows.length === 0 ? (
        <p className="muted">Aucun contrat sur cet exercice.</p>
      ) : (
        <table className="table" aria-label={`Chiffres de ${personName(person)} en ${year}`}>
          <thead>
            <tr>
              <th scope="col">Contrat</th>
              <th scope="col">Jours</th>
              <th scope="col">ETPT</th>
              <th scope="col">Brut</th>
              <th scope="col">Coût employeur</th>
              <th scope="col">Aide attendue</th>
              <th scope="col">Aide reçue</th>
              <th scope="col">Reste à charge</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.contract.id}>
                <th scope="row">{`${contractKindLabel(r.contract.kind)} du ${formatDateShort(r.contract.startDate)}`}</th>
                <td>{r.days}</td>
                <td>{isEmployment(r.contract) ? formatEtpt(r.etpt) : '—'}</td>
                <CostCells figures={r} />
              </tr>
            ))}
          </tbody>
          {rows.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td>{totals.days}</td>
                <td>{formatEtpt(totals.etpt)}</td>
                <CostCells figures={totals} />
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
    </section>
  );
}

function PersonDetails({ person }: { person: PersonRecord }) {
  const toast = useToast();
  const act = useAction();
  const bin = useTeamBin();
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const role = PERSON_ROLES.find((r) => r.value === person.role)?.label ?? person.role;
  return (
    <section className="card" aria-labelledby="person-details-title">
      <h2 id="person-details-title">Coordonnées</h2>
      {editing ? (
        <PersonForm
          person={person}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            toast.show('Coordonnées enregistrées.');
          }}
        />
      ) : (
        <>
          <dl className="details">
            <dt>Statut</dt>
            <dd>{role}</dd>
            <dt>Fonction</dt>
            <dd>{person.jobTitle ?? '—'}</dd>
            <dt>Courriel</dt>
            <dd>{person.email ?? '—'}</dd>
            <dt>Téléphone</dt>
            <dd>{person.phone ?? '—'}</dd>
            <dt>Arrivée</dt>
            <dd>{person.arrivalDate ? formatDateShort(person.arrivalDate) : '—'}</dd>
          </dl>
          {person.notes ? <p>{person.notes}</p> : null}
          <div className="actions-row">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Modifier les coordonnées
            </button>
            <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
              Mettre à la corbeille…
            </button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Mettre ${personName(person)} à la corbeille ?`}
        description="La personne et ses contrats disparaissent de l’équipe, des chiffres et des échéances. Vous pourrez l’en sortir."
        confirmLabel="Mettre à la corbeille"
        destructive
        onConfirm={() =>
          act(async () => {
            await bin('people', person, `${personName(person)} a été mis·e à la corbeille.`, () => navigate(pathTo({ screen: 'team' })));
          })
        }
      />
    </section>
  );
}

/** A contract's (or the year's) cost over the year: gross, employer cost, aid expected and received, what remains. */
function CostCells({
  figures,
}: {
  figures: { grossCents: number; employerCostCents: number; aidExpectedCents: number; aidReceivedCents: number };
}) {
  return (
    <>
      <td>{formatCents(figures.grossCents)}</td>
      <td>{formatCents(figures.employerCostCents)}</td>
      <td>{formatCents(figures.aidExpectedCents)}</td>
      <td>{formatCents(figures.aidReceivedCents)}</td>
      <td>{formatCents(figures.employerCostCents - figures.aidExpectedCents)}</td>
    </>
  );
}

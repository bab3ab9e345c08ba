import { useState } from 'react';
import { formatDateShort } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import { aidSchemeLabel, AID_MODES, PAYMENT_RHYTHMS } from '../../domain/team/aided-post';
import { AMENDMENT_KINDS, amendmentsOf, effectiveEndDate } from '../../domain/team/amendment';
import { absenceDays, absenceKindLabel, absencesOf, returnVisitDue, type AbsenceRecord } from '../../domain/team/absence';
import { contractKindLabel, isEmployment, type ContractRecord } from '../../domain/team/contract';
import { contractWarnings } from '../../domain/team/contract-checks';
import type { TrialRules } from '../../domain/team/trial-period';
import { priorTermTrialWarning, trialEndInForce, waitingPeriodWarning } from '../../domain/team/successive-contracts';
import type { PersonRecord } from '../../domain/team/person';
import type { TeamData } from '../../domain/team/team-year';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
import type { AmendmentRecord } from '../../domain/team/amendment';
import { AbsenceForm } from './absence-form';
import { AidedPostForm } from './aided-post-form';
import { AttachmentsPanel } from '../../ui/attachments-panel';
import { AmendmentForm } from './amendment-form';
import { ContractForm } from './contract-form';
import { useTeamBin } from './use-team-bin';
import { SmallButton } from '../../ui/list-pieces';

type Editing = 'none' | 'contract' | 'amendment' | 'aid' | 'absence' | AbsenceRecord;

/** « du 5 janv. 2026 au 15 mars 2026 (70 jours) — examen de reprise fait le 18 mars 2026 ». */
function absenceText(absence: AbsenceRecord): string {
  const days = absenceDays(absence);
  const span =
    absence.endDate === undefined
      ? `depuis le ${formatDateShort(absence.startDate)} (en cours)`
      : `du ${formatDateShort(absence.startDate)} au ${formatDateShort(absence.endDate)} (${days === 1 ? '1\u00a0jour' : `${days}\u00a0jours`})`;
  const due = returnVisitDue(absence);
  const visit = absence.returnVisitDate
    ? ` — examen de reprise le ${formatDateShort(absence.returnVisitDate)}`
    : due
      ? ` — examen de reprise au plus tard le ${formatDateShort(due)}`
      : '';
  return `${span}${visit}${absence.note ? ` — ${absence.note}` : ''}`;
}

/** « Renouvellement », « Modification du temps de travail »: the amendment's nature without its gloss. */
function amendmentKindText(amendment: AmendmentRecord): string {
  return AMENDMENT_KINDS.find((k) => k.value === amendment.kind)?.label.split(' (')[0] ?? amendment.kind;
}

/** « avenant du 1 mars 2026 », the words a contract's papers list uses for the avenant a file belongs to. */
function amendmentName(amendment: AmendmentRecord): string {
  return `avenant du ${formatDateShort(amendment.effectiveDate)}`;
}

const hours = (h: number) => `${String(h).replace('.', ',')}\u00a0h par semaine`;

/** One contract on the person's timeline: its terms, its avenants in order, its aided post. */
export function ContractCard({
  person,
  contract,
  team,
  trialRules,
}: {
  person: PersonRecord;
  contract: ContractRecord;
  team: TeamData;
  trialRules: TrialRules;
}) {
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>('none');
  const close = () => setEditing('none');
  /** After a save: the form closes and says what was saved. */
  const closeSaying = (message: string) => () => {
    setEditing('none');
    toast.show(message);
  };
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState<AmendmentRecord | null>(null);
  const [removingAbsence, setRemovingAbsence] = useState<AbsenceRecord | null>(null);
  const absences = absencesOf(contract.id, team.absences ?? []);
  const act = useAction();
  const bin = useTeamBin();
  const amendments = amendmentsOf(contract.id, team.amendments);
  const end = effectiveEndDate(contract, amendments);
  const post = team.aidedPosts.find((p) => p.contractId === contract.id);
  // The person's and the job's other contracts, with their ends, for the rules between two contracts.
  const dated = team.contracts.map((c) => ({ ...c, end: effectiveEndDate(c, amendmentsOf(c.id, team.amendments)) }));
  const self = { ...contract, end };
  const trialEnd = trialEndInForce(self, trialRules, dated);
  // ÉCLAT's rules (part-time minima, trial renewal) follow the agreement trialRules was read from.
  const warnings = [
    ...contractWarnings(contract, amendments, { collectiveAgreement: trialRules === 'eclat' ? '1518' : undefined }),
    ...[waitingPeriodWarning(self, dated), priorTermTrialWarning(self, trialEnd, trialRules, dated)].filter((w): w is string => w !== null),
  ];
  const title = `${contractKindLabel(contract.kind)} — ${contract.jobTitle}`;

  return (
    <article className="card contract" aria-label={title}>
      <header className="contract__header">
        <h3>{title}</h3>
        <p className="contract__dates">
          {`Du ${formatDateShort(contract.startDate)} `}
          {end ? `au ${formatDateShort(end)}` : '— durée indéterminée'}
          {contract.actualEndDate ? ` (terminé${contract.endReason ? ` : ${contract.endReason}` : ''})` : ''}
        </p>
      </header>
      {warnings.length > 0 ? (
        <ul className="warnings" aria-label="Points d’attention">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <dl className="details">
        {contract.cddReason ? (
          <>
            <dt>Motif</dt>
            <dd>{contract.cddReason}</dd>
          </>
        ) : null}
        <dt>Durée initiale</dt>
        <dd>{`${hours(contract.weeklyHours)}, ${formatCents(contract.grossMonthlyCents)} brut par mois`}</dd>
        <dt>Charges patronales</dt>
        <dd>{`${String(contract.employerChargesRate).replace('.', ',')}\u00a0%`}</dd>
        {trialEnd ? (
          <>
            <dt>Période d’essai</dt>
            <dd>
              {`jusqu’au ${formatDateShort(trialEnd)}`}
              {contract.trialRenewalEnd ? ' (renouvelée)' : contract.trialPeriodEnd ? '' : ' (durée par défaut)'}
            </dd>
          </>
        ) : null}
        {isEmployment(contract) ? (
          <>
            <dt>DPAE</dt>
            <dd>{contract.dpaeDate ? formatDateShort(contract.dpaeDate) : 'à faire'}</dd>
          </>
        ) : null}
      </dl>

      {amendments.length > 0 ? (
        <>
          <h4>Avenants</h4>
          <ol className="amendments">
            {amendments.map((a) => (
              <li key={a.id} className="amendments__item">
                <div className="amendments__row">
                  <span>
                    <strong>{amendmentKindText(a)}</strong>
                    {` au ${formatDateShort(a.effectiveDate)}`}
                    {a.newEndDate ? ` — fin au ${formatDateShort(a.newEndDate)}` : ''}
                    {a.newWeeklyHours !== undefined ? ` — ${hours(a.newWeeklyHours)}` : ''}
                    {a.newGrossMonthlyCents !== undefined ? ` — ${formatCents(a.newGrossMonthlyCents)} brut` : ''}
                    {a.note ? ` — ${a.note}` : ''}
                  </span>
                  <SmallButton label={`Retirer l’avenant du ${formatDateShort(a.effectiveDate)}`} onClick={() => setRemoving(a)}>
                    Retirer
                  </SmallButton>
                </div>
                <AttachmentsPanel ownerId={a.id} ownerKind="amendment" title={`Avenant signé — ${amendmentName(a)}`} headingLevel={5} />
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {absences.length > 0 ? (
        <>
          <h4>Absences</h4>
          <ol className="amendments" aria-label="Absences">
            {absences.map((a) => (
              <li key={a.id}>
                <span>
                  <strong>{absenceKindLabel(a.kind)}</strong> {absenceText(a)}
                </span>
                <span>
                  <SmallButton label={`Modifier l’absence du ${formatDateShort(a.startDate)}`} onClick={() => setEditing(a)}>
                    Modifier
                  </SmallButton>{' '}
                  <SmallButton label={`Retirer l’absence du ${formatDateShort(a.startDate)}`} onClick={() => setRemovingAbsence(a)}>
                    Retirer
                  </SmallButton>
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {post ? (
        <div className="aided-post">
          <h4>
            Poste aidé : {aidSchemeLabel(post.scheme)}
            {post.schemeDetail ? ` (${post.schemeDetail})` : ''}
          </h4>
          <p>
            {`Aide du ${formatDateShort(post.aidStartDate)} au ${formatDateShort(post.aidEndDate)}`}
            {post.aidMode === 'annual'
              ? ` — ${post.annualAidCents === undefined ? 'montant en vigueur (Réglages)' : `${formatCents(post.annualAidCents)} par an`}`
              : ` — ${String(post.smicRatePercent ?? 0).replace('.', ',')}\u00a0% du SMIC horaire (${post.smicHourlyCents === undefined ? 'en vigueur chaque mois' : formatCents(post.smicHourlyCents)}) sur ${hours(post.aidedWeeklyHours ?? 0)}`}
            {` — versements : ${PAYMENT_RHYTHMS.find((r) => r.value === post.paymentRhythm)?.label.toLowerCase()}`}
            {post.funder ? ` — ${post.funder}` : ''}
            {post.funder && !post.funderId ? <span className="to-link"> (à relier à l’annuaire)</span> : null}
            {post.conventionNumber ? ` — convention ${post.conventionNumber}` : ''}
          </p>
          <p className="muted">
            {`${AID_MODES.find((m) => m.value === post.aidMode)?.label} ; demande de renouvellement ${post.renewalLeadMonths}\u00a0mois avant la fin de l’aide.`}
          </p>
          <AttachmentsPanel ownerId={post.id} ownerKind="aided-post" title="Pièces du poste aidé" headingLevel={4} />
        </div>
      ) : null}

      <AttachmentsPanel
        ownerId={contract.id}
        ownerKind="contract"
        title="Pièces du contrat (contrat signé, avenants, convention)"
        headingLevel={4}
        related={amendments.map((a) => ({ ownerId: a.id, label: amendmentName(a) }))}
        relatedKind="amendment"
        relatedLabel="Pièces des avenants"
      />

      {editing === 'contract' ? (
        <ContractForm
          person={person}
          contract={contract}
          trialRules={trialRules}
          onCancel={close}
          onSaved={closeSaying('Contrat enregistré.')}
        />
      ) : null}
      {editing === 'amendment' ? (
        <AmendmentForm
          contract={contract}
          currentEnd={end}
          aidedPost={post}
          onCancel={close}
          onSaved={closeSaying('Avenant enregistré.')}
        />
      ) : null}
      {editing === 'absence' || typeof editing === 'object' ? (
        <AbsenceForm
          key={typeof editing === 'object' ? editing.id : 'new'}
          contract={contract}
          {...(typeof editing === 'object' ? { absence: editing } : {})}
          onCancel={close}
          onSaved={closeSaying('Absence enregistrée.')}
        />
      ) : null}
      {editing === 'aid' ? (
        <AidedPostForm contract={contract} contractEnd={end} post={post} onCancel={close} onSaved={closeSaying('Poste aidé enregistré.')} />
      ) : null}

      {editing === 'none' ? (
        <div className="actions-row">
          <button type="button" className="button" onClick={() => setEditing('amendment')}>
            Ajouter un avenant
          </button>
          {isEmployment(contract) ? (
            <button type="button" className="button" onClick={() => setEditing('absence')}>
              Déclarer une absence
            </button>
          ) : null}
          {isEmployment(contract) ? (
            <button type="button" className="button" onClick={() => setEditing('aid')}>
              {post ? 'Modifier le poste aidé' : 'Déclarer un poste aidé'}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setEditing('contract')}>
            Modifier le contrat
          </button>
          <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
            Mettre à la corbeille…
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Mettre ce contrat à la corbeille ?"
        description={`${title} : il disparaît de la frise, des chiffres et des échéances, avec ses avenants et son poste aidé. Vous pourrez l’en sortir.`}
        confirmLabel="Mettre à la corbeille"
        destructive
        onConfirm={() =>
          act(async () => {
            await bin('contracts', contract, 'Contrat mis à la corbeille.');
          })
        }
      />
      <RemoveDialog
        item={removingAbsence}
        onClose={() => setRemovingAbsence(null)}
        title="Retirer cette absence ?"
        describe={(a) =>
          `L’absence du ${formatDateShort(a.startDate)} ne compte plus dans l’ETPT ni dans les échéances. Vous pourrez la remettre.`
        }
        confirmLabel="Retirer l’absence"
        remove={(a) => bin('absences', a, 'Absence mise à la corbeille.')}
      />
      <RemoveDialog
        item={removing}
        onClose={() => setRemoving(null)}
        title="Retirer cet avenant ?"
        describe={(a) =>
          `L’avenant du ${formatDateShort(a.effectiveDate)} ne compte plus dans les dates, les heures ni le salaire du contrat. Vous pourrez le remettre.`
        }
        confirmLabel="Retirer l’avenant"
        remove={(a) => bin('amendments', a, 'Avenant mis à la corbeille.')}
      />
    </article>
  );
}

/** « Retirer » an avenant or an absence: asked once, then the record goes to the bin (with « Annuler »). */
function RemoveDialog<T>(props: {
  item: T | null;
  onClose: () => void;
  title: string;
  describe: (item: T) => string;
  confirmLabel: string;
  remove: (item: T) => Promise<void>;
}) {
  const { item, onClose, title, describe, confirmLabel, remove } = props;
  const act = useAction();
  return (
    <ConfirmDialog
      open={item !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={title}
      description={item === null ? '' : describe(item)}
      confirmLabel={confirmLabel}
      destructive
      onConfirm={() =>
        act(async () => {
          if (item === null) return;
          onClose();
          await remove(item);
        })
      }
    />
  );
}

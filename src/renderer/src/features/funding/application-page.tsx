import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import {
  deleteGrantApplication,
  deletePayment,
  restoreGrantApplication,
  restorePayment,
  useFunders,
  useGrantApplication,
  usePayments,
} from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { useExerciseCalendar } from '../../data/association-repository';
import { useProjects } from '../../data/projects-repository';
import { renewOne, undoRenewal } from '../../data/renewal-repository';
import { formatDateShort, todayIso } from '../../domain/dates';
import { funderKindShortLabel } from '../../domain/funding/funder';
import {
  financedProjectIds,
  financialReportDueDates,
  grantedAboveRequested,
  grantedOrLater,
  grantStatusLabel,
  needsConvention,
  PURPOSES,
  statusHistory,
  type GrantApplicationRecord,
} from '../../domain/funding/grant-application';
import { acceptsPayments, applicationPaymentFlags, isPaymentOverdue, paidCents, type PaymentRecord } from '../../domain/funding/payment';
import { remainingCents } from '../../domain/funding/yearly-summary';
import { formatCents } from '../../domain/money';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useRenewal } from '../../ui/use-renewal';
import { FundingTabs } from './funding-tabs';
import { GrantApplicationForm } from './grant-application-form';
import { PaymentDialog } from './payment-dialog';
import { StatusBadge } from './status-badge';
import { refusalText, useAction } from '../../ui/use-action';
import { AttachmentsPanel } from '../../ui/attachments-panel';
import { Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { ActionsHeader, SmallButton } from '../../ui/list-pieces';

export function ApplicationPage({ params }: { params: { id: string } }) {
  const { db } = useCurrentWorkspace();
  const application = useGrantApplication(db, params.id);
  if (application === undefined) return <Loading />;
  if (application === null) {
    return (
      <Page title="Demande introuvable">
        <p>Cette demande n’existe pas ou a été mise à la corbeille.</p>
        <Link href={pathTo({ screen: 'applications' })}>Retour aux demandes</Link>
      </Page>
    );
  }
  return <ApplicationView key={application.id} application={application} />;
}

function ApplicationView({ application }: { application: GrantApplicationRecord }) {
  const act = useAction();
  const renewal = useRenewal();
  const { db } = useCurrentWorkspace();
  const funders = useFunders(db);
  const payments = usePayments(db, application.id);
  const calendar = useExerciseCalendar(db);
  const projects = useProjects(db);
  const toast = useToast();
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [paymentDialog, setPaymentDialog] = useState<PaymentRecord | 'new' | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [paymentToDelete, setPaymentToDelete] = useState<PaymentRecord | null>(null);
  const today = todayIso();

  const funder = funders?.find((f) => f.id === application.funderId);
  const paid = paidCents(payments ?? []);
  const remaining = remainingCents(application, paid);
  const paymentFlags = applicationPaymentFlags(application, payments ?? []);
  const payable = acceptsPayments(application);

  async function remove() {
    const binned = await deleteGrantApplication(db, { id: application.id, updatedAt: application.updatedAt });
    setConfirmingDelete(false);
    if (!binned.ok) {
      toast.show(refusalText(binned.errors), { tone: 'error' });
      return;
    }
    navigate(pathTo({ screen: 'applications' }));
    toast.show('Demande mise à la corbeille.', { action: { label: 'Annuler', run: () => restoreGrantApplication(db, application.id) } });
  }

  const renew = () =>
    renewal({
      run: () => renewOne(db, 'application', application.id),
      opens: ({ created }) => ({ screen: 'application', id: created.applicationIds[0] ?? '' }),
      says: ({ targetYear }) =>
        `Demande reconduite pour l’exercice ${targetYear ?? ''}\u00a0: montant demandé et tranches repris du calendrier prévu — vérifiez-les.`,
      undo: ({ created }) => undoRenewal(db, created),
    });

  async function removePayment(payment: PaymentRecord) {
    const binned = await deletePayment(db, { id: payment.id, updatedAt: payment.updatedAt });
    if (!binned.ok) {
      toast.show(refusalText(binned.errors), { tone: 'error' });
      return;
    }
    toast.show('Versement mis à la corbeille.', { action: { label: 'Annuler', run: () => restorePayment(db, payment.id) } });
  }

  if (editing) {
    return (
      <Page title={`Modifier — ${application.title}`}>
        <FundingTabs />
        <GrantApplicationForm
          application={application}
          onSaved={() => {
            setEditing(false);
            toast.show('Demande enregistrée.');
          }}
          onCancel={() => setEditing(false)}
        />
      </Page>
    );
  }

  return (
    <Page
      title={application.title}
      action={
        payable ? (
          <button type="button" className="button button--primary" onClick={() => setPaymentDialog('new')}>
            Ajouter un versement
          </button>
        ) : undefined
      }
    >
      <FundingTabs />
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Modifier la demande
        </button>
        <button type="button" className="button" onClick={renew}>
          Reconduire pour l’exercice suivant
        </button>
        <button type="button" className="button button--danger-outline" onClick={() => setConfirmingDelete(true)}>
          Supprimer…
        </button>
      </div>

      {needsConvention(application) ? (
        <p className="flag flag--warning" role="note">
          Accordée au-delà de 23&nbsp;000&nbsp;€&nbsp;: une convention écrite doit être signée avant tout versement.
        </p>
      ) : null}
      {paymentFlags.overpaidCents > 0 ? (
        <p className="flag flag--warning" role="note">
          {application.status === 'refused'
            ? `Demande refusée, mais ${formatCents(paid)} reçus\u00a0: trop-perçu de ${formatCents(paymentFlags.overpaidCents)}, à rembourser au financeur ou à corriger.`
            : `Trop-perçu de ${formatCents(paymentFlags.overpaidCents)}\u00a0: les versements reçus dépassent le montant ${application.agreedCents !== undefined ? 'conventionné' : 'accordé'}.`}
        </p>
      ) : null}
      {paymentFlags.plannedAboveCents > 0 ? (
        <p className="flag flag--warning" role="note">
          Les tranches prévues dépassent de {formatCents(paymentFlags.plannedAboveCents)} le montant{' '}
          {application.agreedCents !== undefined ? 'conventionné' : 'accordé'}&nbsp;: vérifiez leurs montants.
        </p>
      ) : null}
      {grantedAboveRequested(application) ? (
        <p className="flag flag--info" role="note">
          Le montant accordé dépasse le montant demandé.
        </p>
      ) : null}

      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title">Demande</h2>
        <dl className="facts">
          <div>
            <dt>Financeur</dt>
            <dd>{funder ? `${funder.name} (${funderKindShortLabel(funder.kind)})` : '—'}</dd>
          </div>
          <div>
            <dt>Statut</dt>
            <dd>
              <StatusBadge status={application.status} />
            </dd>
          </div>
          <div>
            <dt>Période</dt>
            <dd>
              du {formatDateShort(application.periodStart)} au {formatDateShort(application.periodEnd)}
              {application.multiYear ? ' (pluriannuelle)' : ''}
            </dd>
          </div>
          <div>
            <dt>Objet</dt>
            <dd>
              {PURPOSES.find((p) => p.value === application.purpose)?.label} — {application.renewal ? 'renouvellement' : 'première demande'}
            </dd>
          </div>
          <div>
            <dt>Actions financées</dt>
            <dd>
              {financedProjectIds(application).length === 0
                ? 'Le budget de l’association (fonctionnement)'
                : financedProjectIds(application)
                    .map((id) => projects?.find((p) => p.id === id)?.title ?? 'action supprimée')
                    .join(' ; ')}
              {application.projects ? ` — ${application.projects}` : ''}
            </dd>
          </div>
          {application.dauphinRef || application.compteAssoRef || application.chorusEj ? (
            <div>
              <dt>Références</dt>
              <dd>
                {[
                  application.dauphinRef && `Dauphin ${application.dauphinRef}`,
                  application.compteAssoRef && `Compte Asso ${application.compteAssoRef}`,
                  application.chorusEj && `EJ Chorus ${application.chorusEj}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </dd>
            </div>
          ) : null}
        </dl>
        <dl className="amounts" aria-label="Montants">
          <div>
            <dt>Demandé</dt>
            <dd>{formatCents(application.requestedCents)}</dd>
          </div>
          <div>
            <dt>Accordé</dt>
            <dd>{application.grantedCents === undefined ? '—' : formatCents(application.grantedCents)}</dd>
          </div>
          <div>
            <dt>Conventionné</dt>
            <dd>{application.agreedCents === undefined ? '—' : formatCents(application.agreedCents)}</dd>
          </div>
          <div>
            <dt>Versé</dt>
            <dd>{formatCents(paid)}</dd>
          </div>
          {paymentFlags.overpaidCents > 0 ? (
            <div>
              <dt>Trop-perçu</dt>
              <dd className="amount--overpaid">{formatCents(paymentFlags.overpaidCents)}</dd>
            </div>
          ) : (
            <div>
              <dt>Reste à percevoir</dt>
              <dd>{formatCents(remaining)}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="card" aria-labelledby="payments-title">
        <h2 id="payments-title">Versements</h2>
        {!payable ? <p className="muted">Demande refusée&nbsp;: aucun versement n’est attendu.</p> : null}
        {payments === undefined ? (
          <Loading />
        ) : payments.length === 0 ? (
          payable ? (
            <p className="muted">
              Aucun versement prévu. Ajoutez les tranches annoncées par le financeur (avance, solde)&nbsp;: chaque tranche attendue devient
              une échéance du tableau de bord.
            </p>
          ) : null
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Versements de la demande</caption>
            <thead>
              <tr>
                <th scope="col">Libellé</th>
                <th scope="col">Prévu le</th>
                <th scope="col" className="num">
                  Montant prévu
                </th>
                <th scope="col">Reçu le</th>
                <th scope="col" className="num">
                  Montant reçu
                </th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => {
                const late = isPaymentOverdue(p, today);
                return (
                  <tr key={p.id} className={late ? 'row--late' : undefined}>
                    <td>{p.label ?? 'Versement'}</td>
                    <td>
                      {formatDateShort(p.expectedDate)}
                      {late ? <span className="badge badge--late">En retard</span> : null}
                    </td>
                    <td className="num">{formatCents(p.expectedCents)}</td>
                    <td>{p.receivedDate ? formatDateShort(p.receivedDate) : '—'}</td>
                    <td className="num">{p.receivedCents === undefined ? '—' : formatCents(p.receivedCents)}</td>
                    <td className="row-actions">
                      <SmallButton onClick={() => setPaymentDialog(p)}>
                        {p.receivedDate ? 'Modifier' : 'Enregistrer la réception'}
                      </SmallButton>
                      <SmallButton
                        danger
                        label={`Supprimer le versement ${p.label ?? ''} du ${formatDateShort(p.expectedDate)}`}
                        onClick={() => setPaymentToDelete(p)}
                      >
                        Supprimer
                      </SmallButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <AttachmentsPanel
        ownerId={application.id}
        ownerKind="grant-application"
        title="Pièces de la demande (convention, arrêté, notification, refus)"
      />

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">Historique</h2>
        <ol className="history">
          {statusHistory(application, application.createdAt.slice(0, 10)).map((step) => (
            <li key={step.status}>
              <strong>{grantStatusLabel(step.status)}</strong>
              {step.date
                ? step.status === 'to-prepare'
                  ? ` — créée le ${formatDateShort(step.date)}`
                  : ` — ${formatDateShort(step.date)}`
                : ''}
            </li>
          ))}
        </ol>
        {grantedOrLater(application) ? (
          <p className="muted">
            Compte-rendu financier attendu&nbsp;:{' '}
            {financialReportDueDates(application, calendar)
              .map((r) => formatDateShort(r.dueDate))
              .join(', ')}
            .
          </p>
        ) : null}
      </section>

      <PaymentDialog
        open={paymentDialog !== null}
        onOpenChange={(open) => !open && setPaymentDialog(null)}
        applicationId={application.id}
        application={application}
        payments={payments}
        payment={paymentDialog !== null && paymentDialog !== 'new' ? paymentDialog : undefined}
      />
      <ConfirmDialog
        open={confirmingDelete}
        onOpenChange={setConfirmingDelete}
        title="Supprimer cette demande&nbsp;?"
        description={<p>La demande et ses versements vont à la corbeille&nbsp;; vous pourrez annuler.</p>}
        confirmLabel="Supprimer la demande"
        onConfirm={() => act(() => remove())}
        destructive
      />
      <ConfirmDialog
        open={paymentToDelete !== null}
        onOpenChange={(open) => (open ? undefined : setPaymentToDelete(null))}
        title="Supprimer ce versement&nbsp;?"
        description={
          <p>
            {paymentToDelete
              ? `Le versement ${paymentToDelete.label ?? ''} du ${formatDateShort(paymentToDelete.expectedDate)} va à la corbeille\u00a0; vous pourrez annuler.`
              : ''}
          </p>
        }
        confirmLabel="Supprimer le versement"
        onConfirm={() =>
          act(() => {
            const payment = paymentToDelete;
            setPaymentToDelete(null);
            return payment ? removePayment(payment) : undefined;
          })
        }
        destructive
      />
    </Page>
  );
}

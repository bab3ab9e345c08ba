import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import {
  deleteAgreement,
  restoreAgreement,
  useAgreement,
  useAgreements,
  type AgreementWithParties,
} from '../../data/agreements-repository';
import { usePartners } from '../../data/partners-repository';
import { renewAgreementRecord } from '../../data/renewal-repository';
import { undoChangeThatCreated } from '../../data/undo';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import { formatCents } from '../../domain/money';
import {
  AGREEMENT_PHASE_LABELS,
  agreementKindLabel,
  agreementPhase,
  agreementStatusLabel,
  currentTermEnd,
  nextNoticeDeadline,
  proratedYearlyCents,
  type AgreementPhase,
} from '../../domain/partners/agreement';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { useRenewal } from '../../ui/use-renewal';
import { AgreementForm } from './agreement-form';
import { AttachmentsPanel } from './attachments-panel';
import { PartnerDeadlinesList } from './partner-deadlines-list';
import { PartnersTabs } from './partners-tabs';
import { useRememberedState } from '../../ui/remembered-state';
import { SortableTable, type Column } from '../../ui/sortable-table';
import { agreementsSheet, saveSheet } from './partners-export';
import { ExportMenu } from '../../ui/export-menu';
import { refusalText, useAction } from '../../ui/use-action';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { ButtonLink, Detail } from '../../ui/list-pieces';

const PHASE_FILTERS: { value: '' | AgreementPhase; label: string }[] = [
  { value: '', label: 'Toutes' },
  { value: 'active', label: 'En cours' },
  { value: 'ending-soon', label: 'Échéance proche (90 jours)' },
  { value: 'to-renew', label: 'À renouveler' },
  { value: 'draft', label: 'En préparation' },
  { value: 'over', label: 'Terminées ou dénoncées' },
];

type Row = AgreementWithParties & { partnerNames: string; phase: AgreementPhase; termLabel: string; next?: string };

function termLabel(agreement: AgreementWithParties, today: string): string {
  if (agreement.tacitRenewal) return `Reconduction tacite — terme du ${formatDateShort(currentTermEnd(agreement, today))}`;
  return agreement.endDate ? formatDateShort(agreement.endDate) : '';
}

export function AgreementsPage() {
  const { db, record } = useCurrentWorkspace();
  const agreements = useAgreements(db);
  const partners = usePartners(db);
  const [phase, setPhase] = useRememberedState(`${record.id}:agreements:phase`, '');
  const today = todayIso();

  const rows = useMemo<Row[]>(() => {
    const names = new Map((partners ?? []).map((p) => [p.id, p.name]));
    return (agreements ?? []).map((a) => {
      const next = nextNoticeDeadline(a, today)?.deadline;
      return {
        ...a,
        partnerNames: a.partnerIds.map((id) => names.get(id) ?? '?').join(', '),
        phase: agreementPhase(a, today),
        termLabel: termLabel(a, today),
        ...(next ? { next } : {}),
      };
    });
  }, [agreements, partners, today]);
  const shown = rows.filter((r) => phase === '' || r.phase === phase);

  const columns: Column<Row>[] = [
    {
      key: 'title',
      label: 'Intitulé',
      sortValue: (r) => r.title,
      render: (r) => <Link href={pathTo({ screen: 'agreement', id: r.id })}>{r.title}</Link>,
    },
    { key: 'partners', label: 'Partenaires', sortValue: (r) => r.partnerNames, render: (r) => r.partnerNames },
    { key: 'kind', label: 'Type', sortValue: (r) => agreementKindLabel(r.kind), render: (r) => agreementKindLabel(r.kind) },
    { key: 'start', label: 'Début', sortValue: (r) => r.startDate, render: (r) => formatDateShort(r.startDate) },
    {
      key: 'end',
      label: 'Fin',
      sortValue: (r) => (r.tacitRenewal ? currentTermEnd(r, today) : (r.endDate ?? '')),
      render: (r) => r.termLabel,
    },
    {
      key: 'notice',
      label: 'Dénoncer ou renégocier avant le',
      sortValue: (r) => r.next ?? '9999',
      render: (r) => (r.next ? formatDateShort(r.next) : '—'),
    },
    {
      key: 'phase',
      label: 'État',
      sortValue: (r) => AGREEMENT_PHASE_LABELS[r.phase],
      render: (r) => <span className={`badge badge--${r.phase}`}>{AGREEMENT_PHASE_LABELS[r.phase]}</span>,
    },
  ];

  return (
    <Page
      title="Conventions"
      action={
        <ButtonLink to={{ screen: 'new-agreement' }} primary>
          Nouvelle convention
        </ButtonLink>
      }
    >
      <PartnersTabs />
      {agreements === undefined || partners === undefined ? (
        <Loading />
      ) : agreements.length === 0 ? (
        <EmptyState>
          <p>
            Les conventions signées avec les partenaires — partenariat, prêt de locaux ou de personnel, CPO, charte — avec leurs dates, leur
            préavis et les exemplaires signés. Passerelle calcule la date limite pour les dénoncer ou les renégocier.
          </p>
          <ButtonLink to={{ screen: 'new-agreement' }} primary>
            Enregistrer une première convention
          </ButtonLink>
        </EmptyState>
      ) : (
        <>
          <PartnerDeadlinesList />
          <div className="filters">
            <SelectField label="Afficher" value={phase} onChange={(e) => setPhase(e.target.value)} options={PHASE_FILTERS} />
            <ExportMenu what="les conventions" onExport={(format) => saveSheet(format, agreementsSheet(shown))} />
          </div>
          {shown.length === 0 ? (
            <p>Aucune convention dans cette catégorie.</p>
          ) : (
            <SortableTable caption="Conventions" rows={shown} columns={columns} rowKey={(r) => r.id} initialSort="notice" />
          )}
        </>
      )}
    </Page>
  );
}

export function NewAgreementPage() {
  return (
    <Page title="Nouvelle convention">
      <PartnersTabs />
      <AgreementForm />
    </Page>
  );
}

export function EditAgreementPage({ params }: { params: { id: string } }) {
  const { db } = useCurrentWorkspace();
  const agreement = useAgreement(db, params.id);
  return (
    <Page title={agreement ? `Modifier — ${agreement.title}` : 'Modifier la convention'}>
      <PartnersTabs />
      {agreement === undefined ? (
        <Loading />
      ) : agreement === null ? (
        <AgreementNotFound />
      ) : (
        <AgreementForm key={agreement.id} agreement={agreement} />
      )}
    </Page>
  );
}

function AgreementNotFound() {
  return (
    <p role="alert">
      Cette convention est introuvable ou dans la corbeille. <Link href={pathTo({ screen: 'agreements' })}>Retour aux conventions</Link>
    </p>
  );
}

export function AgreementPage({ params }: { params: { id: string } }) {
  const act = useAction();
  const renewal = useRenewal();
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const [, navigate] = useLocation();
  const agreement = useAgreement(db, params.id);
  const partners = usePartners(db);
  const [confirming, setConfirming] = useState(false);
  const today = todayIso();

  if (agreement === undefined)
    return (
      <Page title="Convention">
        <Loading />
      </Page>
    );
  if (agreement === null)
    return (
      <Page title="Convention">
        <AgreementNotFound />
      </Page>
    );
  const parties = (partners ?? []).filter((p) => agreement.partnerIds.includes(p.id));
  const year = Number(today.slice(0, 4));

  const renew = (source: AgreementWithParties) =>
    renewal({
      run: () => renewAgreementRecord(db, source.id),
      opens: ({ agreement: created }) => ({ screen: 'agreement', id: created.id }),
      says: ({ agreement: created }) =>
        `Convention reconduite du ${formatDateShort(created.startDate)} au ${formatDateShort(created.endDate ?? created.startDate)}, en préparation\u00a0: à faire signer.`,
      undo: ({ agreement: created }) => undoChangeThatCreated(db, 'agreements', created.id),
    });

  return (
    <Page
      title={agreement.title}
      action={
        <ButtonLink to={{ screen: 'edit-agreement', id: agreement.id }} primary>
          Modifier
        </ButtonLink>
      }
    >
      <PartnersTabs />
      <section className="card" aria-labelledby="agreement-summary">
        <h2 id="agreement-summary">Convention</h2>
        <dl className="detail-list">
          <dt>Type</dt>
          <dd>{agreementKindLabel(agreement.kind)}</dd>
          <dt>Statut</dt>
          <dd>{agreementStatusLabel(agreement.status)}</dd>
          <dt>Signataires</dt>
          <dd>
            L’association,{' '}
            {parties.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? ', ' : ''}
                <Link href={pathTo({ screen: 'partner', id: p.id })}>{p.name}</Link>
              </span>
            ))}
          </dd>
          <Detail label="Objet" value={agreement.object} preLine />
          <Detail label="Signée le" value={agreement.signatureDate ? formatDateShort(agreement.signatureDate) : undefined} />
          <dt>Début</dt>
          <dd>{formatDateShort(agreement.startDate)}</dd>
          <dt>Durée</dt>
          <dd>
            {agreement.tacitRenewal
              ? `Reconduction tacite par périodes de ${agreement.renewalPeriodMonths ?? 12}\u00a0mois ; période en cours jusqu’au ${formatDateShort(currentTermEnd(agreement, today))}`
              : `Jusqu’au ${formatDateShort(agreement.endDate ?? agreement.startDate)}`}
          </dd>
          {agreement.noticeMonths ? (
            <>
              <dt>Préavis</dt>
              <dd>{agreement.noticeMonths}&nbsp;mois</dd>
            </>
          ) : null}
          {agreement.terms !== 'none' && agreement.yearlyAmountCents !== undefined ? (
            <>
              <dt>{agreement.terms === 'money' ? 'Montant annuel' : 'Valorisation en nature'}</dt>
              <dd>
                {formatCents(agreement.yearlyAmountCents)} par an
                {agreement.inKindDescription ? ` — ${agreement.inKindDescription}` : ''} ; {year}&nbsp;:{' '}
                {formatCents(proratedYearlyCents(agreement, year))} au prorata
                {agreement.terms === 'in-kind' ? ' (comptes 86/87)' : ''}
              </dd>
            </>
          ) : null}
          <Detail label="Projets liés" value={agreement.projectNames} />
        </dl>
      </section>
      <PartnerDeadlinesList agreementId={agreement.id} heading="Échéances de la convention" />
      <AttachmentsPanel ownerId={agreement.id} ownerKind="agreement" title="Exemplaires signés et annexes" />
      <div className="form-actions">
        {agreement.tacitRenewal ? null : (
          <button type="button" className="button" onClick={() => renew(agreement)}>
            Reconduire pour l’exercice suivant
          </button>
        )}
        <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
          Supprimer la convention
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Supprimer cette convention ?"
        description={`« ${agreement.title} » et ses fichiers joints iront dans la corbeille.`}
        confirmLabel="Supprimer"
        destructive
        onConfirm={() =>
          act(async () => {
            setConfirming(false);
            const binned = await deleteAgreement(db, { id: agreement.id, updatedAt: agreement.updatedAt });
            if (!binned.ok) {
              toast.show(refusalText(binned.errors), { tone: 'error' });
              return;
            }
            navigate(pathTo({ screen: 'agreements' }));
            toast.show('Convention mise à la corbeille.', { action: { label: 'Annuler', run: () => restoreAgreement(db, agreement.id) } });
          })
        }
      />
    </Page>
  );
}

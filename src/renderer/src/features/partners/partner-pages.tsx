import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useAgreements } from '../../data/agreements-repository';
import {
  deleteContact,
  deletePartner,
  restoreContact,
  restorePartner,
  saveContact,
  useContacts,
  usePartner,
} from '../../data/partners-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort } from '../../domain/dates';
import { agreementStatusLabel } from '../../domain/partners/agreement';
import { contactSchema, describePartnerKind, type Contact } from '../../domain/partners/partner';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { useToast } from '../../ui/toast';
import { PartnerForm } from './partner-form';
import { PartnersTabs } from './partners-tabs';
import { refusalText, useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';
import { Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';

export function NewPartnerPage() {
  return (
    <Page title="Nouveau partenaire">
      <PartnersTabs />
      <PartnerForm />
    </Page>
  );
}

export function EditPartnerPage({ params }: { params: { id: string } }) {
  const { db } = useCurrentWorkspace();
  const partner = usePartner(db, params.id);
  return (
    <Page title={partner ? `Modifier — ${partner.name}` : 'Modifier le partenaire'}>
      <PartnersTabs />
      {partner === undefined ? <Loading /> : partner === null ? <NotFound /> : <PartnerForm key={partner.id} partner={partner} />}
    </Page>
  );
}

function NotFound() {
  return (
    <p role="alert">
      Ce partenaire est introuvable ou dans la corbeille. <Link href={pathTo({ screen: 'partners' })}>Retour à l’annuaire</Link>
    </p>
  );
}

export function PartnerPage({ params }: { params: { id: string } }) {
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const [, navigate] = useLocation();
  const partner = usePartner(db, params.id);
  const agreements = useAgreements(db);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  if (partner === undefined)
    return (
      <Page title="Partenaire">
        <Loading />
      </Page>
    );
  if (partner === null)
    return (
      <Page title="Partenaire">
        <NotFound />
      </Page>
    );
  const linked = (agreements ?? []).filter((a) => a.partnerIds.includes(partner.id));

  const remove = async () => {
    setConfirming(false);
    const result = await deletePartner(db, partner.id);
    if (!result.ok) {
      setRefusal(Object.values(result.errors)[0]);
      return;
    }
    navigate(pathTo({ screen: 'partners' }));
    toast.show(`${partner.name} mis à la corbeille.`, { action: { label: 'Annuler', run: () => restorePartner(db, partner.id) } });
  };

  const address = [partner.street, [partner.postalCode, partner.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <Page
      title={partner.name}
      action={
        <Link href={pathTo({ screen: 'edit-partner', id: partner.id })} className="button button--primary">
          Modifier
        </Link>
      }
    >
      <PartnersTabs />
      {refusal ? (
        <p className="form-errors-summary" role="alert">
          {refusal}
        </p>
      ) : null}
      <section className="card" aria-labelledby="partner-identity">
        <h2 id="partner-identity">Fiche</h2>
        <dl className="detail-list">
          <dt>Type</dt>
          <dd>{describePartnerKind(partner)}</dd>
          {partner.federationName ? (
            <>
              <dt>Réseau</dt>
              <dd>{partner.federationName}</dd>
            </>
          ) : null}
          {partner.siret ? (
            <>
              <dt>SIRET</dt>
              <dd>{partner.siret}</dd>
            </>
          ) : null}
          {partner.rna ? (
            <>
              <dt>RNA</dt>
              <dd>{partner.rna}</dd>
            </>
          ) : null}
          {address ? (
            <>
              <dt>Adresse</dt>
              <dd>{address}</dd>
            </>
          ) : null}
          {partner.phone ? (
            <>
              <dt>Téléphone</dt>
              <dd>{partner.phone}</dd>
            </>
          ) : null}
          {partner.email ? (
            <>
              <dt>Courriel</dt>
              <dd>{partner.email}</dd>
            </>
          ) : null}
          {partner.tags.length > 0 ? (
            <>
              <dt>Étiquettes</dt>
              <dd>{partner.tags.join(', ')}</dd>
            </>
          ) : null}
          {partner.notes ? (
            <>
              <dt>Notes</dt>
              <dd className="pre-line">{partner.notes}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <ContactsSection partnerId={partner.id} />

      <section className="card" aria-labelledby="partner-agreements">
        <h2 id="partner-agreements">Conventions</h2>
        {agreements === undefined ? (
          <Loading />
        ) : linked.length === 0 ? (
          <p>
            Aucune convention avec ce partenaire. <Link href={pathTo({ screen: 'new-agreement' })}>Créer une convention</Link>
          </p>
        ) : (
          <ul className="link-list">
            {linked.map((a) => (
              <li key={a.id}>
                <Link href={pathTo({ screen: 'agreement', id: a.id })}>{a.title}</Link>{' '}
                <span className="muted">
                  — {agreementStatusLabel(a.status)}, depuis le {formatDateShort(a.startDate)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">Les subventions et projets liés apparaîtront ici quand les Financements seront reliés à l’annuaire.</p>
      </section>

      <div className="form-actions">
        <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
          Supprimer ce partenaire
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Supprimer ${partner.name} ?`}
        description="Le partenaire et ses contacts iront dans la corbeille. Un partenaire encore nommé par une convention ne peut pas être supprimé."
        confirmLabel="Supprimer"
        destructive
        onConfirm={remove}
      />
    </Page>
  );
}

interface ContactFormValues {
  partnerId: string;
  lastName: string;
  firstName: string;
  role: string;
  phone: string;
  email: string;
}

function ContactsSection({ partnerId }: { partnerId: string }) {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const contacts = useContacts(db, partnerId);
  const [adding, setAdding] = useState(false);
  const blank: ContactFormValues = { partnerId, lastName: '', firstName: '', role: '', phone: '', email: '' };
  const { form, formRef, field, onSubmit, refuse, summary } = useSchemaForm<ContactFormValues, Contact>({
    schema: contactSchema,
    defaultValues: blank,
  });
  const { reset } = form;

  const onValid = async (values: Contact) => {
    const result = await saveContact(db, values);
    if (!result.ok) {
      refuse(result.errors);
      return;
    }
    reset(blank);
    setAdding(false);
    toast.show('Contact ajouté.');
  };

  return (
    <section className="card" aria-labelledby="partner-contacts">
      <h2 id="partner-contacts">Contacts</h2>
      {contacts === undefined ? (
        <Loading />
      ) : contacts.length === 0 ? (
        <p>Aucun contact pour l’instant.</p>
      ) : (
        <ul className="contact-list">
          {contacts.map((c) => {
            const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
            return (
              <li key={c.id} className="contact-list__item">
                <span>
                  <strong>{name}</strong>
                  {c.role ? <span className="muted"> — {c.role}</span> : null}
                </span>
                <span>{[c.phone, c.email].filter(Boolean).join(' · ')}</span>
                <button
                  type="button"
                  className="button button--small button--danger-outline"
                  aria-label={`Retirer ${name}`}
                  onClick={() =>
                    act(async () => {
                      const binned = await deleteContact(db, { id: c.id, updatedAt: c.updatedAt });
                      if (!binned.ok) {
                        toast.show(refusalText(binned.errors), { tone: 'error' });
                        return;
                      }
                      toast.show(`${name} retiré des contacts.`, { action: { label: 'Annuler', run: () => restoreContact(db, c.id) } });
                    })
                  }
                >
                  Retirer
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {adding ? (
        <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label="Nouveau contact" className="inline-form inline-form--grid">
          <div className="form-section__wide">{summary}</div>
          <TextField label="Nom" required {...field('lastName')} />
          <TextField label="Prénom" {...field('firstName')} />
          <TextField label="Rôle" {...field('role')} />
          <TextField label="Téléphone" type="tel" {...field('phone')} />
          <TextField label="Courriel" type="email" {...field('email')} />
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              Ajouter le contact
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                reset(blank);
                setAdding(false);
              }}
            >
              Annuler
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Ajouter un contact
        </button>
      )}
    </section>
  );
}

import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useAgreements } from '../../data/agreements-repository';
import { useOrganisationLinks, type OrganisationLinks } from '../../data/directory-repository';
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
import { paperKindLabel } from '../../domain/partners/attachment';
import { describeRoles, rolesOf } from '../../domain/partners/directory';
import { committedCents, grantStatusLabel } from '../../domain/funding/grant-application';
import { formatCents } from '../../domain/money';
import { aidSchemeLabel } from '../../domain/team/aided-post';
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
import { ButtonLink, Detail } from '../../ui/list-pieces';

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
  const act = useAction();
  const [, navigate] = useLocation();
  const partner = usePartner(db, params.id);
  const agreements = useAgreements(db);
  const links = useOrganisationLinks(db, params.id);
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
        <ButtonLink to={{ screen: 'edit-partner', id: partner.id }} primary>
          Modifier
        </ButtonLink>
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
          <dt>Rôle</dt>
          <dd>{describeRoles(rolesOf(partner))}</dd>
          <dt>Type</dt>
          <dd>{describePartnerKind(partner)}</dd>
          <Detail label="Réseau" value={partner.federationName} />
          <Detail label="SIRET" value={partner.siret} />
          <Detail label="RNA" value={partner.rna} />
          <Detail label="Adresse" value={address} />
          <Detail label="Téléphone" value={partner.phone} />
          <Detail label="Courriel" value={partner.email} />
          <Detail label="Étiquettes" value={partner.tags.join(', ')} />
          <Detail label="Notes" value={partner.notes} preLine />
        </dl>
      </section>

      {links?.funder ? <FunderRoleSection funder={links.funder} /> : null}

      <ContactsSection partnerId={partner.id} />

      <GrantsSection links={links} />

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
      </section>

      <AidedPostsSection links={links} />
      <PapersSection links={links} />

      <div className="actions-row">
        <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
          Supprimer ce partenaire
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Supprimer ${partner.name} ?`}
        description="La fiche et ses contacts iront dans la corbeille. Une organisation encore nommée par une convention ou une demande de subvention ne peut pas être supprimée."
        confirmLabel="Supprimer"
        destructive
        onConfirm={() => act(() => remove())}
      />
    </Page>
  );
}

function FunderRoleSection({ funder }: { funder: NonNullable<OrganisationLinks['funder']> }) {
  const contact = [funder.contactName, funder.contactEmail, funder.contactPhone].filter(Boolean).join(' · ');
  return (
    <section className="card" aria-labelledby="partner-funder">
      <h2 id="partner-funder">Financeur</h2>
      <dl className="detail-list">
        {funder.service ? (
          <>
            <dt>Service instructeur</dt>
            <dd>{funder.service}</dd>
          </>
        ) : null}
        {contact ? (
          <>
            <dt>Contact pour les subventions</dt>
            <dd>{contact}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link href={pathTo({ screen: 'funders' })}>Type, portail de dépôt et contact dans Financements › Financeurs</Link>
      </p>
    </section>
  );
}

function GrantsSection({ links }: { links: OrganisationLinks | undefined }) {
  return (
    <section className="card" aria-labelledby="partner-grants">
      <h2 id="partner-grants">Subventions</h2>
      {links === undefined ? (
        <Loading />
      ) : links.grants.length === 0 ? (
        <p>
          Aucune demande de subvention adressée à cette organisation.{' '}
          <Link href={pathTo({ screen: 'new-application' })}>Nouvelle demande</Link>
        </p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Demandes de subvention adressées à cette organisation</caption>
          <thead>
            <tr>
              <th scope="col">Demande</th>
              <th scope="col">Période</th>
              <th scope="col">Statut</th>
              <th scope="col" className="num">
                Demandé
              </th>
              <th scope="col" className="num">
                Accordé
              </th>
              <th scope="col" className="num">
                Reçu
              </th>
            </tr>
          </thead>
          <tbody>
            {links.grants.map(({ application: a, paidCents }) => {
              const committed = committedCents(a);
              return (
                <tr key={a.id}>
                  <td>
                    <Link href={pathTo({ screen: 'application', id: a.id })}>{a.title}</Link>
                  </td>
                  <td>
                    {formatDateShort(a.periodStart)} – {formatDateShort(a.periodEnd)}
                  </td>
                  <td>
                    <span className={`status status--${a.status}`}>{grantStatusLabel(a.status)}</span>
                  </td>
                  <td className="num">{formatCents(a.requestedCents)}</td>
                  <td className="num">{committed === undefined ? '—' : formatCents(committed)}</td>
                  <td className="num">{formatCents(paidCents)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AidedPostsSection({ links }: { links: OrganisationLinks | undefined }) {
  if (links === undefined || links.aidedPosts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="partner-aided-posts">
      <h2 id="partner-aided-posts">Postes aidés</h2>
      <ul className="link-list">
        {links.aidedPosts.map((post) => (
          <li key={post.id}>
            {post.personName ?? 'Contrat'}{' '}
            <span className="muted">
              — {aidSchemeLabel(post.scheme)}, aide jusqu’au {formatDateShort(post.aidEndDate)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PapersSection({ links }: { links: OrganisationLinks | undefined }) {
  if (links === undefined) return null;
  const titles = new Map<string, string>([
    ...links.grants.map((g): [string, string] => [g.application.id, g.application.title]),
    ...links.agreements.map((a): [string, string] => [a.id, a.title]),
  ]);
  return (
    <section className="card" aria-labelledby="partner-papers">
      <h2 id="partner-papers">Documents</h2>
      {links.attachments.length === 0 ? (
        <p className="muted">Aucune pièce jointe à ses subventions ni à ses conventions.</p>
      ) : (
        <ul className="link-list">
          {links.attachments.map((file) => (
            <li key={file.id}>
              {paperKindLabel(file.ownerKind, file.paperKind) ?? file.fileName}{' '}
              <span className="muted">
                — {titles.get(file.ownerId) ?? ''}
                {file.validUntil ? `, valable jusqu’au ${formatDateShort(file.validUntil)}` : ''} ({file.fileName})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
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

import { useState } from 'react';
import { deleteDocument, restoreDocument, saveDocument, useDocuments } from '../../data/documents-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import {
  DOCUMENT_KINDS,
  documentFormValues,
  documentSchema,
  documentTitle,
  isDocumentExpired,
  type DocumentFormValues,
  type VaultDocument,
  type VaultDocumentRecord,
} from '../../domain/association/document';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { SelectField, TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { FormActions, useSaveOutcome, Wide } from '../../ui/form-pieces';
import { SmallButton } from '../../ui/list-pieces';
import { useToast } from '../../ui/toast';
import { AttachmentsPanel } from '../../ui/attachments-panel';
import { AssociationTabs } from './association-tabs';
import { refusalText, useAction } from '../../ui/use-action';
import { useSchemaForm } from '../../ui/use-schema-form';
import { EmptyState, Loading } from '../../ui/loading-state';

/**
 * The association's own pièces justificatives (statuts, RIB, comptes approuvés…), each with its kind, its
 * validity and its scan: the dossier's pièces list (Cerfa 12156, pièces jointes) reads them from here.
 */
export function AssociationDocumentsPage() {
  const { db } = useCurrentWorkspace();
  const documents = useDocuments(db);
  const [adding, setAdding] = useState(false);
  const today = todayIso();
  const missing = DOCUMENT_KINDS.filter((k) => !(documents ?? []).some((d) => d.kind === k.value));

  return (
    <Page
      title="Pièces de l’association"
      action={
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          Ajouter une pièce
        </button>
      }
    >
      <AssociationTabs />
      <p className="muted">
        Les pièces que demandent les dossiers de subvention : statuts, liste des dirigeants, RIB, comptes approuvés, rapport du commissaire
        aux comptes, rapport d’activité, attestation d’assurance, contrat d’engagement républicain. Indiquez jusqu’à quand chacune est
        valable : Passerelle prévient quand elle expire.
      </p>
      {adding ? <DocumentForm onDone={() => setAdding(false)} /> : null}
      {documents === undefined ? (
        <Loading />
      ) : documents.length === 0 ? (
        adding ? null : (
          <EmptyState>
            <p>Aucune pièce pour l’instant.</p>
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              Ajouter une première pièce
            </button>
          </EmptyState>
        )
      ) : (
        <ul className="document-list">
          {documents.map((d) => (
            <DocumentItem key={d.id} document={d} expired={isDocumentExpired(d, today)} />
          ))}
        </ul>
      )}
      {documents !== undefined && documents.length > 0 && missing.length > 0 ? (
        <p className="muted">Pas encore enregistrées : {missing.map((k) => k.label).join(', ')}.</p>
      ) : null}
    </Page>
  );
}

function DocumentItem({ document, expired }: { document: VaultDocumentRecord; expired: boolean }) {
  const act = useAction();
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const title = documentTitle(document);
  return (
    <li className="document-list__item">
      <div className="document-list__header">
        <h2 className="document-list__title">{title}</h2>
        {expired ? <span className="badge badge--danger">Expirée</span> : null}
        <span className="muted">
          {document.issuedOn ? `Datée du ${formatDateShort(document.issuedOn)}` : 'Sans date'}
          {document.validUntil ? ` · valable jusqu’au ${formatDateShort(document.validUntil)}` : ' · sans limite de validité'}
        </span>
        <SmallButton label={`Modifier ${title}`} onClick={() => setEditing(true)}>
          Modifier
        </SmallButton>
        <SmallButton danger label={`Supprimer ${title}`} onClick={() => setConfirming(true)}>
          Supprimer
        </SmallButton>
      </div>
      {editing ? <DocumentForm document={document} onDone={() => setEditing(false)} /> : null}
      <AttachmentsPanel ownerId={document.id} ownerKind="document" title={`Fichier — ${title}`} headingLevel={3} />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Supprimer cette pièce ?"
        description={`« ${title} » et ses fichiers iront dans la corbeille.`}
        confirmLabel="Supprimer"
        destructive
        onConfirm={() =>
          act(async () => {
            setConfirming(false);
            const binned = await deleteDocument(db, { id: document.id, updatedAt: document.updatedAt });
            if (!binned.ok) {
              toast.show(refusalText(binned.errors), { tone: 'error' });
              return;
            }
            toast.show(`${title} mise à la corbeille.`, { action: { label: 'Annuler', run: () => restoreDocument(db, document.id) } });
          })
        }
      />
    </li>
  );
}

/** A new pièce, or one already recorded (a new validity date, a corrected kind): saved against the revision it loaded. */
function DocumentForm({ document, onDone }: { document?: VaultDocumentRecord; onDone: () => void }) {
  const { db } = useCurrentWorkspace();
  const { form, formRef, field, onSubmit, refuse, revision, summary } = useSchemaForm<
    DocumentFormValues,
    VaultDocument,
    VaultDocumentRecord
  >({
    schema: documentSchema,
    defaultValues: documentFormValues(document),
    record: document,
    valuesOf: documentFormValues,
  });
  const settle = useSaveOutcome(refuse);
  return (
    <form
      ref={formRef}
      className="card inline-form--grid"
      aria-label={document ? `Modifier ${documentTitle(document)}` : 'Nouvelle pièce justificative'}
      noValidate
      onSubmit={onSubmit(async (values) =>
        settle(await saveDocument(db, values, document ? revision() : undefined), onDone, (saved) =>
          document ? `${documentTitle(saved)} enregistrée.` : `${documentTitle(saved)} ajoutée ; joignez-y le fichier ci-dessous.`,
        ),
      )}
    >
      <Wide>{summary}</Wide>
      <SelectField label="Type de pièce" options={DOCUMENT_KINDS} {...field('kind')} />
      <TextField label="Précision" hint="ex. exercice 2025, Crédit coopératif" {...field('title')} />
      <TextField label="Date du document" type="date" {...field('issuedOn')} />
      <TextField label="Valable jusqu’au" type="date" {...field('validUntil')} />
      <FormActions submitLabel="Enregistrer la pièce" submitting={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

import { createContext, useContext, useId, useState } from 'react';
import { formatDateShort, todayIso } from '../domain/dates';
import {
  MAX_ATTACHMENT_MEGABYTES,
  PAPER_KINDS,
  formatFileSize,
  paperKindLabel,
  type AttachmentOwnerKind,
  type AttachmentRecord,
  type PaperMeta,
} from '../domain/partners/attachment';
import { ConfirmDialog } from './confirm-dialog';
import { useToast } from './toast';
import { refusalText, useAction } from './use-action';
import { Options } from './options';

// The one list of papers for every record that has some (issue 19): a grant's convention or notification,
// a contract, an amendment, an aided post's convention, an agreement, a vault document. What it reads and
// writes comes from the app (data and platform), through AttachmentServicesProvider: ui imports neither.

export type AttachOutcome = { ok: true; fileName: string } | { ok: false; problem: string } | null;

export interface AttachmentServices {
  /** The record's live files; `undefined` while loading. A hook. */
  useFiles(ownerId: string): AttachmentRecord[] | undefined;
  /** The live files of several records at once (a contract's amendments); `undefined` while loading. A hook. */
  useFilesOf(ownerIds: readonly string[]): AttachmentRecord[] | undefined;
  /** Asks for a file, checks it and attaches it; null when the user cancelled. */
  attach(owner: { id: string; kind: AttachmentOwnerKind }, meta: PaperMeta): Promise<AttachOutcome>;
  open(id: string): Promise<void>;
  remove(id: string): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }>;
  restore(id: string): Promise<void>;
}

type PaperKindOption = { value: string; label: string; offered?: false };
const NO_RELATED: readonly RelatedOwner[] = [];

const AttachmentServicesContext = createContext<AttachmentServices | null>(null);
export const AttachmentServicesProvider = AttachmentServicesContext.Provider;

function useAttachmentServices(): AttachmentServices {
  const services = useContext(AttachmentServicesContext);
  if (!services) throw new Error('AttachmentsPanel needs <AttachmentServicesProvider>.');
  return services;
}

/** Owners whose papers are chosen by kind and may carry a validity date (the partners' screens keep theirs). */
const WITH_PAPER_DETAILS: readonly AttachmentOwnerKind[] = ['grant-application', 'contract', 'amendment', 'aided-post'];
/** An avenant signé has no end of validity of its own: the contract's dates say how long it runs. */
const WITHOUT_VALIDITY: readonly AttachmentOwnerKind[] = ['amendment'];

/** Records whose papers a panel lists under its own, read-only (a contract shows its amendments' avenants). */
export interface RelatedOwner {
  ownerId: string;
  /** Says which record the file belongs to: « avenant du 1er avr. 2026 ». */
  label: string;
}

export function AttachmentsPanel({
  ownerId,
  ownerKind,
  title,
  headingLevel = 2,
  related = NO_RELATED,
  relatedKind,
  relatedLabel = 'Pièces liées',
}: {
  ownerId: string;
  ownerKind: AttachmentOwnerKind;
  title: string;
  /** 3 where the panel sits under a record's own h2 (the document vault), 4 inside a contract's card, 5 under its amendments. */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Other records whose files are listed here too, to open, but attached and removed on their own record. */
  related?: readonly RelatedOwner[];
  relatedKind?: AttachmentOwnerKind;
  /** The accessible name of the related files' list: « Pièces des avenants ». */
  relatedLabel?: string;
}) {
  const act = useAction();
  const services = useAttachmentServices();
  const Heading = (['h2', 'h3', 'h4', 'h5'] as const)[headingLevel - 2] ?? 'h2';
  const toast = useToast();
  const files = services.useFiles(ownerId);
  const relatedFiles = services.useFilesOf(related.map((r) => r.ownerId));
  const [problem, setProblem] = useState<string>();
  const [toDelete, setToDelete] = useState<{ id: string; fileName: string }>();
  const kinds = (PAPER_KINDS[ownerKind] as readonly PaperKindOption[]).filter((k) => k.offered !== false);
  const details = WITH_PAPER_DETAILS.includes(ownerKind);
  const withValidity = details && !WITHOUT_VALIDITY.includes(ownerKind);
  const [paperKind, setPaperKind] = useState<string>(kinds[0]?.value ?? '');
  const [validUntil, setValidUntil] = useState('');
  const headingId = `attachments-${ownerId}`;
  const fieldIds = useId();
  const today = todayIso();

  const attach = async () => {
    setProblem(undefined);
    const result = await services.attach(
      { id: ownerId, kind: ownerKind },
      details ? { paperKind, ...(withValidity ? { validUntil } : {}) } : {},
    );
    if (result === null) return;
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setValidUntil('');
    toast.show(`« ${result.fileName} » joint.`);
  };

  const open = async (id: string) => {
    setProblem(undefined);
    try {
      await services.open(id);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className={headingLevel >= 4 ? 'attachments--nested' : 'card'} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      <p className={headingLevel === 2 ? 'muted' : 'visually-hidden'}>
        PDF, JPEG ou PNG, {MAX_ATTACHMENT_MEGABYTES}&nbsp;Mo au plus par fichier. Ils sont gardés dans l’espace et suivent ses sauvegardes.
      </p>
      {problem ? (
        <p className="form-errors-summary" role="alert">
          {problem}
        </p>
      ) : null}
      {files === undefined ? (
        <p role="status">Chargement…</p>
      ) : files.length === 0 && (relatedFiles ?? []).length > 0 ? null : files.length === 0 ? (
        <p>Aucun fichier joint.</p>
      ) : (
        <ul className="attachment-list">
          {files.map((file) => {
            const kind = details ? paperKindLabel(ownerKind, file.paperKind) : undefined;
            const expired = file.validUntil !== undefined && file.validUntil < today;
            return (
              <li key={file.id} className="attachment-list__item">
                <span className="attachment-list__name">
                  {kind ? `${kind} — ` : ''}
                  {file.fileName}
                </span>
                <span className="muted">
                  {formatFileSize(file.size)} · ajouté le {formatDateShort(file.createdAt.slice(0, 10))}
                  {file.validUntil ? ` · valable jusqu’au ${formatDateShort(file.validUntil)}` : ''}
                </span>
                {expired ? <span className="badge badge--late">Expirée</span> : null}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => act(() => open(file.id))}
                  aria-label={`Ouvrir ${file.fileName}`}
                >
                  Ouvrir
                </button>
                <button
                  type="button"
                  className="button button--small button--danger-outline"
                  onClick={() => setToDelete({ id: file.id, fileName: file.fileName })}
                  aria-label={`Supprimer ${file.fileName}`}
                >
                  Supprimer
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {relatedFiles !== undefined && relatedFiles.length > 0 ? (
        <ul className="attachment-list" aria-label={relatedLabel}>
          {relatedFiles.map((file) => {
            const owner = related.find((r) => r.ownerId === file.ownerId);
            const kind = relatedKind ? paperKindLabel(relatedKind, file.paperKind) : undefined;
            return (
              <li key={file.id} className="attachment-list__item">
                <span className="attachment-list__name">
                  {kind ? `${kind} — ` : ''}
                  {owner ? `${owner.label} — ` : ''}
                  {file.fileName}
                </span>
                <span className="muted">
                  {formatFileSize(file.size)} · ajouté le {formatDateShort(file.createdAt.slice(0, 10))}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => act(() => open(file.id))}
                  aria-label={`Ouvrir ${file.fileName}`}
                >
                  Ouvrir
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {details && (kinds.length > 1 || withValidity) ? (
        <div className="attachment-paper">
          {kinds.length > 1 ? (
            <div className="field">
              <label className="field__label" htmlFor={`${fieldIds}-kind`}>
                Type de pièce
              </label>
              <select id={`${fieldIds}-kind`} className="field__control" value={paperKind} onChange={(e) => setPaperKind(e.target.value)}>
                <Options options={kinds} />
              </select>
            </div>
          ) : null}
          {withValidity ? (
            <div className="field">
              <label className="field__label" htmlFor={`${fieldIds}-valid`}>
                Valable jusqu’au (facultatif)
              </label>
              <input
                id={`${fieldIds}-valid`}
                type="date"
                className="field__control"
                value={validUntil}
                onChange={(e) => setValidUntil(e.target.value)}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <button type="button" className="button" onClick={() => act(() => attach())}>
        Joindre un fichier
      </button>
      <ConfirmDialog
        open={toDelete !== undefined}
        onOpenChange={(open) => (open ? null : setToDelete(undefined))}
        title="Supprimer ce fichier ?"
        description={`« ${toDelete?.fileName ?? ''} » ira dans la corbeille.`}
        confirmLabel="Supprimer"
        destructive
        onConfirm={() =>
          act(async () => {
            if (toDelete === undefined) return;
            const { id, fileName } = toDelete;
            setToDelete(undefined);
            const binned = await services.remove(id);
            if (!binned.ok) {
              toast.show(refusalText(binned.errors), { tone: 'error' });
              return;
            }
            toast.show(`« ${fileName} » mis à la corbeille.`, { action: { label: 'Annuler', run: () => services.restore(id) } });
          })
        }
      />
    </section>
  );
}

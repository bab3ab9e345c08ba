import { useState } from 'react';
import {
  addAttachment,
  deleteAttachment,
  getAttachmentBytes,
  restoreAttachment,
  useAttachments,
} from '../../data/attachments-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort } from '../../domain/dates';
import {
  ATTACHMENT_FILE_FILTERS,
  MAX_ATTACHMENT_MEGABYTES,
  formatFileSize,
  type AttachmentOwnerKind,
} from '../../domain/partners/attachment';
import { currentPlatform } from '../../platform/current-platform';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useToast } from '../../ui/toast';
import { refusalText, useAction } from '../../ui/use-action';
import { Loading } from '../../ui/loading-state';

/** The signed files of an agreement or the scans of a document: attach, open, send to the bin. */
export function AttachmentsPanel({
  ownerId,
  ownerKind,
  title,
  headingLevel = 2,
}: {
  ownerId: string;
  ownerKind: AttachmentOwnerKind;
  title: string;
  /** 3 where the panel sits under a record's own h2 (the document vault). */
  headingLevel?: 2 | 3;
}) {
  const act = useAction();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { db } = useCurrentWorkspace();
  const toast = useToast();
  const files = useAttachments(db, ownerId);
  const [problem, setProblem] = useState<string>();
  const [toDelete, setToDelete] = useState<{ id: string; fileName: string }>();
  const headingId = `attachments-${ownerId}`;

  const attach = async () => {
    setProblem(undefined);
    const picked = await currentPlatform().openFile(ATTACHMENT_FILE_FILTERS);
    if (picked === null) return;
    const result = await addAttachment(db, { id: ownerId, kind: ownerKind }, picked);
    if (!result.ok) {
      setProblem(Object.values(result.errors)[0]);
      return;
    }
    toast.show(`« ${result.value.fileName} » joint.`);
  };

  const open = async (id: string) => {
    setProblem(undefined);
    const file = await getAttachmentBytes(db, id);
    if (file === undefined) return;
    try {
      await currentPlatform().openDocument(file.fileName, file.data);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      <p className={headingLevel === 2 ? 'muted' : 'visually-hidden'}>
        PDF, JPEG ou PNG, {MAX_ATTACHMENT_MEGABYTES}&nbsp;Mo au plus par fichier. Ils sont gardés dans l’espace et suivent ses
        sauvegardes.
      </p>
      {problem ? (
        <p className="form-errors-summary" role="alert">
          {problem}
        </p>
      ) : null}
      {files === undefined ? (
        <Loading />
      ) : files.length === 0 ? (
        <p>Aucun fichier joint.</p>
      ) : (
        <ul className="attachment-list">
          {files.map((file) => (
            <li key={file.id} className="attachment-list__item">
              <span className="attachment-list__name">{file.fileName}</span>
              <span className="muted">
                {formatFileSize(file.size)} · ajouté le {formatDateShort(file.createdAt.slice(0, 10))}
              </span>
              <button type="button" className="button button--small" onClick={() => open(file.id)} aria-label={`Ouvrir ${file.fileName}`}>
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
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={attach}>
        Joindre un fichier
      </button>
      <ConfirmDialog
        open={toDelete !== undefined}
        onOpenChange={(open) => (open ? null : setToDelete(undefined))}
        title="Supprimer ce fichier ?"
        description={`« ${toDelete?.fileName ?? ''} » ira dans la corbeille.`}
        confirmLabel="Supprimer"
        destructive
        onConfirm={() => act(async () => {
          if (toDelete === undefined) return;
          const { id, fileName } = toDelete;
          setToDelete(undefined);
          const binned = await deleteAttachment(db, id);
          if (!binned.ok) {
            toast.show(refusalText(binned.errors), { tone: 'error' });
            return;
          }
          toast.show(`« ${fileName} » mis à la corbeille.`, { action: { label: 'Annuler', run: () => restoreAttachment(db, id) } });
        })}
      />
    </section>
  );
}

import { useMemo, type ReactNode } from 'react';
import {
  addAttachment,
  deleteAttachment,
  getAttachmentBytes,
  restoreAttachment,
  useAttachments,
  useAttachmentsOf,
} from '../data/attachments-repository';
import { useCurrentWorkspace } from '../data/workspace-context';
import { ATTACHMENT_FILE_FILTERS } from '../domain/partners/attachment';
import { currentPlatform } from '../platform/current-platform';
import { AttachmentServicesProvider, type AttachmentServices } from '../ui/attachments-panel';

// What the one attachments panel (ui/attachments-panel.tsx) reads and writes, for the open espace: the
// repository for the files, the platform for the file dialog and for opening a file.

export function AttachmentServicesForWorkspace({ children }: { children: ReactNode }) {
  const { db } = useCurrentWorkspace();
  const services = useMemo<AttachmentServices>(
    () => ({
      useFiles: (ownerId) => useAttachments(db, ownerId),
      useFilesOf: (ownerIds) => useAttachmentsOf(db, ownerIds),
      attach: async (owner, meta) => {
        const picked = await currentPlatform().openFile(ATTACHMENT_FILE_FILTERS);
        if (picked === null) return null;
        const result = await addAttachment(db, owner, picked, new Date(), meta);
        return result.ok
          ? { ok: true, fileName: result.value.fileName }
          : { ok: false, problem: Object.values(result.errors)[0] ?? 'Le fichier n’a pas été joint.' };
      },
      open: async (id) => {
        const file = await getAttachmentBytes(db, id);
        if (file === undefined) return;
        await currentPlatform().openDocument(file.fileName, file.data);
      },
      remove: (id) => deleteAttachment(db, id),
      restore: (id) => restoreAttachment(db, id),
    }),
    [db],
  );
  return <AttachmentServicesProvider value={services}>{children}</AttachmentServicesProvider>;
}

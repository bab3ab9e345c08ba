import { isIsoDate, type IsoDate } from '../dates';
import type { RecordStamps } from '../record';

// Signed agreements and pièces justificatives are kept inside the espace's database as Blobs, so a backup
// carries them. Only PDF and the two image formats scanners produce are accepted, and the content must
// really be of the announced type: the name and the MIME type are what the user's system claims, the first
// bytes are what the file is. A program renamed « convention.pdf » is refused.

/** Bigger scans belong in a shared folder; the database must stay quick to back up. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_MEGABYTES = MAX_ATTACHMENT_BYTES / (1024 * 1024);

export const ATTACHMENT_TYPES = [
  { mimeType: 'application/pdf', label: 'PDF', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  {
    mimeType: 'image/png',
    label: 'PNG',
    extensions: ['png'],
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  { mimeType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_TYPES)[number]['mimeType'];

/** What the file dialog offers. */
export const ATTACHMENT_FILE_FILTERS = [{ name: 'PDF ou image (JPEG, PNG)', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }];

/** Bytes needed to recognise every accepted type. */
export const MAGIC_BYTES_LENGTH = 8;

/** Every record a paper can belong to: one list of files, one component, whatever the record (issue 19). */
export type AttachmentOwnerKind = 'agreement' | 'document' | 'grant-application' | 'contract' | 'amendment' | 'aided-post';

/**
 * The papers each kind of record has. A grant has its convention (required above 23 000 €, loi 2000-321
 * art. 10), the arrêté or the notification that decides it, or the refusal letter; a contract its signed
 * text; an aided post its convention with the State or its ASP decision.
 */
export const PAPER_KINDS = {
  agreement: [{ value: 'signed-agreement', label: 'Convention signée' }],
  document: [{ value: 'scan', label: 'Pièce numérisée' }],
  'grant-application': [
    { value: 'convention', label: 'Convention' },
    { value: 'arrete', label: 'Arrêté d’attribution' },
    { value: 'notification', label: 'Notification' },
    { value: 'refusal-letter', label: 'Lettre de refus' },
    { value: 'other', label: 'Autre pièce' },
  ],
  contract: [
    { value: 'signed-contract', label: 'Contrat de travail signé' },
    // An avenant signé is attached to its amendment now; files attached to the contract before keep their name.
    { value: 'signed-amendment', label: 'Avenant signé', offered: false },
    { value: 'aid-convention', label: 'Convention PEC ou adulte-relais' },
    { value: 'other', label: 'Autre pièce' },
  ],
  amendment: [{ value: 'signed-amendment', label: 'Avenant signé' }],
  'aided-post': [
    { value: 'aid-convention', label: 'Convention de l’aide (PEC, adulte-relais, FONJEP)' },
    { value: 'aid-decision', label: 'Décision d’attribution' },
    { value: 'other', label: 'Autre pièce' },
  ],
} as const satisfies Record<AttachmentOwnerKind, readonly { value: string; label: string; offered?: false }[]>;

export interface AttachmentRecord extends RecordStamps {
  ownerId: string;
  ownerKind: AttachmentOwnerKind;
  fileName: string;
  mimeType: AttachmentMimeType;
  size: number;
  data: Blob;
  /** Which paper this is (a code of PAPER_KINDS for its owner); files attached before issue 19 have none. */
  paperKind?: string;
  /** The last day the paper is valid, when it has one (a convention's end, an insurance certificate's). */
  validUntil?: IsoDate;
}

export interface PaperMeta {
  paperKind?: string | undefined;
  validUntil?: string | undefined;
}

/** The paper kind and validity date given with a file, checked; a French sentence when they are wrong. */
export function checkPaperMeta(
  ownerKind: AttachmentOwnerKind,
  meta: PaperMeta,
): { ok: true; value: { paperKind?: string; validUntil?: IsoDate } } | { ok: false; problem: string } {
  const value: { paperKind?: string; validUntil?: IsoDate } = {};
  if (meta.paperKind !== undefined && meta.paperKind !== '') {
    if (!(PAPER_KINDS[ownerKind] as readonly { value: string }[]).some((k) => k.value === meta.paperKind)) {
      return { ok: false, problem: 'Type de pièce\u00a0: choisissez dans la liste.' };
    }
    value.paperKind = meta.paperKind;
  }
  if (meta.validUntil !== undefined && meta.validUntil !== '') {
    if (!isIsoDate(meta.validUntil))
      return { ok: false, problem: 'Valable jusqu’au\u00a0: date illisible — vérifiez le jour, le mois et l’année.' };
    value.validUntil = meta.validUntil;
  }
  return { ok: true, value };
}

export function paperKindLabel(ownerKind: AttachmentOwnerKind, paperKind: string | undefined): string | undefined {
  if (paperKind === undefined) return undefined;
  return (PAPER_KINDS[ownerKind] as readonly { value: string; label: string }[]).find((k) => k.value === paperKind)?.label;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u00a0Mo`;
}

export interface AttachmentCandidate {
  fileName: string;
  size: number;
  /** The type the system announced, when it did ('' or undefined otherwise: the extension decides). */
  declaredType?: string | undefined;
  /** The first bytes of the file (at least MAGIC_BYTES_LENGTH when the file is that long). */
  head: Uint8Array;
}

export type AttachmentCheck = { ok: true; mimeType: AttachmentMimeType } | { ok: false; problem: string };

const ACCEPTED = 'seuls les PDF et les images JPEG ou PNG sont acceptés';

/** Decides whether a file may be attached, with a French sentence naming the problem when it may not. */
export function checkAttachment(candidate: AttachmentCandidate): AttachmentCheck {
  const name = `« ${candidate.fileName} »`;
  const refuse = (problem: string): AttachmentCheck => ({ ok: false, problem: `${name}\u00a0: ${problem}` });
  if (candidate.fileName.trim() === '') return { ok: false, problem: 'Le fichier n’a pas de nom.' };
  if (candidate.size === 0) return refuse('le fichier est vide.');
  if (candidate.size > MAX_ATTACHMENT_BYTES) {
    return refuse(
      `le fichier pèse ${formatMegabytes(candidate.size)}, la limite est de ${MAX_ATTACHMENT_MEGABYTES}\u00a0Mo. Réduisez sa taille (numérisation en 150 ou 200 dpi) ou gardez-le dans un dossier partagé.`,
    );
  }
  const extension = extensionOf(candidate.fileName);
  const byExtension = ATTACHMENT_TYPES.find((t) => (t.extensions as readonly string[]).includes(extension));
  if (byExtension === undefined) return refuse(`type de fichier refusé (.${extension || '?'}) — ${ACCEPTED}.`);
  const declared = candidate.declaredType?.trim().toLowerCase() ?? '';
  if (declared !== '' && declared !== byExtension.mimeType) {
    return refuse(`le type annoncé (${declared}) ne correspond pas à l’extension .${extension} — ${ACCEPTED}.`);
  }
  const matches = byExtension.magic.every((byte, i) => candidate.head[i] === byte);
  if (!matches) {
    return refuse(`le contenu n’est pas celui d’un fichier ${byExtension.label}, malgré son nom. Il n’a pas été joint.`);
  }
  return { ok: true, mimeType: byExtension.mimeType };
}

/** `123 Ko`, `2,4 Mo` — for lists of attachments. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')}\u00a0Ko`;
  return formatMegabytes(bytes);
}

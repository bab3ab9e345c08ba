import { AttachmentsPanel as SharedAttachmentsPanel } from '../../ui/attachments-panel';

/** The signed files of an agreement or the scans of a document: the one attachments panel (ui/). */
export const AttachmentsPanel = SharedAttachmentsPanel;

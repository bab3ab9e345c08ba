import { AttachmentsPanel as SharedAttachmentsPanel } from '../../ui/attachments-panel';

/** The signed files of an agreement: the one attachments panel (ui/). */
export const AttachmentsPanel = SharedAttachmentsPanel;

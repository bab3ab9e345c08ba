import { z } from 'zod';
import { fieldMessage } from '../fields';
import { checkServerAddress } from './sync-messages';

// Réglages › Synchronisation, on the one form wiring (issue 12): the server's address is an http(s) URL
// checked before anything is sent (checkServerAddress), the espace's database is required. The account's
// password is a field of the form but a secret: the form keeps no draft of it (useSchemaForm's noDraft).

export const SYNC_SERVER_LABEL = 'Adresse du serveur';
export const SYNC_DATABASE_LABEL = 'Base de données de l’espace';

export interface SyncFormValues {
  server: string;
  database: string;
  username: string;
  password: string;
}

export const syncFormSchema = z.object({
  server: z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      if (text === '') {
        ctx.addIssue({ code: 'custom', message: fieldMessage(SYNC_SERVER_LABEL, 'champ obligatoire.') });
        return;
      }
      const address = checkServerAddress(text);
      if (!address.ok) ctx.addIssue({ code: 'custom', message: address.message });
    }),
  database: z
    .string()
    .trim()
    .min(1, fieldMessage(SYNC_DATABASE_LABEL, 'champ obligatoire.'))
    .max(300, fieldMessage(SYNC_DATABASE_LABEL, '300 caractères au maximum.')),
  username: z.string().trim().max(300, fieldMessage('Identifiant', '300 caractères au maximum.')),
  password: z.string().max(1000, fieldMessage('Mot de passe', '1000 caractères au maximum.')),
});
export type SyncFormOutput = z.output<typeof syncFormSchema>;

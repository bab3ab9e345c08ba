// What the replication says on screen, in French (DESIGN.md decision 13): the engine's errors carry HTTP
// statuses and English names, never shown as such.

export const READ_ONLY_MESSAGE =
  'Ce compte de synchronisation ne permet que la consultation : l’espace est en lecture seule sur cet ordinateur. Aucune modification n’est enregistrée.';
export const WRITE_REFUSED_MESSAGE =
  'Le serveur a refusé une modification faite ici (compte en lecture seule) : elle reste sur cet ordinateur et n’est pas partagée.';
export const PROTECTED_ESPACE_MESSAGE =
  'Cet espace est protégé par une phrase de passe : sa synchronisation n’est pas encore possible (ses données chiffrées ne peuvent pas encore être partagées). Rien n’a été envoyé.';

export interface EngineFailure {
  status?: unknown;
  name?: unknown;
  error?: unknown;
  message?: unknown;
}

/** The French sentence for a failure of the engine or the server. */
export function syncFailureMessage(failure: unknown): string {
  const f = (typeof failure === 'object' && failure !== null ? failure : {}) as EngineFailure;
  const status = typeof f.status === 'number' ? f.status : undefined;
  const name = typeof f.name === 'string' ? f.name : typeof f.error === 'string' ? f.error : '';
  if (status === 401 || name === 'unauthorized')
    return 'Le serveur a refusé l’identifiant ou le mot de passe. Vérifiez-les dans Réglages › Synchronisation.';
  if (status === 403 || name === 'forbidden') return WRITE_REFUSED_MESSAGE;
  if (status === 404 || name === 'not_found')
    return 'La base de données de cet espace n’existe pas sur ce serveur. Vérifiez l’adresse, ou demandez à la personne qui gère le serveur de la créer.';
  if (status !== undefined && status >= 500)
    return 'Le serveur de synchronisation a rencontré une erreur. Les modifications restent sur cet ordinateur et partiront plus tard.';
  return 'Le serveur de synchronisation est injoignable (pas de réseau, adresse erronée ou serveur arrêté). Les modifications restent sur cet ordinateur et partiront au retour de la connexion.';
}

/** The server address typed by a person, checked before anything is sent: an http(s) URL, no path tricks. */
export function checkServerAddress(text: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'Adresse du serveur : saisissez une adresse complète, par exemple https://serveur.exemple.org:6984.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Adresse du serveur : elle doit commencer par https:// (ou http:// sur le réseau local).' };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: 'Adresse du serveur : ne mettez pas l’identifiant ni le mot de passe dans l’adresse, utilisez les champs prévus.',
    };
  }
  if (url.search !== '' || url.hash !== '')
    return { ok: false, message: 'Adresse du serveur : l’adresse ne doit contenir ni « ? » ni « # ».' };
  return { ok: true, url: url.toString().replace(/\/+$/, '') };
}

/** CouchDB database names: lower case letter first, then lower case letters, digits and _$()+-/. */
export function databaseNameFor(workspaceId: string): string {
  return `passerelle-${workspaceId.toLowerCase().replace(/[^a-z0-9_$()+-]/g, '-')}`;
}

// Every failure that reaches the user is said in French: what happened and that nothing was saved
// (DESIGN.md decision 13). IndexedDB and Dexie name their errors (`error.name`); Dexie wraps the
// browser's error in `inner` and a bulk write's in `failures`, so the cause is looked for underneath.

const NOTHING_SAVED = 'rien n’a été enregistré';

const MESSAGES: Record<string, string> = {
  QuotaExceededError: `Le disque de cet ordinateur est plein\u00a0: ${NOTHING_SAVED}. Libérez de la place (fichiers, corbeille du système) puis recommencez.`,
  ConstraintError: `Un enregistrement portant le même identifiant existe déjà\u00a0: ${NOTHING_SAVED}. Rechargez la page puis recommencez.`,
  DatabaseClosedError: `La base de données de l’espace a été fermée (espace verrouillé, changé ou mis à jour ailleurs)\u00a0: ${NOTHING_SAVED}. Rechargez Passerelle puis recommencez.`,
  VersionChangeError: `Passerelle a été mis à jour dans une autre fenêtre\u00a0: ${NOTHING_SAVED}. Rechargez cette fenêtre pour continuer.`,
  VersionError: `Cette base de données vient d’une version plus récente de Passerelle\u00a0: ${NOTHING_SAVED}. Mettez Passerelle à jour.`,
  DataError: `Une valeur n’a pas pu être enregistrée dans la base de données\u00a0: ${NOTHING_SAVED}.`,
  DataCloneError: `Une valeur n’a pas pu être enregistrée dans la base de données\u00a0: ${NOTHING_SAVED}.`,
  ReadOnlyWorkspaceError: `Cet espace est en lecture seule sur cet ordinateur (son compte de synchronisation ne permet que la consultation)\u00a0: ${NOTHING_SAVED}.`,
  ReadOnlyError: `La base de données est en lecture seule\u00a0: ${NOTHING_SAVED}.`,
  InvalidStateError: `La base de données n’était plus disponible (fenêtre en veille ou fermée)\u00a0: ${NOTHING_SAVED}. Rechargez Passerelle puis recommencez.`,
  TransactionInactiveError: `L’écriture a été interrompue\u00a0: ${NOTHING_SAVED}. Recommencez.`,
  OpenFailedError: `La base de données de l’espace n’a pas pu être ouverte\u00a0: ${NOTHING_SAVED}. Fermez les autres fenêtres de Passerelle puis rechargez.`,
  MissingAPIError: `Ce navigateur ne permet pas d’enregistrer des données (navigation privée\u00a0?)\u00a0: ${NOTHING_SAVED}.`,
  TimeoutError: `La base de données n’a pas répondu à temps\u00a0: ${NOTHING_SAVED}. Recommencez.`,
  NotFoundError: `Une table de la base de données est introuvable\u00a0: ${NOTHING_SAVED}. Rechargez Passerelle.`,
};

const UNEXPECTED = `Une erreur inattendue est survenue\u00a0: ${NOTHING_SAVED}. Le détail est dans la console (Ctrl+Maj+I).`;

interface NamedError {
  name?: unknown;
  inner?: unknown;
  failures?: unknown;
  cause?: unknown;
}

/** The most precise error name known: a wrapper's cause wins over the wrapper (AbortError, BulkError). */
export function failureName(error: unknown, depth = 0): string | undefined {
  if (error === null || typeof error !== 'object' || depth > 4) return undefined;
  const e = error as NamedError;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  for (const cause of [e.inner, ...failures, e.cause]) {
    const name = failureName(cause, depth + 1);
    if (name !== undefined && name in MESSAGES) return name;
  }
  return typeof e.name === 'string' ? e.name : undefined;
}

/** The French sentence for a failure; never the English text of the error itself. */
export function failureMessage(error: unknown): string {
  const name = failureName(error);
  return (name !== undefined && MESSAGES[name]) || UNEXPECTED;
}

// What each table holds, in the user's words, for the restore preview and the bin. A table missing here is
// shown by its code name rather than hidden.
const TABLE_LABELS: Record<string, string> = {
  association: 'Profil de l’association',
  meta: 'Informations de l’espace',
  people: 'Personnes',
  contracts: 'Contrats',
  amendments: 'Avenants',
  aidedPosts: 'Postes aidés',
  funders: 'Financeurs',
  grantApplications: 'Demandes de subvention',
  payments: 'Versements',
  deadlineStates: 'Suivi des échéances',
  partners: 'Partenaires',
  contacts: 'Contacts',
  agreements: 'Conventions',
  agreementParties: 'Signataires des conventions',
  attachments: 'Fichiers joints',
  documents: 'Pièces de l’association',
  journal: 'Entrées du journal',
  syncState: 'État de la synchronisation',
  syncOutbox: 'Modifications à synchroniser',
  syncConflicts: 'Conflits à vérifier',
  projects: 'Actions',
  projectStaff: 'Personnes affectées aux actions',
  budgets: 'Budgets',
  budgetLines: 'Lignes de budget',
  dossierSnapshots: 'Dossiers produits',
  financialReports: 'Comptes-rendus financiers',
  absences: 'Absences',
  yearlyFigures: 'Chiffres datés',
  cashLines: 'Trésorerie (solde et lignes récurrentes)',
};

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}

/** Byte counts as French users read them: « 12,4 ko », « 3,1 Mo ». */
export function formatBytes(bytes: number): string {
  const format = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 }).replace(/\u202f/g, '\u00a0');
  if (bytes < 1024) return `${bytes}\u00a0octets`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)}\u00a0ko`;
  if (bytes < 1024 * 1024 * 1024) return `${format(bytes / (1024 * 1024))}\u00a0Mo`;
  return `${format(bytes / (1024 * 1024 * 1024))}\u00a0Go`;
}

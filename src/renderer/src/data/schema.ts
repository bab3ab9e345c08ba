import type { Dexie, Transaction } from 'dexie';
import type { FunderRecord } from '../domain/funding/funder';
import { directoryOf, organisationFromFunder, organisationNamed, withRole } from '../domain/partners/directory';
import type { PartnerRecord } from '../domain/partners/partner';
import type { AidedPostRecord } from '../domain/team/aided-post';
import { live, liveFunders } from './live-records';

// Schema versions are append-only (DESIGN.md decision 8): a shipped version is never edited, a change is a
// new entry with its upgrade and its migration test. Users' databases on their laptops depend on it.

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown> | void;
}

/** The small device-level database: which espaces exist on this laptop, and device settings. */
export const registryVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      workspaces: 'id, name, deletedAt',
      settings: 'key',
    },
  },
];

/**
 * Issue 17: the version that indexes payments by their reception date, so that the dashboard reads only the
 * payments still expected (data/deadline-sources.ts). A constant, so that merging renumbers one line.
 */
export const OPEN_PAYMENTS_VERSION = 8;
/** Issue 16: the version that links applications to the actions they finance. */
export const APPLICATION_LINKS_VERSION = 9;
/**
 * Issue 15: the version that records absences on contracts (sick leave, maternity, unpaid leave…) and the
 * association's own dated figures (SMIC, aid amounts).
 */
export const ABSENCES_VERSION = 10;
/** Issue 18: the Trésorerie's opening balance and recurring lines (no data step: a new table). */
export const CASH_LINES_VERSION = 11;
/** Issue 20: the version that keeps what replication through CouchDB needs on this laptop. */
export const SYNC_STATE_VERSION = 12;
/** Issue 19: one directory — funders become organisations of the partners table with the funder role. */
export const DIRECTORY_VERSION = 13;

/**
 * The data step of DIRECTORY_VERSION, on an espace whose records are readable in the upgrade (not
 * encrypted at rest): each funder gets its directory record under its own id (so applications keep their
 * funderId), the existing partners get the partner role, and an aided post's free-text funder is linked to
 * the one organisation of that name. A protected espace skips it: the directory reads a funder without
 * its record as one (directoryOf), its first save writes the record, and unlinked posts show « à relier ».
 */
async function linkDirectory(tx: Transaction): Promise<void> {
  if ((await tx.table('meta').get('protection')) !== undefined) return;
  const funders = (await tx.table('funders').toArray()) as FunderRecord[];
  const partners = (await tx.table('partners').toArray()) as PartnerRecord[];
  const byId = new Map(partners.map((p) => [p.id, p]));
  await tx
    .table('partners')
    .toCollection()
    .modify((partner: PartnerRecord) => {
      if (!partner.roles || partner.roles.length === 0) partner.roles = ['partner'];
    });
  for (const funder of funders) {
    const own = byId.get(funder.id);
    if (own) await tx.table('partners').update(funder.id, { roles: withRole(own.roles ?? ['partner'], 'funder') });
    else await tx.table('partners').add(organisationFromFunder(funder));
  }
  const directory = directoryOf(live(partners), liveFunders(funders, partners));
  await tx
    .table('aidedPosts')
    .toCollection()
    .modify((post: AidedPostRecord) => {
      if (post.funderId !== undefined) return;
      const id = organisationNamed(directory, post.funder);
      if (id !== undefined) post.funderId = id;
    });
}

/** One database per association (espace). */
export const workspaceVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // The association profile: a single record whose id is ASSOCIATION_PROFILE_ID.
      association: 'id',
      // Facts about this espace itself (its id, its creation) kept beside the data for backups.
      meta: 'key',
    },
  },
  {
    // Équipe: people, their contracts, amendments to contracts, and aided posts.
    version: 2,
    stores: {
      people: 'id, lastName, deletedAt',
      contracts: 'id, personId, kind, startDate, plannedEndDate, deletedAt',
      amendments: 'id, contractId, effectiveDate, deletedAt',
      aidedPosts: 'id, contractId, scheme, aidEndDate, deletedAt',
    },
  },
  {
    // Financements: funders, grant applications, their payments, and the user's state on each deadline.
    version: 3,
    stores: {
      funders: 'id, name, kind, deletedAt',
      grantApplications: 'id, funderId, status, periodStart, deletedAt',
      payments: 'id, applicationId, expectedDate, deletedAt',
      deadlineStates: 'key',
    },
  },
  {
    // Partenaires: the directory, agreements with their parties and signed files, the document vault.
    version: 4,
    stores: {
      partners: 'id, name, kind, deletedAt',
      contacts: 'id, partnerId, deletedAt',
      agreements: 'id, kind, status, endDate, deletedAt',
      agreementParties: 'id, agreementId, partnerId, deletedAt',
      attachments: 'id, ownerId, deletedAt',
      documents: 'id, kind, validUntil, deletedAt',
    },
  },
  {
    // Journal: who changed what and when, with each record's state before the change (for undo).
    version: 5,
    stores: {
      journal: 'id, at, table, recordId, person, batch',
    },
  },
  {
    // Actions and budgets, and what the dossiers keep: the budget as it was when a dossier was produced
    // (the compte-rendu's « prévision ») and the compte-rendu financier itself.
    version: 6,
    stores: {
      projects: 'id, title, startDate, deletedAt',
      projectStaff: 'id, projectId, personId, deletedAt',
      budgets: 'id, scope, projectId, year, deletedAt',
      budgetLines: 'id, budgetId, account, grantApplicationId, deletedAt',
      dossierSnapshots: 'id, createdAt, deletedAt',
      financialReports: 'id, grantApplicationId, deletedAt',
    },
  },
  {
    // Speed: the journal page reads one page of a long journal (tens of thousands of entries) newest first,
    // filtered by kind of record or by person, straight from an index; an application's payments come in
    // expected-date order. No « live » flag: a record in the bin is absent from the deletedAt index
    // (null is not a key), the bin is small, and filtering it out in memory costs less than keeping a
    // derived flag right on every write path.
    version: 7,
    stores: {
      journal: 'id, at, table, recordId, person, batch, [table+at], [person+at]',
      payments: 'id, applicationId, expectedDate, deletedAt, [applicationId+expectedDate]',
    },
  },
  {
    // Speed (issue 17): ten years of an association hold thousands of payments, nearly all received. A
    // received payment has a receivedDate and so is in this index; one not received is not (undefined is
    // no key). The dashboard takes the difference of the two key lists — keys only, no record read — and
    // reads the few payments still expected. No derived flag to keep right on every write path.
    version: OPEN_PAYMENTS_VERSION,
    stores: {
      payments: 'id, applicationId, expectedDate, deletedAt, [applicationId+expectedDate], receivedDate',
    },
  },
  {
    // Links: an application names the actions it finances (projectIds, multi-entry index) instead of a
    // free text matched against titles. The upgrade links once what the old matching found — an action
    // whose title the application's title or « actions financées » text contains — so budgets keep the
    // suggestions they had; from then on only the link counts and the user edits it.
    version: APPLICATION_LINKS_VERSION,
    stores: {
      grantApplications: 'id, funderId, status, periodStart, deletedAt, *projectIds',
    },
    upgrade: async (tx) => {
      const projects = (await tx.table('projects').toArray()) as { id: string; title: string; deletedAt: string | null }[];
      const fold = (text: string) =>
        text
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLocaleLowerCase('fr');
      await tx
        .table('grantApplications')
        .toCollection()
        .modify((app: { title?: string; projects?: string; projectIds?: string[] }) => {
          if (Array.isArray(app.projectIds)) return;
          const text = fold(`${app.title ?? ''} ${app.projects ?? ''}`);
          app.projectIds = projects.filter((p) => p.deletedAt === null && p.title !== '' && text.includes(fold(p.title))).map((p) => p.id);
        });
    },
  },
  {
    // Absences on contracts (sick leave, occupational disease, work accident, maternity, unpaid leave): the
    // return-to-work examination (R4624-31) and the ETPT's unpaid days come from them. Only ids and the bin
    // date are indexed: the kind of an absence is health data and stays encrypted. And the association's own
    // dated figures (a new SMIC, an aid amount), added in Réglages to the shipped defaults. Two new tables
    // and no data step — nothing existing changes — so it also opens on an espace encrypted at rest.
    version: ABSENCES_VERSION,
    stores: {
      absences: 'id, contractId, deletedAt',
      yearlyFigures: 'id, deletedAt',
    },
  },
  {
    // Trésorerie: what the app cannot know — the balance read on the bank statement and the recurring
    // lines (rent, insurance). A new table, no data step, so it opens an espace encrypted at rest too.
    version: CASH_LINES_VERSION,
    stores: {
      cashLines: 'id, deletedAt',
    },
  },
  {
    // Replication (issue 20, data/sync/): per document, the revision last exchanged with the server and its
    // body (the base of the three-way merge); the records changed here and not yet handed to the engine
    // (written in the same transaction as the change, so none is missed while sync is off or the app
    // closes); and the « conflits à vérifier » the merge left for a person. New tables, no data step: it
    // runs as well on an espace encrypted at rest.
    version: SYNC_STATE_VERSION,
    stores: {
      syncState: 'docId',
      syncOutbox: 'docId',
      syncConflicts: 'id, docId',
    },
  },
  {
    // One directory (issue 19): an aided post points to the organisation that pays its aid (funderId,
    // indexed so that an organisation's page and a merge find its posts); the data step gives every funder
    // its directory record under the same id.
    version: DIRECTORY_VERSION,
    stores: {
      aidedPosts: 'id, contractId, scheme, aidEndDate, deletedAt, funderId',
    },
    upgrade: linkDirectory,
  },
];

/** Declares `versions` on a Dexie instance, optionally stopping at `upTo` (migration tests open old ones). */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[], upTo?: number): void {
  for (const entry of versions) {
    if (upTo !== undefined && entry.version > upTo) break;
    const declared = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) declared.upgrade(entry.upgrade);
  }
}

export function latestVersion(versions: readonly SchemaVersion[]): number {
  const last = versions[versions.length - 1];
  if (!last) throw new Error('A schema needs at least one version.');
  return last.version;
}

/**
 * What stays readable on disk in a protected espace (DESIGN.md decision 16): the encryption middleware
 * encrypts every other field of a record. Only what an index needs — ids, foreign keys, indexed dates,
 * and codes from a fixed list that say nothing about a person — with the reason each must stay clear.
 * Names, amounts, notes, addresses, phone numbers, e-mails and attachments are never here. A test checks
 * that every index of the latest version is either listed here or in ENCRYPTED_INDEXES.
 */
const ID = 'primary key: IndexedDB needs it in clear to store and find the record (a random UUID)';
const BIN = 'deletedAt: the bin lists records by this date (null while the record is live)';
export const CLEAR_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  association: { id: ID },
  meta: { key: 'primary key: the name of a housekeeping entry (« workspace », « protection »…)' },
  people: { id: ID, deletedAt: BIN },
  contracts: {
    id: ID,
    personId: 'foreign key: a person’s contracts are read by this index',
    kind: 'contract kind, a code from a fixed list (CDI, CDD…)',
    startDate: 'indexed date',
    plannedEndDate: 'indexed date',
    deletedAt: BIN,
  },
  amendments: { id: ID, contractId: 'foreign key: a contract’s amendments', effectiveDate: 'indexed date', deletedAt: BIN },
  absences: { id: ID, contractId: 'foreign key: a contract’s absences (their kind and dates stay encrypted)', deletedAt: BIN },
  yearlyFigures: { id: ID, deletedAt: BIN },
  aidedPosts: {
    id: ID,
    contractId: 'foreign key: the aided post of a contract',
    scheme: 'aid scheme, a code from a fixed list (PEC, adulte-relais…)',
    aidEndDate: 'indexed date',
    deletedAt: BIN,
    funderId: 'foreign key: the organisation of the directory that pays the aid (a random UUID)',
  },
  funders: { id: ID, kind: 'funder kind, a code from a fixed list', deletedAt: BIN },
  grantApplications: {
    id: ID,
    funderId: 'foreign key: a funder’s applications',
    status: 'status, a code from a fixed list (brouillon, déposée…)',
    periodStart: 'indexed date',
    deletedAt: BIN,
    projectIds: 'foreign keys: the actions an application finances (a multi-entry index read by action)',
  },
  payments: {
    id: ID,
    applicationId: 'foreign key: an application’s payments, in date order',
    expectedDate: 'indexed date',
    receivedDate: 'indexed date: the dashboard reads only the payments not yet received',
    deletedAt: BIN,
  },
  deadlineStates: { key: 'primary key: a stable key built from ids and a rule name, never from a name' },
  partners: { id: ID, kind: 'partner kind, a code from a fixed list', deletedAt: BIN },
  contacts: { id: ID, partnerId: 'foreign key: a partner’s contacts', deletedAt: BIN },
  agreements: {
    id: ID,
    kind: 'agreement kind, a code from a fixed list',
    status: 'status, a code from a fixed list',
    endDate: 'indexed date',
    deletedAt: BIN,
  },
  agreementParties: { id: ID, agreementId: 'foreign key', partnerId: 'foreign key', deletedAt: BIN },
  attachments: { id: ID, ownerId: 'foreign key: the files of an agreement or a document', deletedAt: BIN },
  documents: { id: ID, kind: 'document kind, a code from a fixed list', validUntil: 'indexed date', deletedAt: BIN },
  journal: {
    id: ID,
    at: 'indexed date and time: the journal is read newest first by page',
    table: 'the name of one of these tables: the journal filters by kind of record',
    recordId: 'foreign key: the history of one record',
    person:
      'the journal filters by person through an index; the same label is in the device registry already (« Qui utilise Passerelle ? »)',
    batch: 'id of one save: undo reverts a whole batch',
  },
  projects: { id: ID, startDate: 'indexed date', deletedAt: BIN },
  projectStaff: { id: ID, projectId: 'foreign key', personId: 'foreign key', deletedAt: BIN },
  budgets: {
    id: ID,
    scope: 'budget scope, a code from a fixed list (association, project)',
    projectId: 'foreign key',
    year: 'indexed year (a number)',
    deletedAt: BIN,
  },
  budgetLines: {
    id: ID,
    budgetId: 'foreign key',
    account: 'an account number of the plan comptable (a fixed list, no amount)',
    grantApplicationId: 'foreign key',
    deletedAt: BIN,
  },
  dossierSnapshots: { id: ID, createdAt: 'indexed date', deletedAt: BIN },
  financialReports: { id: ID, grantApplicationId: 'foreign key', deletedAt: BIN },
  cashLines: { id: ID, deletedAt: BIN },
  syncState: { docId: 'primary key: « table:id » of a replicated record, no name in it' },
  syncOutbox: { docId: 'primary key: « table:id » of a record changed here and not yet replicated' },
  syncConflicts: { id: ID, docId: 'foreign key: the replicated record a « conflit à vérifier » is about' },
};

/**
 * Indexes whose field is encrypted in a protected espace, so they stay empty there: no query reads them
 * (a test would fail on one that did), and keeping a name in clear for an unused index would defeat the
 * lock.
 */
export const ENCRYPTED_INDEXES: Readonly<Record<string, readonly string[]>> = {
  people: ['lastName'],
  funders: ['name'],
  partners: ['name'],
  projects: ['title'],
};

/** Housekeeping entries of `meta` kept whole in clear: the lock needs them before any key exists. */
export const CLEAR_META_KEYS: readonly string[] = ['protection', 'lockFailures'];

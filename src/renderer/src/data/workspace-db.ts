import { Dexie, type Table } from 'dexie';
import type { AssociationProfileRecord } from '../domain/association';
import type { AgreementPartyRecord, AgreementRecord } from '../domain/partners/agreement';
import type { AttachmentRecord } from '../domain/partners/attachment';
import type { VaultDocumentRecord } from '../domain/association/document';
import type { ContactRecord, PartnerRecord } from '../domain/partners/partner';
import type { DeadlineState } from '../domain/deadlines/engine';
import type { FunderRecord } from '../domain/funding/funder';
import type { GrantApplicationRecord } from '../domain/funding/grant-application';
import type { PaymentRecord } from '../domain/funding/payment';
import type { AidedPostRecord } from '../domain/team/aided-post';
import type { AmendmentRecord } from '../domain/team/amendment';
import type { AbsenceRecord } from '../domain/team/absence';
import type { YearlyFigureRecord } from '../domain/yearly-figures';
import type { ContractRecord } from '../domain/team/contract';
import type { PersonRecord } from '../domain/team/person';
import type { JournalEntry } from '../domain/journal/journal';
import type { BudgetLineRecord, BudgetRecord } from '../domain/budgets/budget';
import type { ProjectRecord, ProjectStaffRecord } from '../domain/projects/project';
import type { DossierSnapshotRecord } from '../domain/dossier/dossier-snapshot';
import type { FinancialReportRecord } from '../domain/dossier/financial-report';
import type { CashLineRecord } from '../domain/treasury/cash-line';
import { installEncryption, type EncryptionState } from './encryption-middleware';
import { installJournal } from './journal-middleware';
import { installOutbox, type OutboxEntry } from './sync/outbox-middleware';
import type { SyncConflictRow, SyncStateRow } from './sync/sync-rows';
import { declareVersions, workspaceVersions, type SchemaVersion } from './schema';

export function workspaceDbName(workspaceId: string): string {
  return `passerelle-ws-${workspaceId}`;
}

// One key per espace for this tab or window: every connection to the espace opened here (the app's, a
// backup's, a restore's) reads with the key while the espace is unlocked, and none once it is locked.
// Other tabs have their own memory, hence their own unlock.
const tabKeys = new Map<string, EncryptionState>();

function tabKeyOf(workspaceId: string): EncryptionState {
  let state = tabKeys.get(workspaceId);
  if (!state) {
    state = { key: null, writeClear: false };
    tabKeys.set(workspaceId, state);
  }
  return state;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One association's database. Nothing outside it can see its records (DESIGN.md decision 5). */
export class WorkspaceDb extends Dexie {
  association!: Table<AssociationProfileRecord, string>;
  meta!: Table<MetaRecord, string>;
  // Partenaires (schema version 4).
  partners!: Table<PartnerRecord, string>;
  contacts!: Table<ContactRecord, string>;
  agreements!: Table<AgreementRecord, string>;
  agreementParties!: Table<AgreementPartyRecord, string>;
  attachments!: Table<AttachmentRecord, string>;
  documents!: Table<VaultDocumentRecord, string>;
  // Financements (schema version 3).
  funders!: Table<FunderRecord, string>;
  grantApplications!: Table<GrantApplicationRecord, string>;
  payments!: Table<PaymentRecord, string>;
  deadlineStates!: Table<DeadlineState, string>;
  // Équipe (schema version 2).
  people!: Table<PersonRecord, string>;
  contracts!: Table<ContractRecord, string>;
  amendments!: Table<AmendmentRecord, string>;
  aidedPosts!: Table<AidedPostRecord, string>;
  // Journal (schema version 5): written by the journal middleware, never by repositories.
  journal!: Table<JournalEntry, string>;
  // Actions, budgets and dossiers (schema version 6).
  projects!: Table<ProjectRecord, string>;
  projectStaff!: Table<ProjectStaffRecord, string>;
  budgets!: Table<BudgetRecord, string>;
  budgetLines!: Table<BudgetLineRecord, string>;
  dossierSnapshots!: Table<DossierSnapshotRecord, string>;
  financialReports!: Table<FinancialReportRecord, string>;
  // Absences on contracts and the association's dated figures (schema version ABSENCES_VERSION).
  absences!: Table<AbsenceRecord, string>;
  yearlyFigures!: Table<YearlyFigureRecord, string>;
  cashLines!: Table<CashLineRecord, string>;
  // Replication through CouchDB (schema version SYNC_STATE_VERSION): written by data/sync/ only.
  syncState!: Table<SyncStateRow, string>;
  syncOutbox!: Table<OutboxEntry, string>;
  syncConflicts!: Table<SyncConflictRow, string>;

  readonly workspaceId: string;
  /** This opening of the espace: undo reaches only its own changes. */
  readonly sessionId: string = crypto.randomUUID();
  private person: string | null = null;
  /** Set while the espace's sync account may only read (a network's reader): user writes are refused. */
  syncReadOnly = false;
  /**
   * The data key of a protected espace while it is unlocked in this tab (data/workspace-protection.ts sets
   * it), shared by this tab's connections to the espace.
   */
  readonly encryption: EncryptionState;

  /** `encryption`: tests pass their own to stand for another tab. */
  constructor(
    workspaceId: string,
    versions: readonly SchemaVersion[] = workspaceVersions,
    upTo?: number,
    encryption: EncryptionState = tabKeyOf(workspaceId),
  ) {
    super(workspaceDbName(workspaceId));
    this.workspaceId = workspaceId;
    this.encryption = encryption;
    declareVersions(this, versions, upTo);
    installJournal(this, { session: this.sessionId, person: () => this.person, now: () => new Date() });
    installOutbox(this, { person: () => this.person, now: () => new Date(), readOnly: () => this.syncReadOnly });
    installEncryption(this, this.encryption);
  }

  /**
   * Locks the espace in this tab: the key is dropped (for every connection of this tab) and this
   * connection closed; nothing reads through it again.
   */
  lockAndClose(): void {
    this.encryption.key = null;
    this.encryption.writeClear = false;
    this.close();
  }

  /**
   * Who signs the next changes. The app passes it in from the registry (another database) rather than the
   * journal reading it there in the middle of a write.
   */
  setCurrentPerson(name: string | null): void {
    this.person = name;
  }

  get currentPerson(): string | null {
    return this.person;
  }
}

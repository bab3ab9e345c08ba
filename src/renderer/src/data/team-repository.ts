import { useLiveQuery } from 'dexie-react-hooks';
import { firstIssueMessages } from '../domain/fields';
import { absenceProblems, absenceSchema, type AbsenceRecord } from '../domain/team/absence';
import { aidedPostSchema, type AidedPostRecord } from '../domain/team/aided-post';
import { amendmentProblems, amendmentsOf, amendmentSchema, effectiveEndDate, type AmendmentRecord } from '../domain/team/amendment';
import { contractSchema, type ContractRecord } from '../domain/team/contract';
import { CONTRACT_KIND_RULES } from '../domain/team/contract-kinds';
import { contractOverlapProblems } from '../domain/team/contract-checks';
import { personSchema, type PersonRecord } from '../domain/team/person';
import type { TeamData } from '../domain/team/team-year';
import { mergeYearlyFigures } from '../domain/yearly-figures';
import type { WorkspaceDb } from './workspace-db';
import { readTables } from './read-tables';
import { binOne, prepareWrite, refOf, restoreOne, saveRow, type Target, type WriteOutcome } from './write-path';
import { live, liveTeam } from './live-records';

// People, contracts, amendments and aided posts. Every save validates with the entity's schema and the
// rules that need other records (overlaps, amendment dates); on any refusal nothing is written. Deleting
// sends to the bin (deletedAt) and can be undone; a contract's amendments and aided post follow it
// without being touched, since the domain ignores records whose contract or person is in the bin.

export type TeamTable = 'people' | 'contracts' | 'amendments' | 'aidedPosts' | 'absences';
type TeamRecord = PersonRecord | ContractRecord | AmendmentRecord | AidedPostRecord | AbsenceRecord;

/** Everything of the Équipe that is not in the bin. */
/** The tables getTeam reads, for a transaction that reads the team with other records. */
export const teamTables = (db: WorkspaceDb) => [db.people, db.contracts, db.amendments, db.aidedPosts, db.absences, db.yearlyFigures];

export async function getTeam(db: WorkspaceDb): Promise<TeamData> {
  const { yearlyFigures, ...team } = await readTables(db, 'people', 'contracts', 'amendments', 'aidedPosts', 'absences', 'yearlyFigures');
  return liveTeam({ ...team, figures: mergeYearlyFigures(live(yearlyFigures)) });
}

export async function savePerson(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<PersonRecord>> {
  const parsed = personSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const context = await prepareWrite(db, 'people', target);
  return db.transaction('rw', db.people, () => saveRow(db.people, context, parsed.data, now));
}

/** Saves a contract unless it overlaps another contract of the same person for the same job. */
export async function saveContract(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<ContractRecord>> {
  const parsed = contractSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const contract = parsed.data;
  const id = refOf(target)?.id;
  const context = await prepareWrite(db, 'contracts', target);
  return db.transaction('rw', [db.people, db.contracts, db.amendments], async (): Promise<WriteOutcome<ContractRecord>> => {
    const person = await db.people.get(contract.personId);
    if (!person || person.deletedAt !== null) return { ok: false, errors: { personId: 'Personne\u00a0: introuvable ou à la corbeille.' } };
    const others = live(await db.contracts.where('personId').equals(contract.personId).toArray()).filter((c) => c.id !== id);
    const amendments = live(
      await db.amendments
        .where('contractId')
        .anyOf(others.map((c) => c.id))
        .toArray(),
    );
    const problems = contractOverlapProblems(
      contract,
      others.map((c) => ({ contract: c, amendments: amendmentsOf(c.id, amendments) })),
    );
    if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
    return saveRow(db.contracts, context, contract, now);
  });
}

/**
 * Saves an avenant if it falls within its contract's dates. With `extendAid`, a renewal also carries the
 * contract's aided post to the new end when the aid ran until the old one (a renewed PEC gets a new aid
 * decision for the new term) — both in one transaction.
 */
export async function saveAmendment(
  db: WorkspaceDb,
  input: unknown,
  options: { id?: Target; extendAid?: boolean; now?: Date } = {},
): Promise<WriteOutcome<AmendmentRecord>> {
  const { extendAid = false, now = new Date() } = options;
  const id = refOf(options.id)?.id;
  const parsed = amendmentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const amendment = parsed.data;
  const context = await prepareWrite(db, 'amendments', options.id);
  const postContext = await prepareWrite(db, 'aidedPosts', undefined);
  return db.transaction('rw', [db.contracts, db.amendments, db.aidedPosts], async (): Promise<WriteOutcome<AmendmentRecord>> => {
    const contract = await db.contracts.get(amendment.contractId);
    if (!contract || contract.deletedAt !== null)
      return { ok: false, errors: { contractId: 'Contrat\u00a0: introuvable ou à la corbeille.' } };
    const others = live(await db.amendments.where('contractId').equals(contract.id).toArray()).filter((a) => a.id !== id);
    const problems = amendmentProblems(amendment, contract, others);
    if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
    const previousEnd = effectiveEndDate(contract, others);
    const saved = await saveRow(db.amendments, context, amendment, now);
    if (!saved.ok) return saved;
    if (extendAid && amendment.newEndDate !== undefined) {
      const post = live(await db.aidedPosts.where('contractId').equals(contract.id).toArray())[0];
      if (post && previousEnd !== undefined && post.aidEndDate <= previousEnd && post.aidEndDate < amendment.newEndDate) {
        const { id: postId, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = post;
        await saveRow(db.aidedPosts, { ...postContext, ref: { id: postId } }, { ...fields, aidEndDate: amendment.newEndDate }, now);
      }
    }
    return saved;
  });
}

/** Saves the aided post of a contract; a contract has at most one. */
export async function saveAidedPost(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<AidedPostRecord>> {
  const parsed = aidedPostSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const post = parsed.data;
  const id = refOf(target)?.id;
  const context = await prepareWrite(db, 'aidedPosts', target);
  return db.transaction('rw', [db.contracts, db.aidedPosts, db.partners, db.funders], async (): Promise<WriteOutcome<AidedPostRecord>> => {
    const contract = await db.contracts.get(post.contractId);
    if (!contract || contract.deletedAt !== null)
      return { ok: false, errors: { contractId: 'Contrat\u00a0: introuvable ou à la corbeille.' } };
    if (post.funderId !== undefined) {
      // The organisation of the directory (issue 19), or a funder not yet given its directory record.
      const organisation = (await db.partners.get(post.funderId)) ?? (await db.funders.get(post.funderId));
      if (!organisation || organisation.deletedAt !== null)
        return { ok: false, errors: { funderId: 'Financeur\u00a0: choisissez une organisation de l’annuaire.' } };
    }
    const other = live(await db.aidedPosts.where('contractId').equals(post.contractId).toArray()).find((p) => p.id !== id);
    if (other) return { ok: false, errors: { scheme: 'Dispositif\u00a0: ce contrat a déjà un poste aidé — modifiez-le.' } };
    return saveRow(db.aidedPosts, context, post, now);
  });
}

/**
 * Saves an absence if it lies within its contract's dates (avenants included) and overlaps none of the
 * contract's other absences; a service-civique engagement has none (no labour contract, no examen de reprise).
 */
export async function saveAbsence(
  db: WorkspaceDb,
  input: unknown,
  target?: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<AbsenceRecord>> {
  const parsed = absenceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: firstIssueMessages(parsed.error) };
  const absence = parsed.data;
  const id = refOf(target)?.id;
  const context = await prepareWrite(db, 'absences', target);
  return db.transaction('rw', [db.contracts, db.amendments, db.absences], async (): Promise<WriteOutcome<AbsenceRecord>> => {
    const contract = await db.contracts.get(absence.contractId);
    if (!contract || contract.deletedAt !== null)
      return { ok: false, errors: { contractId: 'Contrat\u00a0: introuvable ou à la corbeille.' } };
    if (!CONTRACT_KIND_RULES[contract.kind].employment) {
      return {
        ok: false,
        errors: {
          kind: 'Motif de l’absence\u00a0: un engagement de service civique n’est pas un contrat de travail — ses absences ne se suivent pas ici.',
        },
      };
    }
    const amendments = live(await db.amendments.where('contractId').equals(contract.id).toArray());
    const others = live(await db.absences.where('contractId').equals(contract.id).toArray()).filter((a) => a.id !== id);
    const problems = absenceProblems(
      absence,
      { startDate: contract.startDate, end: effectiveEndDate(contract, amendmentsOf(contract.id, amendments)) },
      others,
    );
    if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
    return saveRow(db.absences, context, absence, now);
  });
}

/**
 * Sends a record to the bin — refused when it changed since the page showed it (pass the `updatedAt` it
 * loaded); restoreFromBin takes it back out.
 */
export async function moveToBin(
  db: WorkspaceDb,
  table: TeamTable,
  target: Target,
  now: Date = new Date(),
): Promise<WriteOutcome<TeamRecord>> {
  return binOne(db, db.table(table), target, now);
}

export async function restoreFromBin(db: WorkspaceDb, table: TeamTable, id: string, now: Date = new Date()): Promise<void> {
  await restoreOne(db, db.table(table), id, now);
}

/** The whole Équipe out of the bin; `undefined` while loading. */
export function useTeam(db: WorkspaceDb): TeamData | undefined {
  return useLiveQuery(() => getTeam(db), [db]);
}

/** One person, `null` when missing or in the bin; `undefined` while loading. */
export function usePerson(db: WorkspaceDb, id: string): PersonRecord | null | undefined {
  return useLiveQuery(async () => {
    const person = await db.people.get(id);
    return person && person.deletedAt === null ? person : null;
  }, [db, id]);
}

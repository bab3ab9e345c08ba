import { deadlineRecordId, recordedFact, type Deadline, type RecordedFact } from '../domain/deadlines/deadline';
import { formatDateShort, type IsoDate } from '../domain/dates';
import type { AmountInput } from '../domain/fields';
import { saveGrantApplication, savePayment } from './funding-repository';
import { saveAbsence, saveContract } from './team-repository';
import type { WorkspaceDb } from './workspace-db';

// « Fait » from the dashboard, for a deadline whose fact lives in a record (RECORDED_FACTS): it writes that
// fact through the record's own repository — the payment received, the application filed, the convention
// signed, the DPAE date on the contract — so the application, the lists and the yearly summary agree with
// the dashboard. The deadline then disappears because the record no longer produces it.

export interface FactInput {
  /** The date the fact happened (typed by the user), yyyy-MM-dd. */
  date: string;
  /** For a payment: the amount received, as typed (« 1 234,56 ») or in cents once a form's schema read it. */
  amount?: AmountInput;
}

export type FactResult = { ok: true; message: string } | { ok: false; errors: Record<string, string> };

/** The French wording of each fact's dialog: its title, its date field, and the toast after it. */
export const FACT_WORDING: Record<RecordedFact, { title: string; dateLabel: string; done: string }> = {
  'payment-received': { title: 'Enregistrer la réception', dateLabel: 'Date de réception', done: 'Versement enregistré' },
  'application-filed': { title: 'Enregistrer le dépôt', dateLabel: 'Date de dépôt', done: 'Dépôt enregistré' },
  'convention-signed': {
    title: 'Enregistrer la signature',
    dateLabel: 'Date de signature de la convention',
    done: 'Signature enregistrée',
  },
  'contract-dpae': { title: 'Enregistrer la DPAE', dateLabel: 'Date de la DPAE', done: 'DPAE enregistrée' },
  'contract-medical-visit': { title: 'Enregistrer la visite', dateLabel: 'Date de la visite', done: 'Visite enregistrée' },
  'contract-opco-filing': {
    title: 'Enregistrer le dépôt à l’OPCO',
    dateLabel: 'Date du dépôt à l’OPCO',
    done: 'Dépôt à l’OPCO enregistré',
  },
  'absence-return-visit': {
    title: 'Enregistrer l’examen de reprise',
    dateLabel: 'Date de l’examen de reprise',
    done: 'Examen de reprise enregistré',
  },
};

/** A fact's date is a real date, not after today (a step cannot be recorded before it happens). */
export function factDateProblem(label: string, date: string, today: IsoDate): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    return `${label}\u00a0: date attendue au format jj/mm/aaaa.`;
  }
  if (date > today) return `${label}\u00a0: la date ne peut pas être après aujourd’hui.`;
  return null;
}

/** What the dialog pre-fills: today (the fact is usually recorded when it happens) and the expected amount. */
export async function factDefaults(db: WorkspaceDb, deadline: Deadline, today: IsoDate): Promise<{ date: string; amountCents?: number }> {
  if (recordedFact(deadline) === 'payment-received') {
    const payment = await db.payments.get(deadlineRecordId(deadline));
    return payment ? { date: today, amountCents: payment.expectedCents } : { date: today };
  }
  return { date: today };
}

export async function recordDeadlineFact(db: WorkspaceDb, deadline: Deadline, input: FactInput, today: IsoDate): Promise<FactResult> {
  const fact = recordedFact(deadline);
  if (fact === undefined) return { ok: false, errors: { date: 'Cette échéance ne s’enregistre pas dans une fiche.' } };
  const wording = FACT_WORDING[fact];
  const problem = factDateProblem(wording.dateLabel, input.date, today);
  if (problem !== null) return { ok: false, errors: { date: problem } };
  const id = deadlineRecordId(deadline);
  const done = `${wording.done} au ${formatDateShort(input.date)}.`;
  const outcome = (result: { ok: true } | { ok: false; errors: Record<string, string> }): FactResult =>
    result.ok ? { ok: true, message: done } : { ok: false, errors: result.errors };

  switch (fact) {
    case 'payment-received': {
      const payment = await db.payments.get(id);
      if (!payment || payment.deletedAt !== null) return { ok: false, errors: { date: 'Ce versement n’existe plus (corbeille ?).' } };
      // The schema reads the amount as typed (« 1 234,56 ») and names the field in its message.
      const result = await savePayment(db, { ...payment, receivedDate: input.date, receivedCents: input.amount ?? '' }, { id });
      return outcome(
        result.ok ? result : { ok: false, errors: renameErrors(result.errors, { receivedDate: 'date', receivedCents: 'amount' }) },
      );
    }
    case 'application-filed':
    case 'convention-signed': {
      const app = await db.grantApplications.get(id);
      if (!app || app.deletedAt !== null) return { ok: false, errors: { date: 'Cette demande n’existe plus (corbeille ?).' } };
      const change =
        fact === 'application-filed'
          ? { status: 'filed' as const, filedOn: input.date }
          : { status: 'agreement-signed' as const, agreementSignedOn: input.date };
      const result = await saveGrantApplication(db, { ...app, ...change }, { id });
      return outcome(
        result.ok ? result : { ok: false, errors: renameErrors(result.errors, { filedOn: 'date', agreementSignedOn: 'date' }) },
      );
    }
    case 'contract-dpae':
    case 'contract-medical-visit':
    case 'contract-opco-filing': {
      const contract = await db.contracts.get(id);
      if (!contract || contract.deletedAt !== null) return { ok: false, errors: { date: 'Ce contrat n’existe plus (corbeille ?).' } };
      const field = fact === 'contract-dpae' ? 'dpaeDate' : fact === 'contract-medical-visit' ? 'firstMedicalVisitDate' : 'opcoFilingDate';
      const result = await saveContract(db, { ...contract, [field]: input.date }, id);
      return outcome(result.ok ? result : { ok: false, errors: renameErrors(result.errors, { [field]: 'date' }) });
    }
    case 'absence-return-visit': {
      // The deadline's record id is the absence's (team-deadlines.ts): the examen's date goes on it.
      const absence = await db.absences.get(id);
      if (!absence || absence.deletedAt !== null) return { ok: false, errors: { date: 'Cette absence n’existe plus (corbeille ?).' } };
      const result = await saveAbsence(db, { ...absence, returnVisitDate: input.date }, id);
      return outcome(result.ok ? result : { ok: false, errors: renameErrors(result.errors, { returnVisitDate: 'date' }) });
    }
  }
}

/** The record's field names mapped onto the dialog's two fields; any other problem is shown under the date. */
function renameErrors(errors: Record<string, string>, names: Record<string, 'date' | 'amount'>): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const target = names[field] ?? 'date';
    renamed[target] = renamed[target] ?? message;
  }
  return renamed;
}

import { formatDateShort, type IsoDate } from '../dates';
import { amendmentsOf, effectiveEndDate } from '../team/amendment';
import { contractKindLabel, isEmployment } from '../team/contract';
import { personName } from '../team/person';
import type { TeamData } from '../team/team-year';
import { deadlineKey, type Deadline } from './deadline';
import { teamDeadlines, type TeamDeadlineOptions } from './team-deadlines';
import { groupBy } from '../group-by';

// The follow-up of a milestone that has one in law: the end of an employment contract is a moment (never
// « en retard »), but it leaves the employer three documents to hand over on the last day. From that day
// on they are obligations, and they stay until done or dismissed. A volunteer's engagement (service
// civique) is no employment contract and owes none of them.

interface EndDocument {
  rule: string;
  title: string;
  detail: string;
}

const END_DOCUMENTS: readonly EndDocument[] = [
  {
    rule: 'work-certificate',
    title: 'Certificat de travail à remettre',
    // Code du travail, art. L1234-19: « À l’expiration du contrat de travail, l’employeur délivre au
    // salarié un certificat » (dates of employment, jobs held); D1234-6 lists its content.
    detail: 'À l’expiration du contrat (art. L1234-19 du Code du travail)',
  },
  {
    rule: 'france-travail-certificate',
    title: 'Attestation France Travail à remettre',
    // Code du travail, art. R1234-9: at the expiry or termination of the contract, the employer hands over
    // the attestation that opens unemployment rights and sends it to France Travail.
    detail: 'Au moment de la fin du contrat, et transmise à France Travail (art. R1234-9 du Code du travail)',
  },
  {
    rule: 'final-settlement-receipt',
    title: 'Reçu pour solde de tout compte à établir',
    // Code du travail, art. L1234-20: the solde de tout compte lists the sums paid at the end of the
    // contract; signed by the employee, it can be challenged for 6 months.
    detail: 'Inventaire des sommes versées à la fin du contrat (art. L1234-20 du Code du travail)',
  },
];

/** The end-of-contract documents of every employment contract whose last day is today or past. */
export function endOfContractDeadlines(data: TeamData, today: IsoDate): Deadline[] {
  // Live records only: the repositories leave the bin out (data/live-records.ts).
  const team = data;
  const people = new Map(team.people.map((p) => [p.id, p]));
  const amendmentsByContract = groupBy(team.amendments, (a) => a.contractId);
  const list: Deadline[] = [];
  for (const contract of team.contracts) {
    const person = people.get(contract.personId);
    if (!person || !isEmployment(contract)) continue;
    const end = effectiveEndDate(contract, amendmentsOf(contract.id, amendmentsByContract.get(contract.id) ?? []));
    if (end === undefined || end > today) continue;
    const about = `${contractKindLabel(contract.kind)} terminé le ${formatDateShort(end)}`;
    for (const doc of END_DOCUMENTS) {
      list.push({
        key: deadlineKey('contract', contract.id, doc.rule),
        source: 'contract',
        rule: doc.rule,
        title: `${doc.title} — ${personName(person)}`,
        dueDate: end,
        target: { screen: 'person', id: person.id },
        sourceLabel: 'Équipe',
        detail: `${about} — ${doc.detail}`,
        kind: 'obligation',
      });
    }
  }
  return list;
}

/** Every staff deadline: the rules of team-deadlines.ts and the end-of-contract follow-ups. */
export function staffDeadlines(data: TeamData, today: IsoDate, options: TeamDeadlineOptions = {}): Deadline[] {
  return [...teamDeadlines(data, today, options), ...endOfContractDeadlines(data, today)];
}

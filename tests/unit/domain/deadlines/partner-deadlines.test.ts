import { describe, expect, it } from 'vitest';
import { partnerDeadlines, type PartnerDeadlineData } from '../../../../src/renderer/src/domain/deadlines/partner-deadlines';
import {
  AGREEMENT_IDS,
  FIXTURE_EXPECTED_DEADLINES,
  FIXTURE_TODAY,
  fixtureAgreementParties,
  fixtureAgreements,
  fixtureDocuments,
  fixturePartners,
} from '../../../fixtures/partners';

const network: PartnerDeadlineData = {
  agreements: fixtureAgreements,
  agreementParties: fixtureAgreementParties,
  partners: fixturePartners,
  documents: fixtureDocuments,
};

describe('partnerDeadlines on the fixture network', () => {
  it('gives the deadlines computed by hand for 24 Nov 2026', () => {
    const deadlines = partnerDeadlines(network, FIXTURE_TODAY);
    expect(deadlines.map((d) => [d.dueDate, d.title])).toEqual(FIXTURE_EXPECTED_DEADLINES);
    // The association's own pièces are shown as the Association's (their section since issue 19), and open there.
    for (const d of deadlines) expect(d.sourceLabel).toBe(d.source === 'document' ? 'Association' : 'Partenaires');
    for (const d of deadlines.filter((x) => x.source === 'document')) expect(d.target).toEqual({ screen: 'documents' });
  });

  it('links the denunciation to the agreement page with a key that names the occurrence', () => {
    const notice = partnerDeadlines(network, FIXTURE_TODAY).find(
      (d) => d.rule === 'notice-deadline' && d.source === 'agreement' && d.dueDate === '2026-11-30',
    );
    expect(notice).toMatchObject({
      key: `agreement:${AGREEMENT_IDS.schoolSupport}:notice-deadline:2026-11-30`,
      target: { screen: 'agreement', id: AGREEMENT_IDS.schoolSupport },
      detail: 'Préavis de 3\u00a0mois avant le terme du 28 févr. 2027 ; sans dénonciation, reconduction de 12\u00a0mois.',
    });
  });

  it('rolls the denunciation date forward once it has passed (the agreement was renewed)', () => {
    const dueDates = partnerDeadlines(network, '2026-12-01')
      .filter((d) => d.target.screen === 'agreement' && d.target.id === AGREEMENT_IDS.schoolSupport)
      .map((d) => d.dueDate);
    expect(dueDates).toEqual(['2027-11-30']);
  });

  // Records in the bin never get here: the repository leaves them out (tests/unit/data/bin-filtering.test.ts).
  it('ignores stopped agreements; an agreement the repository left out (binned) gives nothing', () => {
    const binned: PartnerDeadlineData = {
      ...network,
      agreements: fixtureAgreements
        .filter((a) => a.id !== AGREEMENT_IDS.cpo)
        .map((a) => (a.id === AGREEMENT_IDS.staffLoan ? { ...a, status: 'ended' as const } : a)),
      documents: fixtureDocuments.filter((d) => d.kind !== 'board-list'),
    };
    const titles = partnerDeadlines(binned, FIXTURE_TODAY).map((d) => d.title);
    expect(titles).not.toContain(FIXTURE_EXPECTED_DEADLINES[0]?.[1]);
    expect(titles.some((t) => t.includes('animatrice'))).toBe(false);
    expect(titles.some((t) => t.includes('pluriannuelle'))).toBe(false);
    expect(titles).toHaveLength(FIXTURE_EXPECTED_DEADLINES.length - 3);
  });
});

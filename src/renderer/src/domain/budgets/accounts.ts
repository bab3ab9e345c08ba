import type { FunderKind } from '../funding/funder';

// The account lines of the Cerfa budgets (DOMAIN.md §5), in the order the form prints them. A budget line
// stores the `code` of one of these; the catalogue, not the stored line, holds the French label, so a
// wording fixed here reaches every budget already entered.
//
// Codes: the Cerfa chapter (60…79, 86, 87) then, where the form splits a chapter, a dot and a short
// stable key. Line 74 is split by funder kind (DOMAIN.md §4), each a sub-line of its own.

export type BudgetSide = 'charge' | 'product' | 'contribution-use' | 'contribution-resource';

export interface BudgetAccount {
  code: string;
  /** The Cerfa chapter it belongs to: '60', '74', '86'… */
  chapter: string;
  label: string;
  side: BudgetSide;
  /** Only in project budgets (Cerfa §6): indirect charges and own resources allocated to the action. */
  projectOnly?: boolean;
  /** For the 74 sub-lines: the funder kind whose grants land there. */
  funderKind?: FunderKind;
}

export interface BudgetChapter {
  chapter: string;
  label: string;
  side: BudgetSide;
}

export const BUDGET_CHAPTERS: readonly BudgetChapter[] = [
  { chapter: '60', label: '60 – Achats', side: 'charge' },
  { chapter: '61', label: '61 – Services extérieurs', side: 'charge' },
  { chapter: '62', label: '62 – Autres services extérieurs', side: 'charge' },
  { chapter: '63', label: '63 – Impôts et taxes', side: 'charge' },
  { chapter: '64', label: '64 – Charges de personnel', side: 'charge' },
  { chapter: '65', label: '65 – Autres charges de gestion courante', side: 'charge' },
  { chapter: '66', label: '66 – Charges financières', side: 'charge' },
  { chapter: '67', label: '67 – Charges exceptionnelles', side: 'charge' },
  { chapter: '68', label: '68 – Dotation aux amortissements', side: 'charge' },
  { chapter: '69', label: '69 – Impôt sur les bénéfices', side: 'charge' },
  { chapter: 'CI', label: 'Charges indirectes affectées à l’action', side: 'charge' },
  { chapter: '70', label: '70 – Ventes de produits finis, de marchandises, prestations de services', side: 'product' },
  { chapter: '73', label: '73 – Dotations et produits de tarification', side: 'product' },
  { chapter: '74', label: '74 – Subventions d’exploitation', side: 'product' },
  { chapter: '75', label: '75 – Autres produits de gestion courante', side: 'product' },
  { chapter: '76', label: '76 – Produits financiers', side: 'product' },
  { chapter: '77', label: '77 – Produits exceptionnels', side: 'product' },
  { chapter: '78', label: '78 – Reprises sur amortissements et provisions', side: 'product' },
  { chapter: '79', label: '79 – Transferts de charges', side: 'product' },
  { chapter: 'RP', label: 'Ressources propres affectées à l’action', side: 'product' },
  { chapter: '86', label: '86 – Emplois des contributions volontaires en nature', side: 'contribution-use' },
  { chapter: '87', label: '87 – Contributions volontaires en nature', side: 'contribution-resource' },
];

const charge = (code: string, chapter: string, label: string, projectOnly?: true): BudgetAccount => ({
  code,
  chapter,
  label,
  side: 'charge',
  ...(projectOnly ? { projectOnly } : {}),
});
const product = (code: string, chapter: string, label: string, extra: Partial<BudgetAccount> = {}): BudgetAccount => ({
  code,
  chapter,
  label,
  side: 'product',
  ...extra,
});

export const BUDGET_ACCOUNTS: readonly BudgetAccount[] = [
  charge('60.services', '60', 'Prestations de services'),
  charge('60.supplies', '60', 'Achats matières et fournitures'),
  charge('60.other', '60', 'Autres fournitures'),
  charge('61.rent', '61', 'Locations'),
  charge('61.maintenance', '61', 'Entretien et réparation'),
  charge('61.insurance', '61', 'Assurance'),
  charge('61.documentation', '61', 'Documentation'),
  charge('62.fees', '62', 'Rémunérations intermédiaires et honoraires'),
  charge('62.advertising', '62', 'Publicité, publication'),
  charge('62.travel', '62', 'Déplacements, missions'),
  charge('62.bank', '62', 'Services bancaires, autres'),
  charge('63.payroll', '63', 'Impôts et taxes sur rémunération'),
  charge('63.other', '63', 'Autres impôts et taxes'),
  charge('64.salaries', '64', 'Rémunération des personnels'),
  charge('64.social', '64', 'Charges sociales'),
  charge('64.other', '64', 'Autres charges de personnel'),
  charge('65', '65', 'Autres charges de gestion courante'),
  charge('66', '66', 'Charges financières'),
  charge('67', '67', 'Charges exceptionnelles'),
  charge('68', '68', 'Dotation aux amortissements'),
  charge('69', '69', 'Impôt sur les bénéfices (IS), participation des salariés'),
  charge('CI.fixed', 'CI', 'Charges fixes de fonctionnement', true),
  charge('CI.financial', 'CI', 'Frais financiers', true),
  charge('CI.other', 'CI', 'Autres', true),
  product('70', '70', 'Ventes de produits finis, de marchandises, prestations de services'),
  product('73', '73', 'Dotations et produits de tarification'),
  product('74.state', '74', 'État (préciser le ou les ministères, directions ou services sollicités)', { funderKind: 'state' }),
  product('74.region', '74', 'Région(s)', { funderKind: 'region' }),
  product('74.department', '74', 'Département(s)', { funderKind: 'department' }),
  product('74.intercommunality', '74', 'Intercommunalité(s) : EPCI', { funderKind: 'intercommunality' }),
  product('74.municipality', '74', 'Commune(s)', { funderKind: 'municipality' }),
  product('74.social-bodies', '74', 'Organismes sociaux (CAF, etc. — détailler)', { funderKind: 'social-bodies' }),
  product('74.european-funds', '74', 'Fonds européens (FSE, FEDER, etc.)', { funderKind: 'european-funds' }),
  product('74.asp', '74', 'L’agence de services et de paiement (emplois aidés)', { funderKind: 'asp' }),
  product('74.private', '74', 'Aides privées (fondations)', { funderKind: 'private' }),
  product('74.other-public', '74', 'Autres établissements publics', { funderKind: 'other-public' }),
  product('75.fees', '75', '756 – Cotisations'),
  product('75.donations', '75', '758 – Dons manuels, mécénat'),
  product('75.other', '75', 'Autres produits de gestion courante'),
  product('76', '76', 'Produits financiers'),
  product('77', '77', 'Produits exceptionnels'),
  product('78', '78', 'Reprises sur amortissements et provisions'),
  product('79', '79', 'Transferts de charges'),
  product('RP', 'RP', 'Ressources propres affectées à l’action', { projectOnly: true }),
  { code: '860', chapter: '86', label: '860 – Secours en nature', side: 'contribution-use' },
  { code: '861', chapter: '86', label: '861 – Mise à disposition gratuite de biens et services', side: 'contribution-use' },
  { code: '862', chapter: '86', label: '862 – Prestations', side: 'contribution-use' },
  { code: '864', chapter: '86', label: '864 – Personnel bénévole', side: 'contribution-use' },
  { code: '870', chapter: '87', label: '870 – Bénévolat', side: 'contribution-resource' },
  { code: '871', chapter: '87', label: '871 – Prestations en nature', side: 'contribution-resource' },
  { code: '875', chapter: '87', label: '875 – Dons en nature', side: 'contribution-resource' },
];

export type AccountCode = string;

const BY_CODE = new Map(BUDGET_ACCOUNTS.map((account) => [account.code, account]));

export function budgetAccount(code: AccountCode): BudgetAccount | undefined {
  return BY_CODE.get(code);
}

export function isBudgetAccountCode(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * Whether a line is a grant: chapter 74 « Subventions d'exploitation » of the Cerfa budget (DOMAIN.md §4),
 * the only chapter a line linked to a grant application may sit in and the one §7 and the compte-rendu sum.
 */
export function isGrantAccount(code: AccountCode): boolean {
  return budgetAccount(code)?.chapter === '74';
}

/** The 74 sub-line where a funder of this kind lands. */
export function grantAccountFor(kind: FunderKind): AccountCode {
  return `74.${kind}`;
}

export type BudgetScope = 'association' | 'project';

/** The accounts a budget of this scope may use (the action-only lines stay out of the association's). */
export function accountsForScope(scope: BudgetScope): readonly BudgetAccount[] {
  return scope === 'project' ? BUDGET_ACCOUNTS : BUDGET_ACCOUNTS.filter((account) => !account.projectOnly);
}

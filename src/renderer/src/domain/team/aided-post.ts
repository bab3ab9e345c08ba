import { z } from 'zod';
import { fieldMessage, isoDateField, optionalText, withCrossFieldRules } from '../fields';
import type { RecordStamps } from '../record';
import { amountField } from '../fields';
import { centsToEurosText } from '../money';
import { monthsField, numberToInput, optionalWeeklyHoursField, percentField } from './team-fields';
import { fieldIssue } from '../field-issue';

// A subsidised post attached to a contract. Amounts and rates change every year and by region: they are
// stored on each post as the coordinator reads them on the decision, never as constants (DOMAIN.md §3).

export const AID_SCHEMES = [
  { value: 'pec', label: 'PEC (Parcours emploi compétences)' },
  { value: 'adulte-relais', label: 'Adulte-relais' },
  { value: 'fonjep', label: 'Poste FONJEP' },
  { value: 'regional', label: 'Emploi aidé par la région' },
  { value: 'other', label: 'Autre aide à l’emploi' },
] as const;

export type AidScheme = (typeof AID_SCHEMES)[number]['value'];

export const AID_MODES = [
  { value: 'annual', label: 'Montant annuel' },
  { value: 'smic-rate', label: 'Taux du SMIC horaire' },
] as const;

export const PAYMENT_RHYTHMS = [
  { value: 'monthly', label: 'Mensuel' },
  { value: 'quarterly', label: 'Trimestriel' },
  { value: 'yearly', label: 'Annuel' },
  { value: 'other', label: 'Autre' },
] as const;

export const DEFAULT_RENEWAL_LEAD_MONTHS = 2;

/**
 * The default lead time of the renewal request, by scheme: a FONJEP post is renewed after an evaluation held
 * at the latest 6 months before the end of its 3-year period (FONJEP rules, DOMAIN.md §3); 2 months otherwise.
 */
export function defaultRenewalLeadMonths(scheme: AidScheme): number {
  return scheme === 'fonjep' ? 6 : DEFAULT_RENEWAL_LEAD_MONTHS;
}

const receiptSchema = z.object({
  date: isoDateField('Date de réception'),
  amountCents: amountField('Montant reçu', { optional: true }).refine((v) => v !== undefined, {
    error: fieldMessage('Montant reçu', 'champ obligatoire.'),
  }),
});

export const aidedPostSchema = withCrossFieldRules(
  z.object({
    contractId: z.string().min(1, { error: 'Contrat : champ obligatoire.' }),
    scheme: z.enum(['pec', 'adulte-relais', 'fonjep', 'regional', 'other'], { error: 'Dispositif : choisissez-en un.' }),
    schemeDetail: optionalText('Précision sur le dispositif', 150),
    conventionNumber: optionalText('Numéro de convention', 60),
    // The organisation of the directory that pays the aid (issue 19); `funder` keeps its name for the
    // labels, or the free text of a post written before the directory, shown « à relier ».
    funderId: optionalText('Financeur', 100),
    funder: optionalText('Financeur', 150),
    aidStartDate: isoDateField('Début de l’aide'),
    aidEndDate: isoDateField('Fin de l’aide'),
    aidMode: z.enum(['annual', 'smic-rate']).default('annual'),
    annualAidCents: amountField('Montant annuel de l’aide', { optional: true }),
    smicRatePercent: percentField('Taux de prise en charge', { optional: true }) as unknown as z.ZodOptional<
      z.ZodType<number | undefined, number | string>
    >,
    smicHourlyCents: amountField('SMIC horaire brut retenu', { optional: true }),
    aidedWeeklyHours: optionalWeeklyHoursField('Heures hebdomadaires prises en charge'),
    paymentRhythm: z.enum(['monthly', 'quarterly', 'yearly', 'other']).default('monthly'),
    renewalLeadMonths: monthsField('Délai de la demande de renouvellement', 12),
    receipts: z.array(receiptSchema).max(200).default([]),
  }),
  (p, ctx) => {
    const require = (path: string, label: string, value: unknown) => {
      if (value === undefined) fieldIssue(ctx, path, label, 'champ obligatoire pour ce mode de calcul.');
    };
    if (p.aidEndDate !== undefined && p.aidStartDate !== undefined && p.aidEndDate < p.aidStartDate) {
      fieldIssue(ctx, 'aidEndDate', 'Fin de l’aide', 'ne peut pas être avant le début de l’aide.');
    }
    // An adulte-relais or FONJEP post without its own amount follows the dated amount (yearly-figures.ts),
    // a post at a rate of the SMIC without its own SMIC the SMIC in force each month.
    if (p.aidMode === 'annual' && p.scheme !== 'adulte-relais' && p.scheme !== 'fonjep')
      require('annualAidCents', 'Montant annuel de l’aide', p.annualAidCents);
    else if (p.aidMode === 'smic-rate') {
      require('smicRatePercent', 'Taux de prise en charge', p.smicRatePercent);
      require('aidedWeeklyHours', 'Heures hebdomadaires prises en charge', p.aidedWeeklyHours);
    }
  },
);

export type AidedPost = z.output<typeof aidedPostSchema>;
export type AidedPostInput = z.input<typeof aidedPostSchema>;
export type AidedPostRecord = RecordStamps & AidedPost;

export function aidSchemeLabel(scheme: AidScheme): string {
  return AID_SCHEMES.find((s) => s.value === scheme)?.label ?? scheme;
}

export interface AidedPostFormValues {
  contractId: string;
  scheme: AidScheme;
  schemeDetail: string;
  conventionNumber: string;
  funderId: string;
  funder: string;
  aidStartDate: string;
  aidEndDate: string;
  aidMode: 'annual' | 'smic-rate';
  annualAidCents: string;
  smicRatePercent: string;
  smicHourlyCents: string;
  aidedWeeklyHours: string;
  paymentRhythm: 'monthly' | 'quarterly' | 'yearly' | 'other';
  renewalLeadMonths: string;
  receipts: Array<{ date: string; amountCents: string }>;
}

export function aidedPostFormValues(contractId: string, post?: AidedPost, defaults?: Partial<AidedPostFormValues>): AidedPostFormValues {
  return {
    contractId,
    scheme: post?.scheme ?? 'pec',
    schemeDetail: post?.schemeDetail ?? '',
    conventionNumber: post?.conventionNumber ?? '',
    funderId: post?.funderId ?? '',
    funder: post?.funder ?? '',
    aidStartDate: post?.aidStartDate ?? '',
    aidEndDate: post?.aidEndDate ?? '',
    aidMode: post?.aidMode ?? 'annual',
    annualAidCents: centsToEurosText(post?.annualAidCents),
    smicRatePercent: numberToInput(post?.smicRatePercent),
    smicHourlyCents: centsToEurosText(post?.smicHourlyCents),
    aidedWeeklyHours: numberToInput(post?.aidedWeeklyHours),
    paymentRhythm: post?.paymentRhythm ?? 'monthly',
    renewalLeadMonths: String(post?.renewalLeadMonths ?? defaultRenewalLeadMonths(defaults?.scheme ?? post?.scheme ?? 'pec')),
    receipts: (post?.receipts ?? []).map((r) => ({ date: r.date, amountCents: centsToEurosText(r.amountCents) })),
    ...defaults,
  };
}

/**
 * The monthly aid of a post paid at a rate of the SMIC: rate × hourly SMIC × hours per week × 52 ÷ 12,
 * in cents (not rounded: callers round once, on a year's total).
 */
export function monthlySmicAidCents(post: Pick<AidedPost, 'smicRatePercent' | 'smicHourlyCents' | 'aidedWeeklyHours'>): number {
  return (((post.smicRatePercent ?? 0) / 100) * (post.smicHourlyCents ?? 0) * (post.aidedWeeklyHours ?? 0) * 52) / 12;
}

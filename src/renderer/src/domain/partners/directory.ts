import type { FunderKind, FunderRecord } from '../funding/funder';
import { normalizeIdentifier } from '../identifiers';
import type { PartnerKind, PartnerRecord, PublicSubKind } from './partner';

// One directory (issue 19): an organisation of the partners table is the record that applications,
// agreements and aided posts point to. Being a funder is a role: the financeur facts (its Cerfa line 74
// kind, its portal, its service) live in the funders table under the *same id* as the organisation. That
// keeps every existing grantApplications.funderId, every replicated document id (« funders:<id> ») and every
// reader of the funders table valid, while the name, the SIRET, the contacts and the links belong to one
// record.

export const ORGANISATION_ROLES = [
  { value: 'funder', label: 'Financeur' },
  { value: 'partner', label: 'Partenaire' },
] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number]['value'];

/** Records written before the directory have no roles: they were partners. */
export function rolesOf(organisation: Pick<PartnerRecord, 'roles'>): OrganisationRole[] {
  return organisation.roles && organisation.roles.length > 0 ? organisation.roles : ['partner'];
}

/** « Financeur et partenaire », « Financeur », « Partenaire ». */
export function describeRoles(roles: readonly OrganisationRole[]): string {
  const funder = roles.includes('funder');
  const partner = roles.includes('partner');
  return funder && partner ? 'Financeur et partenaire' : funder ? 'Financeur' : 'Partenaire';
}

export function withRole(roles: readonly OrganisationRole[] | undefined, role: OrganisationRole): OrganisationRole[] {
  const all = new Set<OrganisationRole>([...(roles ?? []), role]);
  return ORGANISATION_ROLES.map((r) => r.value).filter((r) => all.has(r));
}

// The directory kind of an organisation first known as a funder: a commune is a mairie, the State's
// services a préfecture, a foundation a foundation; every other public funder is « autre acteur public ».
const KIND_OF_FUNDER: Record<FunderKind, { kind: PartnerKind; publicSubKind?: PublicSubKind }> = {
  state: { kind: 'public', publicSubKind: 'prefecture' },
  region: { kind: 'public', publicSubKind: 'other-public' },
  department: { kind: 'public', publicSubKind: 'other-public' },
  intercommunality: { kind: 'public', publicSubKind: 'other-public' },
  municipality: { kind: 'public', publicSubKind: 'mairie' },
  'social-bodies': { kind: 'public', publicSubKind: 'other-public' },
  'european-funds': { kind: 'public', publicSubKind: 'other-public' },
  asp: { kind: 'public', publicSubKind: 'other-public' },
  private: { kind: 'foundation' },
  'other-public': { kind: 'public', publicSubKind: 'other-public' },
};

/**
 * The funder kind of a partner that starts funding (a grant addressed to it): a mairie is a commune, a
 * préfecture the State, a foundation, a company or an association private money (Cerfa line 74: « aides
 * privées »), any other public actor « autres établissements publics ». Editable in Financeurs.
 */
export function funderKindOf(organisation: Pick<PartnerRecord, 'kind' | 'publicSubKind'>): FunderKind {
  if (organisation.kind !== 'public') return 'private';
  if (organisation.publicSubKind === 'mairie') return 'municipality';
  if (organisation.publicSubKind === 'prefecture') return 'state';
  return 'other-public';
}

/** The directory record of a funder that has none yet: same id, same stamps, the funder role. */
export function organisationFromFunder(funder: FunderRecord, siret?: string): PartnerRecord {
  const { kind, publicSubKind } = KIND_OF_FUNDER[funder.kind];
  return {
    id: funder.id,
    createdAt: funder.createdAt,
    updatedAt: funder.updatedAt,
    deletedAt: funder.deletedAt,
    name: funder.name,
    kind,
    ...(publicSubKind ? { publicSubKind } : {}),
    federated: false,
    charterSignatory: false,
    ...(siret ? { siret } : {}),
    tags: [],
    roles: ['funder'],
  };
}

/**
 * The directory: every organisation, plus the funders still without their record (an espace encrypted at
 * rest upgraded before it was unlocked, an old backup restored): shown as one. Both lists come out of the
 * bin (data/live-records.ts: liveFunders, issue 21).
 */
export function directoryOf(partners: readonly PartnerRecord[], funders: readonly FunderRecord[]): PartnerRecord[] {
  const known = new Set(partners.map((p) => p.id));
  return [...partners, ...funders.filter((f) => !known.has(f.id)).map((f) => organisationFromFunder(f))].sort((a, b) =>
    a.name.localeCompare(b.name, 'fr'),
  );
}

// ——— Likely duplicates ———

/** « 123 456 789 00012 » and « 12345678900012 » are the same SIRET. */
export function siretKey(siret: string | undefined): string | undefined {
  if (siret === undefined) return undefined;
  const key = normalizeIdentifier(siret);
  return key === '' ? undefined : key;
}

/** Accents, case, punctuation and spacing do not tell two names apart. */
export function nameKey(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase('fr')
      // « A.S.P. » is « ASP »; other punctuation separates words.
      .replace(/\./g, '')
      .replace(/[’'`\-–—,;:()/«»"]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

// « Ville de Saint-Denis », « Mairie de Saint-Denis » and « Commune de Saint-Denis » usually name the same
// collectivité — but not always (a ville's CCAS, a mairie annexe): proposed, never ticked for the user.
const MUNICIPAL_PREFIX = /^(ville|mairie|commune)( d[eu]| des| d)? /;

function municipalityKey(name: string): string | undefined {
  const key = nameKey(name);
  return MUNICIPAL_PREFIX.test(key) ? key.replace(MUNICIPAL_PREFIX, '') : undefined;
}

export type DuplicateReason = 'siret' | 'name' | 'municipality';

export interface DuplicateProposal {
  /** The record that stays: the one with a SIRET, else the older one. */
  keep: PartnerRecord;
  /** The record merged into it and sent to the bin. */
  merge: PartnerRecord;
  reason: DuplicateReason;
  /** Ticked on the confirmation screen: same SIRET or same name; a « Ville de » / « Mairie de » pair is not. */
  suggested: boolean;
}

export function duplicateReasonLabel(reason: DuplicateReason): string {
  return reason === 'siret' ? 'même SIRET' : reason === 'name' ? 'même nom' : 'même commune, nommée autrement';
}

function keepFirst(a: PartnerRecord, b: PartnerRecord): [PartnerRecord, PartnerRecord] {
  const aSiret = siretKey(a.siret) !== undefined;
  const bSiret = siretKey(b.siret) !== undefined;
  if (aSiret !== bSiret) return aSiret ? [a, b] : [b, a];
  return a.createdAt.localeCompare(b.createdAt) <= 0 ? [a, b] : [b, a];
}

/**
 * Pairs of organisations (of the directory, out of the bin) that are likely one: same SIRET first, then the same name once accents and
 * case are set aside, then a commune named « Ville de » here and « Mairie de » there. Two different SIRETs
 * are two organisations, whatever their names.
 */
export function findDuplicates(directory: readonly PartnerRecord[]): DuplicateProposal[] {
  const proposals: DuplicateProposal[] = [];
  for (let i = 0; i < directory.length; i += 1) {
    for (let j = i + 1; j < directory.length; j += 1) {
      const a = directory[i]!;
      const b = directory[j]!;
      const aSiret = siretKey(a.siret);
      const bSiret = siretKey(b.siret);
      let reason: DuplicateReason | undefined;
      if (aSiret !== undefined && aSiret === bSiret) reason = 'siret';
      else if (aSiret !== undefined && bSiret !== undefined) reason = undefined;
      else if (nameKey(a.name) === nameKey(b.name)) reason = 'name';
      else {
        const aTown = municipalityKey(a.name);
        if (aTown !== undefined && aTown === municipalityKey(b.name)) reason = 'municipality';
      }
      if (reason === undefined) continue;
      const [keep, merge] = keepFirst(a, b);
      proposals.push({ keep, merge, reason, suggested: reason !== 'municipality' });
    }
  }
  const rank: Record<DuplicateReason, number> = { siret: 0, name: 1, municipality: 2 };
  return proposals.sort((x, y) => rank[x.reason] - rank[y.reason] || x.keep.name.localeCompare(y.keep.name, 'fr'));
}

/** The organisation an aided post's free-text funder names, when exactly one has that name. */
export function organisationNamed(directory: readonly Pick<PartnerRecord, 'id' | 'name'>[], text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const key = nameKey(text);
  const found = directory.filter((o) => nameKey(o.name) === key);
  return found.length === 1 ? found[0]!.id : undefined;
}

/**
 * The kept record after a merge: its own facts win, the merged one fills what it lacks, roles and tags add
 * up. Returns the fields to save (without stamps).
 */
export function mergedOrganisation(
  keep: PartnerRecord,
  merge: PartnerRecord,
): Omit<PartnerRecord, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'> {
  const { id: _k, createdAt: _c, updatedAt: _u, deletedAt: _d, ...kept } = keep;
  const { id: _m, createdAt: _mc, updatedAt: _mu, deletedAt: _md, ...merged } = merge;
  const filled: Record<string, unknown> = { ...kept };
  for (const [field, value] of Object.entries(merged)) {
    if (filled[field] === undefined || filled[field] === '') filled[field] = value;
  }
  const tags = [...keep.tags];
  for (const tag of merge.tags) if (!tags.some((t) => t.toLocaleLowerCase('fr') === tag.toLocaleLowerCase('fr'))) tags.push(tag);
  const roles = rolesOf(merge).reduce<OrganisationRole[]>((all, role) => withRole(all, role), rolesOf(keep));
  const notes = [keep.notes, merge.notes].filter((n): n is string => n !== undefined && n !== '');
  return {
    ...(filled as Omit<PartnerRecord, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>),
    tags,
    roles,
    ...(notes.length > 0 ? { notes: [...new Set(notes)].join('\n\n') } : {}),
  };
}

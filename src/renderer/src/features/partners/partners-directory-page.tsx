import { useMemo } from 'react';
import { Link } from 'wouter';
import { useDuplicates } from '../../data/directory-repository';
import { usePartners } from '../../data/partners-repository';
import { ORGANISATION_ROLES, describeRoles, rolesOf } from '../../domain/partners/directory';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { PARTNER_KINDS, describePartnerKind, matchesPartnerSearch, type PartnerRecord } from '../../domain/partners/partner';
import { SelectField, TextField } from '../../ui/field';
import { ExportMenu } from '../../ui/export-menu';
import { Page } from '../../ui/page';
import { partnersSheet, saveSheet } from './partners-export';
import { PartnersTabs } from './partners-tabs';
import { useRememberedState } from '../../ui/remembered-state';
import { SortableTable, type Column } from '../../ui/sortable-table';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { ButtonLink } from '../../ui/list-pieces';

const COLUMNS: Column<PartnerRecord>[] = [
  {
    key: 'name',
    label: 'Nom',
    sortValue: (p) => p.name,
    render: (p) => <Link href={pathTo({ screen: 'partner', id: p.id })}>{p.name}</Link>,
  },
  { key: 'roles', label: 'Rôle', sortValue: (p) => describeRoles(rolesOf(p)), render: (p) => describeRoles(rolesOf(p)) },
  { key: 'kind', label: 'Type', sortValue: (p) => describePartnerKind(p), render: (p) => describePartnerKind(p) },
  { key: 'city', label: 'Commune', sortValue: (p) => p.city ?? '', render: (p) => p.city ?? '' },
  {
    key: 'tags',
    label: 'Étiquettes',
    render: (p) => (
      <span className="tag-list">
        {p.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </span>
    ),
  },
];

export function PartnersDirectoryPage() {
  const { db, record } = useCurrentWorkspace();
  const partners = usePartners(db);
  const [search, setSearch] = useRememberedState(`${record.id}:partners:search`, '');
  const [kind, setKind] = useRememberedState(`${record.id}:partners:kind`, '');
  const [tag, setTag] = useRememberedState(`${record.id}:partners:tag`, '');
  const [role, setRole] = useRememberedState(`${record.id}:partners:role`, '');
  const duplicates = useDuplicates(db);

  const tags = useMemo(() => [...new Set((partners ?? []).flatMap((p) => p.tags))].sort((a, b) => a.localeCompare(b, 'fr')), [partners]);
  const shown = useMemo(
    () =>
      (partners ?? []).filter(
        (p) =>
          (kind === '' || p.kind === kind) &&
          (role === '' || rolesOf(p).includes(role as 'funder' | 'partner')) &&
          (tag === '' || p.tags.includes(tag)) &&
          matchesPartnerSearch(p, search),
      ),
    [partners, kind, role, tag, search],
  );

  return (
    <Page
      title="Partenaires"
      action={
        <ButtonLink to={{ screen: 'new-partner' }} primary>
          Nouveau partenaire
        </ButtonLink>
      }
    >
      <PartnersTabs />
      {duplicates !== undefined && duplicates.length > 0 ? (
        <p className="warning" role="status">
          {duplicates.length === 1
            ? 'Deux fiches de l’annuaire semblent désigner la même organisation.'
            : `${duplicates.length} paires de fiches de l’annuaire semblent désigner la même organisation.`}{' '}
          <Link href={pathTo({ screen: 'directory-duplicates' })}>Vérifier les doublons</Link>
        </p>
      ) : null}
      {partners === undefined ? (
        <Loading />
      ) : partners.length === 0 ? (
        <EmptyState>
          <p>
            L’annuaire rassemble le réseau de l’association : financeurs, autres associations, mairie, délégué du préfet, bailleur, centre
            social, établissements scolaires, entreprises et fondations — avec leurs contacts, leurs subventions et les conventions signées
            avec eux.
          </p>
          <ButtonLink to={{ screen: 'new-partner' }} primary>
            Ajouter un premier partenaire
          </ButtonLink>
        </EmptyState>
      ) : (
        <>
          <div className="filters" role="search" aria-label="Filtrer les partenaires">
            <TextField
              label="Rechercher"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Nom, commune, étiquette…"
            />
            <SelectField
              label="Rôle"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              options={[{ value: '', label: 'Tous les rôles' }, ...ORGANISATION_ROLES]}
            />
            <SelectField
              label="Type"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              options={[{ value: '', label: 'Tous les types' }, ...PARTNER_KINDS]}
            />
            <SelectField
              label="Étiquette"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              options={[{ value: '', label: 'Toutes les étiquettes' }, ...tags.map((t) => ({ value: t, label: t }))]}
            />
          </div>
          <p className="muted" role="status">
            {shown.length === partners.length
              ? `${partners.length} partenaire${partners.length > 1 ? 's' : ''}`
              : `${shown.length} sur ${partners.length} partenaires`}
          </p>
          <ExportMenu what="les partenaires" onExport={(format) => saveSheet(format, partnersSheet(shown))} />
          {shown.length === 0 ? (
            <p>Aucun partenaire ne correspond à ces critères.</p>
          ) : (
            <SortableTable caption="Partenaires" rows={shown} columns={COLUMNS} rowKey={(p) => p.id} />
          )}
        </>
      )}
    </Page>
  );
}

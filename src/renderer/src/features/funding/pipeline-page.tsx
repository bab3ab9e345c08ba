import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useFundingData } from '../../data/funding-repository';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { formatDateShort, todayIso } from '../../domain/dates';
import {
  GRANT_STATUSES,
  grantedAboveRequested,
  needsConvention,
  type GrantApplicationRecord,
  type GrantStatus,
} from '../../domain/funding/grant-application';
import { isPaymentOverdue, overpaidCents, paidCents } from '../../domain/funding/payment';
import { formatCents } from '../../domain/money';
import { ExportMenu } from '../../ui/export-menu';
import { Page } from '../../ui/page';
import { LongTableBody, longTableProps } from '../../ui/long-table-body';
import { applicationsSheet, saveSheet } from './funding-export';
import { FundingTabs } from './funding-tabs';
import { StatusBadge } from './status-badge';
import { SortableHeader, useSort } from '../../ui/sortable';
import { EmptyState, Loading } from '../../ui/loading-state';
import { pathTo } from '../../ui/paths';
import { SearchBox } from '../../ui/list-pieces';
import { groupBy } from '../../domain/group-by';

type Column = 'funder' | 'title' | 'period' | 'status' | 'requested' | 'granted' | 'paid';

interface Row {
  app: GrantApplicationRecord;
  funderName: string;
  paid: number;
  late: boolean;
}

// Filters survive moving to an application and back (DESIGN.md, The screens) for the whole session.
const remembered: { status: GrantStatus | 'all'; search: string } = { status: 'all', search: '' };

export function PipelinePage() {
  const { db } = useCurrentWorkspace();
  const data = useFundingData(db);
  const [, navigate] = useLocation();
  const [status, setStatusState] = useState(remembered.status);
  const [search, setSearchState] = useState(remembered.search);
  const setStatus = (s: GrantStatus | 'all') => setStatusState((remembered.status = s));
  const setSearch = (s: string) => setSearchState((remembered.search = s));
  const today = todayIso();

  const rows = useMemo<Row[]>(() => {
    if (!data) return [];
    const names = new Map(data.funders.map((f) => [f.id, f.name]));
    // Payments grouped once: filtering them all for each application was quadratic (1 500 × 6 000).
    const paymentsOf = groupBy(data.payments, (p) => p.applicationId);
    return data.applications.map((app) => {
      const own = paymentsOf.get(app.id) ?? [];
      return {
        app,
        funderName: names.get(app.funderId) ?? 'Financeur supprimé',
        paid: paidCents(own),
        late: own.some((p) => isPaymentOverdue(p, today)),
      };
    });
  }, [data, today]);

  // Memoised: the long list redraws on every scroll step, which must not filter and sort again.
  const counts = useMemo(() => {
    const byStatus = new Map<GrantStatus, number>();
    for (const r of rows) byStatus.set(r.app.status, (byStatus.get(r.app.status) ?? 0) + 1);
    return byStatus;
  }, [rows]);
  const countByStatus = (s: GrantStatus) => counts.get(s) ?? 0;
  const filtered = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('fr');
    return rows.filter(
      (r) =>
        (status === 'all' || r.app.status === status) &&
        `${r.funderName} ${r.app.title} ${r.app.dauphinRef ?? ''}`.toLocaleLowerCase('fr').includes(needle),
    );
  }, [rows, status, search]);
  const valueOf = useMemo(
    () =>
      (r: Row, key: Column): string | number => {
        switch (key) {
          case 'funder':
            return r.funderName;
          case 'title':
            return r.app.title;
          case 'period':
            return r.app.periodStart;
          case 'status':
            return GRANT_STATUSES.findIndex((s) => s.value === r.app.status);
          case 'requested':
            return r.app.requestedCents;
          case 'granted':
            return r.app.grantedCents ?? -1;
          case 'paid':
            return r.paid;
        }
      },
    [],
  );
  const { sorted, sort, toggle } = useSort<Row, Column>(filtered, { key: 'period', direction: 'descending' }, valueOf);
  const long = longTableProps(sorted.length);

  const newAction = (
    <button type="button" className="button button--primary" onClick={() => navigate(pathTo({ screen: 'new-application' }))}>
      Nouvelle demande
    </button>
  );

  return (
    <Page title="Financements" action={newAction}>
      <FundingTabs />
      {data === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title="Aucune demande de subvention">
          <p>
            Suivez ici chaque demande — de la préparation au compte-rendu financier — avec ses montants demandé, accordé, conventionné et
            versé, et ses tranches. Les dates limites et les versements attendus apparaissent dans le tableau de bord.
          </p>
          {data.funders.length === 0 ? (
            <p>
              Commencez par <Link href={pathTo({ screen: 'funders' })}>l’annuaire des financeurs</Link>, ou créez le financeur depuis la
              demande.
            </p>
          ) : null}
          {newAction}
        </EmptyState>
      ) : (
        <>
          <div className="pipeline" role="group" aria-label="Filtrer par statut">
            <button type="button" className="pipeline__step" aria-pressed={status === 'all'} onClick={() => setStatus('all')}>
              <span className="pipeline__count">{rows.length}</span> Toutes
            </button>
            {GRANT_STATUSES.map((s) => (
              <button
                key={s.value}
                type="button"
                className={`pipeline__step pipeline__step--${s.value}`}
                aria-pressed={status === s.value}
                onClick={() => setStatus(s.value)}
              >
                <span className="pipeline__count">{countByStatus(s.value)}</span> {s.label}
              </button>
            ))}
          </div>
          <div className="toolbar">
            <SearchBox label="Rechercher une demande" value={search} onChange={setSearch} />
            <ExportMenu what="les demandes" onExport={(format) => saveSheet(format, applicationsSheet(sorted))} />
          </div>
          <table className="data-table" {...long.table}>
            <caption className="visually-hidden">Demandes de subvention</caption>
            <thead>
              <tr {...long.headerRow}>
                <SortableHeader label="Financeur" column="funder" sort={sort} onSort={toggle} />
                <SortableHeader label="Dispositif" column="title" sort={sort} onSort={toggle} />
                <SortableHeader label="Période" column="period" sort={sort} onSort={toggle} />
                <SortableHeader label="Statut" column="status" sort={sort} onSort={toggle} />
                <SortableHeader label="Demandé" column="requested" sort={sort} onSort={toggle} numeric />
                <SortableHeader label="Accordé" column="granted" sort={sort} onSort={toggle} numeric />
                <SortableHeader label="Versé" column="paid" sort={sort} onSort={toggle} numeric />
              </tr>
            </thead>
            <LongTableBody
              count={sorted.length}
              columns={7}
              estimateSize={58}
              renderRow={(index, props) => {
                const r = sorted[index]!;
                return (
                  <tr key={r.app.id} className={r.late ? 'row--late' : undefined} {...props}>
                    <td>{r.funderName}</td>
                    <td>
                      <Link href={pathTo({ screen: 'application', id: r.app.id })}>{r.app.title}</Link>
                      {needsConvention(r.app) ? <span className="badge badge--warning">Convention à signer</span> : null}
                      {r.late ? <span className="badge badge--late">Tranche en retard</span> : null}
                    </td>
                    <td>
                      {formatDateShort(r.app.periodStart)} – {formatDateShort(r.app.periodEnd)}
                    </td>
                    <td>
                      <StatusBadge status={r.app.status} />
                    </td>
                    <td className="num">{formatCents(r.app.requestedCents)}</td>
                    <td className="num">
                      {r.app.grantedCents === undefined ? '—' : formatCents(r.app.grantedCents)}
                      {grantedAboveRequested(r.app) ? (
                        <span className="badge badge--info" title="Accordé au-dessus du demandé">
                          ↑
                        </span>
                      ) : null}
                    </td>
                    <td className="num">
                      {formatCents(r.paid)}
                      {overpaidCents(r.app, r.paid) > 0 ? (
                        <span className="amount--overpaid">
                          trop-perçu de{'\u00a0'}
                          {formatCents(overpaidCents(r.app, r.paid))}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              }}
            />
          </table>
          {sorted.length === 0 ? <p className="muted">Aucune demande ne correspond à ces filtres.</p> : null}
        </>
      )}
    </Page>
  );
}

import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { markNotDuplicates, mergeOrganisations, useDuplicates } from '../../data/directory-repository';
import { undoLastChange } from '../../data/undo';
import { useCurrentWorkspace } from '../../data/workspace-context';
import { describeRoles, duplicateReasonLabel, rolesOf, type DuplicateProposal } from '../../domain/partners/directory';
import { describePartnerKind, type PartnerRecord } from '../../domain/partners/partner';
import { EmptyState, Loading } from '../../ui/loading-state';
import { Page } from '../../ui/page';
import { pathTo } from '../../ui/paths';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';
import { PartnersTabs } from './partners-tabs';

// The merge screen of the one directory (issue 19): after the upgrade, a funder and a partner that are
// one organisation are two records. Nothing merges without the user: same SIRET and same name come ticked,
// a « Ville de » / « Mairie de » pair does not.

const keyOf = (p: DuplicateProposal) => `${p.keep.id}:${p.merge.id}`;

function Identity({ organisation }: { organisation: PartnerRecord }) {
  return (
    <span>
      <strong>{organisation.name}</strong>{' '}
      <span className="muted">
        — {describeRoles(rolesOf(organisation))}, {describePartnerKind(organisation)}
        {organisation.siret ? `, SIRET ${organisation.siret}` : ''}
        {organisation.city ? `, ${organisation.city}` : ''}
      </span>
    </span>
  );
}

export function DirectoryDuplicatesPage() {
  const act = useAction();
  const toast = useToast();
  const [, navigate] = useLocation();
  const { db } = useCurrentWorkspace();
  const proposals = useDuplicates(db);
  // What the user changed from the suggestion: ticked or not, and which record stays.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [swapped, setSwapped] = useState<Record<string, boolean>>({});

  const isTicked = (p: DuplicateProposal) => ticked[keyOf(p)] ?? p.suggested;
  const pairOf = (p: DuplicateProposal) => (swapped[keyOf(p)] ? { keep: p.merge, merge: p.keep } : { keep: p.keep, merge: p.merge });
  const chosen = (proposals ?? []).filter(isTicked);

  const merge = () =>
    act(async () => {
      const pairs = chosen.map((p) => {
        const { keep, merge } = pairOf(p);
        return { keepId: keep.id, mergeId: merge.id };
      });
      const count = await mergeOrganisations(db, pairs);
      setTicked({});
      setSwapped({});
      toast.show(count === 1 ? 'Fiches fusionnées.' : `${count} fusions faites.`, {
        action: {
          label: 'Annuler',
          run: async () => {
            const undone = await undoLastChange(db);
            if (!undone.ok) toast.show(undone.message, { tone: 'error' });
          },
        },
      });
      if (pairs.length === 1 && pairs[0]) navigate(pathTo({ screen: 'partner', id: pairs[0].keepId }));
    });

  return (
    <Page title="Doublons possibles dans l’annuaire">
      <PartnersTabs />
      {proposals === undefined ? (
        <Loading />
      ) : proposals.length === 0 ? (
        <EmptyState title="Aucun doublon probable">
          <p>Chaque organisation de l’annuaire — financeur, partenaire ou les deux — n’a qu’une fiche.</p>
          <Link href={pathTo({ screen: 'partners' })} className="button">
            Retour à l’annuaire
          </Link>
        </EmptyState>
      ) : (
        <form
          aria-label="Fiches à fusionner"
          onSubmit={(event) => {
            event.preventDefault();
            merge();
          }}
        >
          <p>
            Ces fiches semblent désigner la même organisation. Cochez celles à fusionner&nbsp;: les demandes de subvention, conventions,
            postes aidés, contacts et fichiers de la seconde passent sur la première, qui garde son nom et complète ce qui lui manque&nbsp;;
            la seconde va à la corbeille. Rien n’est fusionné sans vous, et la fusion s’annule.
          </p>
          <ul className="duplicate-list">
            {proposals.map((p) => {
              const key = keyOf(p);
              const { keep, merge: merged } = pairOf(p);
              return (
                <li key={key} className="card duplicate-list__item">
                  <label className="duplicate-list__choice">
                    <input
                      type="checkbox"
                      checked={isTicked(p)}
                      onChange={(event) => setTicked((all) => ({ ...all, [key]: event.target.checked }))}
                      aria-label={`Fusionner « ${merged.name} » dans « ${keep.name} »`}
                    />
                    <span>
                      Fusionner ({duplicateReasonLabel(p.reason)}
                      {p.suggested ? '' : ' — à vérifier'})
                    </span>
                  </label>
                  <dl className="detail-list">
                    <dt>Fiche gardée</dt>
                    <dd>
                      <Identity organisation={keep} />
                    </dd>
                    <dt>Fondue puis mise à la corbeille</dt>
                    <dd>
                      <Identity organisation={merged} />
                    </dd>
                  </dl>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setSwapped((all) => ({ ...all, [key]: !all[key] }))}
                  >
                    Garder plutôt « {merged.name} » ({describeRoles(rolesOf(merged)).toLocaleLowerCase('fr')})
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      act(async () => {
                        await markNotDuplicates(db, keep.id, merged.id);
                        toast.show(`« ${keep.name} » et « ${merged.name} » ne seront plus proposées à la fusion.`);
                      })
                    }
                  >
                    Ce ne sont pas les mêmes
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={chosen.length === 0}>
              {chosen.length <= 1 ? 'Fusionner la fiche cochée' : `Fusionner les ${chosen.length} fiches cochées`}
            </button>
            <Link href={pathTo({ screen: 'partners' })} className="button">
              Plus tard
            </Link>
          </div>
        </form>
      )}
    </Page>
  );
}

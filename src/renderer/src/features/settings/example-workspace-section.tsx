import { useState } from 'react';
import { deleteExampleWorkspace, isExample, openExampleWorkspace } from '../../data/example-workspace';
import { useRegistry } from '../../data/workspace-context';
import type { WorkspaceRecord } from '../../domain/workspace';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useToast } from '../../ui/toast';
import { useAction } from '../../ui/use-action';

// Réglages › « Découvrir avec une association exemple »: opens (creating it the first time) the example
// espace, and deletes it in one step once confirmed. Real espaces are never touched.

export function ExampleWorkspaceSection({ workspaces }: { workspaces: readonly WorkspaceRecord[] }) {
  const registry = useRegistry();
  const act = useAction();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const example = workspaces.find(isExample);

  async function remove(id: string) {
    setConfirming(false);
    const outcome = await deleteExampleWorkspace(registry, id);
    if (!outcome.ok) toast.show(outcome.message, { tone: 'error' });
    else toast.show('Espace exemple supprimé.');
  }

  return (
    <section className="card" aria-labelledby="example-title">
      <h2 id="example-title">Association exemple</h2>
      <p className="muted">
        Une association fictive, «&nbsp;Les Amis du Quartier&nbsp;», avec son équipe, ses subventions, ses partenaires et ses actions, dans
        un espace à part&nbsp;: pour découvrir Passerelle sans rien mélanger à vos données.
      </p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => act(() => openExampleWorkspace(registry))}>
          {example ? 'Ouvrir l’association exemple' : 'Découvrir avec une association exemple'}
        </button>
        {example ? (
          <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
            Supprimer l’espace exemple…
          </button>
        ) : null}
      </div>
      {example ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Supprimer l’espace exemple ?"
          description={
            <p>
              «&nbsp;{example.name}&nbsp;» et tout ce que vous y avez essayé seront effacés de cet ordinateur. Vos autres espaces ne
              changent pas.
            </p>
          }
          confirmLabel="Supprimer l’espace exemple"
          destructive
          onConfirm={() => act(() => remove(example.id))}
        />
      ) : null}
    </section>
  );
}

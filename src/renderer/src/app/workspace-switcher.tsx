import { useState } from 'react';
import { useCurrentWorkspace, useRegistry, useWorkspaces } from '../data/workspace-context';
import { createWorkspace, setCurrentWorkspaceId } from '../data/workspace-repository';
import { TextField } from '../ui/field';
import { useToast } from '../ui/toast';
import { useAction } from '../ui/use-action';
import { confirmLeaving } from '../ui/unsaved-changes';
import { DialogCancel, FormDialog } from '../ui/form-dialog';
import { Options } from '../ui/options';

/** At the top of the navigation: which association's data is on screen, and a way to change it. */
export function WorkspaceSwitcher() {
  const { record } = useCurrentWorkspace();
  const [creating, setCreating] = useState(false);

  return (
    <div className="switcher">
      <EspaceSelect currentId={record.id} />
      <button type="button" className="button button--small switcher__new" onClick={() => setCreating(true)}>
        Nouvel espace…
      </button>
      <NewWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}

/**
 * The list of espaces; choosing one opens it. Needs only the registry, so that the lock and person screens
 * can offer it before any espace is open.
 */
export function EspaceSelect({ currentId }: { currentId: string }) {
  const act = useAction();
  const registry = useRegistry();
  const workspaces = useWorkspaces() ?? [];
  return (
    <div className="switcher">
      <label htmlFor="workspace-switcher" className="switcher__label">
        Espace
      </label>
      <select
        id="workspace-switcher"
        className="switcher__select"
        value={currentId}
        onChange={(e) => {
          const id = e.target.value;
          // The select stays on the open espace (it is controlled) unless the user agrees to leave a form.
          act(async () => {
            if (await confirmLeaving()) await setCurrentWorkspaceId(registry, id);
          });
        }}
      >
        <Options options={workspaces.map((w) => ({ value: w.id, label: w.name }))} />
      </select>
    </div>
  );
}

export function NewWorkspaceDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const registry = useRegistry();
  const toast = useToast();
  const act = useAction();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function create() {
    const result = await createWorkspace(registry, name);
    if (!result.ok) {
      setError(result.errors.name);
      return;
    }
    await setCurrentWorkspaceId(registry, result.value.id);
    toast.show(`Espace « ${result.value.name} » créé.`);
    setName('');
    setError(undefined);
    onOpenChange(false);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Nouvel espace"
      description="Un espace par association : ses données restent séparées de celles des autres espaces de cet ordinateur."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act(() => create());
        }}
        noValidate
      >
        <TextField label="Nom de l’association" value={name} onChange={(e) => setName(e.target.value)} error={error} required autoFocus />
        <div className="dialog__actions">
          <DialogCancel className="button">Annuler</DialogCancel>
          <button type="submit" className="button button--primary">
            Créer l’espace
          </button>
        </div>
      </form>
    </FormDialog>
  );
}

import { useState } from 'react';
import { useCurrentWorkspace, useRegistry, useWorkspaces } from '../data/workspace-context';
import { createWorkspace, setCurrentWorkspaceId } from '../data/workspace-repository';
import { TextField } from '../ui/field';
import { useToast } from '../ui/toast';
import { useAction } from '../ui/use-action';
import { confirmLeaving } from '../ui/unsaved-changes';
import { useSchemaForm } from '../ui/use-schema-form';
import { workspaceRenameSchema, type WorkspaceRenameValues } from '../domain/workspace';
import { DialogCancel, FormDialog } from '../ui/form-dialog';
import { Options } from '../ui/options';

/** At the top of the navigation: which association's data is on screen, and a way to change it. */
export function WorkspaceSwitcher() {
  const { record } = useCurrentWorkspace();
  const [creating, setCreating] = useState(false);

  return (
    <div className="switcher">
      <WorkspaceSelect currentId={record.id} />
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
export function WorkspaceSelect({ currentId }: { currentId: string }) {
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
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Nouvel espace"
      description="Un espace par association : ses données restent séparées de celles des autres espaces de cet ordinateur."
    >
      {open ? <NewWorkspaceForm onCreated={() => onOpenChange(false)} /> : null}
    </FormDialog>
  );
}

// On the one form wiring: the name's schema from domain/workspace.ts, said under the field before anything
// is created. One field, quick to type again: no draft (noDraft).
function NewWorkspaceForm({ onCreated }: { onCreated: () => void }) {
  const registry = useRegistry();
  const toast = useToast();
  const { formRef, field, onSubmit, refuse, saved, summary } = useSchemaForm<WorkspaceRenameValues, WorkspaceRenameValues>({
    schema: workspaceRenameSchema,
    defaultValues: { name: '' },
    noDraft: true,
  });
  const onValid = async ({ name }: WorkspaceRenameValues) => {
    const result = await createWorkspace(registry, name);
    if (!result.ok) return refuse(result.errors);
    saved({ name: '' });
    await setCurrentWorkspaceId(registry, result.value.id);
    toast.show(`Espace « ${result.value.name} » créé.`);
    onCreated();
  };
  return (
    <form ref={formRef} onSubmit={onSubmit(onValid)} noValidate aria-label="Nouvel espace">
      {summary}
      <TextField label="Nom de l’association" required autoFocus {...field('name')} />
      <div className="dialog__actions">
        <DialogCancel className="button">Annuler</DialogCancel>
        <button type="submit" className="button button--primary">
          Créer l’espace
        </button>
      </div>
    </form>
  );
}

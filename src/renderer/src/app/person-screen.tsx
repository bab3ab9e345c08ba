import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { chooseKeyboardPerson, listKeyboardPeople } from '../data/keyboard-people';
import { getCurrentPerson } from '../data/session';
import { useRegistry } from '../data/workspace-context';
import type { WorkspaceDb } from '../data/workspace-db';
import { PERSON_NAME_LABEL, PERSON_NAME_MAX } from '../domain/keyboard-person';
import type { WorkspaceRecord } from '../domain/workspace';
import { TextField } from '../ui/field';
import { GateScreen } from './gate-screen';
import { Loading } from '../ui/loading-state';
import { useAction } from '../ui/use-action';

/** « Qui utilise Passerelle ? » — asked when an espace is opened. A name, no password. */
export function PersonScreen({ workspace, db, onChosen }: { workspace: WorkspaceRecord; db: WorkspaceDb; onChosen: () => void }) {
  const registry = useRegistry();
  const loaded = useLiveQuery(
    async () => ({ names: await listKeyboardPeople(db), last: await getCurrentPerson(registry, workspace.id) }),
    [db, registry, workspace.id],
  );

  useEffect(() => {
    document.title = 'Qui utilise Passerelle\u00a0? — Passerelle';
  }, []);

  if (loaded === undefined) return <Loading screen />;
  return <PersonForm workspace={workspace} db={db} names={loaded.names} last={loaded.last} onChosen={onChosen} />;
}

const ANOTHER = '\u0000another';

function PersonForm({
  workspace,
  db,
  names,
  last,
  onChosen,
}: {
  workspace: WorkspaceRecord;
  db: WorkspaceDb;
  names: string[];
  last: string | undefined;
  onChosen: () => void;
}) {
  const registry = useRegistry();
  const act = useAction();
  const [choice, setChoice] = useState<string>(() => (last && names.includes(last) ? last : (names[0] ?? ANOTHER)));
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const typing = choice === ANOTHER;
  // Focus goes where the answer is expected at first; choosing « Une autre personne » later does not move
  // it, so that the arrow keys keep walking the list.
  const [initialChoice] = useState(choice);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await chooseKeyboardPerson(registry, db, typing ? typed : choice).finally(() => setBusy(false));
    if (!result.ok) {
      setError(result.errors.name);
      nameInput.current?.focus();
      return;
    }
    onChosen();
  }

  return (
    <GateScreen title={'Qui utilise Passerelle\u00a0?'} otherWorkspace={{ currentId: workspace.id, headingId: 'person-other-espace' }}>
      <p>
        Espace « {workspace.name} ». Votre nom accompagne les modifications que vous faites, pour que chacun sache qui a changé quoi sur cet
        ordinateur partagé. Aucun mot de passe n’est demandé.
      </p>
      <form onSubmit={(event) => act(() => submit(event))} noValidate>
        {names.length > 0 ? (
          <fieldset className="person-choice">
            <legend>Personnes qui ont déjà utilisé cet espace</legend>
            {names.map((name) => (
              <label key={name} className="person-choice__option">
                <input
                  type="radio"
                  name="keyboard-person"
                  value={name}
                  checked={choice === name}
                  autoFocus={initialChoice === name}
                  onChange={() => {
                    setChoice(name);
                    setError(undefined);
                  }}
                />
                {name}
              </label>
            ))}
            <label className="person-choice__option">
              <input type="radio" name="keyboard-person" value="" checked={typing} onChange={() => setChoice(ANOTHER)} />
              Une autre personne
            </label>
          </fieldset>
        ) : null}
        {typing ? (
          <TextField
            ref={nameInput}
            label={PERSON_NAME_LABEL}
            hint={`Prénom, ou prénom et nom (${PERSON_NAME_MAX} caractères au maximum).`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            error={error}
            autoComplete="name"
            autoFocus={initialChoice === ANOTHER}
            required
          />
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          Continuer
        </button>
      </form>
    </GateScreen>
  );
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeadlineItem, type DeadlineActions } from '../../src/renderer/src/features/deadlines/deadline-item';
import { FactDialog } from '../../src/renderer/src/features/deadlines/fact-dialog';
import { dismissDeadline, snoozeDeadline } from '../../src/renderer/src/data/deadline-state-repository';
import { type WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { type RegistryDb } from '../../src/renderer/src/data/registry-db';
import { RegistryProvider, WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { DEFAULT_REMINDER_LADDER } from '../../src/renderer/src/domain/deadlines/engine';
import { deadlineKey, type Deadline } from '../../src/renderer/src/domain/deadlines/deadline';
import type { WorkspaceRecord } from '../../src/renderer/src/domain/workspace';
import { ToastProvider } from '../../src/renderer/src/ui/toast';
import { fixtureTeam, TEAM_IDS } from '../fixtures/team';
import { freshWorkspace } from './fresh-workspace';

// The dashboard's small forms on the one form wiring: « Reporter au », « Ne plus rappeler » and the fact
// « Fait » records in its fiche (here a DPAE). An impossible date (Chromium's badInput), a past date, an
// empty reason are field errors, all in one round, and nothing is written.

const TODAY = '2026-11-24';
const NBSP = '\u00a0';

let registry: RegistryDb;
let db: WorkspaceDb;
let workspace: WorkspaceRecord;

beforeEach(async () => {
  ({ registry, db, workspace } = await freshWorkspace());
  await db.people.bulkAdd(fixtureTeam.people);
  await db.contracts.bulkAdd(fixtureTeam.contracts);
});

afterEach(() => {
  db.close();
  registry.close();
});

function typeImpossibleDate(input: HTMLElement) {
  Object.defineProperty(input, 'validity', { configurable: true, value: { badInput: true, valid: false } });
  fireEvent.change(input, { target: { value: '' } });
  fireEvent.blur(input);
}

/** The user corrects the date: the input's own validity is back to the browser's. */
async function retype(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, date: string) {
  Reflect.deleteProperty(input, 'validity');
  await user.clear(input);
  await user.type(input, date);
}

const dpae: Deadline = {
  key: deadlineKey('contract', TEAM_IDS.karimCdi, 'dpae'),
  source: 'contract',
  rule: 'dpae',
  title: 'DPAE à déclarer avant l’embauche — Karim',
  dueDate: '2026-11-20',
  target: { screen: 'person', id: TEAM_IDS.karim },
  sourceLabel: 'Équipe',
};

function renderWith(children: React.ReactNode) {
  return render(
    <ToastProvider>
      <RegistryProvider registry={registry}>
        <WorkspaceProvider workspace={{ record: workspace, db }}>{children}</WorkspaceProvider>
      </RegistryProvider>
    </ToastProvider>,
  );
}

function item(deadline: Deadline) {
  // The dashboard's actions, reduced to the writes these forms make.
  const actions: DeadlineActions = {
    markDone: () => Promise.resolve(),
    reopen: () => Promise.resolve(),
    snooze: async (d, until) => {
      const result = await snoozeDeadline(db, d.key, until, TODAY);
      return result.ok ? null : result.error;
    },
    dismiss: async (d, reason) => {
      const result = await dismissDeadline(db, d.key, reason, d.title);
      return result.ok ? null : result.error;
    },
  };
  return (
    <ul>
      <DeadlineItem deadline={deadline} today={TODAY} ladder={DEFAULT_REMINDER_LADDER} state={undefined} actions={actions} />
    </ul>
  );
}

describe('« Reporter au »', () => {
  it('says an impossible date, then a date not after today, under the field; nothing is written', async () => {
    const user = userEvent.setup();
    renderWith(item(dpae));
    await user.click(screen.getByRole('button', { name: `Reporter${NBSP}: ${dpae.title}` }));
    const until = screen.getByLabelText('Reporter au');
    typeImpossibleDate(until);
    await user.click(screen.getByRole('button', { name: 'Reporter' }));
    expect(await screen.findByText(`Reporter au : cette date n’existe pas dans le calendrier.`)).toBeTruthy();
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(await db.deadlineStates.count()).toBe(0);

    await retype(user, until, TODAY);
    await user.click(screen.getByRole('button', { name: 'Reporter' }));
    expect(await screen.findByText(`Reporter au : choisissez une date après aujourd’hui.`)).toBeTruthy();
    expect(await db.deadlineStates.count()).toBe(0);

    await retype(user, until, '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Reporter' }));
    await waitFor(() => expect(screen.queryByLabelText('Reporter au')).toBeNull());
    expect((await db.deadlineStates.get(dpae.key))?.snoozedUntil).toBe('2026-12-01');
  });
});

describe('« Ne plus rappeler »', () => {
  it('asks for a reason before writing, and keeps the one given in the state', async () => {
    const user = userEvent.setup();
    renderWith(item(dpae));
    await user.click(screen.getByRole('button', { name: `Ne plus rappeler${NBSP}: ${dpae.title}` }));
    await user.type(screen.getByLabelText(`Pourquoi ne plus rappeler ?`), '   ');
    await user.click(screen.getByRole('button', { name: 'Ne plus rappeler' }));
    expect(
      await screen.findByText(`Raison : dites pourquoi ne plus rappeler cette échéance (elle est gardée dans le journal).`),
    ).toBeTruthy();
    expect(await db.deadlineStates.count()).toBe(0);

    await user.type(screen.getByLabelText(`Pourquoi ne plus rappeler ?`), 'Faite par le cabinet');
    await user.click(screen.getByRole('button', { name: 'Ne plus rappeler' }));
    await waitFor(() => expect(screen.queryByLabelText('Pourquoi ne plus rappeler ?')).toBeNull());
    expect((await db.deadlineStates.get(dpae.key))?.dismissReason).toBe('Faite par le cabinet');
  });
});

describe('the fact behind « Fait »', () => {
  it('refuses an impossible date and one after today, in one round each, and writes the contract only when valid', async () => {
    const user = userEvent.setup();
    const before = await db.contracts.get(TEAM_IDS.karimCdi);
    renderWith(<FactDialog deadline={dpae} today={TODAY} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    const date = await within(dialog).findByLabelText(/Date de la DPAE/);
    typeImpossibleDate(date);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText(`Date de la DPAE : cette date n’existe pas dans le calendrier.`)).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(await db.contracts.get(TEAM_IDS.karimCdi)).toEqual(before);

    await retype(user, date, '2026-11-30');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText(`Date de la DPAE : la date ne peut pas être après aujourd’hui.`)).toBeTruthy();
    expect(await db.contracts.get(TEAM_IDS.karimCdi)).toEqual(before);

    await retype(user, date, '2026-11-18');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => expect((await db.contracts.get(TEAM_IDS.karimCdi))?.dpaeDate).toBe('2026-11-18'));
    expect(await screen.findByText('DPAE enregistrée au 18 nov. 2026.')).toBeTruthy();
    expect((await db.contracts.get(TEAM_IDS.karimCdi))?.dpaeDate).toBe('2026-11-18');
  });
});

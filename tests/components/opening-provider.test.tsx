import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import {
  OpeningProvider,
  shareStartupDeadlines,
  STARTUP_FALLBACK_MS,
  useOpening,
} from '../../src/renderer/src/features/deadlines/opening-provider';
import { useDeadlineData } from '../../src/renderer/src/data/deadlines-repository';
import { useEffect } from 'react';
import { WorkspaceDb } from '../../src/renderer/src/data/workspace-db';
import { WorkspaceProvider } from '../../src/renderer/src/data/workspace-context';
import { getLastOpened } from '../../src/renderer/src/data/deadline-state-repository';
import type { Platform } from '../../src/renderer/src/platform/platform';
import { fixtureApplications, fixtureFunders, fixturePayments } from '../fixtures/funding';

const platform = vi.hoisted(() => ({ kind: 'electron' as 'electron' | 'browser', notify: vi.fn(async () => {}) }));
vi.mock('../../src/renderer/src/platform/current-platform', () => ({
  currentPlatform: () => platform as unknown as Platform,
}));

const stamps = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', deletedAt: null };
let db: WorkspaceDb;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T10:00:00'));
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = new WorkspaceDb('opening-test');
  await db.funders.bulkAdd(fixtureFunders.map((f) => ({ ...f, ...stamps })));
  await db.grantApplications.bulkAdd(fixtureApplications.map((a) => ({ ...a, ...stamps })));
  await db.payments.bulkAdd(fixturePayments.map((p) => ({ ...p, ...stamps })));
  await db.meta.put({ key: 'lastOpenedAt', value: '2026-09-01T08:00:00.000Z' });
  platform.notify.mockClear();
});

afterEach(() => {
  db.close();
  vi.useRealTimers();
});

function PreviousOpening() {
  const opening = useOpening();
  return <p>{opening.loaded ? `précédente : ${opening.previous ?? 'aucune'}` : 'chargement'}</p>;
}

/** What the dashboard does with the deadlines it reads: shares them with the start-up notification. */
function DashboardReading() {
  const data = useDeadlineData(db, '2026-11-24');
  useEffect(() => {
    if (data) shareStartupDeadlines(db, data);
  }, [data]);
  return null;
}

function renderProvider(withDashboard = true) {
  render(
    <WorkspaceProvider workspace={{ record: { id: 'opening-test', name: 'ADQ', ...stamps }, db }}>
      <OpeningProvider>
        <PreviousOpening />
        {withDashboard ? <DashboardReading /> : null}
      </OpeningProvider>
    </WorkspaceProvider>,
  );
}

describe('opening an espace', () => {
  it('reads the previous opening before recording this one, and raises ONE notification in Electron', async () => {
    renderProvider();
    expect(await screen.findByText('précédente : 2026-09-01T08:00:00.000Z')).toBeTruthy();
    expect(await getLastOpened(db)).toBe(new Date('2026-11-24T10:00:00').toISOString());
    await waitFor(() => expect(platform.notify).toHaveBeenCalledTimes(1));
    expect(platform.notify).toHaveBeenCalledWith('Passerelle — échéances', '2 échéances en retard, 2 échéances à venir.');
  });

  it('reads the deadlines once at start: the notification uses the dashboard’s read', async () => {
    const reads = vi.spyOn(db.grantApplications, 'toArray');
    renderProvider();
    await waitFor(() => expect(platform.notify).toHaveBeenCalledTimes(1));
    // Past the fallback delay, still one read of the applications, the dashboard's.
    await new Promise((resolve) => setTimeout(resolve, STARTUP_FALLBACK_MS + 200));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(platform.notify).toHaveBeenCalledTimes(1);
  }, 15_000);

  it('without a dashboard on screen, reads them itself once the delay is over', async () => {
    renderProvider(false);
    await new Promise((resolve) => setTimeout(resolve, STARTUP_FALLBACK_MS - 500));
    expect(platform.notify).not.toHaveBeenCalled();
    await waitFor(() => expect(platform.notify).toHaveBeenCalledTimes(1), { timeout: 3_000 });
  }, 15_000);

  it('shows nothing extra in the browser host', async () => {
    platform.kind = 'browser';
    try {
      renderProvider();
      await screen.findByText(/précédente/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(platform.notify).not.toHaveBeenCalled();
    } finally {
      platform.kind = 'electron';
    }
  });
});

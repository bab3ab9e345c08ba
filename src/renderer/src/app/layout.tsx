import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useWorkspaceSession } from '../data/workspace-session';
import { useCurrentWorkspace } from '../data/workspace-context';
import { useAssociationProfile } from '../data/association-repository';
import { formatDateLong, todayIso } from '../domain/dates';
import { useAutomaticBackups } from '../data/automatic-backups';
import { currentPlatform } from '../platform/current-platform';
import { autoBackupWriter } from '../platform/platform';
import { BackupReminder } from '../features/backups/backup-reminder';
import { SearchLauncher } from '../features/search/search-palette';
import { SyncReadOnlyBanner } from '../features/settings/sync-banner';
import { WorkspaceSwitcher } from './workspace-switcher';
import { AttachmentServicesForWorkspace } from './attachment-services';
import { SECTIONS } from './sections';

async function appVersion(): Promise<string> {
  return (await currentPlatform().appInfo()).version;
}

/** The frame of every screen: a skip link, the navigation with the current espace, then the page. */
export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const { record, db } = useCurrentWorkspace();
  const session = useWorkspaceSession();
  // The desktop host's folder, handed to data/ which cannot import the platform (DESIGN.md decision 3).
  const writer = useMemo(() => autoBackupWriter(currentPlatform().autoBackups), []);
  useAutomaticBackups(db, record, session.passphrase, writer, appVersion);
  const profile = useAssociationProfile(db);
  const firstRender = useRef(true);

  // Moving to another section puts the keyboard focus on its title, as a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('page-title')?.focus();
  }, [location]);

  return (
    <div className="layout">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('page-title')?.focus();
        }}
      >
        Aller au contenu
      </a>
      <nav className="sidebar" aria-label="Navigation principale">
        <p className="sidebar__brand">Passerelle</p>
        <WorkspaceSwitcher />
        {record.example === true ? (
          <p className="example-badge" role="note">
            Exemple — données fictives
          </p>
        ) : null}
        <div className="keyboard-person">
          <p className="keyboard-person__line">
            <span className="switcher__label">Au clavier</span>
            <span id="keyboard-person-name" className="keyboard-person__name">
              {session.person ?? '—'}
            </span>
          </p>
          <div className="keyboard-person__actions">
            <button
              type="button"
              className="button button--small"
              onClick={session.changePerson}
              aria-label="Changer la personne au clavier"
            >
              Changer
            </button>
            {session.isProtected ? (
              <button type="button" className="button button--small" onClick={session.lock} aria-label="Verrouiller l’espace">
                Verrouiller
              </button>
            ) : null}
          </div>
        </div>
        <SearchLauncher />
        <ul className="sidebar__links">
          {SECTIONS.map((section) => {
            const active = location === section.path || location.startsWith(`${section.path}/`);
            return (
              <li key={section.path}>
                <Link href={section.path} className="sidebar__link" aria-current={active ? 'page' : undefined}>
                  {section.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <p className="sidebar__footer" aria-label="Espace ouvert">
          {record.name}
        </p>
      </nav>
      <main id="main-content" className="content">
        {/* Only on paper: whose figures these are and when they were printed. */}
        <p className="print-heading">
          {profile?.name ?? record.name} — imprimé le {formatDateLong(todayIso())}
        </p>
        <BackupReminder />
        <SyncReadOnlyBanner />
        <AttachmentServicesForWorkspace>{children}</AttachmentServicesForWorkspace>
      </main>
    </div>
  );
}

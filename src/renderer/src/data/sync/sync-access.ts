import { syncFailureMessage } from '../../domain/sync/sync-messages';

// « Tester la connexion » and, before each start, what the account may do on the espace's database:
// CouchDB's session says the account's roles; the setup script (scripts/couchdb-setup.mjs) gives
// coordinators « <database>:coordinateur » and a network « <database>:lecteur », and a validation rule on
// the database refuses a reader's writes. The app follows the same roles, so a reader's espace is
// read-only here too, visibly, rather than failing on every save.

export type AccessCheck = { ok: true; readOnly: boolean; user: string; documents: number } | { ok: false; message: string };

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

export function coordinatorRole(database: string): string {
  return `${database}:coordinateur`;
}

export async function checkAccess(
  server: string,
  database: string,
  auth: { username: string; password: string },
  fetchImpl: typeof fetch = fetch,
): Promise<AccessCheck> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth.username !== '') headers.authorization = `Basic ${base64(`${auth.username}:${auth.password}`)}`;
  try {
    const info = await fetchImpl(`${server}/${encodeURIComponent(database)}`, { headers });
    if (!info.ok) return { ok: false, message: syncFailureMessage({ status: info.status }) };
    const documents = ((await info.json()) as { doc_count?: number }).doc_count ?? 0;
    const session = await fetchImpl(`${server}/_session`, { headers });
    const roles = session.ok ? (((await session.json()) as { userCtx?: { roles?: string[] } }).userCtx?.roles ?? []) : [];
    // No session endpoint, or an open server with no accounts (a test server, « admin party »): writable.
    const readOnly = auth.username !== '' && session.ok && !roles.includes('_admin') && !roles.includes(coordinatorRole(database));
    return { ok: true, readOnly, user: auth.username, documents };
  } catch (error) {
    return { ok: false, message: syncFailureMessage(error) };
  }
}

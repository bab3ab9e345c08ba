// Types of scripts/couchdb-setup.mjs for the tests that run it.
export function rolesFor(database: string): { coordinator: string; reader: string };
export function setupCouchDb(
  options: {
    server: string;
    admin: string;
    adminPassword: string;
    database: string;
    coordinators?: string[];
    readers?: string[];
    passwords?: Record<string, string>;
  },
  fetchImpl?: typeof fetch,
): Promise<{ done: string[]; generated: Record<string, string> }>;

// pouchdb-browser ships no types; the bridge uses it only through data/sync/pouch-types.ts.
declare module 'pouchdb-browser' {
  const PouchDB: new (name: string, options?: Record<string, unknown>) => unknown;
  export default PouchDB;
}

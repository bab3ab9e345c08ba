// The PouchDB packages ship no types; the tests use them only through data/sync/pouch-types.ts.
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
declare module 'pouchdb-mapreduce';
declare module 'express-pouchdb';
declare module 'express';

import type { AddressInfo, Socket } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchCore from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';
import type { PouchDatabase, PouchFactory } from '../../src/renderer/src/data/sync/pouch-types';

// A CouchDB stand-in for tests and the bench: PouchDB Server (express-pouchdb) over in-memory databases,
// on 127.0.0.1, started and stopped by the test itself — no external service.

const Pouch = PouchCore.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapreduce);

export interface TestServer {
  url: string;
  port: number;
  /** Stops accepting connections and cuts the open ones (a server that goes away mid-sync). */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same databases. */
  resume(): Promise<void>;
  /** The server's own view of a database (to check what it holds). */
  database(name: string): PouchDatabase;
}

let serverCount = 0;

export async function startTestServer(options: { port?: number; mode?: 'minimumForPouchDB' | 'fullCouchDB' } = {}): Promise<TestServer> {
  // Each server keeps its own in-memory databases: the prefix tells them apart inside one process.
  const prefix = `server-${process.pid}-${++serverCount}-`;
  const ServerPouch = Pouch.defaults({ adapter: 'memory', prefix });
  const app = express();
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    // The browser host calls the server from another origin, as it would a real CouchDB with CORS on.
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
    } else next();
  });
  app.use('/', expressPouchDB(ServerPouch, { mode: options.mode ?? 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s: Server = app.listen(port, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
      s.on('error', reject);
      s.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server = s;
    });
  const port = await listen(options.port ?? 0);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      s.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop,
    resume: async () => {
      await listen(port);
    },
    database: (name) => new ServerPouch(name) as PouchDatabase,
  };
}

/** A laptop's PouchDB in Node: in memory (the app uses the IndexedDB build). */
export const testPouchFactory: PouchFactory = {
  local: (name) => new Pouch(name, { adapter: 'memory' }) as PouchDatabase,
  remote: (url, auth) => new Pouch(url, { adapter: 'http', auth, skip_setup: true }) as PouchDatabase,
};

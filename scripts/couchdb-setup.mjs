#!/usr/bin/env node
// Prepares a CouchDB 3 server for Passerelle (README, « Synchroniser deux ordinateurs »): one database per
// espace, one user per coordinator (may write), a reader role for a network (may only read), and a
// validation function on the database that refuses a reader's writes — CouchDB itself has no read-only
// member, so the rule lives in the database's design document.
//
//   node scripts/couchdb-setup.mjs --server https://couch.example.org:6984 --admin admin \
//     --database passerelle-amis-du-quartier --coordinator awa --coordinator karim --reader reseau
//
// The admin password is read from COUCHDB_ADMIN_PASSWORD; each new user's password from
// PASSERELLE_PASSWORD_<NAME> (upper case, - → _) or, when absent, generated and printed once. Running it
// again is safe: what exists is kept, users get their roles added.

/** The roles of one espace's database. */
export function rolesFor(database) {
  return { coordinator: `${database}:coordinateur`, reader: `${database}:lecteur` };
}

function validateFunction(coordinatorRole) {
  return `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (userCtx.roles.indexOf(${JSON.stringify(coordinatorRole)}) !== -1) return;
  throw({ forbidden: 'Ce compte ne peut que lire cet espace.' });
}`;
}

/**
 * Creates the database, its users and its rules. `fetchImpl` is the global fetch (tests pass it too).
 * Returns what it did, one line per step, and the generated passwords.
 */
export async function setupCouchDb(
  { server, admin, adminPassword, database, coordinators = [], readers = [], passwords = {} },
  fetchImpl = fetch,
) {
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(database)) throw new Error(`Invalid CouchDB database name: ${database}`);
  const base = server.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${admin}:${adminPassword}`).toString('base64')}`;
  const call = async (method, path, body) => {
    const response = await fetchImpl(`${base}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const done = [];
  const generated = {};
  const roles = rolesFor(database);

  const users = await call('GET', '/_users');
  if (users.status === 404) {
    await call('PUT', '/_users');
    done.push('created _users');
  } else if (users.status === 401 || users.status === 403) {
    throw new Error('The admin name or password was refused by the server.');
  }

  const db = await call('PUT', `/${encodeURIComponent(database)}`);
  if (db.status === 201 || db.status === 202) done.push(`created database ${database}`);
  else if (db.status === 412) done.push(`database ${database} already exists`);
  else throw new Error(`Could not create the database (${db.status}): ${JSON.stringify(db.body)}`);

  for (const [names, role] of [
    [coordinators, roles.coordinator],
    [readers, roles.reader],
  ]) {
    for (const name of names) {
      const id = `org.couchdb.user:${name}`;
      const existing = await call('GET', `/_users/${encodeURIComponent(id)}`);
      if (existing.status === 200) {
        const user = existing.body;
        if (!user.roles.includes(role)) {
          await call('PUT', `/_users/${encodeURIComponent(id)}`, { ...user, roles: [...user.roles, role] });
          done.push(`user ${name}: role ${role} added`);
        } else done.push(`user ${name} already has role ${role}`);
        continue;
      }
      let password = passwords[name];
      if (!password) {
        password = Buffer.from(crypto.getRandomValues(new Uint8Array(15))).toString('base64url');
        generated[name] = password;
      }
      const created = await call('PUT', `/_users/${encodeURIComponent(id)}`, { _id: id, name, type: 'user', roles: [role], password });
      if (created.status !== 201 && created.status !== 202) throw new Error(`Could not create user ${name} (${created.status})`);
      done.push(`created user ${name} with role ${role}`);
    }
  }

  const security = await call('PUT', `/${encodeURIComponent(database)}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [roles.coordinator, roles.reader] },
  });
  if (security.status !== 200) throw new Error(`Could not set the database's members (${security.status})`);
  done.push(`members of ${database}: roles ${roles.coordinator}, ${roles.reader}`);

  const designPath = `/${encodeURIComponent(database)}/_design/passerelle`;
  const design = await call('GET', designPath);
  const validate_doc_update = validateFunction(roles.coordinator);
  const body = design.status === 200 ? { ...design.body, validate_doc_update } : { _id: '_design/passerelle', validate_doc_update };
  const written = await call('PUT', designPath, body);
  if (written.status !== 201 && written.status !== 202) throw new Error(`Could not write the validation rule (${written.status})`);
  done.push(`readers may not write in ${database}`);
  return { done, generated };
}

function parseArguments(argv) {
  const options = { coordinators: [], readers: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`Missing value after ${flag}`);
    if (flag === '--server') options.server = value;
    else if (flag === '--admin') options.admin = value;
    else if (flag === '--database') options.database = value;
    else if (flag === '--coordinator') options.coordinators.push(value);
    else if (flag === '--reader') options.readers.push(value);
    else throw new Error(`Unknown option ${flag}`);
  }
  for (const required of ['server', 'admin', 'database']) if (!options[required]) throw new Error(`--${required} is required`);
  return options;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  try {
    const options = parseArguments(process.argv.slice(2));
    const adminPassword = process.env.COUCHDB_ADMIN_PASSWORD;
    if (!adminPassword) throw new Error('Set COUCHDB_ADMIN_PASSWORD to the server admin’s password.');
    const passwords = {};
    for (const name of [...options.coordinators, ...options.readers]) {
      const value = process.env[`PASSERELLE_PASSWORD_${name.toUpperCase().replace(/-/g, '_')}`];
      if (value) passwords[name] = value;
    }
    const { done, generated } = await setupCouchDb({ ...options, adminPassword, passwords });
    for (const line of done) console.log(`- ${line}`);
    for (const [name, password] of Object.entries(generated))
      console.log(`password of ${name} (give it to them, it is not shown again): ${password}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

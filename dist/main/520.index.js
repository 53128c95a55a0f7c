export const id = 520;
export const ids = [520];
export const modules = {

/***/ 29520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(10447);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/checks/expectation.ts

const EXPECTATION_GRAMMAR = '">= N", "> N", "<= N", "< N", "== N", "!= N" (N a number) or "matches <regex>"';
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** Parses an expectation; returns an explanation (string) when the text is not one. */
function parseExpectation(text) {
    const trimmed = text.trim();
    const compare = /^(>=|<=|==|!=|>|<)\s*(.*)$/.exec(trimmed);
    if (compare) {
        const [, op, operand] = compare;
        if (!NUMBER.test(operand))
            return `"${op}" needs a number after it, got "${operand}"`;
        return { kind: 'compare', op, value: Number(operand), text: `${op} ${operand}` };
    }
    const matches = /^matches(?:\s+(.*))?$/.exec(trimmed);
    if (matches) {
        const source = matches[1]?.trim() ?? '';
        if (!source)
            return '"matches" needs a regular expression after it';
        // `/…/i` carries flags; anything else is the pattern itself (`matches ^v[0-9]+$`).
        const literal = /^\/(.*)\/([dgimsuvy]*)$/.exec(source);
        try {
            const regex = literal ? new RegExp(literal[1], literal[2]) : new RegExp(source);
            return { kind: 'matches', regex, text: `matches ${source}` };
        }
        catch (error) {
            return `"matches" has an invalid regular expression: ${(0,errors/* describeError */.Uc)(error)}`;
        }
    }
    return `unknown expectation "${trimmed}"`;
}
/**
 * Judges a query result. `rows` are arrays in column order; only rows[0][0] counts. Numbers
 * from the drivers come as number, bigint or numeric strings (PostgreSQL bigint/numeric,
 * MariaDB DECIMAL): all compare numerically.
 */
function evaluate(expectation, columns, rows) {
    if (columns === 0)
        return { passed: false, detail: 'the statement returned no result set' };
    const first = rows[0];
    if (!first)
        return { passed: false, detail: `no row returned (expected ${expectation.text})` };
    const value = first[0];
    if (value === null || value === undefined) {
        return { passed: false, detail: `got NULL (expected ${expectation.text})` };
    }
    const shown = show(value);
    if (expectation.kind === 'matches') {
        const passed = expectation.regex.test(asText(value));
        return { passed, detail: `got ${shown}${passed ? ', ' : ', expected '}${expectation.text}` };
    }
    const number = asNumber(value);
    if (number === undefined) {
        return { passed: false, detail: `got ${shown}, not a number (expected ${expectation.text})` };
    }
    const passed = compare(number, expectation.op, expectation.value);
    return { passed, detail: `got ${shown}${passed ? ', ' : ', expected '}${expectation.text}` };
}
function compare(actual, op, expected) {
    switch (op) {
        case '>=':
            return actual >= expected;
        case '>':
            return actual > expected;
        case '<=':
            return actual <= expected;
        case '<':
            return actual < expected;
        case '==':
            return actual === expected;
        case '!=':
            return actual !== expected;
    }
}
function asNumber(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'bigint')
        return Number(value);
    // MariaDB has no boolean type (1/0); PostgreSQL's true/false compare the same way.
    if (typeof value === 'boolean')
        return value ? 1 : 0;
    if (typeof value === 'string' && NUMBER.test(value.trim()))
        return Number(value.trim());
    return undefined;
}
function asText(value) {
    if (value instanceof Date)
        return value.toISOString();
    if (Buffer.isBuffer(value))
        return value.toString('utf8');
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
/** A value for a one-line detail: quoted text, cut short. */
function show(value) {
    const text = asText(value);
    const cut = text.length > 80 ? `${text.slice(0, 77)}…` : text;
    const quoted = (typeof value === 'string' && !NUMBER.test(value.trim())) ||
        value instanceof Date ||
        Buffer.isBuffer(value);
    return quoted ? `"${cut}"` : cut;
}

;// CONCATENATED MODULE: ./src/checks/checks-file.ts






const INPUT = 'checks-file';
const DEFAULT_TIMEOUT_MS = 60_000;
const MIN_TIMEOUT_MS = 1_000;
const MAX_TIMEOUT_MS = 3_600_000;
const ENTRY_KEYS = ['name', 'sql', 'expect', 'database', 'timeout'];
/**
 * Reads the user's assertions: `{ checks: [{ name, sql, expect, database?, timeout? }] }` as YAML
 * (.yml/.yaml) or JSON (.json). Everything is validated here, before the drill creates anything,
 * so a typo costs seconds rather than a restore.
 */
function readChecksFile(file) {
    const text = readText(file);
    const data = /\.json$/i.test(file) ? parseJson(file, text) : parseYaml(file, text);
    return validate(file, data);
}
const MAX_CHECKS_FILE_BYTES = 256 * 1024;
function readText(file) {
    if (!/\.(ya?ml|json)$/i.test(file)) {
        throw new errors/* InputError */.dz(INPUT, `"${file}" must be a .yml, .yaml or .json file`);
    }
    if (!(0,external_node_fs_.existsSync)(file)) {
        throw new errors/* InputError */.dz(INPUT, `"${file}" does not exist (looked in ${external_node_path_default().resolve(file)}; did you check out the repository?)`);
    }
    const stat = (0,external_node_fs_.statSync)(file);
    if (!stat.isFile())
        throw new errors/* InputError */.dz(INPUT, `"${file}" is not a file`);
    // A checks file is a page of assertions; anything larger is a wrong path, not a plan.
    if (stat.size > MAX_CHECKS_FILE_BYTES) {
        throw new errors/* InputError */.dz(INPUT, `"${file}" is ${stat.size} bytes; a checks file may be at most ${MAX_CHECKS_FILE_BYTES / 1024} KiB`);
    }
    return (0,external_node_fs_.readFileSync)(file, 'utf8');
}
function parseJson(file, text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(INPUT, `"${file}" is not valid JSON: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
function parseYaml(file, text) {
    // `logLevel: 'silent'`: the library would print warnings to the process; we raise them instead.
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, logLevel: 'silent' });
    // A warning is an error here: `expect: != 0` parses as the tag `!=` on "0" with only a warning,
    // and a silently changed expectation is worse than a refused file.
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
        const where = problem.linePos?.[0];
        const at = where ? ` (line ${where.line}, column ${where.col})` : '';
        const firstLine = problem.message.split('\n')[0] ?? problem.message;
        const source = where ? (text.split('\n')[where.line - 1] ?? '') : '';
        const hint = /:\s*[>!]/.test(source)
            ? `. In YAML a value that starts with ">" or "!" must be quoted, e.g. expect: '>= 1000'`
            : '';
        throw new errors/* InputError */.dz(INPUT, `"${file}" is not valid YAML${at}: ${firstLine}${hint}`);
    }
    return doc.toJS();
}
function validate(file, data) {
    if (!isObject(data) || !Array.isArray(data.checks)) {
        throw new errors/* InputError */.dz(INPUT, `"${file}" must hold a "checks" list, e.g. checks: [{ name, sql, expect }]`);
    }
    const extra = Object.keys(data).filter((k) => k !== 'checks');
    if (extra.length > 0) {
        throw new errors/* InputError */.dz(INPUT, `"${file}" has unknown key(s) ${list(extra)}; allowed: "checks"`);
    }
    if (data.checks.length === 0) {
        throw new errors/* InputError */.dz(INPUT, `"${file}" lists no checks; add one or remove the input`);
    }
    const seen = new Set();
    return data.checks.map((entry, index) => {
        const assertion = validateEntry(file, entry, index);
        if (seen.has(assertion.name)) {
            throw new errors/* InputError */.dz(INPUT, `${where(file, index, assertion.name)}: the name is used twice; names must be unique`);
        }
        seen.add(assertion.name);
        return assertion;
    });
}
function validateEntry(file, entry, index) {
    if (!isObject(entry)) {
        throw new errors/* InputError */.dz(INPUT, `${where(file, index)} must be a mapping with name, sql and expect (got ${kind(entry)})`);
    }
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    const at = where(file, index, name || undefined);
    const fail = (problem) => {
        throw new errors/* InputError */.dz(INPUT, `${at}: ${problem}`);
    };
    const unknown = Object.keys(entry).filter((k) => !ENTRY_KEYS.includes(k));
    if (unknown.length > 0)
        fail(`unknown key(s) ${list(unknown)}; allowed: ${list(ENTRY_KEYS)}`);
    if (!name)
        fail('"name" is required: a non-empty text that names the check');
    if (typeof entry.sql !== 'string' || !entry.sql.trim()) {
        fail('"sql" is required: a non-empty SQL query');
    }
    if (typeof entry.expect !== 'string' || !entry.expect.trim()) {
        fail(`"expect" is required: one of ${EXPECTATION_GRAMMAR}`);
    }
    const expectation = parseExpectation(entry.expect);
    if (typeof expectation === 'string')
        fail(`"expect": ${expectation}; allowed: ${EXPECTATION_GRAMMAR}`);
    if (entry.database !== undefined && (typeof entry.database !== 'string' || !entry.database)) {
        fail('"database" must be a database name (text)');
    }
    const timeoutMs = readTimeout(entry.timeout, fail);
    return {
        name,
        sql: entry.sql.trim(),
        expect: entry.expect.trim(),
        timeoutMs,
        ...(typeof entry.database === 'string' && { database: entry.database })
    };
}
function readTimeout(value, fail) {
    if (value === undefined)
        return DEFAULT_TIMEOUT_MS;
    const allowed = `a duration like "30s" or "5m", from ${(0,duration/* formatDuration */.a3)(MIN_TIMEOUT_MS)} to ${(0,duration/* formatDuration */.a3)(MAX_TIMEOUT_MS)}`;
    const ms = typeof value === 'string' ? (0,duration/* parseDuration */.E9)(value) : undefined;
    if (ms === undefined)
        return fail(`"timeout" must be ${allowed} (got ${JSON.stringify(value)})`);
    if (ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
        return fail(`"timeout" must be ${allowed} (got ${value})`);
    }
    return ms;
}
function where(file, index, name) {
    return `"${file}" checks[${index}]${name ? ` ("${name}")` : ''}`;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kind(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return `a ${typeof value}`;
}
function list(keys) {
    return keys.map((k) => `"${k}"`).join(', ');
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 4 modules
var lib_exec = __webpack_require__(27665);
// EXTERNAL MODULE: ./src/database/tls.ts
var tls = __webpack_require__(50352);
;// CONCATENATED MODULE: ./src/checks/check-command.ts


/**
 * The connection as environment variables: the clients' own (psql, pg_dump, mariadb read them
 * without flags) plus engine-neutral DB_* for scripts that serve both. `caFile`: the db-ca as a
 * file, for the verifying modes (PGSSLROOTCERT; DB_SSL_CA for a mariadb client's --ssl-ca,
 * which has no variable of its own).
 */
function commandEnv(target, database, caFile) {
    const common = {
        DB_ENGINE: target.engine,
        DB_HOST: target.host,
        DB_PORT: String(target.port),
        DB_USER: target.user,
        DB_PASSWORD: target.password,
        DB_NAME: database ?? '',
        DB_SSL_MODE: target.tls,
        ...(caFile !== undefined && { DB_SSL_CA: caFile })
    };
    if (target.engine === 'postgresql') {
        return {
            PGHOST: target.host,
            PGPORT: String(target.port),
            PGUSER: target.user,
            PGPASSWORD: target.password,
            PGDATABASE: database ?? 'postgres',
            // db-tls uses libpq's names, so the command's psql checks what our connections did.
            PGSSLMODE: target.tls,
            ...(caFile !== undefined && { PGSSLROOTCERT: caFile }),
            ...common
        };
    }
    return {
        MYSQL_HOST: target.host,
        MYSQL_TCP_PORT: String(target.port),
        MYSQL_USER: target.user,
        MYSQL_PWD: target.password,
        MYSQL_DATABASE: database ?? '',
        ...common
    };
}
/**
 * Runs the user's command with bash; a non-zero exit code fails the check. Its environment is
 * the allow-listed base (database/tool-env.ts: PATH, HOME, LANG, TZ, TMPDIR, … and the names of
 * `command-env`) plus the restored copy's connection. Its output goes through the host's log,
 * never straight to stdout: database values in it cannot start a workflow command, and the CLI
 * redacts secrets from it.
 */
async function checkCommand(command, target, database, baseEnv, log, exec = lib_exec/* exec */.m) {
    const ca = (0,tls/* isVerified */.p4)(target.tls) && target.ca ? (0,tls/* caFile */.DO)(target.ca) : undefined;
    const env = { ...baseEnv, ...commandEnv(target, database, ca?.path) };
    const code = await exec('bash', ['-c', command], {
        env,
        ignoreReturnCode: true,
        silent: true,
        listeners: { stdline: log, errline: log }
    }).finally(() => ca?.remove());
    return code === 0
        ? { passed: true, detail: 'exit code 0' }
        : { passed: false, detail: `exit code ${code}` };
}

;// CONCATENATED MODULE: ./src/checks/check-assertion.ts


/** PostgreSQL 57014 query_canceled, MariaDB 1969 ER_STATEMENT_TIMEOUT. */
function isStatementTimeout(error) {
    const e = error;
    return e?.code === '57014' || e?.errno === 1969;
}
/**
 * One user assertion on a connection of its own, so its timeout is its own and a statement that
 * leaves the session in a bad state (an open transaction, a changed setting) harms nothing else.
 * An SQL error is a failed check with the database's message.
 */
async function checkAssertion(server, assertion, database, describe) {
    const expectation = parseExpectation(assertion.expect);
    // readChecksFile refuses bad expectations; one built by hand is the caller's bug.
    if (typeof expectation === 'string')
        throw new TypeError(`assertion "${assertion.name}": ${expectation}`);
    const where = assertion.database ?? database;
    const session = await server.pool.dedicated(where, assertion.timeoutMs);
    try {
        const result = await session.query(assertion.sql);
        return evaluate(expectation, result.columns, result.rows);
    }
    catch (error) {
        if (isStatementTimeout(error)) {
            return {
                passed: false,
                detail: `took longer than its timeout ${(0,duration/* formatDuration */.a3)(assertion.timeoutMs)}: ${describe(error)}`
            };
        }
        return { passed: false, detail: `the query failed: ${describe(error)}` };
    }
    finally {
        await server.pool.release(session);
    }
}

// EXTERNAL MODULE: ./src/database/engine.ts
var database_engine = __webpack_require__(92027);
;// CONCATENATED MODULE: ./src/checks/inventory.ts

/**
 * The databases to check and their tables: the given ones, or every non-system database the
 * user can see (PostgreSQL's `postgres` only when it holds tables of its own).
 */
async function listTables(engine, pool, home, given, describe) {
    const names = given.length > 0 ? given : await engine.listDatabases(home);
    const result = [];
    for (const name of names) {
        try {
            const session = await pool.get(name);
            const tables = await engine.listTables(session, name);
            const optional = given.length === 0 && engine.optionalDatabases.includes(name);
            if (optional && tables.length === 0)
                continue;
            result.push({ name, tables });
        }
        catch (error) {
            result.push({ name, tables: [], error: describe(error) });
        }
    }
    return result;
}
/** Exact `count(*)` of every table: slow on huge tables, but a drill wants the truth. */
async function countRows(engine, pool, databases, describe) {
    const counts = [];
    const failures = [];
    for (const db of databases) {
        for (const table of db.tables) {
            try {
                const rows = await engine.countRows(await pool.get(db.name), table);
                counts.push({ database: db.name, table: (0,database_engine/* tableLabel */.Fr)(table), rows });
            }
            catch (error) {
                failures.push(`${(0,database_engine/* fullName */.fq)(table)}: ${describe(error)}`);
            }
        }
    }
    return { counts, failures };
}

// EXTERNAL MODULE: ./src/database/server.ts + 6 modules
var database_server = __webpack_require__(97192);
;// CONCATENATED MODULE: ./src/checks/check-compare.ts



/** Checksums read every row: only for tables this small. */
const CHECKSUM_MAX_ROWS = 100_000;
const MAX_LISTED = 10;
/**
 * Row counts of the restore against the source, table by table. The source keeps changing after
 * the backup, hence the tolerance; a table or database missing from the restore always fails.
 * Where the counts agree exactly and the table is small, checksums compare the content too: a
 * mismatch fails only with tolerance 0 (otherwise the source may simply have changed).
 */
async function checkCompare(restored, source, options) {
    const { describe } = options;
    let home;
    try {
        home = await (0,database_server/* connectHome */.UW)(source);
    }
    catch (error) {
        return {
            passed: false,
            detail: `could not connect to the source at ${(0,database_server/* endpoint */.sR)(source.target)}: ${describe(error)}`
        };
    }
    const given = source.target.databases.length > 0 ? source.target.databases : restored.server.target.databases;
    const sourceDbs = await listTables(source.engine, source.pool, home.session, given, describe);
    const sourceCounts = await countRows(source.engine, source.pool, sourceDbs, describe);
    const problems = [];
    const notes = [];
    for (const db of sourceDbs.filter((d) => d.error !== undefined)) {
        problems.push(`could not list the source's database ${db.name}: ${db.error ?? ''}`);
    }
    problems.push(...sourceCounts.failures.map((f) => `could not count the source's ${f}`));
    const key = (database, table) => `${database}\u0000${table}`;
    const restoredDbs = new Map(restored.databases.map((d) => [d.name, d]));
    const restoredRows = new Map(restored.counts.map((c) => [key(c.database, c.table), c.rows]));
    const sourceRows = new Map(sourceCounts.counts.map((c) => [key(c.database, c.table), c.rows]));
    const sourceTables = new Set();
    let compared = 0;
    const checksumCandidates = [];
    for (const db of sourceDbs) {
        if (db.error !== undefined)
            continue;
        const mirror = restoredDbs.get(db.name);
        if (!mirror || mirror.error !== undefined) {
            problems.push(`database ${db.name} is missing from the restore`);
            for (const t of db.tables)
                sourceTables.add(key(db.name, (0,database_engine/* tableLabel */.Fr)(t)));
            continue;
        }
        const present = new Set(mirror.tables.map((t) => (0,database_engine/* tableLabel */.Fr)(t)));
        for (const table of db.tables) {
            const label = (0,database_engine/* tableLabel */.Fr)(table);
            sourceTables.add(key(db.name, label));
            if (!present.has(label)) {
                problems.push(`table ${(0,database_engine/* fullName */.fq)(table)} is missing from the restore`);
                continue;
            }
            const want = sourceRows.get(key(db.name, label));
            const got = restoredRows.get(key(db.name, label));
            if (want === undefined || got === undefined)
                continue; // counting failed: reported elsewhere
            compared++;
            const diff = relativeDifference(got, want);
            if (diff > options.tolerancePercent) {
                problems.push(`table ${(0,database_engine/* fullName */.fq)(table)} has ${got} rows, the source ${want} ` +
                    `(${diff.toFixed(1)}% ${got < want ? 'fewer' : 'more'}; tolerance ${options.tolerancePercent}%)`);
            }
            else if (got === want && want > 0 && want < CHECKSUM_MAX_ROWS) {
                checksumCandidates.push(table);
            }
        }
    }
    const extra = restored.databases.flatMap((d) => d.tables.filter((t) => !sourceTables.has(key(d.name, (0,database_engine/* tableLabel */.Fr)(t)))).map(database_engine/* fullName */.fq));
    // Only meaningful when the source's side was listed in full.
    if (extra.length > 0 && sourceDbs.every((d) => d.error === undefined)) {
        notes.push(`${extra.length} table(s) only in the restore: ${shortList(extra)}`);
    }
    let equal = 0;
    const differing = [];
    for (const table of checksumCandidates) {
        try {
            const [mine, theirs] = [
                await restored.server.engine.checksum(await restored.server.pool.get(table.database), table),
                await source.engine.checksum(await source.pool.get(table.database), table)
            ];
            if (mine === null || theirs === null)
                continue;
            if (mine === theirs)
                equal++;
            else
                differing.push((0,database_engine/* fullName */.fq)(table));
        }
        catch (error) {
            notes.push(`no checksum for ${(0,database_engine/* fullName */.fq)(table)}: ${describe(error)}`);
        }
    }
    if (differing.length > 0) {
        if (options.tolerancePercent === 0) {
            problems.push(...differing.map((t) => `table ${t} has the same row count but different content (checksum)`));
        }
        else {
            const note = `${differing.length} table(s) with equal row counts but different content: ${shortList(differing)} (not failed: tolerance ${options.tolerancePercent}% allows changes on the source)`;
            notes.push(note);
            options.warn(`Compare with source: ${note}`);
        }
    }
    const summary = `${compared} table(s) compared within ${options.tolerancePercent}%` +
        (checksumCandidates.length > 0
            ? `, ${equal} of ${checksumCandidates.length} checksum(s) equal`
            : '');
    const tail = [summary, ...notes].join('; ');
    if (problems.length > 0)
        return { passed: false, detail: `${shortList(problems, '; ')} — ${tail}` };
    return { passed: true, detail: tail };
}
/** Percent difference from the source; an empty source table allows no rows in the restore. */
function relativeDifference(restored, source) {
    if (source === 0)
        return restored === 0 ? 0 : 100;
    return (Math.abs(restored - source) / source) * 100;
}
function shortList(items, separator = ', ') {
    const shown = items.slice(0, MAX_LISTED).join(separator);
    return items.length > MAX_LISTED
        ? `${shown}${separator}… and ${items.length - MAX_LISTED} more`
        : shown;
}

;// CONCATENATED MODULE: ./src/checks/check-connect.ts

/** Logs in (within connectTimeoutMs) and reads the server version. Throws when it cannot. */
async function checkConnect(server) {
    const { session, database } = await (0,database_server/* connectHome */.UW)(server);
    const version = await server.engine.version(session);
    const { target } = server;
    const detail = `${server.engine.label} ${version} at ${(0,database_server/* endpoint */.sR)(target)} as ${target.user}` +
        `${database ? `, database ${database}` : ''}, ${server.connector.tlsState()}`;
    return {
        verdict: { passed: true, detail },
        home: session,
        homeDatabase: database,
        server: { engine: server.engine.label, version }
    };
}

;// CONCATENATED MODULE: ./src/checks/check-integrity.ts
/**
 * The engine's own consistency checks in every checked database. Skipped databases (amcheck not
 * allowed) pass with the reason: the user cannot fix that on a DBaaS, and it says nothing
 * against the backup.
 */
async function checkIntegrity(server, databases, warn) {
    const failures = [];
    const skipped = [];
    let checked = 0;
    for (const db of databases) {
        if (db.error !== undefined)
            continue;
        const outcome = await server.engine.integrity(await server.pool.get(db.name), db.name, db.tables);
        checked += outcome.checked;
        failures.push(...outcome.failures);
        if (outcome.skipped)
            skipped.push(outcome.skipped);
    }
    const what = server.target.engine === 'postgresql' ? 'btree index(es) (amcheck)' : 'table(s) (CHECK TABLE)';
    const skipNote = skipped.length > 0 ? `skipped: ${skipped.join('; ')}` : '';
    if (skipped.length > 0)
        warn(`Integrity check ${skipNote}`);
    if (failures.length > 0) {
        return { passed: false, detail: `${failures.length} damaged: ${failures.join('; ')}` };
    }
    const done = `${checked} ${what} OK`;
    if (checked === 0 && skipped.length > 0)
        return { passed: false, skipped: true, detail: skipNote };
    return { passed: true, detail: skipNote ? `${done}; ${skipNote}` : done };
}

;// CONCATENATED MODULE: ./src/checks/check-tables.ts
/** Fails when a database could not be listed, or when no database holds any table. */
function judgeTables(databases) {
    const broken = databases.filter((d) => d.error !== undefined);
    const tables = databases.reduce((n, d) => n + d.tables.length, 0);
    const perDb = databases.map((d) => `${d.name} (${d.error ? 'error' : d.tables.length})`);
    const listing = `${databases.length} database(s), ${tables} table(s): ${perDb.join(', ') || 'none'}`;
    if (broken.length > 0) {
        const why = broken.map((d) => `database ${d.name}: ${d.error ?? ''}`).join('; ');
        return { passed: false, detail: `${why} — ${listing}` };
    }
    if (tables === 0) {
        const seen = databases.length > 0
            ? ` (databases: ${databases.map((d) => d.name).join(', ')})`
            : ' (no databases visible to this user)';
        return { passed: false, detail: `the restore has no tables${seen}` };
    }
    return { passed: true, detail: listing };
}
function judgeRowCounts(counted) {
    const total = counted.counts.reduce((n, c) => n + c.rows, 0);
    const largest = biggest(counted.counts);
    const summary = `${total.toLocaleString('en-US')} rows in ${counted.counts.length} table(s)` +
        (largest
            ? `; largest ${largest.database}.${largest.table} (${largest.rows.toLocaleString('en-US')})`
            : '');
    if (counted.failures.length > 0) {
        return {
            passed: false,
            detail: `could not count ${counted.failures.join('; ')} — counted ${summary}`
        };
    }
    return { passed: true, detail: summary };
}
function biggest(counts) {
    return counts.reduce((a, c) => (!a || c.rows > a.rows ? c : a), undefined);
}

;// CONCATENATED MODULE: ./src/checks/redact.ts

/**
 * Removes secrets from text bound for a result, a log line or an error message. Driver errors
 * are the risk: they quote connection settings, and a user's SQL error may echo a literal.
 * Every non-empty secret is replaced, also in its URL-encoded form (connection strings).
 */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (!secret)
            continue;
        for (const form of new Set([secret, encodeURIComponent(secret)])) {
            out = out.split(form).join('***');
        }
    }
    return out;
}
/** The message of anything thrown, without secrets, on one line. */
function errorText(error, secrets) {
    return redact((0,errors/* describeError */.Uc)(error), secrets)
        .replace(/\s*\n\s*/g, ' ')
        .trim();
}

;// CONCATENATED MODULE: ./src/checks/recorder.ts

/** Errors that mean a bug in this code, not a finding about the database: they propagate. */
function isProgrammingError(error) {
    return error instanceof TypeError || error instanceof ReferenceError;
}
const MAX_DETAIL = 1_000;
/**
 * Runs each check, times it, turns a thrown database error into a failed result, strips the
 * secrets from everything it records or logs, and logs one line per check.
 */
class Recorder {
    results = [];
    logger;
    secrets;
    now;
    constructor(logger, secrets, now = () => performance.now()) {
        this.logger = logger;
        this.secrets = secrets.filter((s) => s.length > 0);
        this.now = now;
    }
    /** The message of a driver error, safe to show. */
    describe = (error) => errorText(error, this.secrets);
    async check(name, run) {
        const started = this.now();
        let verdict;
        try {
            verdict = await run();
        }
        catch (error) {
            if (isProgrammingError(error))
                throw this.scrubbed(error);
            verdict = { passed: false, detail: this.describe(error) };
        }
        const result = {
            name: this.safe(name),
            passed: verdict.passed && verdict.skipped !== true,
            ...(verdict.skipped === true && { skipped: true }),
            detail: this.safe(verdict.detail),
            durationMs: Math.max(0, Math.round(this.now() - started))
        };
        this.results.push(result);
        const mark = result.skipped ? '–' : result.passed ? '✓' : '✗';
        this.logger.info(`${mark} ${result.name} (${result.durationMs} ms): ${result.detail}`);
        return result;
    }
    /** A side note for the log (TLS fell back, a check was skipped…). */
    warn(message) {
        this.logger.warning(this.safe(message));
    }
    info(message) {
        this.logger.info(this.safe(message));
    }
    /** An error to rethrow, with its message cleaned (the stack stays for the bug report). */
    scrubbed(error) {
        if (!(error instanceof Error))
            return new Error(this.describe(error));
        const clean = redact(error.message, this.secrets);
        if (clean !== error.message)
            error.message = clean;
        if (error.stack)
            error.stack = redact(error.stack, this.secrets);
        return error;
    }
    safe(text) {
        const one = redact(text, this.secrets)
            .replace(/\s*\n\s*/g, ' ')
            .trim();
        return one.length > MAX_DETAIL ? `${one.slice(0, MAX_DETAIL - 1)}…` : one;
    }
}

;// CONCATENATED MODULE: ./src/checks/run-checks.ts









/** Statements the checks run themselves (counts, checksums, integrity) stop after this. */
const DEFAULT_QUERY_TIMEOUT_MS = 15 * 60_000;
/**
 * The database checks of a restore drill, in order: connect → tables → row counts → assertions
 * → compare with source → integrity → command. A failed check is a result, never an exception;
 * only a bug throws. Nothing stops after a failure except a failed connect (nothing else could
 * run). Every connection is closed before this returns.
 */
async function runChecks(target, plan, deps) {
    validatePlan(plan);
    const secrets = [target.password, plan.compareWith?.password ?? ''];
    const recorder = new Recorder(deps.logger, secrets, deps.now);
    const queryTimeoutMs = plan.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    const restored = (0,database_server/* openServer */.CT)(target, plan.connectTimeoutMs, queryTimeoutMs);
    const source = plan.compareWith
        ? (0,database_server/* openServer */.CT)(plan.compareWith, plan.connectTimeoutMs, queryTimeoutMs)
        : undefined;
    try {
        return await checkAll(restored, source, plan, deps, recorder);
    }
    catch (error) {
        throw recorder.scrubbed(error);
    }
    finally {
        await Promise.all([restored.pool.closeAll(), source?.pool.closeAll()]);
    }
}
async function checkAll(restored, source, plan, deps, recorder) {
    const { describe } = recorder;
    let connected;
    const connect = await recorder.check('connect', async () => {
        connected = await checkConnect(restored);
        return connected.verdict;
    });
    if (!connect.passed || !connected)
        return { results: recorder.results, counts: [] };
    if (restored.target.tls === 'prefer' && /^no TLS/.test(restored.connector.tlsState())) {
        recorder.warn(`Connected to ${restored.target.host} without TLS: the server does not offer it`);
    }
    const home = connected;
    let databases = [];
    await recorder.check('tables', async () => {
        databases = await listTables(restored.engine, restored.pool, home.home, restored.target.databases, describe);
        return judgeTables(databases);
    });
    let counts = [];
    if (databases.some((d) => d.tables.length > 0)) {
        await recorder.check('row counts', async () => {
            const counted = await countRows(restored.engine, restored.pool, databases, describe);
            counts = counted.counts;
            return judgeRowCounts(counted);
        });
    }
    // Assertions run in the first database checked unless they name one.
    const firstDatabase = restored.target.databases[0] ?? databases[0]?.name ?? home.homeDatabase;
    for (const assertion of plan.assertions) {
        await recorder.check(`assert: ${assertion.name}`, () => checkAssertion(restored, assertion, firstDatabase, describe));
    }
    if (source) {
        await recorder.check('compare with source', () => checkCompare({ server: restored, databases, counts }, source, {
            tolerancePercent: plan.tolerancePercent,
            describe,
            warn: (m) => recorder.warn(m)
        }));
    }
    if (plan.integrity) {
        await recorder.check('integrity', () => checkIntegrity(restored, databases, (m) => recorder.warn(m)));
    }
    if (plan.command !== undefined && plan.command.trim() !== '') {
        const command = plan.command;
        // The command may take long and open its own connections: ours stay idle meanwhile.
        deps.logger.info(`[command] bash -c ${command}`);
        await recorder.check('command', () => checkCommand(command, restored.target, firstDatabase, plan.commandBaseEnv ?? {}, (line) => deps.logger.info(`  ${line}`), deps.exec));
    }
    return { results: recorder.results, counts, server: home.server };
}
/** A plan the inputs module should never produce: a bug, so it throws. */
function validatePlan(plan) {
    if (!Number.isFinite(plan.tolerancePercent) || plan.tolerancePercent < 0) {
        throw new RangeError(`tolerancePercent must be a number ≥ 0, got ${plan.tolerancePercent}`);
    }
    if (!(plan.connectTimeoutMs > 0)) {
        throw new RangeError(`connectTimeoutMs must be > 0, got ${plan.connectTimeoutMs}`);
    }
    if (plan.queryTimeoutMs !== undefined && !(plan.queryTimeoutMs > 0)) {
        throw new RangeError(`queryTimeoutMs must be > 0, got ${plan.queryTimeoutMs}`);
    }
}

;// CONCATENATED MODULE: ./src/checks/types.ts
// The database checks of a restore drill (verify mode): given a reachable database server and a
// plan, the checks report one result per check. Nothing here knows about Trove or GitHub.
/** How the checks came out; a skipped check counts as neither passed nor failed. */
function tally(results) {
    const skipped = results.filter((r) => r.skipped === true).length;
    const passed = results.filter((r) => r.passed).length;
    return { passed, failed: results.length - passed - skipped, skipped };
}
/** Verified: at least one check passed and none failed. */
function allPassed(results) {
    const t = tally(results);
    return t.passed > 0 && t.failed === 0;
}

;// CONCATENATED MODULE: ./src/checks/index.ts
// The database checks of a restore drill (verify mode): the one door the commands use.






// EXTERNAL MODULE: ./src/cloud/temporary-instance.ts + 1 modules
var temporary_instance = __webpack_require__(17244);
// EXTERNAL MODULE: ./src/database/target.ts
var target = __webpack_require__(48928);
// EXTERNAL MODULE: ./src/database/tool-env.ts
var tool_env = __webpack_require__(29189);
// EXTERNAL MODULE: ./src/inputs/restore.ts
var restore = __webpack_require__(3467);
// EXTERNAL MODULE: ./src/evidence/index.ts + 7 modules
var src_evidence = __webpack_require__(49091);
// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(41990);
;// CONCATENATED MODULE: ./src/commands/verify/summary.ts



function drillSummary(report) {
    const { plan } = report;
    const title = report.verified ? '✅ Restore drill passed' : '❌ Restore drill failed';
    const counts = tally(report.results);
    const facts = (0,markdown/* table */.tp)(['', ''], [
        [
            'Source instance',
            plan.source ? `${plan.source.name} (${plan.source.id})` : plan.backup.instanceId
        ],
        ['Backup', `${plan.backup.name} (${plan.backup.id})`],
        ['Backup taken (UTC)', plan.backup.created.toISOString()],
        ['Datastore', `${plan.datastore.type} ${plan.datastore.version}`],
        [
            'Restore time (request → usable)',
            report.restoreMs !== undefined ? (0,duration/* formatElapsed */.C7)(report.restoreMs) : 'not reached'
        ],
        ['Temporary instance', `${report.tempName}${report.tempId ? ` (${report.tempId})` : ''}`],
        ['Checks', `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`],
        ['Clean-up', report.cleanup]
    ]);
    const checks = report.results.length > 0
        ? (0,markdown/* table */.tp)(['Check', 'Result', 'Took', 'Detail'], report.results.map((r) => [
            r.name,
            r.skipped ? '⏭️ skipped' : r.passed ? '✅ pass' : '❌ fail',
            (0,duration/* formatElapsed */.C7)(r.durationMs),
            r.detail
        ]))
        : '';
    const error = report.error ? `\n> **${(0,markdown/* cell */.Hn)(report.error)}**\n` : '';
    return [
        `### ${title}: ${(0,markdown/* cell */.Hn)(plan.source?.name ?? plan.backup.name)}`,
        error,
        facts,
        '',
        checks
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/commands/verify/index.ts












/**
 * The restore drill: restore a backup into a temporary instance, check the data, measure the
 * restore time, and always delete the temporary instance (cloud/temporary-instance.ts).
 */
async function verify(context) {
    const inputs = (0,restore/* readDrillInputs */.BL)(context.inputs);
    const startedAt = context.now();
    for (const warning of inputs.dbTlsWarnings)
        context.warn(warning, 'Deprecated input value');
    const assertions = inputs.checksFile ? readChecksFile(inputs.checksFile) : [];
    const { trove } = context.cloud();
    let server;
    const run = await (0,temporary_instance/* withTemporaryInstance */.F)(context, trove, inputs, {
        env: context.inputs.env,
        planTitle: 'Plan the drill',
        keepOnFailure: inputs.keepOnFailure,
        succeeded: allPassed,
        // A drill of a stale backup proves an old copy: say how old, and stop before creating anything.
        beforeRestore: async (plan) => {
            const ageMs = context.now() - plan.backup.created.getTime();
            context.setOutput('backup-age-hours', Math.round((ageMs / 3_600_000) * 10) / 10);
            context.logger.info(`Backup ${plan.backup.id} is ${(0,duration/* formatElapsed */.C7)(Math.max(0, ageMs))} old`);
            const limitMs = inputs.maxAgeMs + inputs.graceMs;
            if (ageMs > limitMs) {
                const refusal = new errors/* CheckFailure */.jU(`Backup ${plan.backup.name} (${plan.backup.id}) is ${(0,duration/* formatElapsed */.C7)(ageMs)} old, older than max-age + grace (${(0,duration/* formatElapsed */.C7)(limitMs)}): ` +
                    `a drill of it would prove a stale copy. Take a fresh backup (${context.spell.mode('backup')}), or raise ${context.spell.setting('max-age')} to drill an older one on purpose.`);
                // A drill refused for a stale backup is a failed drill to an auditor and to an alert.
                const refused = {
                    plan,
                    tempName: '',
                    results: [],
                    verified: false,
                    cleanup: 'nothing was created',
                    error: refusal.message
                };
                await writeEvidence(context, inputs, refused, startedAt, undefined);
                await writeDrillMetrics(context, inputs.metricsFile, refused, startedAt);
                throw refusal;
            }
        },
        work: async ({ plan, restored }) => {
            context.setOutput('temp-instance-id', restored.instance.id);
            context.setOutput('temp-instance-host', restored.host);
            context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000));
            const engine = (0,target/* engineOf */.k)(plan.datastore.type);
            const checkPlan = {
                assertions,
                tolerancePercent: inputs.tolerancePercent,
                integrity: inputs.integrity,
                connectTimeoutMs: 30_000,
                ...(inputs.command && {
                    command: inputs.command,
                    commandBaseEnv: (0,tool_env/* toolEnv */.o)(context.inputs.env, inputs.commandEnvNames)
                })
            };
            if (inputs.compareWithSource && plan.source) {
                const sourceHost = plan.source.addresses[0];
                if (!sourceHost)
                    throw new errors/* InputError */.dz('compare-with-source', `source instance ${plan.source.name} has no address to compare with`);
                // The restored copy is ours and short-lived; the source is production.
                const unverified = (0,tls/* unverifiedWarning */.ce)(inputs.dbTls, `compare-with-source connects to the production instance ${plan.source.name} (${sourceHost})`);
                if (unverified)
                    context.warn(unverified, 'Unverified TLS to a production database');
                checkPlan.compareWith = (0,target/* dbTarget */.s)(inputs, engine, sourceHost);
            }
            const checked = await context.group('Check the restored data', () => runChecks((0,target/* dbTarget */.s)(inputs, engine, restored.host), checkPlan, { logger: context.logger }));
            if (checked.server)
                server = checked.server;
            return checked.results;
        }
    });
    const results = run.value ?? [];
    const report = {
        plan: run.plan,
        tempName: run.name,
        results,
        verified: run.error === undefined && run.cleanupError === undefined && allPassed(results),
        cleanup: run.cleanup
    };
    if (run.id)
        report.tempId = run.id;
    if (run.restored) {
        report.host = run.restored.host;
        report.restoreMs = run.restored.restoreMs;
    }
    if (run.error !== undefined)
        report.error = (0,errors/* describeError */.Uc)(run.error);
    // The evidence and the metrics describe a failed drill too: that is when they matter most.
    const evidenceError = await writeEvidence(context, inputs, report, startedAt, server);
    await writeDrillMetrics(context, inputs.metricsFile, report, startedAt);
    finish(context, report);
    const failure = (0,temporary_instance/* failureOf */.g)(run);
    if (failure !== undefined)
        throw failure;
    if (!report.verified) {
        const failed = results.filter((r) => !r.passed && !r.skipped);
        throw new errors/* CheckFailure */.jU(`Restore drill of backup ${run.plan.backup.id} failed ${failed.length} check(s): ` +
            failed.map((r) => `${r.name} — ${r.detail}`).join('; '));
    }
    if (evidenceError !== undefined)
        throw evidenceError;
}
function finish(context, report) {
    const counts = tally(report.results);
    context.setOutput('verified', report.verified);
    context.setOutput('backup-id', report.plan.backup.id);
    context.setOutput('checks-passed', counts.passed);
    context.setOutput('checks-failed', counts.failed);
    context.setOutput('checks-skipped', counts.skipped);
    context.summary(drillSummary(report));
}
/** Writes the evidence JSON; returns the error (after a warning) rather than hide the drill's. */
async function writeEvidence(context, inputs, report, startedAt, server) {
    const { plan } = report;
    const file = inputs.evidencePath ?? external_node_path_default().join(context.inputs.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), src_evidence/* EVIDENCE_FILE */.fi);
    const evidence = (0,src_evidence/* buildDrillEvidence */.lu)({
        drill: 'verify',
        startedAt,
        finishedAt: context.now(),
        passed: report.verified,
        run: context.run,
        ...(plan.source && { source: { id: plan.source.id, name: plan.source.name } }),
        ...(plan.backup.instanceId && { backupInstanceId: plan.backup.instanceId }),
        backup: {
            id: plan.backup.id,
            name: plan.backup.name,
            created: plan.backup.created,
            ...(plan.backup.sizeGb !== undefined && { sizeGb: plan.backup.sizeGb })
        },
        datastore: plan.datastore,
        ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs }),
        tempName: report.tempName,
        ...(report.tempId && { tempId: report.tempId }),
        cleanup: report.cleanup,
        checks: report.results,
        tools: (0,src_evidence/* toolVersions */.Ek)(engineOrDefault(plan.datastore.type)),
        ...(server && { server }),
        ...(report.error !== undefined && { error: report.error })
    });
    try {
        await (0,src_evidence/* writeFileAtomic */.Zf)(file, (0,src_evidence/* renderEvidence */.oP)(evidence), { createFolder: true });
    }
    catch (error) {
        const message = `Cannot write the drill evidence to ${file}: ${(0,errors/* describeError */.Uc)(error)}`;
        context.warn(message, 'Drill evidence not written');
        return new errors/* CheckFailure */.jU(message);
    }
    context.logger.info(`Drill evidence: ${file}`);
    context.setOutput('evidence-json', file);
    return undefined;
}
/** Monitoring is not the drill: a metrics file that cannot be written is a warning. */
async function writeDrillMetrics(context, file, report, startedAt) {
    if (!file)
        return;
    const { plan } = report;
    const id = plan.source?.id ?? plan.backup.instanceId ?? '';
    const labels = (0,src_evidence/* instanceLabels */.jh)(plan.source?.name ?? (id || plan.backup.name), id);
    const figures = {
        drill: 'verify',
        labels,
        passed: report.verified,
        backupAgeMs: startedAt - plan.backup.created.getTime(),
        checks: tally(report.results),
        ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs })
    };
    try {
        await (0,src_evidence/* writeMetricsFile */.bw)(file, (previous) => (0,src_evidence/* drillGauges */.w4)(figures, context.now(), previous));
        context.logger.info(`Metrics: ${file}`);
        context.setOutput('metrics-file', file);
    }
    catch (error) {
        context.warn(`Cannot write the metrics file ${file}: ${(0,errors/* describeError */.Uc)(error)}`, 'Metrics not written');
    }
}
function engineOrDefault(datastore) {
    return /postgres/i.test(datastore) ? 'postgresql' : 'mariadb';
}


/***/ })

};

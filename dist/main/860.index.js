export const id = 860;
export const ids = [860];
export const modules = {

/***/ 5320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OE: () => (/* reexport */ allPassed),
  v9: () => (/* reexport */ judgeManifestCounts),
  KV: () => (/* reexport */ readChecksFile),
  JT: () => (/* reexport */ runChecks),
  N4: () => (/* reexport */ tally)
});

// UNUSED EXPORTS: DEFAULT_QUERY_TIMEOUT_MS, commandEnv, parseExpectation

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(447);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var lib_exec = __webpack_require__(1260);
// EXTERNAL MODULE: ./src/database/tls.ts
var tls = __webpack_require__(352);
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
var database_engine = __webpack_require__(2027);
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
var database_server = __webpack_require__(7192);
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

;// CONCATENATED MODULE: ./src/checks/check-manifest-counts.ts
/**
 * The restored rows against those the manifest recorded at dump time. Exact counts (taken in
 * the dump's own snapshot, or in a copy nothing else wrote to) must match table by table; counts
 * the manifest marks not exact may differ by `tolerancePercent` of the recorded count. A table
 * the manifest lists that the restore lacks fails either way; a restored table the manifest
 * does not list is named but does not fail (it may have been created during the dump).
 */
function judgeManifestCounts(restored, recorded, tolerancePercent) {
    if (!recorded) {
        return {
            passed: false,
            skipped: true,
            detail: 'the manifest records no row counts (a copy made before they were recorded)'
        };
    }
    const key = (database, table) => `${database}.${table}`;
    const have = new Map(restored.map((c) => [key(c.database, c.table), c.rows]));
    const allowed = recorded.exact ? 0 : tolerancePercent;
    const problems = [];
    let total = 0;
    for (const table of recorded.tables) {
        total += table.rows;
        const name = key(table.database, table.table);
        const rows = have.get(name);
        have.delete(name);
        if (rows === undefined) {
            problems.push(`${name} is missing (${table.rows} rows at dump time)`);
            continue;
        }
        const limit = (table.rows * allowed) / 100;
        if (Math.abs(rows - table.rows) > limit) {
            problems.push(`${name}: ${rows} rows, ${table.rows} at dump time`);
        }
    }
    const how = recorded.exact
        ? `exact (${recorded.method})`
        : `not exact (${recorded.method}), tolerance ${tolerancePercent}%`;
    const extra = [...have.keys()];
    const note = extra.length > 0 ? `; not in the manifest: ${extra.join(', ')}` : '';
    if (problems.length > 0) {
        return { passed: false, detail: `${problems.join('; ')} — manifest counts ${how}${note}` };
    }
    return {
        passed: true,
        detail: `${recorded.tables.length} table(s), ${total} rows as the manifest recorded — ${how}${note}`
    };
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








/***/ }),

/***/ 6701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aM: () => (/* binding */ resolveAllowedCidrs)
/* harmony export */ });
/* unused harmony exports detectRunnerCidr, isPublicUnicast */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _openstack_proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5808);



/**
 * The runner's public IPv4 address as an echo service sees it, as a /32 for the temporary
 * instance's firewall (a restored instance gets a new IP and its own allow-list).
 */
async function detectRunnerCidr(echoUrl, fetchFn, options) {
    const timeoutMs = options.timeoutMs ?? 10_000;
    let text;
    try {
        const response = await fetchFn(echoUrl, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok)
            throw new Error(`answered ${response.status}`);
        text = (await response.text()).trim();
    }
    catch (error) {
        throw new Error(`Could not detect the runner's public address from ${echoUrl} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}); ` +
            `set allowed-cidrs to the runner's address, e.g. 203.0.113.7/32, or runner-ip-url to another echo service`, { cause: error });
    }
    if (!(0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIPv4)(text)) {
        throw new Error(`${echoUrl} answered "${text.slice(0, 60)}", which is not an IPv4 address; set allowed-cidrs instead`);
    }
    if (!options.allowPrivate && !isPublicUnicast(text)) {
        throw new Error(`${echoUrl} answered ${text}, which is not a public address (private, loopback, link-local, ` +
            'documentation, multicast or reserved); a runner reaches the cloud from a public one. ' +
            "Set allowed-cidrs to the runner's address instead (allow-insecure-http: true accepts it for a test cloud)");
    }
    return `${text}/32`;
}
/** Ranges that are never a runner's public address (RFC 6890 special-purpose IPv4 blocks). */
const NOT_PUBLIC = [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.88.99.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4]
];
function toNumber(ip) {
    return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}
/** A public unicast IPv4 address: in none of the special-purpose blocks. */
function isPublicUnicast(ip) {
    const n = toNumber(ip);
    return NOT_PUBLIC.every(([base, prefix]) => {
        const size = 2 ** (32 - prefix);
        return Math.floor(n / size) !== Math.floor(toNumber(base) / size);
    });
}
/** The allow-list for a restored instance: the explicit CIDRs, or the runner's own /32. */
async function resolveAllowedCidrs(inputs, env) {
    if (inputs.allowedCidrs !== 'runner')
        return inputs.allowedCidrs;
    const fetchFn = (0,_openstack_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .createFetch */ .H)(env);
    return [
        await detectRunnerCidr(inputs.runnerIpUrl, fetchFn, { allowPrivate: inputs.allowInsecureHttp })
    ];
}


/***/ }),

/***/ 4219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ checkQuota),
/* harmony export */   q: () => (/* binding */ planRestore)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21);
/* harmony import */ var _policy_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(467);



/**
 * Decides what to restore and how: the backup (given, or the newest COMPLETED of the instance),
 * and flavor, volume, datastore and network from the source instance unless inputs override them.
 * Everything is checked here, before any instance is created.
 */
async function planRestore(trove, inputs) {
    const source = inputs.instance ? await (0,_resolve_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveInstance */ .GO)(trove, inputs.instance) : undefined;
    const backup = inputs.backupId
        ? await trove.getBackup(inputs.backupId)
        : await newestCompleted(trove, source);
    if (!(0,_policy_index_js__WEBPACK_IMPORTED_MODULE_2__/* .isUsable */ .Ng)(backup)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .jU(`Backup ${backup.name} (${backup.id}) is ${backup.status}; only a COMPLETED (or RESTORED) backup can be restored`);
    }
    if (source && backup.instanceId && backup.instanceId !== source.id) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('backup-id', `backup ${backup.id} belongs to instance ${backup.instanceId}, not to ${source.name} (${source.id})`);
    }
    const original = source ?? (backup.instanceId ? await trove.findInstanceById(backup.instanceId) : undefined);
    // Restore into the backup's own datastore type and version (CSC's advice; Trove otherwise
    // picks its default version, and a mismatched type is a 400).
    const type = backup.datastore?.type ?? original?.datastore?.type;
    const version = inputs.datastoreVersion || backup.datastore?.version || original?.datastore?.version;
    if (!type || !version) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('datastore-version', `backup ${backup.id} does not say its datastore; set datastore-version`);
    }
    const versions = await trove.listDatastoreVersions(type);
    const offered = versions.find((v) => v.name === version || v.id === version);
    if (!offered || !offered.active) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .jU(`Backup ${backup.id} is ${type} ${version}, which this cloud no longer offers (offered: ${versions
            .filter((v) => v.active)
            .map((v) => v.name)
            .join(', ')}): it cannot be restored here`);
    }
    const flavorRef = await chooseFlavor(trove, inputs.flavor, original);
    const minimum = Math.max(1, Math.ceil(backup.sizeGb ?? 0));
    const size = inputs.volumeSizeGb ?? Math.max(original?.volumeSizeGb ?? 0, minimum);
    if (size < minimum) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('volume-size', `${size} GB is smaller than backup ${backup.id} (${backup.sizeGb} GB); use at least ${minimum}`);
    }
    const volumeType = inputs.volumeType || original?.volumeType;
    const plan = {
        backup,
        flavorRef,
        volume: volumeType ? { size, type: volumeType } : { size },
        datastore: { type, version: offered.name }
    };
    if (source)
        plan.source = source;
    if (inputs.network)
        plan.nics = [{ networkId: inputs.network }];
    return plan;
}
async function newestCompleted(trove, instance) {
    const backups = await trove.listBackups({ instanceId: instance.id, pageSize: 100 });
    const newest = (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_2__/* .newestUsable */ .v4)(backups);
    if (!newest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .jU(`Instance ${instance.name} has no COMPLETED backup to restore`);
    return newest;
}
async function chooseFlavor(trove, wanted, original) {
    if (!wanted) {
        if (original?.flavorId)
            return original.flavorId;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('flavor', 'is required when the source instance no longer exists (e.g. standard.small)');
    }
    const flavors = await trove.listFlavors();
    const match = flavors.find((f) => f.name === wanted || f.id === wanted);
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('flavor', `no flavor "${wanted}"; flavors: ${flavors.map((f) => f.name).join(', ')}`);
    }
    return match.id;
}
/** Fails early when a new instance would not fit in the project's quota. */
async function checkQuota(trove, plan) {
    const limits = await trove.getLimits();
    const instances = await trove.listInstances();
    const usedGb = instances.reduce((sum, i) => sum + (i.volumeSizeGb ?? 0), 0);
    const problems = [];
    if (limits.maxInstances !== undefined &&
        limits.maxInstances >= 0 &&
        instances.length + 1 > limits.maxInstances) {
        problems.push(`instances: ${instances.length} of ${limits.maxInstances} used, the new instance needs 1 more`);
    }
    if (limits.maxVolumesGb !== undefined &&
        limits.maxVolumesGb >= 0 &&
        usedGb + plan.volume.size > limits.maxVolumesGb) {
        problems.push(`volume storage: ${usedGb} of ${limits.maxVolumesGb} GB used, the new instance needs ${plan.volume.size} GB more`);
    }
    if (problems.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .jU(`The new instance does not fit in the project's quota (${problems.join('; ')}). ` +
            'Free some room (delete an instance, or ask the provider for more quota) or set a smaller volume-size.');
    }
    return `quota ok: ${instances.length + 1}/${limits.maxInstances ?? '∞'} instances, ${usedGb + plan.volume.size}/${limits.maxVolumesGb ?? '∞'} GB`;
}


/***/ }),

/***/ 435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ls: () => (/* binding */ refuseTakenName),
/* harmony export */   g_: () => (/* binding */ restoreInstance),
/* harmony export */   "if": () => (/* binding */ createInstanceAndWait),
/* harmony export */   yE: () => (/* binding */ refuseTempName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7595);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5222);
/* harmony import */ var _waits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5031);




/**
 * Creates an instance from the plan's backup and waits until it is usable. The create is sent
 * once: if its answer is lost, we look the instance up by its unique name instead of asking again.
 */
async function restoreInstance(deps, trove, plan, name, allowedCidrs, timeoutMs, onCreated) {
    return createInstanceAndWait(deps, trove, {
        name,
        flavorRef: plan.flavorRef,
        volume: plan.volume,
        datastore: plan.datastore,
        restoreBackupId: plan.backup.id,
        // is_public gives the instance a public address; the allow-list limits who reaches it.
        access: { isPublic: true, allowedCidrs },
        ...(plan.nics && { nics: plan.nics })
    }, timeoutMs, (id) => {
        onCreated(id);
        deps.logger.info(`Restoring backup ${plan.backup.id} into instance ${name} (${id})`);
    });
}
/**
 * Sends one create and waits until the instance is usable (ACTIVE, with an address). The name
 * must be unused: if the answer is lost, the instance is looked up by that name, never asked
 * for again.
 */
async function createInstanceAndWait(deps, trove, request, timeoutMs, onCreated) {
    const started = deps.now();
    const { name } = request;
    let created;
    try {
        created = await trove.createInstance(request);
    }
    catch (error) {
        if (!(0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_1__/* .outcomeUnknown */ .Hu)(error))
            throw error;
        deps.logger.warning(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)} — checking whether instance ${name} was created anyway`);
        const found = await (0,_waits_js__WEBPACK_IMPORTED_MODULE_2__/* .findInstancesByName */ .eI)(trove, name);
        if (found.length === 0)
            throw error;
        created = found[0];
    }
    onCreated(created.id);
    const { value } = await (0,_waits_js__WEBPACK_IMPORTED_MODULE_2__/* .waitForInstanceReady */ .lP)(trove, { id: created.id, name }, timeoutMs, deps);
    const host = value.addresses[0];
    if (!host)
        throw new Error(`Instance ${name} is ACTIVE but has no address; is it public (access.is_public)?`);
    return { instance: value, host, restoreMs: deps.now() - started };
}
/** restore-name must not look like a drill's temporary instance: sweep would delete it. */
function refuseTempName(name) {
    if ((0,_marker_js__WEBPACK_IMPORTED_MODULE_3__/* .isTempInstanceName */ .x5)(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-name', 'must not look like a drill’s temporary instance (sweep would delete it)');
    }
}
/** A kept instance's name must be unused: a lost create answer is found again by it. */
async function refuseTakenName(trove, name, hint = '') {
    if ((await trove.listInstances()).some((i) => i.name === name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-name', `an instance named "${name}" already exists; choose another name${hint}`);
    }
}


/***/ }),

/***/ 7244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ failureOf),
  F: () => (/* binding */ withTemporaryInstance)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/openstack/index.ts + 12 modules
var openstack = __webpack_require__(5222);
// EXTERNAL MODULE: ./src/cloud/allow-list.ts
var allow_list = __webpack_require__(6701);
// EXTERNAL MODULE: ./src/cloud/marker.ts
var marker = __webpack_require__(7595);
// EXTERNAL MODULE: ./src/cloud/waits.ts
var waits = __webpack_require__(5031);
;// CONCATENATED MODULE: ./src/cloud/leftovers.ts



/**
 * What the main step leaves for the post step (core.saveState; the CLI keeps it in memory), as
 * JSON values under fixed keys. The clean-up after a cancelled run undoes only what these record.
 */
const STATE_KEYS = {
    /** `{ "name": string, "id"?: string }` of a temporary instance that may exist. */
    tempInstance: 'temp-instance',
    /** `true` once the main step confirmed the temporary instance is gone (or kept it on purpose). */
    tempInstanceDone: 'temp-instance-done'
};
/** How long a clean-up after cancellation waits for a delete to be confirmed. */
const LEFTOVER_DELETE_TIMEOUT_MS = (/* unused pure expression or super */ null && (15 * 60_000));
function parseTempInstanceState(raw) {
    if (!raw)
        return undefined;
    try {
        const value = JSON.parse(raw);
        if (typeof value.name !== 'string' || value.name === '')
            return undefined;
        return typeof value.id === 'string' ? { name: value.name, id: value.id } : { name: value.name };
    }
    catch {
        return undefined;
    }
}
/** The temporary instance a run still owes a delete, from what it saved; undefined: nothing. */
function pendingTempInstance(read) {
    if (read(STATE_KEYS.tempInstanceDone) === 'true')
        return undefined;
    return parseTempInstanceState(read(STATE_KEYS.tempInstance) ?? '');
}
/**
 * Writes the state from the moment the name is chosen — before the create is sent, since a run
 * can be killed while the create is in flight — so a cancellation hook and the post step find it.
 */
class TempInstanceRecord {
    name;
    id;
    done = false;
    saveState;
    constructor(saveState) {
        this.saveState = saveState;
    }
    planned(name) {
        this.name = name;
        this.saveState(STATE_KEYS.tempInstance, JSON.stringify({ name }));
    }
    created(id) {
        this.id = id;
        this.saveState(STATE_KEYS.tempInstance, JSON.stringify({ name: this.name, id }));
    }
    /** Deleted and confirmed gone, or kept on purpose: the post step has nothing to do. */
    finished() {
        this.done = true;
        this.saveState(STATE_KEYS.tempInstanceDone, 'true');
    }
}
/**
 * The instances a saved state may delete. Only a name with our marker is ever considered. A
 * recorded id is deleted only while the instance still carries the recorded name: a saved id
 * alone is no proof (state can be forged, and ids are shown to every project member). Without
 * an id (the run was stopped while the create was in flight) the marker name is looked up.
 */
async function recordedInstances(trove, state, deps, prefix = '') {
    if (!(0,marker/* isTempInstanceName */.x5)(state.name)) {
        deps.logger.warning(`${prefix}the saved instance name "${state.name}" is not one of ours; not touching it`);
        return [];
    }
    if (!state.id)
        return (0,waits/* findInstancesByName */.eI)(trove, state.name);
    const current = await trove.findInstanceById(state.id);
    if (!current)
        return [];
    if (current.name !== state.name) {
        deps.logger.warning(`${prefix}instance ${state.id} is named "${current.name}", not "${state.name}" as this run recorded; not touching it`);
        return [];
    }
    return [{ id: current.id, name: current.name }];
}
/**
 * Deletes what a cancelled or killed run recorded and waits until it is gone (the post step; the
 * CLI after Ctrl-C). Idempotent: an instance that is already gone is fine. Throws when a delete
 * is refused or not confirmed in time; the caller says what to do then.
 */
async function deleteLeftover(trove, state, deps, prefix = '') {
    // "post: temporary instance …" in the post step; "Temporary instance …" in a terminal.
    const line = (text) => prefix ? `${prefix}${text}` : `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
    const found = await recordedInstances(trove, state, deps, prefix);
    if (found.length === 0 && isTempInstanceName(state.name)) {
        deps.logger.info(line(`temporary instance ${state.name} is gone or was never created`));
    }
    for (const instance of found) {
        deps.logger.info(line(`deleting temporary instance ${instance.name} (${instance.id}) left by the main step; waiting up to ${formatElapsed(LEFTOVER_DELETE_TIMEOUT_MS)}`));
        await deleteAndConfirm(trove, instance, LEFTOVER_DELETE_TIMEOUT_MS, deps);
        deps.logger.info(line(`temporary instance ${instance.name} (${instance.id}) is gone`));
    }
}

// EXTERNAL MODULE: ./src/cloud/restore.ts
var restore = __webpack_require__(435);
// EXTERNAL MODULE: ./src/cloud/restore-plan.ts
var restore_plan = __webpack_require__(4219);
;// CONCATENATED MODULE: ./src/cloud/temporary-instance.ts








/**
 * The one life cycle of a temporary instance: plan and check quota (nothing is created when
 * this throws) → allow-list → marker name recorded for the post step → restore → `work` →
 * always delete and confirm gone (here; on cancellation, by asking at once; in the post step;
 * by sweep as the last resort). Returns how it ended; `failureOf` turns that into the error.
 */
async function withTemporaryInstance(host, trove, inputs, options) {
    const plan = await host.group(options.planTitle, async () => {
        const planned = await (0,restore_plan/* planRestore */.q)(trove, inputs);
        host.logger.info(`Backup ${planned.backup.name} (${planned.backup.id}), ${planned.backup.sizeGb ?? '?'} GB, taken ${planned.backup.created.toISOString()}`);
        host.logger.info(await (0,restore_plan/* checkQuota */.L)(trove, planned));
        await options.beforeRestore?.(planned);
        return planned;
    });
    const cidrs = await (0,allow_list/* resolveAllowedCidrs */.aM)(inputs, options.env);
    host.logger.info(`The temporary instance will accept connections from ${cidrs.join(', ')}`);
    const record = new TempInstanceRecord((key, value) => host.saveState(key, value));
    const name = (0,marker/* tempInstanceName */.nW)(plan.backup.id, host.run.runId, host.run.runAttempt);
    record.planned(name);
    const removeCancelHook = host.onCancel(async (signal) => {
        host.logger.warning(`Received ${signal}: deleting the temporary instance before exiting`);
        await options.onCancel?.().catch(() => undefined);
        await askToDelete(trove, record, host);
    });
    const run = { plan, name, cleanup: 'nothing was created' };
    try {
        run.restored = await host.group('Restore into a temporary instance', () => (0,restore/* restoreInstance */.g_)(host, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
            record.created(id);
            run.id = id;
        }));
        host.logger.info(`Restored and usable in ${(0,openstack/* formatElapsed */.C7)(run.restored.restoreMs)} at ${run.restored.host}`);
        run.value = await options.work({ plan, restored: run.restored });
    }
    catch (error) {
        run.error = error;
    }
    // Clean up whatever happened above; an error here must not hide the run's own error.
    removeCancelHook();
    await cleanUp(host, trove, inputs, options, record, run);
    return run;
}
/** The error a run on a temporary instance ends with, if any: its own, and a failed delete. */
function failureOf(run) {
    if (run.cleanupError) {
        return new errors/* CheckFailure */.jU(run.error !== undefined
            ? `${(0,errors/* describeError */.Uc)(run.error)}; ${run.cleanupError}`
            : run.cleanupError);
    }
    return run.error;
}
async function cleanUp(host, trove, inputs, options, record, run) {
    const id = run.id;
    if (!id) {
        record.finished();
        return;
    }
    const failed = run.error !== undefined ||
        (options.succeeded !== undefined && !options.succeeded(run.value));
    if (failed && options.keepOnFailure) {
        record.finished();
        run.cleanup = `kept for debugging (${host.spell.setting('keep-on-failure')}): delete it with \`openstack database instance delete ${id}\` or run ${host.spell.mode('sweep')}`;
        host.warn(`Temporary instance ${run.name} (${id}) was ${run.cleanup}`, 'Temporary instance kept');
        return;
    }
    try {
        await host.group('Delete the temporary instance', () => (0,waits/* deleteAndConfirm */.L7)(trove, { id, name: run.name }, inputs.deleteTimeoutMs, host));
        record.finished();
        run.cleanup = 'deleted (confirmed gone)';
    }
    catch (error) {
        // Leave the saved state as it is: the post step tries again.
        run.cleanup = `❌ NOT deleted: ${(0,errors/* describeError */.Uc)(error)}`;
        run.cleanupError =
            `Could not delete temporary instance ${run.name} (${id}): ${(0,errors/* describeError */.Uc)(error)}. ` +
                `It costs money while it exists: delete it with \`openstack database instance delete ${id}\`.`;
    }
}
/**
 * On cancellation: ask for the delete at once (there are only seconds before the runner kills
 * us); the post step confirms it is gone.
 */
async function askToDelete(trove, record, deps) {
    if (record.done || !record.name)
        return;
    const state = record.id ? { name: record.name, id: record.id } : { name: record.name };
    for (const instance of await recordedInstances(trove, state, deps)) {
        try {
            await trove.deleteInstance(instance.id);
            deps.logger.warning(`Cancelled: asked to delete temporary instance ${instance.name} (${instance.id}); the post step confirms it`);
        }
        catch (error) {
            deps.logger.warning(`Cancelled: could not delete ${instance.name} (${instance.id}) yet: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
}


/***/ }),

/***/ 2027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ tableLabel),
/* harmony export */   fq: () => (/* binding */ fullName),
/* harmony export */   zK: () => (/* binding */ toCount)
/* harmony export */ });
/** `orders` (or `audit.orders` outside PostgreSQL's `public` schema). */
function tableLabel(table) {
    return table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
}
/** `shop.orders`: the database and the table, as messages name them. */
function fullName(table) {
    return `${table.database}.${tableLabel(table)}`;
}
/** Counts arrive as number, bigint or numeric text depending on the driver. */
function toCount(value) {
    const n = typeof value === 'bigint' ? Number(value) : Number(value);
    if (!Number.isFinite(n))
        throw new Error(`unexpected row count ${String(value)}`);
    return n;
}


/***/ }),

/***/ 7192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UW: () => (/* binding */ connectHome),
  sR: () => (/* binding */ endpoint),
  CT: () => (/* binding */ openServer)
});

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./src/database/tls.ts
var database_tls = __webpack_require__(352);
;// CONCATENATED MODULE: ./src/database/session.ts
// An engine-neutral connection: the checks speak to PostgreSQL and MariaDB through this.

/** Extra time the client waits past the server's statement timeout before cutting the line. */
const BACKSTOP_MS = 10_000;
/** Waits for a polite close, then gives up: a server busy with a query may never answer it. */
async function closeWithin(end, destroy, ms = 2_000) {
    let timer;
    const gaveUp = new Promise((resolve) => {
        timer = setTimeout(() => resolve('late'), ms);
    });
    try {
        const outcome = await Promise.race([end().then(() => 'ended'), gaveUp]);
        if (outcome === 'late')
            destroy();
    }
    catch {
        destroy();
    }
    finally {
        clearTimeout(timer);
    }
}
/** Remembers what `prefer` found out, so later connections do not try TLS again in vain. */
class TlsChoice {
    mode;
    resolved;
    constructor(mode) {
        this.mode = mode;
    }
    /** Whether to try TLS on the next connection. */
    next() {
        if (this.mode === 'disable')
            return false;
        if (this.mode !== 'prefer')
            return true;
        return this.resolved ?? true;
    }
    /** May the caller retry without TLS after the server said it has none? Only `prefer`. */
    canFallBack() {
        return this.mode === 'prefer' && this.resolved === undefined;
    }
    settle(tls) {
        this.resolved = tls;
    }
    state() {
        return (0,database_tls/* tlsNote */.qt)(this.mode, this.next());
    }
}
/**
 * A connector with libpq's `sslmode` behaviour (database/tls.ts): TLS first unless `disable`;
 * only `prefer` goes plain, and only when the server answers that it has no TLS at all (`noTls`
 * knows each driver's words for that). Later connections reuse what the first one found out.
 * `connect` builds the driver's TLS options from the target; certificate failures come back
 * naming the inputs to fix.
 */
function tlsConnector(target, connect, noTls) {
    const tls = new TlsChoice(target.tls);
    return {
        tlsState: () => tls.state(),
        async open(options) {
            const useTls = tls.next();
            try {
                const session = await connect(options, useTls);
                if (tls.canFallBack())
                    tls.settle(useTls);
                return session;
            }
            catch (error) {
                const plainOnly = useTls && noTls(error);
                if (!(plainOnly && tls.canFallBack())) {
                    throw (useTls && (0,database_tls/* explainTlsError */.VI)(error, target, plainOnly)) || error;
                }
                const session = await connect(options, false);
                tls.settle(false);
                return session;
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/database/mariadb-connection.ts



/** MariaDB connections, with TLS as libpq's `sslmode` (database/tls.ts). */
function mariadbConnector(target) {
    return tlsConnector(target, (options, useTls) => connect(target, options, useTls), (error) => error.code === 'HANDSHAKE_NO_SSL_SUPPORT');
}
/**
 * mysql2's `ssl` for a connection (undefined: plain). mysql2 checks the host name only with
 * `verifyIdentity`, against the address it dialled (IP SANs for an address).
 */
function mariadbSsl(target, useTls) {
    if (!useTls)
        return undefined;
    if (target.tls === 'verify-full') {
        return { ca: (0,database_tls/* caPem */.tc)(target), rejectUnauthorized: true, verifyIdentity: true };
    }
    if (target.tls === 'verify-ca') {
        return { ca: (0,database_tls/* caPem */.tc)(target), rejectUnauthorized: true, verifyIdentity: false };
    }
    return { rejectUnauthorized: false };
}
/**
 * The socket for verify-full to an IP address. Node's TLS checks the certificate against the
 * connection's servername, else its host option, else the socket's `_host`; mysql2 sets no
 * servername for an IP (SNI must not carry one) and passes no host, and Node records `_host`
 * only for names it looked up. So without this the certificate is compared with "localhost"
 * and verify-full fails for every IP; it fails the same way (closed) should Node stop reading it.
 */
function socketNamedFor(target) {
    if (target.tls !== 'verify-full' || (0,external_node_net_.isIP)(target.host) === 0)
        return undefined;
    return () => {
        const socket = (0,external_node_net_.connect)(target.port, target.host);
        socket.setNoDelay(true);
        socket._host = target.host;
        return socket;
    };
}
async function connect(target, options, useTls) {
    const stream = useTls ? socketNamedFor(target) : undefined;
    // Loaded on the first connection: a run that only talks to PostgreSQL never parses mysql2.
    const { createConnection } = await __webpack_require__.e(/* import() */ 588).then(__webpack_require__.t.bind(__webpack_require__, 7588, 19));
    const connection = await createConnection({
        ...(stream && { stream }),
        host: target.host,
        port: target.port,
        user: target.user,
        password: target.password,
        ...(options.database !== undefined && { database: options.database }),
        connectTimeout: options.connectTimeoutMs,
        ...(useTls && { ssl: mariadbSsl(target, useTls) }),
        // Exact numbers: BIGINT beyond 2^53 arrives as text rather than rounded.
        supportBigNumbers: true,
        bigNumberStrings: false,
        multipleStatements: false
    });
    let broken = false;
    // Without a listener, a connection lost while idle would crash the process.
    connection.on('error', () => {
        broken = true;
    });
    const destroy = () => {
        broken = true;
        connection.destroy();
    };
    try {
        await limitStatements(connection, options.statementTimeoutMs);
    }
    catch (error) {
        destroy();
        throw error;
    }
    return {
        get broken() {
            return broken;
        },
        async query(sql, params) {
            try {
                const [rows, fields] = await connection.query({
                    sql,
                    values: params,
                    rowsAsArray: true,
                    // mysql2 destroys the connection when this passes: the backstop to max_statement_time.
                    timeout: options.statementTimeoutMs + BACKSTOP_MS
                });
                if (!Array.isArray(rows))
                    return { columns: 0, rows: [] };
                return {
                    columns: fields?.length ?? 0,
                    rows: rows
                };
            }
            catch (error) {
                if (error.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
                    broken = true;
                    const seconds = Math.round((options.statementTimeoutMs + BACKSTOP_MS) / 1000);
                    throw new Error(`no answer from the server within ${seconds}s; the connection was cut`, {
                        cause: error
                    });
                }
                throw error;
            }
        },
        close: () => closeWithin(() => connection.end(), destroy)
    };
}
/**
 * MariaDB cancels statements after `max_statement_time` (seconds). A MySQL server (some Trove
 * clouds) knows only `max_execution_time` (ms, SELECT only); the client backstop covers the rest.
 */
async function limitStatements(connection, ms) {
    try {
        await connection.query(`SET SESSION max_statement_time = ${ms / 1000}`);
    }
    catch {
        await connection.query(`SET SESSION max_execution_time = ${Math.round(ms)}`).catch(() => { });
    }
}

// EXTERNAL MODULE: ./src/database/engine.ts
var engine = __webpack_require__(2027);
;// CONCATENATED MODULE: ./src/database/mariadb-engine.ts

const ident = (s) => `\`${s.replaceAll('`', '``')}\``;
const qualified = (t) => `${ident(t.database)}.${ident(t.name)}`;
/** The server's own schemas, and what a datadir on a mount point shows (Trove volumes). */
const SYSTEM_DATABASES = new Set([
    'information_schema',
    'performance_schema',
    'mysql',
    'sys',
    'lost+found',
    '#mysql50#lost+found'
]);
const mariadbEngine = {
    label: 'MariaDB',
    // No database is needed to connect.
    connectDatabases: [undefined],
    // 1049 unknown database, 1044 no access to it.
    isUnusableDatabase: (error) => [1049, 1044].includes(error?.errno ?? 0),
    optionalDatabases: [],
    async version(session) {
        const { rows } = await session.query('SELECT VERSION()');
        // "10.11.6-MariaDB-0+deb12u1" → "10.11.6"
        return String(rows[0]?.[0] ?? '?').split('-')[0];
    },
    async listDatabases(session) {
        const { rows } = await session.query('SHOW DATABASES');
        return rows
            .map((r) => String(r[0]))
            .filter((d) => !SYSTEM_DATABASES.has(d.toLowerCase()))
            .sort();
    },
    async listTables(session, database) {
        const { rows } = await session.query(`SELECT TABLE_NAME FROM information_schema.TABLES
       WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`, [database]);
        return rows.map((r) => ({ database, name: String(r[0]) }));
    },
    async countRows(session, table) {
        const { rows } = await session.query(`SELECT COUNT(*) FROM ${qualified(table)}`);
        return (0,engine/* toCount */.zK)(rows[0]?.[0]);
    },
    async checksum(session, table) {
        // Columns: Table, Checksum (NULL when the table cannot be read).
        const { rows } = await session.query(`CHECKSUM TABLE ${qualified(table)}`);
        const value = rows[0]?.[1];
        return value === null || value === undefined ? null : String(value);
    },
    integrity: checkTables
};
/**
 * CHECK TABLE per table. Columns: Table, Op, Msg_type, Msg_text; the last `status` row says OK
 * (or "Table is already up to date"); any `error` row, or another status, means damage. `note`
 * rows (e.g. an engine that cannot check) are not failures.
 */
async function checkTables(session, _database, tables) {
    const failures = [];
    let checked = 0;
    for (const table of tables) {
        const { rows } = await session.query(`CHECK TABLE ${qualified(table)}`);
        checked++;
        const problems = rows
            .filter(([, , type, text]) => {
            const kind = String(type).toLowerCase();
            if (kind === 'error')
                return true;
            return kind === 'status' && !/^(OK|Table is already up to date)$/i.test(String(text));
        })
            .map(([, , type, text]) => `${String(type)}: ${String(text)}`);
        if (problems.length > 0)
            failures.push(`${table.database}.${table.name}: ${problems.join('; ')}`);
    }
    return { checked, failures };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/database/pg-connection.ts



/** node-postgres' words when the server answers the SSLRequest with "N". */
const NO_TLS = /does not support SSL/i;
/** PostgreSQL connections, with TLS as libpq's `sslmode` (database/tls.ts). */
function pgConnector(target) {
    return tlsConnector(target, (options, useTls) => pg_connection_connect(target, options, useTls), (error) => NO_TLS.test((0,errors/* describeError */.Uc)(error)));
}
/**
 * node-postgres' `ssl` for a connection. `ca` replaces Node's bundled CAs, as libpq's
 * sslrootcert does. node-postgres passes the host to Node's TLS, which then checks an IP
 * address against the certificate's IP SANs (verify-full); verify-ca skips that check.
 */
function pgSsl(target, useTls) {
    if (!useTls)
        return false;
    if (target.tls === 'verify-full')
        return { ca: (0,database_tls/* caPem */.tc)(target), rejectUnauthorized: true };
    if (target.tls === 'verify-ca') {
        return { ca: (0,database_tls/* caPem */.tc)(target), rejectUnauthorized: true, checkServerIdentity: () => undefined };
    }
    return { rejectUnauthorized: false };
}
async function pg_connection_connect(target, options, useTls) {
    // Loaded on the first connection: a run that only talks to MariaDB (or to no database) never
    // parses node-postgres.
    const { Client } = (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 3849))).default;
    const client = new Client({
        host: target.host,
        port: target.port,
        user: target.user,
        password: target.password,
        database: options.database ?? 'postgres',
        ssl: pgSsl(target, useTls),
        connectionTimeoutMillis: options.connectTimeoutMs,
        // The server cancels a statement after this; the client gives up a little later in case the
        // server (or the network) stops answering altogether.
        statement_timeout: options.statementTimeoutMs,
        query_timeout: options.statementTimeoutMs + BACKSTOP_MS,
        application_name: 'dbaas-backup-action'
    });
    let broken = false;
    const destroy = () => {
        broken = true;
        streamOf(client)?.destroy();
    };
    // Without a listener, a connection lost while idle would crash the process.
    client.on('error', () => {
        broken = true;
    });
    try {
        await client.connect();
    }
    catch (error) {
        destroy();
        throw error;
    }
    return {
        get broken() {
            return broken;
        },
        async query(sql, params) {
            try {
                const result = await client.query({ text: sql, values: params, rowMode: 'array' });
                // A text with several statements answers with one result each: the last one counts.
                const last = Array.isArray(result) ? result.at(-1) : result;
                return { columns: last?.fields?.length ?? 0, rows: (last?.rows ?? []) };
            }
            catch (error) {
                if ((0,errors/* describeError */.Uc)(error) === 'Query read timeout') {
                    destroy();
                    const seconds = Math.round((options.statementTimeoutMs + BACKSTOP_MS) / 1000);
                    throw new Error(`no answer from the server within ${seconds}s; the connection was cut`, {
                        cause: error
                    });
                }
                throw error;
            }
        },
        close: () => closeWithin(() => client.end(), destroy)
    };
}
/** The socket under a pg.Client: not in the typings, needed to cut a connection that hangs. */
function streamOf(client) {
    return client.connection?.stream;
}

;// CONCATENATED MODULE: ./src/database/pg-engine.ts

const pg_engine_ident = (s) => `"${s.replaceAll('"', '""')}"`;
const pg_engine_qualified = (t) => `${pg_engine_ident(t.schema ?? 'public')}.${pg_engine_ident(t.name)}`;
const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;
/** SQLSTATE of a PostgreSQL error (node-postgres puts it in `code`). */
function sqlState(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
const postgresEngine = {
    label: 'PostgreSQL',
    // Every cluster has `postgres`; `template1` when `postgres` was dropped or is closed to us.
    connectDatabases: ['postgres', 'template1'],
    // 3D000 no such database, 42501 no CONNECT privilege, 28000 pg_hba refuses this database.
    isUnusableDatabase: (error) => ['3D000', '42501', '28000'].includes(sqlState(error) ?? ''),
    optionalDatabases: ['postgres'],
    async version(session) {
        const { rows } = await session.query('SHOW server_version');
        return String(rows[0]?.[0] ?? '?').split(' ')[0];
    },
    async listDatabases(session) {
        const { rows } = await session.query(`SELECT datname FROM pg_database
       WHERE datallowconn AND NOT datistemplate AND has_database_privilege(datname, 'CONNECT')
       ORDER BY datname`);
        return rows.map((r) => String(r[0]));
    },
    async listTables(session, database) {
        // Ordinary tables and partitions ('r'); a partitioned parent ('p') would count its rows twice.
        const { rows } = await session.query(`SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND c.relpersistence <> 't' AND ${SYSTEM_SCHEMAS}
       ORDER BY n.nspname, c.relname`);
        return rows.map((r) => ({ database, schema: String(r[0]), name: String(r[1]) }));
    },
    async countRows(session, table) {
        const { rows } = await session.query(`SELECT count(*) FROM ${pg_engine_qualified(table)}`);
        return (0,engine/* toCount */.zK)(rows[0]?.[0]);
    },
    async checksum(session, table) {
        // Row text in a fixed order: equal on both sides exactly when the rows are equal.
        const { rows } = await session.query(`SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ${pg_engine_qualified(table)} t`);
        const value = rows[0]?.[0];
        return value === null || value === undefined ? null : String(value);
    },
    integrity: amcheck
};
/**
 * amcheck's bt_index_check over the btree indexes of user tables. The extension is not trusted:
 * creating it (and calling its functions) needs a superuser or a grant, which a DBaaS user often
 * lacks. That is reported as skipped with the reason, not as a failure of the backup.
 */
async function amcheck(session, database) {
    try {
        await session.query('CREATE EXTENSION IF NOT EXISTS amcheck');
    }
    catch (error) {
        const skipped = `amcheck unavailable in ${database}: ${message(error)}`;
        return { checked: 0, failures: [], skipped };
    }
    const { rows: schema } = await session.query(`SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'amcheck'`);
    const fn = `${pg_engine_ident(String(schema[0]?.[0] ?? 'public'))}.bt_index_check`;
    const { rows: indexes } = await session.query(`SELECT c.oid, n.nspname, c.relname FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid
     JOIN pg_am am ON am.oid = c.relam
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'i' AND am.amname = 'btree' AND i.indisvalid AND i.indisready AND c.relpersistence <> 't'
       AND ${SYSTEM_SCHEMAS}
     ORDER BY n.nspname, c.relname`);
    const failures = [];
    let checked = 0;
    for (const [oid, nsp, name] of indexes) {
        const label = `${database}.${nsp === 'public' ? '' : `${String(nsp)}.`}${String(name)}`;
        try {
            await session.query(`SELECT ${fn}($1::oid::regclass)`, [oid]);
            checked++;
        }
        catch (error) {
            // 42501: the function exists but EXECUTE was not granted to this user.
            if (sqlState(error) === '42501' && checked === 0) {
                return {
                    checked: 0,
                    failures: [],
                    skipped: `amcheck not usable in ${database}: ${message(error)}`
                };
            }
            failures.push(`${label}: ${message(error)}`);
        }
    }
    return { checked, failures };
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/database/session-pool.ts
/**
 * One open session per database, reused by the checks and closed together at the end. A session
 * that broke (lost connection, cut after a timeout) is replaced on the next request.
 */
class SessionPool {
    connector;
    connectTimeoutMs;
    statementTimeoutMs;
    open = new Map();
    extra = new Set();
    constructor(connector, connectTimeoutMs, statementTimeoutMs) {
        this.connector = connector;
        this.connectTimeoutMs = connectTimeoutMs;
        this.statementTimeoutMs = statementTimeoutMs;
    }
    /** The shared session for `database` (undefined: the server's default, MariaDB only). */
    async get(database) {
        const key = database ?? '';
        const existing = this.open.get(key);
        if (existing) {
            const session = await existing.catch(() => undefined);
            if (session && !session.broken)
                return session;
            if (session)
                await session.close();
        }
        const opening = this.connector.open({
            ...(database !== undefined && { database }),
            connectTimeoutMs: this.connectTimeoutMs,
            statementTimeoutMs: this.statementTimeoutMs
        });
        this.open.set(key, opening);
        // A failed open is not cached: the next request tries again.
        opening.catch(() => {
            if (this.open.get(key) === opening)
                this.open.delete(key);
        });
        return opening;
    }
    /** A session of its own (an assertion with its own timeout); closed by closeAll too. */
    async dedicated(database, statementTimeoutMs) {
        const session = await this.connector.open({
            ...(database !== undefined && { database }),
            connectTimeoutMs: this.connectTimeoutMs,
            statementTimeoutMs
        });
        this.extra.add(session);
        return session;
    }
    async release(session) {
        this.extra.delete(session);
        await session.close();
    }
    async closeAll() {
        const shared = await Promise.all([...this.open.values()].map((p) => p.catch(() => undefined)));
        const all = [...shared, ...this.extra].filter((s) => s !== undefined);
        this.open.clear();
        this.extra.clear();
        await Promise.all(all.map((s) => s.close()));
    }
}

;// CONCATENATED MODULE: ./src/database/server.ts





function openServer(target, connectTimeoutMs, queryTimeoutMs) {
    const postgres = target.engine === 'postgresql';
    const connector = postgres ? pgConnector(target) : mariadbConnector(target);
    return {
        target,
        engine: postgres ? postgresEngine : mariadbEngine,
        connector,
        pool: new SessionPool(connector, connectTimeoutMs, queryTimeoutMs)
    };
}
/**
 * The first connection: to the first given database, or else to the engine's usual one
 * (PostgreSQL needs some database to log in to; `template1` when `postgres` is closed to us).
 * A given database that is missing falls back too, so the tables check can say which is missing
 * instead of the whole run stopping at "connect".
 */
async function connectHome(server) {
    const given = server.target.databases[0];
    const usual = server.engine.connectDatabases;
    const candidates = given !== undefined ? [given, ...usual.filter((d) => d !== given)] : usual;
    let lastError;
    for (const [i, database] of candidates.entries()) {
        try {
            return { session: await server.pool.get(database), database };
        }
        catch (error) {
            lastError = error;
            const more = i < candidates.length - 1;
            if (!(more && server.engine.isUnusableDatabase(error)))
                throw error;
        }
    }
    throw lastError;
}
function endpoint(target) {
    return `${target.host}:${target.port}`;
}


/***/ }),

/***/ 8928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J2: () => (/* binding */ DEFAULT_PORTS),
/* harmony export */   ky: () => (/* binding */ engineOf),
/* harmony export */   s4: () => (/* binding */ dbTarget)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** The standard port of each engine: a Trove instance listens on it at its own address. */
const DEFAULT_PORTS = { postgresql: 5432, mariadb: 3306 };
/** The engine behind a Trove datastore type (`postgresql`, `mariadb`, `mysql`). */
function engineOf(datastore) {
    const name = datastore.toLowerCase();
    if (name.includes('postgres'))
        return 'postgresql';
    if (name.includes('maria') || name.includes('mysql'))
        return 'mariadb';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .jU(`Datastore ${datastore} has no database checks yet (PostgreSQL and MariaDB do)`);
}
/** The database server of an instance at `host`, with the user's login. */
function dbTarget(login, engine, host) {
    return {
        engine,
        host,
        port: DEFAULT_PORTS[engine],
        user: login.dbUser,
        password: login.dbPassword,
        databases: login.databases,
        tls: login.dbTls,
        ...(login.dbCa && { ca: login.dbCa })
    };
}


/***/ })

};

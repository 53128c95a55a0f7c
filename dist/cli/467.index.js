export const id = 467;
export const ids = [467];
export const modules = {

/***/ 352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DO: () => (/* binding */ caFile),
/* harmony export */   FM: () => (/* binding */ TLS_MODES),
/* harmony export */   VI: () => (/* binding */ explainTlsError),
/* harmony export */   ce: () => (/* binding */ unverifiedWarning),
/* harmony export */   p4: () => (/* binding */ isVerified),
/* harmony export */   qt: () => (/* binding */ tlsNote),
/* harmony export */   tc: () => (/* binding */ caPem)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// What each db-tls mode checks, in one place for both drivers and the dump tools: the modes
// are libpq's `sslmode` (disable, prefer, require, verify-ca, verify-full).



/** Every mode, in libpq's order (weakest first). */
const TLS_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'];
/** Only these check who is at the other end; the others are open to a machine in the middle. */
function isVerified(mode) {
    return mode === 'verify-ca' || mode === 'verify-full';
}
/** The CA certificates a verifying mode checks against. Inputs refuse verify-* without db-ca. */
function caPem(target) {
    if (!target.ca)
        throw new Error(`db-tls ${target.tls} needs a CA (db-ca); none was given`);
    return target.ca.pem;
}
/** The connect check's word on TLS, once a connection was made. */
function tlsNote(mode, usedTls) {
    if (mode === 'disable')
        return 'TLS off';
    if (!usedTls)
        return 'no TLS (the server does not offer it)';
    if (mode === 'verify-full')
        return 'TLS, certificate verified (chain to db-ca and host name)';
    if (mode === 'verify-ca')
        return 'TLS, certificate verified (chain to db-ca; host name not checked)';
    return 'TLS, certificate not verified';
}
/** Node's codes for a certificate that does not chain to a trusted CA. */
const UNTRUSTED = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_SIGNATURE_FAILURE',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'INVALID_CA'
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/**
 * mysql2 replaces Node's code with its own HANDSHAKE_SSL_ERROR and keeps the message: the
 * messages (OpenSSL's verify strings, and Node's own for the host name) tell the code again.
 */
const BY_MESSAGE = [
    [/^Hostname\/IP does not match certificate's altnames/, 'ERR_TLS_CERT_ALTNAME_INVALID'],
    [/^unable to verify the first certificate/, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    [/^self[- ]signed certificate in certificate chain/, 'SELF_SIGNED_CERT_IN_CHAIN'],
    [/^self[- ]signed certificate/, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    [/^unable to get local issuer certificate/, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
    [/^unable to get issuer certificate/, 'UNABLE_TO_GET_ISSUER_CERT'],
    [/^certificate signature failure/, 'CERT_SIGNATURE_FAILURE'],
    [/^certificate has expired/, 'CERT_HAS_EXPIRED'],
    [/^certificate is not yet valid/, 'CERT_NOT_YET_VALID']
];
function tlsCode(error, words) {
    const code = error?.code;
    if (typeof code === 'string' && code !== 'HANDSHAKE_SSL_ERROR')
        return code;
    return BY_MESSAGE.find(([pattern]) => pattern.test(words))?.[1];
}
/**
 * A certificate failure in the user's words, naming the inputs to look at (db-ca, db-tls);
 * undefined for any other error. `noTls`: the server said it has no TLS at all.
 */
function explainTlsError(error, target, noTls) {
    const { tls: mode, host } = target;
    // Not `instanceof Error`: errors from Node's own TLS may come from another realm (jest's VM).
    const message = error?.message;
    const words = typeof message === 'string' ? message : String(error);
    const code = tlsCode(error, words);
    if (noTls && mode !== 'prefer' && mode !== 'disable') {
        return new Error(`${words}: the server at ${host} offers no TLS, which db-tls: ${mode} needs`, {
            cause: error
        });
    }
    if (!isVerified(mode) || code === undefined)
        return undefined;
    const ca = target.ca?.label ?? 'none';
    if (UNTRUSTED.has(code)) {
        return new Error(`the certificate of ${host} is not signed by db-ca (${ca}): ${words} (${code}). ` +
            `db-ca must hold the CA certificate that signed the instance's certificate (db-tls: ${mode})`, { cause: error });
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return new Error(`the certificate of ${host} chains to db-ca but is not for this address: ${words}. ` +
            `db-tls: verify-full needs a certificate naming ${host}; db-tls: verify-ca checks the chain only`, { cause: error });
    }
    if (EXPIRED.has(code)) {
        return new Error(`the certificate of ${host} is not valid now: ${words} (db-tls: ${mode})`, {
            cause: error
        });
    }
    return undefined;
}
/**
 * The warning for a connection to a production instance (not a restored copy) that does not
 * check the server's certificate: whoever sits in between could read the data and, with a
 * plain connection or a forged certificate, db-password.
 */
function unverifiedWarning(mode, what) {
    if (isVerified(mode))
        return undefined;
    return (`${what} with db-tls: ${mode}, which does not verify the server's certificate: ` +
        `set db-tls: verify-full and db-ca (the CA certificate your cloud provider publishes for its database instances)`);
}
/**
 * The CA as a file for the command-line clients (PGSSLROOTCERT, --ssl-ca), written from the
 * PEM that was checked when the inputs were read; remove() deletes it. Not a secret.
 */
function caFile(ca) {
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'db-ca-'));
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'ca.pem');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, ca.pem, { mode: 0o644 });
    return { path: file, remove: () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true }) };
}


/***/ }),

/***/ 9189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ checkToolEnvNames),
/* harmony export */   o: () => (/* binding */ toolEnv)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * What a child process gets from the runner's environment: what a shell and the database
 * clients need to run, and nothing else — the cloud's credentials (`OS_*`), the object store's
 * (`AWS_*`), this action's inputs (`INPUT_*`, `DBAAS_BACKUP_*`) and GitHub's tokens stay out.
 */
const BASE_NAMES = ['PATH', 'HOME', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'RUNNER_TEMP', 'TERM'];
const BASE_PREFIXES = ['LC_'];
/** Names a user may never pass on: credentials and tokens of the cloud, the store and GitHub. */
const NEVER = /^(OS_|AWS_|INPUT_|DBAAS_BACKUP_|ACTIONS_)|^GITHUB_TOKEN$/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Checks the extra names of `command-env` (an input error names the input and the rule). */
function checkToolEnvNames(names) {
    for (const name of names) {
        if (!NAME.test(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('command-env', `"${name}" is not an environment variable name`);
        if (NEVER.test(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('command-env', `"${name}" is never passed on: OS_*, AWS_*, INPUT_*, DBAAS_BACKUP_*, ACTIONS_* and GITHUB_TOKEN hold credentials`);
    }
}
/** The allow-listed part of `env`, plus the `extra` names a user listed (if set). */
function toolEnv(env, extra = []) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        const allowed = BASE_NAMES.includes(name) ||
            BASE_PREFIXES.some((p) => name.startsWith(p)) ||
            (extra.includes(name) && !NEVER.test(name));
        if (allowed)
            out[name] = value;
    }
    return out;
}


/***/ }),

/***/ 7971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readDbTls)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _database_tls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(352);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4620);






/** A CA bundle is a few kB; anything this big is the wrong file. */
const MAX_CA_BYTES = 1024 * 1024;
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
/**
 * db-tls (libpq's sslmode names; `off` is the old name of `disable`) and db-ca, checked
 * together: a verifying mode needs the CA, and a CA without one would be silently unused.
 */
function readDbTls(source) {
    const dbTlsWarnings = [];
    let dbTls;
    if ((0,_source_js__WEBPACK_IMPORTED_MODULE_5__/* .valueOrDefault */ .a4)(source, 'db-tls').toLowerCase() === 'off') {
        // Workflows written before the libpq names keep working.
        dbTls = 'disable';
        dbTlsWarnings.push('db-tls: off is deprecated; it means db-tls: disable (no TLS), write that');
    }
    else {
        dbTls = (0,_source_js__WEBPACK_IMPORTED_MODULE_5__/* .readChoice */ .Kf)(source, 'db-tls', _database_tls_js__WEBPACK_IMPORTED_MODULE_3__/* .TLS_MODES */ .FM);
    }
    const caInput = source.get('db-ca');
    const verifying = dbTls === 'verify-ca' || dbTls === 'verify-full';
    if (verifying && !caInput) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('db-ca', `is required with db-tls: ${dbTls}: the CA certificate that signed the database server's certificate (a PEM file path or the PEM text), from your cloud provider`);
    }
    if (!verifying && caInput) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('db-ca', `is used only with db-tls: verify-ca or verify-full, and db-tls is ${dbTls}: set db-tls: verify-full to check the server's certificate against it`);
    }
    if (!verifying)
        return { dbTls, dbTlsWarnings };
    return { dbTls, dbCa: readCa(source, caInput), dbTlsWarnings };
}
/** PEM text as it is, or a path to a PEM file. The PEM is public, but is never echoed whole. */
function readCa(source, value) {
    if (value.includes('-----BEGIN'))
        return parseCa(source, value, 'PEM text');
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(value);
    let text;
    try {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file).size;
        if (size > MAX_CA_BYTES) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('db-ca', `file ${value} is ${size} bytes; a CA certificate is a few kB`);
        }
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz)
            throw error;
        const why = error.code ?? String(error);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('db-ca', `cannot read ${value} (${why}): give a PEM file path or the PEM text itself`);
    }
    return parseCa(source, text, value);
}
function parseCa(source, text, where) {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        // The one part that must stay secret: mask it in case anything shows it.
        source.mask(text.trim());
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('db-ca', `${where} holds a private key: give the CA certificate only (-----BEGIN CERTIFICATE-----)`);
    }
    const blocks = text.match(PEM_CERT) ?? [];
    if (blocks.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('db-ca', `${where} holds no PEM certificate (a block starting -----BEGIN CERTIFICATE-----)`);
    }
    const subjects = [];
    for (const [i, block] of blocks.entries()) {
        try {
            subjects.push(new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(block).subject.replace(/\n/g, ', '));
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('db-ca', `${where}: certificate ${i + 1} is not a valid certificate`);
        }
    }
    const first = subjects[0];
    const more = subjects.length > 1 ? ` and ${subjects.length - 1} more` : '';
    return { pem: blocks.join('\n') + '\n', label: `${where}: ${first}${more}` };
}


/***/ }),

/***/ 5878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _c: () => (/* binding */ readMetricsFile),
/* harmony export */   b0: () => (/* binding */ readOutputPath),
/* harmony export */   lL: () => (/* binding */ readEvidencePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/**
 * A file the run writes (report-path, evidence-path), checked up front so that nothing is
 * computed — or restored — only to fail at writing it. Missing folders are created at writing.
 */
function readOutputPath(source, name, what) {
    const file = source.get(name);
    if (!file)
        return undefined;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `"${file}" is a directory; name the ${what} to write`);
    }
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file));
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(parent) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(parent).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `"${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file)}" is a file, not a folder`);
    }
    return file;
}
/** The drill evidence JSON (verify, mirror drill); undefined: the default under $RUNNER_TEMP. */
function readEvidencePath(source) {
    return readOutputPath(source, 'evidence-path', 'evidence JSON file');
}
/**
 * metrics-file (report, verify, mirror). node_exporter's textfile collector reads only `*.prom`
 * files of the folder it is given, so another name, or a folder that does not exist (a typo of
 * the collector's folder), would be written where nothing ever reads it: both are refused.
 */
function readMetricsFile(source) {
    const file = source.get('metrics-file');
    if (!file)
        return undefined;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `"${file}" is a directory; name the .prom file to write`);
    }
    if (!file.endsWith('.prom') || node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file) === '.prom') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `"${file}" does not end in .prom; node_exporter's textfile collector reads only *.prom files`);
    }
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file));
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(parent)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `folder "${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file)}" does not exist; give the textfile collector's folder`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(parent).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `"${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file)}" is a file, not a folder`);
    }
    return file;
}


/***/ }),

/***/ 1844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G4: () => (/* binding */ defaultPolicy),
  JW: () => (/* binding */ mergesReportFiles),
  WO: () => (/* binding */ readFreshness),
  eC: () => (/* binding */ readListTarget),
  yD: () => (/* binding */ readMergeInputs),
  gM: () => (/* binding */ readReportInputs)
});

// UNUSED EXPORTS: MAX_CONCURRENCY_LIMIT

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/source.ts
var inputs_source = __webpack_require__(4620);
// EXTERNAL MODULE: ./src/policy/index.ts + 6 modules
var policy = __webpack_require__(467);
;// CONCATENATED MODULE: ./src/inputs/spelling.ts
/** The action's spelling: a step's `with:` keys, as action.yml names them. */
const ACTION_SPELLING = {
    setting: (name, value) => (value === undefined ? name : `${name}: ${value}`),
    mode: (mode) => `mode: ${mode}`
};

// EXTERNAL MODULE: ./src/inputs/output-files.ts
var output_files = __webpack_require__(5878);
;// CONCATENATED MODULE: ./src/inputs/report.ts





const MAX_CONCURRENCY_LIMIT = 32;
/** Whether this report merges report files (`report-files`) rather than asking the cloud. */
function mergesReportFiles(source) {
    return source.get('report-files') !== '';
}
function readMergeInputs(source) {
    if (source.get('instance') || source.get('instances')) {
        throw new errors/* InputError */.dz('report-files', 'merges report files without calling the cloud; give it without "instance" or "instances"');
    }
    const inputs = {
        files: source.get('report-files'),
        failOn: readFailOn(source)
    };
    const reportPath = readReportPath(source);
    if (reportPath)
        inputs.reportPath = reportPath;
    const metricsFile = (0,output_files/* readMetricsFile */._c)(source);
    if (metricsFile)
        inputs.metricsFile = metricsFile;
    return inputs;
}
/**
 * list reads `instances` like report does (all, a list, globs) but defaults to all: listing is
 * what the mode is for, and `instance` (one) makes no sense for a matrix.
 */
function readListTarget(source) {
    const refs = uniqueList(source.get('instances'));
    if (refs.length === 0 || refs.some((r) => r.toLowerCase() === 'all'))
        return { kind: 'all' };
    return { kind: 'list', refs };
}
/** Reads and checks every report input, before any call to the cloud. */
function readReportInputs(source) {
    const inputs = {
        target: readTarget(source),
        policy: readPolicy(source),
        failOn: readFailOn(source),
        maxConcurrency: readConcurrency(source)
    };
    const reportPath = readReportPath(source);
    if (reportPath)
        inputs.reportPath = reportPath;
    const metricsFile = (0,output_files/* readMetricsFile */._c)(source);
    if (metricsFile)
        inputs.metricsFile = metricsFile;
    return inputs;
}
function readTarget(source) {
    const one = source.get('instance');
    const many = source.get('instances');
    if (one && many) {
        throw new errors/* InputError */.dz('instances', 'give either "instance" (one instance) or "instances" (several, or all), not both');
    }
    if (one)
        return { kind: 'one', ref: one };
    if (!many) {
        throw new errors/* InputError */.dz('instance', 'name the instance to report on (id or name), or set "instances" to a list or "all"');
    }
    const refs = uniqueList(many);
    if (refs.length === 0)
        throw new errors/* InputError */.dz('instances', 'the list names no instance');
    if (refs.some((r) => r.toLowerCase() === 'all')) {
        if (refs.length > 1) {
            throw new errors/* InputError */.dz('instances', '"all" already means every instance; give it alone');
        }
        return { kind: 'all' };
    }
    return { kind: 'list', refs };
}
/** How old the newest backup may be: max-age + grace (report, and the backup verify drills). */
function readFreshness(source) {
    return {
        maxAgeMs: (0,inputs_source/* readDuration */.$7)(source, 'max-age', { maxMs: 90 * policy/* DAY_MS */.sO }),
        graceMs: (0,inputs_source/* readDuration */.$7)(source, 'grace', { minMs: 0, maxMs: 7 * policy/* DAY_MS */.sO })
    };
}
function readPolicy(source) {
    return {
        ...readFreshness(source),
        retentionMs: (0,inputs_source/* readDuration */.$7)(source, 'retention', { maxMs: 3650 * policy/* DAY_MS */.sO }),
        expiryWarningMs: (0,inputs_source/* readDuration */.$7)(source, 'expiry-warning', { minMs: 0, maxMs: 365 * policy/* DAY_MS */.sO }),
        gapWindowMs: (0,inputs_source/* readDuration */.$7)(source, 'gap-window', { minMs: 3_600_000, maxMs: 366 * policy/* DAY_MS */.sO })
    };
}
/** The policy when nobody set one: action.yml's defaults (the provider's promise). */
function defaultPolicy() {
    return readPolicy({ get: () => '', env: {}, mask: () => undefined, spell: ACTION_SPELLING });
}
/** Checked up front, so a report is never computed only to fail at writing it. */
function readReportPath(source) {
    return (0,output_files/* readOutputPath */.b0)(source, 'report-path', 'JSON file');
}
function readFailOn(source) {
    return (0,inputs_source/* readChoice */.Kf)(source, 'fail-on', ['stale', 'never']);
}
/** Entries separated by commas or newlines (names may hold spaces), each once. */
function uniqueList(text) {
    return [...new Set(text.split(/[,\n]/).map((r) => r.trim()))].filter((r) => r !== '');
}
function readConcurrency(source) {
    const text = (0,inputs_source/* valueOrDefault */.a4)(source, 'max-concurrency');
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > MAX_CONCURRENCY_LIMIT) {
        throw new errors/* InputError */.dz('max-concurrency', `"${text}" is not allowed; use a whole number from 1 to ${MAX_CONCURRENCY_LIMIT}`);
    }
    return value;
}


/***/ }),

/***/ 3467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ readDrillInputs),
/* harmony export */   Ez: () => (/* binding */ readRestoreInputs),
/* harmony export */   JU: () => (/* binding */ readDeleteTimeout),
/* harmony export */   UW: () => (/* binding */ readRestoreName),
/* harmony export */   k9: () => (/* binding */ readTolerance),
/* harmony export */   ot: () => (/* binding */ readKeptRestoreInputs),
/* harmony export */   pJ: () => (/* binding */ readNewInstanceSettings),
/* harmony export */   tI: () => (/* binding */ readCommandEnv)
/* harmony export */ });
/* unused harmony export checkCidr */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4620);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5222);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _database_tool_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9189);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1844);
/* harmony import */ var _db_tls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7971);
/* harmony import */ var _output_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5878);








/** The inputs shared by verify (temporary instance) and restore (kept instance). */
function readRestoreInputs(source) {
    const instance = source.get('instance');
    const backupId = source.get('backup-id');
    if (!instance && !backupId) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instance', 'is required (or backup-id): which instance’s newest backup to restore');
    }
    if (backupId && !_openstack_index_js__WEBPACK_IMPORTED_MODULE_2__/* .UUID_PATTERN */ .JJ.test(backupId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('backup-id', `"${backupId}" is not a backup id (a UUID like 3f0e…-…)`);
    }
    return { instance, backupId, ...readNewInstanceSettings(source) };
}
/** flavor, volume, datastore version, network, allowed CIDRs and the time limits. */
function readNewInstanceSettings(source) {
    const inputs = {
        flavor: source.get('flavor'),
        volumeType: source.get('volume-type'),
        datastoreVersion: source.get('datastore-version'),
        network: source.get('network'),
        allowedCidrs: readCidrs(source),
        runnerIpUrl: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOrDefault */ .a4)(source, 'runner-ip-url'),
        allowInsecureHttp: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'allow-insecure-http'),
        restoreTimeoutMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'restore-timeout', {
            minMs: 30_000,
            maxMs: 12 * 3_600_000
        }),
        deleteTimeoutMs: readDeleteTimeout(source)
    };
    if (source.get('volume-size'))
        inputs.volumeSizeGb = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readInteger */ .JI)(source, 'volume-size', { min: 1, max: 10_000 });
    // The echo's answer becomes the firewall of a copy of production data: https only.
    if (inputs.allowedCidrs === 'runner')
        (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .checkHttpsUrl */ .Bg)(source, 'runner-ip-url', inputs.runnerIpUrl, inputs.allowInsecureHttp);
    return inputs;
}
function readCommandEnv(source) {
    const names = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .splitList */ .ry)(source.get('command-env'));
    (0,_database_tool_env_js__WEBPACK_IMPORTED_MODULE_4__/* .checkToolEnvNames */ .c)(names);
    return names;
}
/** How long to wait for a delete to be confirmed (verify, mirror and sweep). */
function readDeleteTimeout(source) {
    return (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'delete-timeout', { minMs: 10_000, maxMs: 2 * 3_600_000 });
}
function readCidrs(source) {
    const raw = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOrDefault */ .a4)(source, 'allowed-cidrs');
    if (raw.toLowerCase() === 'runner')
        return 'runner';
    const cidrs = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .splitList */ .ry)(raw);
    for (const cidr of cidrs) {
        const problem = checkCidr(cidr);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('allowed-cidrs', `${problem}; use CIDRs separated by commas, or "runner"`);
    }
    return cidrs;
}
/** restore mode: the restore inputs and the new instance's name. */
function readKeptRestoreInputs(source) {
    const restore = readRestoreInputs(source);
    const restoreName = readRestoreName(source);
    if (!restoreName)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-name', 'is required: the name of the new instance to restore into');
    return { ...restore, restoreName };
}
/** restore-name: one line, as long as Trove allows; '' when not given. */
function readRestoreName(source) {
    const restoreName = source.get('restore-name');
    (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .checkOneLine */ .H_)('restore-name', restoreName);
    if (restoreName.length > 255)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-name', 'is longer than Trove’s 255 characters');
    return restoreName;
}
/** row-count-tolerance: a percentage from 0 to 100. */
function readTolerance(source) {
    const tolerance = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOrDefault */ .a4)(source, 'row-count-tolerance');
    const tolerancePercent = /^\d{1,3}(\.\d{1,3})?%?$/.test(tolerance)
        ? Number(tolerance.replace(/%$/, ''))
        : NaN;
    if (!Number.isFinite(tolerancePercent) || tolerancePercent < 0 || tolerancePercent > 100) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('row-count-tolerance', `"${tolerance}" is not a percentage between 0 and 100`);
    }
    return tolerancePercent;
}
/** Everything verify needs, checked before any cloud call. */
function readDrillInputs(source) {
    const restore = readRestoreInputs(source);
    const dbPassword = source.get('db-password');
    if (dbPassword) {
        source.mask(dbPassword);
    }
    const dbUser = source.get('db-user');
    if (!dbUser)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('db-user', 'is required: a database user of the instance, to log in to the restored copy');
    if (!dbPassword)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('db-password', 'is required (pass it from a secret)');
    const tolerancePercent = readTolerance(source);
    const compareWithSource = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'compare-with-source');
    if (compareWithSource && !restore.instance) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('compare-with-source', 'needs the source instance: set instance');
    }
    return {
        ...restore,
        dbUser,
        dbPassword,
        databases: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .splitList */ .ry)(source.get('databases')),
        ...(0,_db_tls_js__WEBPACK_IMPORTED_MODULE_6__/* .readDbTls */ .E)(source),
        checksFile: source.get('checks-file'),
        compareWithSource,
        tolerancePercent,
        integrity: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'integrity-check'),
        command: source.get('command'),
        commandEnvNames: readCommandEnv(source),
        ...(0,_report_js__WEBPACK_IMPORTED_MODULE_5__/* .readFreshness */ .WO)(source),
        keepOnFailure: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'keep-on-failure'),
        ...optional('evidencePath', (0,_output_files_js__WEBPACK_IMPORTED_MODULE_7__/* .readEvidencePath */ .lL)(source)),
        ...optional('metricsFile', (0,_output_files_js__WEBPACK_IMPORTED_MODULE_7__/* .readMetricsFile */ ._c)(source))
    };
}
function optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}
/** The widest allow-list prefix Pukki accepts for an instance. */
const MIN_PREFIX = 22;
/** `a.b.c.d/n` with a sane prefix. The world (`0.0.0.0/0`) is never a safe firewall for a copy of production data. */
function checkCidr(value) {
    const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value);
    if (!match || !(0,node_net__WEBPACK_IMPORTED_MODULE_3__.isIPv4)(match[1]))
        return `"${value}" is not an IPv4 CIDR like 203.0.113.7/32`;
    const prefix = Number(match[2]);
    if (prefix > 32)
        return `"${value}" has a prefix over 32`;
    if (prefix === 0)
        return `"${value}" opens the restored data to the whole internet; name the runner's address instead`;
    // Pukki refuses prefixes wider than /22 only when the create is sent; refusing here keeps a
    // bad input from reaching the cloud, and a copy of production data needs a narrow allow-list.
    if (prefix < MIN_PREFIX)
        return `"${value}" is wider than /${MIN_PREFIX} (the widest the cloud accepts)`;
    return undefined;
}


/***/ }),

/***/ 467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sO: () => (/* reexport */ DAY_MS),
  iQ: () => (/* reexport */ HOUR_MS),
  zK: () => (/* reexport */ compareSeverity),
  _3: () => (/* reexport */ evaluate),
  Ng: () => (/* reexport */ isUsable),
  ll: () => (/* reexport */ newestFirst),
  v4: () => (/* reexport */ newestUsable),
  X4: () => (/* reexport */ round2),
  zP: () => (/* reexport */ worstVerdict)
});

// UNUSED EXPORTS: ageMs, clampedTime, expiringSoon, gapsOver, isFailed, isRunning, iso, largestGap, notRestorable, pastRetention, refOf, verdictOf

;// CONCATENATED MODULE: ./src/policy/status.ts
// RESTORED marks an imported backup; Trove restores from it like from a COMPLETED one
// (docs/trove-api.md §3.3), so both count as usable — for the report, for a restore
// and as the base of an incremental backup alike.
const USABLE = new Set(['COMPLETED', 'RESTORED']);
const RUNNING = new Set(['NEW', 'BUILDING', 'SAVING']);
function isUsable(backup) {
    return USABLE.has(backup.status);
}
function isRunning(backup) {
    return RUNNING.has(backup.status);
}
function isFailed(backup) {
    return backup.status === 'FAILED';
}
/** The backup as the report names it; `created` as the cloud said, even when in the future. */
function refOf(backup) {
    return {
        id: backup.id,
        name: backup.name,
        status: backup.status,
        created: backup.created.toISOString()
    };
}
/** The newest backup a restore can start from, if any. */
function newestUsable(backups) {
    return newestFirst(backups.filter(isUsable))[0];
}
/** Newest first; ties broken by id so the order never depends on the listing. */
function newestFirst(backups) {
    return [...backups].sort((a, b) => b.created.getTime() - a.created.getTime() || (a.id < b.id ? -1 : 1));
}

;// CONCATENATED MODULE: ./src/policy/time.ts
// Ages measured against `now`, with the cloud's clock allowed to run slightly ahead of ours.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * How old something created at `created` is. A time in the future (the cloud's clock is ahead of
 * the runner's) counts as age 0 rather than a negative age that would pass every check.
 */
function ageMs(created, now) {
    return Math.max(0, now - created.getTime());
}
/** The creation time as seen from `now`: never later than now (see ageMs). */
function clampedTime(created, now) {
    return Math.min(created.getTime(), now);
}
function iso(ms) {
    return new Date(ms).toISOString();
}
/** Hours or days with two decimals, for outputs and JSON. */
function round2(value) {
    return Math.round(value * 100) / 100;
}

;// CONCATENATED MODULE: ./src/policy/expiry.ts


/** Backups the provider will delete within `expiryWarningMs` (created + retention − now). */
function expiringSoon(backups, now, policy) {
    const result = [];
    for (const backup of backups) {
        const left = policy.retentionMs - ageMs(backup.created, now);
        if (left <= 0 || left > policy.expiryWarningMs)
            continue;
        result.push({
            ...refOf(backup),
            expiresAt: iso(now + left),
            expiresInHours: round2(left / HOUR_MS)
        });
    }
    return result.sort((a, b) => a.expiresInHours - b.expiresInHours);
}
/**
 * Backups older than the retention. The provider deletes them, so they should not exist: one
 * means the retention drifted (or the policy input is wrong) — worth a look either way.
 */
function pastRetention(backups, now, policy) {
    return backups
        .filter((b) => ageMs(b.created, now) > policy.retentionMs)
        .map((b) => ({ ...refOf(b), ageDays: round2(ageMs(b.created, now) / DAY_MS) }))
        .sort((a, b) => b.ageDays - a.ageDays);
}

;// CONCATENATED MODULE: ./src/policy/gaps.ts

/**
 * The intervals between consecutive usable backups that end within the window, oldest first,
 * plus the open interval from the newest backup to now. A missed daily backup shows as one
 * ~48 h interval; an interval that starts before the window but ends inside it is kept, so a
 * miss right at the window's edge is not lost. No backups at all: no gaps (the verdict says so).
 */
function gapsOver(usable, now, windowMs) {
    const times = usable.map((b) => clampedTime(b.created, now)).sort((a, b) => a - b);
    if (times.length === 0)
        return [];
    const windowStart = now - windowMs;
    const gaps = [];
    for (let i = 1; i < times.length; i++) {
        const from = times[i - 1];
        const to = times[i];
        if (to < windowStart)
            continue;
        gaps.push(gap(from, to, false));
    }
    gaps.push(gap(times[times.length - 1], now, true));
    return gaps;
}
/** The longest interval; on a tie the most recent one, which is the one to act on. */
function largestGap(gaps) {
    let best;
    for (const g of gaps)
        if (!best || g.hours >= best.hours)
            best = g;
    return best;
}
function gap(from, to, toNow) {
    return { from: iso(from), to: iso(to), hours: round2((to - from) / HOUR_MS), toNow };
}

;// CONCATENATED MODULE: ./src/policy/restorable.ts

/**
 * Usable backups the cloud could not restore any more: a restore must use the backup's own
 * datastore version, and a version the cloud no longer offers (not listed, or listed inactive —
 * e.g. PostgreSQL 14 on CSC after 2026-11-12) refuses it. A backup without a datastore lost its
 * version record altogether. Datastores missing from `offered` were not looked up: no verdict.
 */
function notRestorable(backups, offered) {
    const result = [];
    for (const backup of backups) {
        if (!isUsable(backup))
            continue;
        const ds = backup.datastore;
        if (!ds) {
            result.push({ ...refOf(backup), reason: 'the backup has no datastore version any more' });
            continue;
        }
        const versions = offered.get(ds.type);
        if (versions === undefined)
            continue;
        const where = { datastore: ds.type, version: ds.version };
        const match = versions.find((v) => ds.versionId ? v.id === ds.versionId || v.name === ds.version : v.name === ds.version);
        if (!match) {
            result.push({
                ...refOf(backup),
                ...where,
                reason: `${ds.type} ${ds.version} is not offered by the cloud any more`
            });
        }
        else if (!match.active) {
            result.push({
                ...refOf(backup),
                ...where,
                reason: `${ds.type} ${ds.version} is inactive on the cloud`
            });
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/policy/evaluate.ts





/** Everything the policy says about one instance's backups at `now` (ms since the epoch). */
function evaluate(backups, now, policy, offered = new Map()) {
    const sorted = newestFirst(backups);
    const usable = sorted.filter(isUsable);
    const newest = usable[0];
    const oldest = sorted[sorted.length - 1];
    const gaps = gapsOver(usable, now, policy.gapWindowMs);
    const windowStart = now - policy.gapWindowMs;
    const evaluation = {
        verdict: verdictOf(newest, now, policy),
        counts: {
            total: sorted.length,
            usable: usable.length,
            failed: sorted.filter(isFailed).length,
            running: sorted.filter(isRunning).length,
            other: sorted.filter((b) => !isUsable(b) && !isFailed(b) && !isRunning(b)).length
        },
        sizeGb: round2(sorted.reduce((sum, b) => sum + (b.sizeGb ?? 0), 0)),
        failedInWindow: sorted
            .filter((b) => isFailed(b) && b.created.getTime() >= windowStart)
            .map(refOf),
        gaps,
        expiringSoon: expiringSoon(sorted, now, policy),
        pastRetention: pastRetention(sorted, now, policy),
        notRestorable: notRestorable(sorted, offered),
        clockSkew: sorted.filter((b) => b.created.getTime() > now).map((b) => skewed(b, now))
    };
    if (newest) {
        evaluation.latest = {
            ...refOf(newest),
            ageHours: round2(ageMs(newest.created, now) / HOUR_MS)
        };
    }
    if (oldest) {
        evaluation.oldest = {
            ...refOf(oldest),
            ageDays: round2(ageMs(oldest.created, now) / DAY_MS)
        };
    }
    const largest = largestGap(gaps);
    if (largest)
        evaluation.largestGap = largest;
    return evaluation;
}
/** none without a usable backup; stale when the newest is older than max-age + grace. */
function verdictOf(newest, now, policy) {
    if (!newest)
        return 'none';
    return ageMs(newest.created, now) > policy.maxAgeMs + policy.graceMs ? 'stale' : 'ok';
}
const RANK = { ok: 0, stale: 1, none: 2 };
/** none > stale > ok; an empty list is ok (nothing to complain about). */
function worstVerdict(verdicts) {
    let worst = 'ok';
    for (const v of verdicts)
        if (RANK[v] > RANK[worst])
            worst = v;
    return worst;
}
/** Sorts worst first: by verdict, then by the oldest newest backup. Stable otherwise. */
function compareSeverity(a, b) {
    return RANK[b.verdict] - RANK[a.verdict] || (b.latest?.ageHours ?? 0) - (a.latest?.ageHours ?? 0);
}
function skewed(backup, now) {
    return {
        ...refOf(backup),
        aheadSeconds: Math.round((backup.created.getTime() - now) / 1000)
    };
}

;// CONCATENATED MODULE: ./src/policy/index.ts
// The backup policy as pure functions of (backups, now, policy, offered versions).









/***/ })

};

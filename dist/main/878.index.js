export const id = 878;
export const ids = [878];
export const modules = {

/***/ 95145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nW: () => (/* binding */ tempInstanceName),
/* harmony export */   x5: () => (/* binding */ isTempInstanceName)
/* harmony export */ });
/* unused harmony export TEMP_PREFIX */
/**
 * Temporary instances carry our marker in their name (Trove instances have no description):
 * `dbaas-verify-<8 hex of the backup id>-r<run id>-<attempt>`. Sweep deletes only names of exactly
 * this shape, so nothing a person named is ever touched.
 */
const TEMP_PREFIX = 'dbaas-verify-';
const TEMP_PATTERN = /^dbaas-verify-[0-9a-f]{8}-r[0-9a-z]+-\d+$/;
function tempInstanceName(backupId, runId, attempt) {
    const backupPart = backupId
        .replace(/[^0-9a-f]/gi, '')
        .slice(0, 8)
        .toLowerCase()
        .padEnd(8, '0');
    const run = (runId || `local${Date.now().toString(36)}`).toLowerCase().replace(/[^0-9a-z]/g, '');
    return `${TEMP_PREFIX}${backupPart}-r${run}-${attempt.replace(/\D/g, '') || '1'}`;
}
function isTempInstanceName(name) {
    return TEMP_PATTERN.test(name);
}


/***/ }),

/***/ 39645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L7: () => (/* binding */ deleteAndConfirm),
/* harmony export */   eI: () => (/* binding */ findInstancesByName),
/* harmony export */   lP: () => (/* binding */ waitForInstanceReady),
/* harmony export */   nB: () => (/* binding */ waitForBackup)
/* harmony export */ });
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9855);

/** Waits for ACTIVE (+ HEALTHY where reported). ERROR and friends end the wait at once. */
function waitForInstanceReady(trove, instance, timeoutMs, deps) {
    return (0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .waitFor */ .fm)({
        ...deps,
        what: `instance ${instance.name}`,
        poll: () => trove.getInstance(instance.id),
        describe: _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .describeInstance */ .xJ,
        isDone: _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isInstanceReady */ .pI,
        failure: _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .instanceFailure */ .i0,
        timeoutMs
    });
}
function waitForBackup(trove, backup, timeoutMs, deps) {
    return (0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .waitFor */ .fm)({
        ...deps,
        what: `backup ${backup.name}`,
        poll: () => trove.getBackup(backup.id),
        describe: (b) => b.status,
        isDone: (b) => b.status === _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .BACKUP_DONE */ .Kk,
        failure: _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .backupFailure */ .pz,
        timeoutMs,
        initialIntervalMs: 3_000,
        maxIntervalMs: 20_000
    });
}
async function findInstancesByName(trove, name) {
    return (await trove.listInstances()).filter((i) => i.name === name);
}
/**
 * Deletes an instance and waits until it is really gone. Trove refuses (422) to delete an
 * instance that is still building, so keep asking until it accepts or the time is up.
 */
async function deleteAndConfirm(trove, instance, timeoutMs, deps) {
    const start = deps.now();
    let interval = 3_000;
    for (;;) {
        try {
            await trove.deleteInstance(instance.id);
            break;
        }
        catch (error) {
            const elapsed = deps.now() - start;
            if (!(0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isStatus */ .zM)(error, 422, 409) || elapsed >= timeoutMs)
                throw error;
            deps.logger.info(`instance ${instance.name} cannot be deleted yet (${error.apiMessage}); asking again (after ${(0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .formatElapsed */ .C7)(elapsed)})`);
            await deps.sleep(Math.min(interval, timeoutMs - elapsed));
            interval = Math.min(interval * 2, 30_000);
        }
    }
    await (0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .waitFor */ .fm)({
        ...deps,
        what: `deleting instance ${instance.name}`,
        poll: () => trove.findInstanceById(instance.id),
        describe: (i) => (i ? i.status : 'gone'),
        isDone: (i) => i === undefined,
        failure: (i) => (i?.status === 'ERROR' ? 'is in ERROR and was not deleted' : undefined),
        timeoutMs: Math.max(1_000, timeoutMs - (deps.now() - start)),
        initialIntervalMs: 2_000,
        maxIntervalMs: 15_000
    });
}


/***/ }),

/***/ 40878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweep: () => (/* binding */ sweep)
});

// EXTERNAL MODULE: ./src/inputs/restore.ts
var restore = __webpack_require__(88117);
// EXTERNAL MODULE: ./src/inputs/source.ts + 2 modules
var inputs_source = __webpack_require__(36303);
;// CONCATENATED MODULE: ./src/inputs/sweep.ts


function readSweepInputs(source) {
    return {
        ttlMs: (0,inputs_source/* readDuration */.$7)(source, 'ttl', { minMs: 10 * 60_000, maxMs: 30 * 86_400_000 }),
        deleteTimeoutMs: (0,restore/* readDeleteTimeout */.JU)(source)
    };
}

// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(21653);
// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(92);
// EXTERNAL MODULE: ./src/cloud/marker.ts
var marker = __webpack_require__(95145);
// EXTERNAL MODULE: ./src/cloud/waits.ts
var waits = __webpack_require__(39645);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(92174);
;// CONCATENATED MODULE: ./src/commands/sweep.ts






/**
 * Deletes temporary instances that restore drills left behind (a runner that died, a job killed
 * before its post step) once they are older than `ttl`. Only names with our marker are ever
 * considered: nothing a person created is touched.
 */
async function sweep(context) {
    const { ttlMs, deleteTimeoutMs } = readSweepInputs(context.inputs);
    const { trove } = context.cloud();
    const now = context.now();
    const instances = await trove.listInstances();
    // Trove's list view has no `created`; the detail view has it.
    // An instance can vanish between the list and the show (another run's clean-up): skip it.
    const shown = await Promise.all(instances.filter((i) => (0,marker/* isTempInstanceName */.x5)(i.name)).map((i) => trove.findInstanceById(i.id)));
    const ours = shown.filter((i) => i !== undefined);
    for (const unknown of ours.filter((i) => i.created === undefined)) {
        context.warn(`Temporary instance ${unknown.name} (${unknown.id}) has no creation time; not deleting it`, 'sweep');
    }
    const stale = ours.filter((i) => i.created !== undefined && now - i.created.getTime() > ttlMs);
    context.logger.info(`${instances.length} instances, ${ours.length} temporary from restore drills, ${stale.length} older than ${(0,duration/* formatElapsed */.C7)(ttlMs)}`);
    const rows = [];
    const failures = [];
    for (const instance of stale) {
        const age = (0,duration/* formatElapsed */.C7)(now - instance.created.getTime());
        try {
            await (0,waits/* deleteAndConfirm */.L7)(trove, instance, deleteTimeoutMs, context);
            context.logger.info(`Deleted ${instance.name} (${instance.id}), ${age} old`);
            rows.push([instance.name, instance.id, age, 'deleted']);
        }
        catch (error) {
            failures.push(`${instance.name} (${instance.id}): ${(0,errors/* describeError */.Uc)(error)}`);
            rows.push([instance.name, instance.id, age, `❌ ${(0,errors/* describeError */.Uc)(error)}`]);
        }
    }
    const swept = rows.filter((r) => r[3] === 'deleted').map((r) => r[1]);
    context.setOutput('swept-count', swept.length);
    context.setOutput('swept-ids', JSON.stringify(swept));
    context.summary(rows.length > 0
        ? `### 🧹 Sweep: ${swept.length} leftover temporary instance(s) deleted\n\n${(0,markdown/* table */.tp)(['Instance', 'Id', 'Age', 'Result'], rows)}`
        : `### 🧹 Sweep: no leftover temporary instances older than ${(0,duration/* formatElapsed */.C7)(ttlMs)}`);
    // The same fact as a drill that could not delete its instance: a failed run, exit code 1.
    if (failures.length > 0)
        throw new errors/* CheckFailure */.jU(`Sweep could not delete: ${failures.join('; ')}`);
}


/***/ }),

/***/ 95206:
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
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

/***/ 97113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readDbTls)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _database_tls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(95206);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92174);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36303);






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

/***/ 88117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ readDrillInputs),
/* harmony export */   Ez: () => (/* binding */ readRestoreInputs),
/* harmony export */   JU: () => (/* binding */ readDeleteTimeout),
/* harmony export */   ot: () => (/* binding */ readKeptRestoreInputs)
/* harmony export */ });
/* unused harmony export checkCidr */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92174);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36303);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9855);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _db_tls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97113);





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
    const inputs = {
        instance,
        backupId,
        flavor: source.get('flavor'),
        volumeType: source.get('volume-type'),
        datastoreVersion: source.get('datastore-version'),
        network: source.get('network'),
        allowedCidrs: readCidrs(source),
        runnerIpUrl: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOrDefault */ .a4)(source, 'runner-ip-url'),
        restoreTimeoutMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'restore-timeout', {
            minMs: 30_000,
            maxMs: 12 * 3_600_000
        }),
        deleteTimeoutMs: readDeleteTimeout(source)
    };
    const size = source.get('volume-size');
    if (size) {
        const gb = Number(size);
        if (!Number.isInteger(gb) || gb < 1 || gb > 10_000) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('volume-size', `"${size}" is not a whole number of GB between 1 and 10000`);
        }
        inputs.volumeSizeGb = gb;
    }
    try {
        new URL(inputs.runnerIpUrl);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('runner-ip-url', `"${inputs.runnerIpUrl}" is not a URL`);
    }
    return inputs;
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
    const restoreName = source.get('restore-name');
    if (!restoreName)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-name', 'is required: the name of the new instance to restore into');
    if (restoreName.length > 255)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-name', 'is longer than Trove’s 255 characters');
    return { ...restore, restoreName };
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
    const tolerance = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOrDefault */ .a4)(source, 'row-count-tolerance');
    const tolerancePercent = Number(tolerance.replace(/%$/, ''));
    if (!Number.isFinite(tolerancePercent) || tolerancePercent < 0 || tolerancePercent > 100) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('row-count-tolerance', `"${tolerance}" is not a percentage between 0 and 100`);
    }
    const compareWithSource = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'compare-with-source');
    if (compareWithSource && !restore.instance) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('compare-with-source', 'needs the source instance: set instance');
    }
    return {
        ...restore,
        dbUser,
        dbPassword,
        databases: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .splitList */ .ry)(source.get('databases')),
        ...(0,_db_tls_js__WEBPACK_IMPORTED_MODULE_4__/* .readDbTls */ .E)(source),
        checksFile: source.get('checks-file'),
        compareWithSource,
        tolerancePercent,
        integrity: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'integrity-check'),
        command: source.get('command'),
        keepOnFailure: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'keep-on-failure')
    };
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


/***/ })

};

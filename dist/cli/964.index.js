export const id = 964;
export const ids = [964];
export const modules = {

/***/ 2267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ resolveAllowedCidrs)
/* harmony export */ });
/* unused harmony export detectRunnerCidr */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _openstack_proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2658);



/**
 * The runner's public IPv4 address as an echo service sees it, as a /32 for the temporary
 * instance's firewall (a restored instance gets a new IP and its own allow-list).
 */
async function detectRunnerCidr(echoUrl, fetchFn, timeoutMs = 10_000) {
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
    return `${text}/32`;
}
/** The allow-list for a restored instance: the explicit CIDRs, or the runner's own /32. */
async function resolveAllowedCidrs(allowed, runnerIpUrl, env) {
    return allowed === 'runner' ? [await detectRunnerCidr(runnerIpUrl, (0,_openstack_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .createFetch */ .H)(env))] : allowed;
}


/***/ }),

/***/ 3611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ resolveInstance),
/* harmony export */   h5: () => (/* binding */ resolveTargets)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9855);


/**
 * An instance named by id or by name. A UUID is looked up directly; a name is matched against
 * every instance of the project (all pages). Unknown or ambiguous names list what exists.
 */
async function resolveInstance(trove, ref, input = 'instance') {
    if (_openstack_index_js__WEBPACK_IMPORTED_MODULE_1__/* .UUID_PATTERN */ .JJ.test(ref)) {
        const found = await trove.findInstanceById(ref);
        if (found)
            return found;
    }
    const all = await trove.listInstances();
    const matches = all.filter((i) => i.name === ref || i.id === ref);
    if (matches.length === 1)
        return matches[0];
    if (matches.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${ref}" names ${matches.length} instances (${matches.map((i) => i.id).join(', ')}); use the id instead`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `no instance "${ref}" in this project; ${instancesHint(all)}`);
}
/**
 * The instances a report covers, in a stable order. A list is matched against one listing of
 * the project: ids and names exactly, `*` and `?` as globs over names. Every entry must match.
 */
async function resolveTargets(trove, target) {
    if (target.kind === 'one') {
        return { instances: [await resolveInstance(trove, target.ref, 'instance')] };
    }
    const all = await trove.listInstances();
    if (target.kind === 'all')
        return { instances: byName(all), projectInstances: all.length };
    const chosen = new Map();
    for (const ref of target.refs) {
        for (const instance of match(all, ref))
            chosen.set(instance.id, instance);
    }
    return { instances: byName([...chosen.values()]), projectInstances: all.length };
}
function match(all, ref) {
    if (/[*?]/.test(ref)) {
        const pattern = globToRegExp(ref);
        const found = all.filter((i) => pattern.test(i.name));
        if (found.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instances', `"${ref}" ${known(all)}`);
        return found;
    }
    const byId = all.filter((i) => i.id === ref);
    if (byId.length > 0)
        return byId;
    const byName = all.filter((i) => i.name === ref);
    if (byName.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instances', `"${ref}" names ${byName.length} instances (${byName.map((i) => i.id).join(', ')}); use the id instead`);
    }
    if (byName.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instances', `"${ref}" ${known(all)}`);
    return byName;
}
function known(all) {
    return `matches no instance; ${instancesHint(all)}`;
}
/** What exists, for an error about a reference that matched nothing. */
function instancesHint(all) {
    if (all.length === 0)
        return 'the project has no instances';
    const names = all.map((i) => i.name).sort();
    return `instances: ${names.slice(0, 30).join(', ')}${names.length > 30 ? `, … (${names.length} in all)` : ''}`;
}
function globToRegExp(glob) {
    const body = glob
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
    return new RegExp(`^${body}$`);
}
/** Code-point order: stable across runners, and no ICU collator to load (it costs ~10 ms). */
function byName(instances) {
    const key = (i) => `${i.name}\u0000${i.id}`;
    return [...instances].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}


/***/ }),

/***/ 2774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ checkQuota),
/* harmony export */   q: () => (/* binding */ planRestore)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3611);
/* harmony import */ var _policy_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8106);



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
/** Fails early when a temporary instance would not fit in the project's quota. */
async function checkQuota(trove, plan) {
    const limits = await trove.getLimits();
    const instances = await trove.listInstances();
    const usedGb = instances.reduce((sum, i) => sum + (i.volumeSizeGb ?? 0), 0);
    const problems = [];
    if (limits.maxInstances !== undefined &&
        limits.maxInstances >= 0 &&
        instances.length + 1 > limits.maxInstances) {
        problems.push(`instances: ${instances.length} of ${limits.maxInstances} used, the drill needs 1 more`);
    }
    if (limits.maxVolumesGb !== undefined &&
        limits.maxVolumesGb >= 0 &&
        usedGb + plan.volume.size > limits.maxVolumesGb) {
        problems.push(`volume storage: ${usedGb} of ${limits.maxVolumesGb} GB used, the drill needs ${plan.volume.size} GB more`);
    }
    if (problems.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .jU(`The restore drill does not fit in the project's quota (${problems.join('; ')}). ` +
            'Free some room (delete an instance, or ask the provider for more quota) or set a smaller volume-size.');
    }
    return `quota ok: ${instances.length + 1}/${limits.maxInstances ?? '∞'} instances, ${usedGb + plan.volume.size}/${limits.maxVolumesGb ?? '∞'} GB`;
}


/***/ }),

/***/ 6473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ restoreInstance)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9855);
/* harmony import */ var _waits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9645);



/**
 * Creates an instance from the plan's backup and waits until it is usable. The create is sent
 * once: if its answer is lost, we look the instance up by its unique name instead of asking again.
 */
async function restoreInstance(deps, trove, plan, name, allowedCidrs, timeoutMs, onCreated) {
    const started = deps.now();
    let created;
    try {
        created = await trove.createInstance({
            name,
            flavorRef: plan.flavorRef,
            volume: plan.volume,
            datastore: plan.datastore,
            restoreBackupId: plan.backup.id,
            // is_public gives the instance a public address; the allow-list limits who reaches it.
            access: { isPublic: true, allowedCidrs },
            ...(plan.nics && { nics: plan.nics })
        });
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
    deps.logger.info(`Restoring backup ${plan.backup.id} into instance ${name} (${created.id})`);
    const { value } = await (0,_waits_js__WEBPACK_IMPORTED_MODULE_2__/* .waitForInstanceReady */ .lP)(trove, { id: created.id, name }, timeoutMs, deps);
    const host = value.addresses[0];
    if (!host)
        throw new Error(`Instance ${name} is ACTIVE but has no address; is it public (access.is_public)?`);
    return { instance: value, host, restoreMs: deps.now() - started };
}


/***/ }),

/***/ 5206:
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

/***/ 92:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, fitSummary */
/**
 * Markdown for job summaries. Every user or cloud string goes through `cell` or `text`, so a
 * backup named `a|b` or `<script>` cannot break the table or inject HTML.
 */
function text(value) {
    return value.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
}
function cell(value) {
    if (value === undefined || value === '')
        return '—';
    return text(String(value)).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function code(value) {
    return `\`${value.replace(/`/g, "'")}\``;
}
function table(headers, rows) {
    const head = `| ${headers.map((h) => (h === '' ? ' ' : cell(h))).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map((row) => `| ${row.map(cell).join(' | ')} |`);
    return [head, rule, ...body].join('\n');
}
/** GitHub refuses step summaries over 1 MiB; keep well under it. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024 - 16 * 1024));
function fitSummary(markdown) {
    if (Buffer.byteLength(markdown) <= SUMMARY_LIMIT_BYTES)
        return markdown;
    const note = '\n\n_… summary cut to stay under GitHub’s 1 MiB limit; see the report JSON for everything._\n';
    let cut = markdown.slice(0, SUMMARY_LIMIT_BYTES - note.length);
    while (Buffer.byteLength(cut) > SUMMARY_LIMIT_BYTES - note.length)
        cut = cut.slice(0, -1024);
    return cut.slice(0, cut.lastIndexOf('\n')) + note;
}


/***/ }),

/***/ 7113:
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
/* harmony import */ var _database_tls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5206);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2174);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98);






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

/***/ 8117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ readDrillInputs),
/* harmony export */   Ez: () => (/* binding */ readRestoreInputs),
/* harmony export */   JU: () => (/* binding */ readDeleteTimeout),
/* harmony export */   ot: () => (/* binding */ readKeptRestoreInputs)
/* harmony export */ });
/* unused harmony export checkCidr */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2174);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9855);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _db_tls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7113);





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


/***/ }),

/***/ 8106:
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

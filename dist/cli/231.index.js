export const id = 231;
export const ids = [231];
export const modules = {

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

/***/ 21:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ resolveInstance),
/* harmony export */   h5: () => (/* binding */ resolveTargets)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(378);


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

/***/ 435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ restoreInstance)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(378);
/* harmony import */ var _waits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5031);



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

/***/ 6216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ withTemporaryInstance),
/* harmony export */   g: () => (/* binding */ failureOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(378);
/* harmony import */ var _allow_list_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6701);
/* harmony import */ var _leftovers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5161);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7595);
/* harmony import */ var _restore_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(435);
/* harmony import */ var _restore_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4219);
/* harmony import */ var _waits_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5031);








/**
 * The one life cycle of a temporary instance: plan and check quota (nothing is created when
 * this throws) → allow-list → marker name recorded for the post step → restore → `work` →
 * always delete and confirm gone (here; on cancellation, by asking at once; in the post step;
 * by sweep as the last resort). Returns how it ended; `failureOf` turns that into the error.
 */
async function withTemporaryInstance(host, trove, inputs, options) {
    const plan = await host.group(options.planTitle, async () => {
        const planned = await (0,_restore_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .planRestore */ .q)(trove, inputs);
        host.logger.info(`Backup ${planned.backup.name} (${planned.backup.id}), ${planned.backup.sizeGb ?? '?'} GB, taken ${planned.backup.created.toISOString()}`);
        host.logger.info(await (0,_restore_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .checkQuota */ .L)(trove, planned));
        await options.beforeRestore?.(planned);
        return planned;
    });
    const cidrs = await (0,_allow_list_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveAllowedCidrs */ .aM)(inputs, options.env);
    host.logger.info(`The temporary instance will accept connections from ${cidrs.join(', ')}`);
    const record = new _leftovers_js__WEBPACK_IMPORTED_MODULE_3__/* .TempInstanceRecord */ .P3((key, value) => host.saveState(key, value));
    const name = (0,_marker_js__WEBPACK_IMPORTED_MODULE_7__/* .tempInstanceName */ .nW)(plan.backup.id, host.run.runId, host.run.runAttempt);
    record.planned(name);
    const removeCancelHook = host.onCancel(async (signal) => {
        host.logger.warning(`Received ${signal}: deleting the temporary instance before exiting`);
        await options.onCancel?.().catch(() => undefined);
        await askToDelete(trove, record, host);
    });
    const run = { plan, name, cleanup: 'nothing was created' };
    try {
        run.restored = await host.group('Restore into a temporary instance', () => (0,_restore_js__WEBPACK_IMPORTED_MODULE_4__/* .restoreInstance */ .g)(host, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
            record.created(id);
            run.id = id;
        }));
        host.logger.info(`Restored and usable in ${(0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatElapsed */ .C7)(run.restored.restoreMs)} at ${run.restored.host}`);
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .jU(run.error !== undefined
            ? `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(run.error)}; ${run.cleanupError}`
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
        await host.group('Delete the temporary instance', () => (0,_waits_js__WEBPACK_IMPORTED_MODULE_6__/* .deleteAndConfirm */ .L7)(trove, { id, name: run.name }, inputs.deleteTimeoutMs, host));
        record.finished();
        run.cleanup = 'deleted (confirmed gone)';
    }
    catch (error) {
        // Leave the saved state as it is: the post step tries again.
        run.cleanup = `❌ NOT deleted: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`;
        run.cleanupError =
            `Could not delete temporary instance ${run.name} (${id}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}. ` +
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
    for (const instance of await (0,_leftovers_js__WEBPACK_IMPORTED_MODULE_3__/* .recordedInstances */ .vs)(trove, state, deps)) {
        try {
            await trove.deleteInstance(instance.id);
            deps.logger.warning(`Cancelled: asked to delete temporary instance ${instance.name} (${instance.id}); the post step confirms it`);
        }
        catch (error) {
            deps.logger.warning(`Cancelled: could not delete ${instance.name} (${instance.id}) yet: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
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

// EXTERNAL MODULE: ./node_modules/mysql2/promise.js
var promise = __webpack_require__(7588);
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
    const connection = await (0,promise.createConnection)({
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
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
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
    const client = new esm/* default.Client */.Ay.Client({
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
/* harmony export */   k: () => (/* binding */ engineOf),
/* harmony export */   s: () => (/* binding */ dbTarget)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** The standard port of each engine: a Trove instance listens on it at its own address. */
const PORTS = { postgresql: 5432, mariadb: 3306 };
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
        port: PORTS[engine],
        user: login.dbUser,
        password: login.dbPassword,
        databases: login.databases,
        tls: login.dbTls,
        ...(login.dbCa && { ca: login.dbCa })
    };
}


/***/ }),

/***/ 4364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fi: () => (/* reexport */ EVIDENCE_FILE),
  lu: () => (/* reexport */ buildDrillEvidence),
  w4: () => (/* reexport */ drillGauges),
  jh: () => (/* reexport */ instanceLabels),
  si: () => (/* reexport */ mirrorGauges),
  oP: () => (/* reexport */ renderEvidence),
  DM: () => (/* reexport */ reportGauges),
  Ek: () => (/* reexport */ toolVersions),
  Zf: () => (/* reexport */ writeFileAtomic),
  bw: () => (/* reexport */ writeMetricsFile)
});

// UNUSED EXPORTS: EVIDENCE_SCHEMA_VERSION

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/evidence/atomic-write.ts



/**
 * Writes `text` to `file` so that a reader sees either the old content or the new, never half a
 * file: write a temporary file in the same folder (a rename is atomic only within one file
 * system), flush it, then rename it over `file`. node_exporter's textfile collector requires
 * this, and an evidence file half-written by a cancelled run would be worse than none. The
 * temporary name starts with a dot and does not end in `.prom`, so the collector never reads it.
 * Mode 0644: the collector usually runs as another user than the cron job.
 */
async function writeFileAtomic(file, text, options = {}) {
    const folder = external_node_path_default().dirname(external_node_path_default().resolve(file));
    if (options.createFolder)
        await (0,promises_.mkdir)(folder, { recursive: true });
    const temp = external_node_path_default().join(folder, `.${external_node_path_default().basename(file)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        const handle = await (0,promises_.open)(temp, 'wx', 0o644);
        try {
            await handle.writeFile(text);
            // Explicitly, whatever the umask: the collector must be able to read it.
            await handle.chmod(0o644);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temp, file);
    }
    catch (error) {
        await (0,promises_.rm)(temp, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/evidence/drill-evidence.ts
// The evidence a restore drill leaves for an audit: which backup was restored, how long until the
// copy was usable, what each check found, and with which tool and server versions — one JSON
// document per drill, described by docs/evidence.schema.json. verify writes it; any other drill
// (e.g. a drill of an off-site copy) fills in the same shape.
/** Bump on any change that could break a reader; adding optional fields is not one. */
const EVIDENCE_SCHEMA_VERSION = 1;
const EVIDENCE_FILE = 'dbaas-backup-evidence.json';
const orNull = (text) => (text ? text : null);
function buildDrillEvidence(facts) {
    const checks = facts.checks.map((c) => ({
        name: c.name,
        result: c.skipped ? 'skipped' : c.passed ? 'pass' : 'fail',
        detail: c.detail,
        durationMs: Math.round(c.durationMs)
    }));
    const count = (result) => checks.filter((c) => c.result === result).length;
    return {
        schemaVersion: EVIDENCE_SCHEMA_VERSION,
        kind: 'restore-drill',
        drill: facts.drill,
        result: facts.passed ? 'passed' : 'failed',
        startedAt: new Date(facts.startedAt).toISOString(),
        finishedAt: new Date(facts.finishedAt).toISOString(),
        run: {
            url: orNull(facts.run.runUrl),
            repository: orNull(facts.run.repository),
            runId: orNull(facts.run.runId),
            runAttempt: facts.run.runId ? orNull(facts.run.runAttempt) : null,
            workflow: orNull(facts.run.workflow),
            sha: orNull(facts.run.sha),
            ref: orNull(facts.run.ref)
        },
        source: {
            instanceId: facts.source?.id ?? facts.backupInstanceId ?? null,
            instanceName: facts.source?.name ?? null
        },
        backup: {
            id: facts.backup.id,
            name: facts.backup.name,
            created: facts.backup.created.toISOString(),
            ageSeconds: Math.max(0, Math.round((facts.startedAt - facts.backup.created.getTime()) / 1000)),
            sizeGb: facts.backup.sizeGb ?? null
        },
        datastore: { type: facts.datastore.type, version: facts.datastore.version },
        restore: {
            usableSeconds: facts.restoreMs === undefined ? null : Math.round(facts.restoreMs / 100) / 10,
            tempInstanceName: orNull(facts.tempName),
            tempInstanceId: orNull(facts.tempId),
            cleanup: facts.cleanup
        },
        checks,
        counts: { passed: count('pass'), failed: count('fail'), skipped: count('skipped') },
        versions: { tools: facts.tools, server: facts.server ?? null },
        error: orNull(facts.error)
    };
}
/** Pretty-printed: the evidence is read by people (auditors) as well as by programs. */
function renderEvidence(evidence) {
    return JSON.stringify(evidence, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/format/prometheus.ts
// The Prometheus text exposition format (version 0.0.4), for node_exporter's textfile collector:
// `# HELP`, `# TYPE`, then one `name{label="value"} number` line per sample. Pure: the writer
// lives in evidence/. Names and label names are ours (checked, a bug throws); label values and
// help texts may come from a server or a user and are escaped as the format asks.
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/**
 * Label values: backslash, double quote and line feed are escaped — the only escapes the format
 * defines (a parser refuses any other, so a carriage return stays as it is: only `\n` ends a line).
 */
function escapeLabelValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
/** HELP text: backslash and line feed are escaped (quotes are fine there). */
function escapeHelp(text) {
    return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
/** Numbers as the format spells them: NaN, +Inf, -Inf, else the shortest exact decimal. */
function formatValue(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Infinity)
        return '+Inf';
    if (value === -Infinity)
        return '-Inf';
    return String(value);
}
function labelSet(labels) {
    const entries = Object.entries(labels);
    if (entries.length === 0)
        return '';
    for (const [name] of entries) {
        if (!LABEL_NAME.test(name) || name.startsWith('__'))
            throw new RangeError(`"${name}" is not a label name`);
    }
    return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}
/**
 * Gauges as exposition text. A gauge without samples is left out (a metric with HELP and TYPE
 * but no sample says nothing). The same name twice, or the same labels twice within a gauge,
 * is a bug: Prometheus would refuse the whole file.
 */
function formatGauges(gauges) {
    const lines = [];
    const names = new Set();
    for (const gauge of gauges) {
        if (!METRIC_NAME.test(gauge.name))
            throw new RangeError(`"${gauge.name}" is not a metric name`);
        if (names.has(gauge.name))
            throw new RangeError(`metric ${gauge.name} is given twice`);
        names.add(gauge.name);
        if (gauge.samples.length === 0)
            continue;
        lines.push(`# HELP ${gauge.name} ${escapeHelp(gauge.help)}`, `# TYPE ${gauge.name} gauge`);
        const seen = new Set();
        for (const sample of gauge.samples) {
            const labels = labelSet(sample.labels);
            if (seen.has(labels))
                throw new RangeError(`metric ${gauge.name}${labels} is given twice`);
            seen.add(labels);
            lines.push(`${gauge.name}${labels} ${formatValue(sample.value)}`);
        }
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
/**
 * The value of one sample in exposition text we wrote earlier (same name, same labels in the
 * same order), or undefined. Lets a run carry a figure over from the previous file, e.g. the
 * last successful drill's time when this drill failed.
 */
function findSample(text, name, labels) {
    const prefix = `${name}${labelSet(labels)} `;
    for (const line of text.split('\n')) {
        if (!line.startsWith(prefix))
            continue;
        const raw = line.slice(prefix.length).trim();
        const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);
        if (raw !== '' && (!Number.isNaN(value) || raw === 'NaN'))
            return value;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/evidence/metrics.ts
// What report, verify and mirror tell a monitoring system: one gauge per figure, named
// `dbaas_backup_…` with the unit as the suffix (Prometheus naming: base units, `_seconds`,
// `_bytes`, `_timestamp_seconds` for Unix times), labelled with the instance. Verdicts are 0/1
// gauges so an alert is `== 0`. Ages go stale while cron sleeps; the `_timestamp_seconds` twins
// and `dbaas_backup_last_run_timestamp_seconds` let an alert compute the age at query time.

const seconds = (ms) => Math.round(ms / 1000);
const unixSeconds = (ms) => Math.floor(ms / 1000);
/** The labels of one instance: its name (what people alert on) and its id. */
function instanceLabels(name, id) {
    return { instance: name, instance_id: id };
}
function gauge(name, help, samples) {
    return { name, help, samples: samples.filter((s) => s !== undefined) };
}
function lastRun(mode, nowMs) {
    return gauge('dbaas_backup_last_run_timestamp_seconds', 'When dbaas-backup last wrote this file (Unix time).', [{ labels: { mode }, value: unixSeconds(nowMs) }]);
}
function reportGauges(instances, nowMs) {
    const each = (value) => instances.map((i) => {
        const v = value(i);
        return v === undefined ? undefined : { labels: i.labels, value: v };
    });
    return [
        lastRun('report', nowMs),
        gauge('dbaas_backup_newest_age_seconds', 'Age of the newest usable (COMPLETED) backup when the report ran; absent when there is none.', each((i) => i.newestCreatedMs === undefined
            ? undefined
            : Math.max(0, seconds(nowMs - i.newestCreatedMs)))),
        gauge('dbaas_backup_newest_timestamp_seconds', 'Creation time of the newest usable backup (Unix time).', each((i) => (i.newestCreatedMs === undefined ? undefined : unixSeconds(i.newestCreatedMs)))),
        gauge('dbaas_backup_backups', 'Backups listed for the instance, of any status.', each((i) => i.backups)),
        gauge('dbaas_backup_usable_backups', 'Backups that can be restored (COMPLETED).', each((i) => i.usableBackups)),
        gauge('dbaas_backup_fresh', '1 when the newest backup is within max-age + grace, else 0 (stale or none).', each((i) => (i.verdict === 'ok' ? 1 : 0)))
    ];
}
/**
 * A drill's gauges. The last successful drill's time comes from this run when it passed, else
 * from the previous file (`previous`), so a failing drill does not erase when it last worked.
 */
function drillGauges(figures, nowMs, previous) {
    const { labels, drill } = figures;
    const lastSuccess = `dbaas_backup_${drill}_last_success_timestamp_seconds`;
    const verified = figures.passed ? unixSeconds(nowMs) : findSample(previous, lastSuccess, labels);
    return [
        lastRun(drill, nowMs),
        gauge(`dbaas_backup_${drill}_success`, '1 when the last restore drill passed, else 0.', [
            { labels, value: figures.passed ? 1 : 0 }
        ]),
        gauge(lastSuccess, 'When a restore drill last passed (Unix time).', [
            verified === undefined ? undefined : { labels, value: verified }
        ]),
        gauge(`dbaas_backup_${drill}_restore_seconds`, 'Seconds from the restore request to a usable instance in the last drill.', [figures.restoreMs === undefined ? undefined : { labels, value: seconds(figures.restoreMs) }]),
        gauge(`dbaas_backup_${drill}_backup_age_seconds`, 'Age of the backup the last drill restored.', [{ labels, value: Math.max(0, seconds(figures.backupAgeMs)) }]),
        gauge(`dbaas_backup_${drill}_checks`, 'Checks of the last drill by result (pass, fail, skipped).', [
            { labels: { ...labels, result: 'pass' }, value: figures.checks.passed },
            { labels: { ...labels, result: 'fail' }, value: figures.checks.failed },
            { labels: { ...labels, result: 'skipped' }, value: figures.checks.skipped }
        ])
    ];
}
function mirrorGauges(figures, nowMs, previous) {
    const { labels } = figures;
    const one = (value) => [
        value === undefined ? undefined : { labels, value }
    ];
    const upload = figures.action === 'upload';
    const lastSuccess = upload
        ? 'dbaas_backup_mirror_last_success_timestamp_seconds'
        : 'dbaas_backup_mirror_copy_last_valid_timestamp_seconds';
    const succeeded = figures.passed ? unixSeconds(nowMs) : findSample(previous, lastSuccess, labels);
    return [
        lastRun(`mirror-${figures.action}`, nowMs),
        gauge(figures.action === 'upload'
            ? 'dbaas_backup_mirror_success'
            : 'dbaas_backup_mirror_copy_valid', figures.action === 'upload'
            ? '1 when the last off-site copy was made, else 0.'
            : '1 when the stored copy matched its manifest (size and SHA-256), else 0.', one(figures.passed ? 1 : 0)),
        gauge(lastSuccess, upload
            ? 'When an off-site copy was last made (Unix time).'
            : 'When a stored copy last matched its manifest (Unix time).', one(succeeded)),
        gauge('dbaas_backup_mirror_copy_age_seconds', 'Age of the data in the newest off-site copy (since its backup, or its live dump).', one(figures.dataMs === undefined ? undefined : Math.max(0, seconds(nowMs - figures.dataMs)))),
        gauge('dbaas_backup_mirror_copy_timestamp_seconds', 'When the newest off-site copy was made (Unix time).', one(figures.createdMs === undefined ? undefined : unixSeconds(figures.createdMs))),
        gauge('dbaas_backup_mirror_copy_size_bytes', 'Size of the stored copy (compressed, encrypted).', one(figures.bytes)),
        gauge('dbaas_backup_mirror_duration_seconds', 'Seconds the dump and upload took.', one(figures.uploadSeconds))
    ];
}

;// CONCATENATED MODULE: ./src/evidence/metrics-file.ts



/**
 * Rewrites the metrics file atomically. `build` gets the previous file's text ('' when there is
 * none or it cannot be read) to carry figures over, e.g. the last successful drill's time. The
 * folder must exist (the reader checked it): it is the collector's, not ours to create.
 */
async function writeMetricsFile(file, build) {
    const previous = await (0,promises_.readFile)(file, 'utf8').catch(() => '');
    const text = formatGauges(build(previous));
    await writeFileAtomic(file, text);
    return text;
}

// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./node_modules/pg/package.json
var pg_package = __webpack_require__(5787);
// EXTERNAL MODULE: ./node_modules/mysql2/package.json
var mysql2_package = __webpack_require__(7466);
;// CONCATENATED MODULE: ./src/evidence/versions.ts
// The versions an evidence file names. Imported as JSON, so the bundle carries the numbers it
// was built from and nothing is read at run time.



/**
 * This action, the Node that runs it, and the database client library the checks used; a drill
 * that runs other programs (a dump tool) adds them as `extra`.
 */
function toolVersions(engine, extra = []) {
    const tools = [
        { name: 'dbaas-backup-action', version: package_0/* version */.rE },
        { name: 'node', version: process.versions.node }
    ];
    if (engine === 'postgresql')
        tools.push({ name: 'node-postgres (pg)', version: pg_package/* version */.rE });
    else
        tools.push({ name: 'mysql2', version: mysql2_package.version });
    return [...tools, ...extra];
}

;// CONCATENATED MODULE: ./src/evidence/index.ts







/***/ })

};

export const id = 738;
export const ids = [738];
export const modules = {

/***/ 36701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aM: () => (/* binding */ resolveAllowedCidrs)
/* harmony export */ });
/* unused harmony exports detectRunnerCidr, isPublicUnicast */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _openstack_proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25808);



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

/***/ 64219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ checkQuota),
/* harmony export */   q: () => (/* binding */ planRestore)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90021);
/* harmony import */ var _policy_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90467);



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

/***/ 10435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ restoreInstance)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30378);
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

/***/ 17244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ failureOf),
  F: () => (/* binding */ withTemporaryInstance)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/openstack/index.ts + 12 modules
var openstack = __webpack_require__(30378);
// EXTERNAL MODULE: ./src/cloud/allow-list.ts
var allow_list = __webpack_require__(36701);
// EXTERNAL MODULE: ./src/cloud/marker.ts
var marker = __webpack_require__(87595);
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
var restore = __webpack_require__(10435);
// EXTERNAL MODULE: ./src/cloud/restore-plan.ts
var restore_plan = __webpack_require__(64219);
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
        run.restored = await host.group('Restore into a temporary instance', () => (0,restore/* restoreInstance */.g)(host, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
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

/***/ 92027:
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

/***/ 97192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UW: () => (/* binding */ connectHome),
  sR: () => (/* binding */ endpoint),
  CT: () => (/* binding */ openServer)
});

// EXTERNAL MODULE: ./node_modules/mysql2/promise.js
var promise = __webpack_require__(27588);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/database/tls.ts
var database_tls = __webpack_require__(50352);
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
var engine = __webpack_require__(92027);
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
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
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

/***/ 48928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ engineOf),
/* harmony export */   s: () => (/* binding */ dbTarget)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

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


/***/ })

};

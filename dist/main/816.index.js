export const id = 816;
export const ids = [816];
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
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5222);


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

/***/ 816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restore: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var _cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6701);
/* harmony import */ var _cloud_restore_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(435);
/* harmony import */ var _cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4219);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _format_duration_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(447);
/* harmony import */ var _format_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1990);
/* harmony import */ var _inputs_restore_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3467);







/**
 * A real recovery: restore a backup into a new instance that is kept. It gets a new address, so
 * the summary reminds the user that firewalls and connection strings must follow.
 */
async function restore(context) {
    const inputs = (0,_inputs_restore_js__WEBPACK_IMPORTED_MODULE_6__/* .readKeptRestoreInputs */ .ot)(context.inputs);
    const name = inputs.restoreName;
    (0,_cloud_restore_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseTempName */ .yE)(name);
    const { trove } = context.cloud();
    const plan = await context.group('Plan the restore', async () => {
        await (0,_cloud_restore_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseTakenName */ .Ls)(trove, name);
        const planned = await (0,_cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planRestore */ .q)(trove, inputs);
        context.logger.info(await (0,_cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .checkQuota */ .L)(trove, planned));
        return planned;
    });
    // The new instance replaces the source: whoever could reach the source can reach it, plus
    // allowed-cidrs (by default the runner, so the workflow can use it at once).
    const sourceId = plan.source?.id ?? plan.backup.instanceId;
    const original = sourceId ? await trove.findInstanceById(sourceId) : undefined;
    const sourceCidrs = original?.allowedCidrs ?? [];
    const cidrs = [
        ...new Set([...sourceCidrs, ...(await (0,_cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveAllowedCidrs */ .aM)(inputs, context.inputs.env))])
    ];
    if (original && sourceCidrs.length > 0)
        context.logger.info(`Allowed CIDRs copied from ${original.name}: ${sourceCidrs.join(', ')}`);
    const restored = await context
        .group('Restore', () => (0,_cloud_restore_js__WEBPACK_IMPORTED_MODULE_1__/* .restoreInstance */ .g_)(context, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
        context.setOutput('instance-id', id);
    }))
        .catch((error) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CheckFailure */ .jU(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}. The new instance "${name}" may exist in a failed state: check it with \`openstack database instance list\`.`, { cause: error });
    });
    context.setOutput('instance-id', restored.instance.id);
    context.setOutput('instance-host', restored.host);
    context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000));
    context.setOutput('backup-id', plan.backup.id);
    context.warn(`Restored into ${name} at ${restored.host} — a NEW address: update firewalls (egress rules of your apps), connection strings and allowed CIDRs (now ${cidrs.join(', ')}).`, 'New instance address');
    context.summary([
        `### ♻️ Restored ${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)(plan.backup.name)} into ${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)(name)}`,
        '',
        (0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .table */ .tp)(['', ''], [
            ['New instance', `${name} (${restored.instance.id})`],
            ['New address', restored.host],
            ['Backup', `${plan.backup.id}, taken ${plan.backup.created.toISOString()}`],
            ['Datastore', `${plan.datastore.type} ${plan.datastore.version}`],
            ['Restore time', (0,_format_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatElapsed */ .C7)(restored.restoreMs)],
            ['Allowed CIDRs', cidrs.join(', ')]
        ]),
        '',
        '> ⚠️ The restored instance has a **new IP address**. Update application connection strings, egress firewalls and the allowed CIDRs of the instance.'
    ].join('\n'));
}


/***/ })

};

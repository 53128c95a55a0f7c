export const id = 816;
export const ids = [816];
export const modules = {

/***/ 6701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aM: () => (/* binding */ resolveAllowedCidrs),
/* harmony export */   tC: () => (/* binding */ checkCidr)
/* harmony export */ });
/* unused harmony export detectRunnerCidr */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _openstack_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5808);


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
        throw new Error(`Could not detect the runner's public address from ${echoUrl} (${error.message}); ` +
            `set allowed-cidrs to the runner's address, e.g. 203.0.113.7/32, or runner-ip-url to another echo service`, { cause: error });
    }
    if (!(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(text)) {
        throw new Error(`${echoUrl} answered "${text.slice(0, 60)}", which is not an IPv4 address; set allowed-cidrs instead`);
    }
    return `${text}/32`;
}
/** The widest allow-list prefix Pukki accepts for an instance. */
const MIN_PREFIX = 22;
/** `a.b.c.d/n` with a sane prefix. The world (`0.0.0.0/0`) is never a safe firewall for a copy of production data. */
function checkCidr(value) {
    const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value);
    if (!match || !(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(match[1]))
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
/** The allow-list for a restored instance: the explicit CIDRs, or the runner's own /32. */
async function resolveAllowedCidrs(allowed, runnerIpUrl, env) {
    return allowed === 'runner' ? [await detectRunnerCidr(runnerIpUrl, (0,_openstack_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .createFetch */ .H)(env))] : allowed;
}


/***/ }),

/***/ 21:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ resolveInstance)
/* harmony export */ });
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9354);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4314);


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
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `"${ref}" names ${matches.length} instances (${matches.map((i) => i.id).join(', ')}); use the id instead`);
    }
    const names = all.map((i) => i.name).sort();
    const shown = names.slice(0, 30).join(', ') + (names.length > 30 ? `, … (${names.length} in all)` : '');
    throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `no instance "${ref}" in this project; ${names.length > 0 ? `instances: ${shown}` : 'the project has no instances'}`);
}


/***/ }),

/***/ 4219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ checkQuota),
/* harmony export */   q: () => (/* binding */ planRestore)
/* harmony export */ });
/* harmony import */ var _commands_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(165);
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9354);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21);



/**
 * Decides what to restore and how: the backup (given, or the newest COMPLETED of the instance),
 * and flavor, volume, datastore and network from the source instance unless inputs override them.
 * Everything is checked here, before any instance is created.
 */
async function planRestore(trove, inputs) {
    const source = inputs.instance ? await (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveInstance */ .G)(trove, inputs.instance) : undefined;
    const backup = inputs.backupId
        ? await trove.getBackup(inputs.backupId)
        : await newestCompleted(trove, source);
    if (backup.status !== 'COMPLETED') {
        throw new _commands_context_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .j(`Backup ${backup.name} (${backup.id}) is ${backup.status}; only a COMPLETED backup can be restored`);
    }
    if (source && backup.instanceId && backup.instanceId !== source.id) {
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('backup-id', `backup ${backup.id} belongs to instance ${backup.instanceId}, not to ${source.name} (${source.id})`);
    }
    const original = source ?? (backup.instanceId ? await trove.findInstanceById(backup.instanceId) : undefined);
    // Restore into the backup's own datastore type and version (CSC's advice; Trove otherwise
    // picks its default version, and a mismatched type is a 400).
    const type = backup.datastore?.type ?? original?.datastore?.type;
    const version = inputs.datastoreVersion || backup.datastore?.version || original?.datastore?.version;
    if (!type || !version) {
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('datastore-version', `backup ${backup.id} does not say its datastore; set datastore-version`);
    }
    const versions = await trove.listDatastoreVersions(type);
    const offered = versions.find((v) => v.name === version || v.id === version);
    if (!offered || !offered.active) {
        throw new _commands_context_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .j(`Backup ${backup.id} is ${type} ${version}, which this cloud no longer offers (offered: ${versions
            .filter((v) => v.active)
            .map((v) => v.name)
            .join(', ')}): it cannot be restored here`);
    }
    const flavorRef = await chooseFlavor(trove, inputs.flavor, original);
    const minimum = Math.max(1, Math.ceil(backup.sizeGb ?? 0));
    const size = inputs.volumeSizeGb ?? Math.max(original?.volumeSizeGb ?? 0, minimum);
    if (size < minimum) {
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('volume-size', `${size} GB is smaller than backup ${backup.id} (${backup.sizeGb} GB); use at least ${minimum}`);
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
    const newest = backups
        .filter((b) => b.status === 'COMPLETED')
        .sort((a, b) => b.created.getTime() - a.created.getTime())[0];
    if (!newest)
        throw new _commands_context_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .j(`Instance ${instance.name} has no COMPLETED backup to restore`);
    return newest;
}
async function chooseFlavor(trove, wanted, original) {
    if (!wanted) {
        if (original?.flavorId)
            return original.flavorId;
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('flavor', 'is required when the source instance no longer exists (e.g. standard.small)');
    }
    const flavors = await trove.listFlavors();
    const match = flavors.find((f) => f.name === wanted || f.id === wanted);
    if (!match) {
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('flavor', `no flavor "${wanted}"; flavors: ${flavors.map((f) => f.name).join(', ')}`);
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
        throw new _commands_context_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .j(`The restore drill does not fit in the project's quota (${problems.join('; ')}). ` +
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
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4314);
/* harmony import */ var _waits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5031);
/* harmony import */ var _temporary_instance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6216);



/**
 * Creates an instance from the plan's backup and waits until it is usable. The create is sent
 * once: if its answer is lost, we look the instance up by its unique name instead of asking again.
 */
async function restoreInstance(context, trove, plan, name, allowedCidrs, timeoutMs, onCreated) {
    const started = context.now();
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
        const unknownOutcome = error instanceof _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .OpenStackNetworkError */ .Vp ||
            (error instanceof _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .OpenStackHttpError */ .v6 && error.status >= 500);
        if (!unknownOutcome)
            throw error;
        context.logger.warning(`${error.message} — checking whether instance ${name} was created anyway`);
        const found = await (0,_temporary_instance_js__WEBPACK_IMPORTED_MODULE_2__/* .findInstancesByName */ .eI)(trove, name);
        if (found.length === 0)
            throw error;
        created = found[0];
    }
    onCreated(created.id);
    context.logger.info(`Restoring backup ${plan.backup.id} into instance ${name} (${created.id})`);
    const { value } = await (0,_waits_js__WEBPACK_IMPORTED_MODULE_1__/* .waitForInstanceReady */ .l)(trove, { id: created.id, name }, timeoutMs, context);
    const host = value.addresses[0];
    if (!host)
        throw new Error(`Instance ${name} is ACTIVE but has no address; is it public (access.is_public)?`);
    return { instance: value, host, restoreMs: context.now() - started };
}


/***/ }),

/***/ 5031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ waitForInstanceReady),
/* harmony export */   n: () => (/* binding */ waitForBackup)
/* harmony export */ });
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4314);

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


/***/ }),

/***/ 816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restore: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(165);
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9354);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4314);
/* harmony import */ var _format_markdown_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1990);
/* harmony import */ var _cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4219);
/* harmony import */ var _cloud_restore_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(435);
/* harmony import */ var _cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6701);
/* harmony import */ var _cloud_temporary_instance_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6216);
/* harmony import */ var _inputs_restore_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3467);









/**
 * A real recovery: restore a backup into a new instance that is kept. It gets a new address, so
 * the summary reminds the user that firewalls and connection strings must follow.
 */
async function restore(context) {
    const inputs = (0,_inputs_restore_js__WEBPACK_IMPORTED_MODULE_7__/* .readRestoreInputs */ .Ez)(context.inputs);
    const name = context.inputs.get('restore-name');
    if (!name)
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('restore-name', 'is required: the name of the new instance to restore into');
    if (name.length > 255)
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('restore-name', 'is longer than Trove’s 255 characters');
    if ((0,_cloud_temporary_instance_js__WEBPACK_IMPORTED_MODULE_6__/* .isTempInstanceName */ .x5)(name))
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('restore-name', 'must not look like a drill’s temporary instance (sweep would delete it)');
    const { trove } = context.cloud();
    const plan = await context.group('Plan the restore', async () => {
        if ((await trove.listInstances()).some((i) => i.name === name)) {
            throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('restore-name', `an instance named "${name}" already exists; choose another name`);
        }
        const planned = await (0,_cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planRestore */ .q)(trove, inputs);
        context.logger.info(await (0,_cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .checkQuota */ .L)(trove, planned));
        return planned;
    });
    const cidrs = await (0,_cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveAllowedCidrs */ .aM)(inputs.allowedCidrs, inputs.runnerIpUrl, context.inputs.env);
    const restored = await context
        .group('Restore', () => (0,_cloud_restore_js__WEBPACK_IMPORTED_MODULE_4__/* .restoreInstance */ .g)(context, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
        context.setOutput('instance-id', id);
    }))
        .catch((error) => {
        throw new _context_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailure */ .j(`${error.message}. The new instance "${name}" may exist in a failed state: check it with \`openstack database instance list\`.`);
    });
    context.setOutput('instance-id', restored.instance.id);
    context.setOutput('instance-host', restored.host);
    context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000));
    context.setOutput('backup-id', plan.backup.id);
    context.warn(`Restored into ${name} at ${restored.host} — a NEW address: update firewalls (egress rules of your apps), connection strings and allowed CIDRs (now ${cidrs.join(', ')}).`, 'New instance address');
    context.summary([
        `### ♻️ Restored ${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .cell */ .Hn)(plan.backup.name)} into ${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .cell */ .Hn)(name)}`,
        '',
        (0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .table */ .tp)(['', ''], [
            ['New instance', `${name} (${restored.instance.id})`],
            ['New address', restored.host],
            ['Backup', `${plan.backup.id}, taken ${plan.backup.created.toISOString()}`],
            ['Datastore', `${plan.datastore.type} ${plan.datastore.version}`],
            ['Restore time', (0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_2__/* .formatElapsed */ .C7)(restored.restoreMs)],
            ['Allowed CIDRs', cidrs.join(', ')]
        ]),
        '',
        '> ⚠️ The restored instance has a **new IP address**. Update application connection strings, egress firewalls and the allowed CIDRs of the instance.'
    ].join('\n'));
}


/***/ }),

/***/ 1990:
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

/***/ 3467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ readDrillInputs),
/* harmony export */   Ez: () => (/* binding */ readRestoreInputs),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9354);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4620);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4314);
/* harmony import */ var _cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6701);




function splitList(value) {
    return value
        .split(/[\s,]+/)
        .map((v) => v.trim())
        .filter((v) => v !== '');
}
/** The inputs shared by verify (temporary instance) and restore (kept instance). */
function readRestoreInputs(source) {
    const instance = source.get('instance');
    const backupId = source.get('backup-id');
    if (!instance && !backupId) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('instance', 'is required (or backup-id): which instance’s newest backup to restore');
    }
    if (backupId && !_openstack_index_js__WEBPACK_IMPORTED_MODULE_2__/* .UUID_PATTERN */ .JJ.test(backupId)) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('backup-id', `"${backupId}" is not a backup id (a UUID like 3f0e…-…)`);
    }
    const inputs = {
        instance,
        backupId,
        flavor: source.get('flavor'),
        volumeType: source.get('volume-type'),
        datastoreVersion: source.get('datastore-version'),
        network: source.get('network'),
        allowedCidrs: readCidrs(source),
        runnerIpUrl: source.get('runner-ip-url') || 'https://api.ipify.org',
        restoreTimeoutMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'restore-timeout', '45m', {
            minMs: 30_000,
            maxMs: 12 * 3_600_000
        }),
        deleteTimeoutMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'delete-timeout', '15m', {
            minMs: 10_000,
            maxMs: 2 * 3_600_000
        })
    };
    const size = source.get('volume-size');
    if (size) {
        const gb = Number(size);
        if (!Number.isInteger(gb) || gb < 1 || gb > 10_000) {
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('volume-size', `"${size}" is not a whole number of GB between 1 and 10000`);
        }
        inputs.volumeSizeGb = gb;
    }
    try {
        new URL(inputs.runnerIpUrl);
    }
    catch {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('runner-ip-url', `"${inputs.runnerIpUrl}" is not a URL`);
    }
    return inputs;
}
function readCidrs(source) {
    const raw = source.get('allowed-cidrs') || 'runner';
    if (raw.toLowerCase() === 'runner')
        return 'runner';
    const cidrs = splitList(raw);
    for (const cidr of cidrs) {
        const problem = (0,_cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_3__/* .checkCidr */ .tC)(cidr);
        if (problem)
            throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('allowed-cidrs', `${problem}; use CIDRs separated by commas, or "runner"`);
    }
    return cidrs;
}
/** Everything verify needs, checked before any cloud call. */
function readDrillInputs(source) {
    const restore = readRestoreInputs(source);
    const dbPassword = source.get('db-password');
    if (dbPassword) {
        source.mask(dbPassword);
        // Also scrubbed from API answers that become error messages (see openstack/secrets.ts).
        (0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(dbPassword);
    }
    const dbUser = source.get('db-user');
    if (!dbUser)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('db-user', 'is required: a database user of the instance, to log in to the restored copy');
    if (!dbPassword)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('db-password', 'is required (pass it from a secret)');
    const tolerance = source.get('row-count-tolerance') || '0';
    const tolerancePercent = Number(tolerance.replace(/%$/, ''));
    if (!Number.isFinite(tolerancePercent) || tolerancePercent < 0 || tolerancePercent > 100) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('row-count-tolerance', `"${tolerance}" is not a percentage between 0 and 100`);
    }
    const compareWithSource = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'compare-with-source', false);
    if (compareWithSource && !restore.instance) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('compare-with-source', 'needs the source instance: set instance');
    }
    return {
        ...restore,
        dbUser,
        dbPassword,
        databases: splitList(source.get('databases')),
        dbTls: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readChoice */ .Kf)(source, 'db-tls', ['prefer', 'require', 'off'], 'prefer'),
        checksFile: source.get('checks-file'),
        compareWithSource,
        tolerancePercent,
        integrity: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'integrity-check', true),
        command: source.get('command'),
        keepOnFailure: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'keep-on-failure', false)
    };
}


/***/ })

};

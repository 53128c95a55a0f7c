export const id = 1;
export const ids = [1];
export const modules = {

/***/ 87595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ backupPart),
/* harmony export */   h7: () => (/* binding */ backupPartOf),
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
/** The 8 hex digits of a backup id that a temporary instance's name carries. */
function backupPart(backupId) {
    return backupId
        .replace(/[^0-9a-f]/gi, '')
        .slice(0, 8)
        .toLowerCase()
        .padEnd(8, '0');
}
/** The backup part of a marker name, or undefined for any other name. */
function backupPartOf(name) {
    return TEMP_PATTERN.test(name)
        ? name.slice(TEMP_PREFIX.length, TEMP_PREFIX.length + 8)
        : undefined;
}
function tempInstanceName(backupId, runId, attempt) {
    const run = (runId || `local${Date.now().toString(36)}`).toLowerCase().replace(/[^0-9a-z]/g, '');
    return `${TEMP_PREFIX}${backupPart(backupId)}-r${run}-${attempt.replace(/\D/g, '') || '1'}`;
}
function isTempInstanceName(name) {
    return TEMP_PATTERN.test(name);
}


/***/ }),

/***/ 5031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L7: () => (/* binding */ deleteAndConfirm),
/* harmony export */   eI: () => (/* binding */ findInstancesByName),
/* harmony export */   lP: () => (/* binding */ waitForInstanceReady),
/* harmony export */   nB: () => (/* binding */ waitForBackup)
/* harmony export */ });
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30378);

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

/***/ 77001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweep: () => (/* binding */ sweep)
});

// EXTERNAL MODULE: ./src/cloud/marker.ts
var marker = __webpack_require__(87595);
// EXTERNAL MODULE: ./src/cloud/waits.ts
var waits = __webpack_require__(5031);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(10447);
// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(41990);
// EXTERNAL MODULE: ./src/inputs/restore.ts
var restore = __webpack_require__(3467);
// EXTERNAL MODULE: ./src/inputs/source.ts + 2 modules
var inputs_source = __webpack_require__(93976);
;// CONCATENATED MODULE: ./src/inputs/sweep.ts


function readSweepInputs(source) {
    return {
        ttlMs: (0,inputs_source/* readDuration */.$7)(source, 'ttl', { minMs: 10 * 60_000, maxMs: 30 * 86_400_000 }),
        deleteTimeoutMs: (0,restore/* readDeleteTimeout */.JU)(source),
        dryRun: (0,inputs_source/* readBoolean */.Vf)(source, 'dry-run')
    };
}

;// CONCATENATED MODULE: ./src/commands/sweep.ts






/**
 * Deletes temporary instances that restore drills left behind (a runner that died, a job killed
 * before its post step) once they are older than `ttl`. An instance counts as a leftover only
 * when its name has our marker *and* the backup id part of that name belongs to a backup of
 * this project (a drill restores from one): a name alone is no proof. `dry-run` lists only.
 */
async function sweep(context) {
    const inputs = readSweepInputs(context.inputs);
    const { ttlMs, deleteTimeoutMs, dryRun } = inputs;
    const { trove } = context.cloud();
    const now = context.now();
    const instances = await trove.listInstances();
    const ours = await leftovers(trove, instances, context);
    const stale = ours.filter((i) => i.created !== undefined && now - i.created.getTime() > ttlMs);
    context.logger.info(`${instances.length} instances, ${ours.length} temporary from restore drills, ${stale.length} older than ${(0,duration/* formatElapsed */.C7)(ttlMs)}`);
    const rows = [];
    const failures = [];
    for (const instance of stale) {
        const age = (0,duration/* formatElapsed */.C7)(now - instance.created.getTime());
        if (dryRun) {
            context.logger.info(`Would delete ${instance.name} (${instance.id}), ${age} old (dry-run)`);
            rows.push([instance.name, instance.id, age, 'would be deleted (dry-run)']);
            continue;
        }
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
    const headline = dryRun
        ? `### 🧹 Sweep (dry-run): ${rows.length} leftover temporary instance(s) would be deleted`
        : `### 🧹 Sweep: ${swept.length} leftover temporary instance(s) deleted`;
    context.summary(rows.length > 0
        ? `${headline}\n\n${(0,markdown/* table */.tp)(['Instance', 'Id', 'Age', 'Result'], rows)}`
        : `### 🧹 Sweep${dryRun ? ' (dry-run)' : ''}: no leftover temporary instances older than ${(0,duration/* formatElapsed */.C7)(ttlMs)}`);
    // The same fact as a drill that could not delete its instance: a failed run, exit code 1.
    if (failures.length > 0)
        throw new errors/* CheckFailure */.jU(`Sweep could not delete: ${failures.join('; ')}`);
}
/**
 * The drills' leftovers among `instances`, shown in detail (the list view has no `created`).
 * An instance can vanish between the list and the show (another run's clean-up): skipped.
 */
async function leftovers(trove, instances, context) {
    const marked = instances.filter((i) => (0,marker/* backupPartOf */.h7)(i.name) !== undefined);
    if (marked.length === 0)
        return [];
    const fromOurBackups = new Set((await trove.listBackups({ pageSize: 1000 })).map((b) => (0,marker/* backupPart */.M)(b.id)));
    const ours = [];
    for (const instance of marked) {
        if (!fromOurBackups.has((0,marker/* backupPartOf */.h7)(instance.name))) {
            context.warn(`Instance ${instance.name} (${instance.id}) has the drill marker, but no backup of this project starts with its id part; not deleting it`, 'sweep');
            continue;
        }
        const shown = await trove.findInstanceById(instance.id);
        if (!shown)
            continue;
        if (shown.created === undefined) {
            context.warn(`Temporary instance ${shown.name} (${shown.id}) has no creation time; not deleting it`, 'sweep');
            continue;
        }
        ours.push(shown);
    }
    return ours;
}


/***/ }),

/***/ 29189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ checkToolEnvNames),
/* harmony export */   o: () => (/* binding */ toolEnv)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

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

/***/ 3467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ readDrillInputs),
/* harmony export */   Ez: () => (/* binding */ readRestoreInputs),
/* harmony export */   JU: () => (/* binding */ readDeleteTimeout),
/* harmony export */   ot: () => (/* binding */ readKeptRestoreInputs)
/* harmony export */ });
/* unused harmony export checkCidr */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93976);
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30378);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _database_tool_env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29189);





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
    const restoreName = source.get('restore-name');
    if (!restoreName)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-name', 'is required: the name of the new instance to restore into');
    (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .checkOneLine */ .H_)('restore-name', restoreName);
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
    const tolerancePercent = /^\d{1,3}(\.\d{1,3})?%?$/.test(tolerance)
        ? Number(tolerance.replace(/%$/, ''))
        : NaN;
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
        dbTls: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readChoice */ .Kf)(source, 'db-tls', ['prefer', 'require', 'off']),
        checksFile: source.get('checks-file'),
        compareWithSource,
        tolerancePercent,
        integrity: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(source, 'integrity-check'),
        command: source.get('command'),
        commandEnvNames: readCommandEnv(source),
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

export const id = 544;
export const ids = [544];
export const modules = {

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

/***/ 5031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L7: () => (/* binding */ deleteAndConfirm),
/* harmony export */   eI: () => (/* binding */ findInstancesByName),
/* harmony export */   lP: () => (/* binding */ waitForInstanceReady),
/* harmony export */   nB: () => (/* binding */ waitForBackup),
/* harmony export */   yh: () => (/* binding */ waitForInstanceIdle)
/* harmony export */ });
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5222);

/** A wait on one instance until `isDone`; ERROR and friends end it at once. */
function instanceWait(isDone) {
    return (trove, instance, timeoutMs, deps, stepTimeoutMs) => (0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .waitFor */ .fm)({
        ...deps,
        what: `instance ${instance.name}`,
        poll: () => trove.getInstance(instance.id),
        describe: _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .describeInstance */ .xJ,
        isDone,
        failure: _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .instanceFailure */ .i0,
        timeoutMs,
        stepTimeoutMs
    });
}
/** Waits for ACTIVE (+ HEALTHY where reported): ready to connect to. */
const waitForInstanceReady = instanceWait(_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isInstanceReady */ .pI);
/**
 * Waits until the instance is free for a backup (ACTIVE): after a running backup, or a 422
 * "busy". A late guest heartbeat does not hold it up; Trove takes the backup regardless.
 */
const waitForInstanceIdle = instanceWait(_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isInstanceIdle */ .QZ);
function waitForBackup(trove, backup, timeoutMs, deps, stepTimeoutMs) {
    return (0,_openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .waitFor */ .fm)({
        ...deps,
        what: `backup ${backup.name}`,
        poll: () => trove.getBackup(backup.id),
        describe: (b) => b.status,
        isDone: (b) => b.status === _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .BACKUP_DONE */ .Kk,
        failure: _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__/* .backupFailure */ .pz,
        timeoutMs,
        stepTimeoutMs,
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
        // Trove reads ERROR all through the delete of an instance whose server failed
        // (docs/trove-api.md §4.4): not an end, only the timeout can say the delete is stuck.
        failure: () => undefined,
        timeoutMs: Math.max(1_000, timeoutMs - (deps.now() - start)),
        initialIntervalMs: 2_000,
        maxIntervalMs: 15_000
    });
}


/***/ }),

/***/ 6544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  backup: () => (/* binding */ backup)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/source.ts + 2 modules
var inputs_source = __webpack_require__(3976);
;// CONCATENATED MODULE: ./src/inputs/backup-name.ts

const PLACEHOLDERS = ['instance', 'sha', 'run_id', 'ref', 'timestamp'];
/** `20261125T120000Z`: sortable, and free of characters that trouble names or shells. */
function compactTimestamp(date) {
    return date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
/** Only characters that read well in a backup name; a ref like `feature/x` becomes `feature-x`. */
function safe(value) {
    return value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}
/**
 * Fills a backup-name template. Placeholders: {instance} {sha} (7 characters) {run_id} {ref}
 * {timestamp}. An empty value leaves no dangling separators behind.
 */
function renderBackupName(template, values, input = 'backup-name') {
    const unknown = [...template.matchAll(/\{([^}]*)\}/g)]
        .map((m) => m[1])
        .filter((name) => !PLACEHOLDERS.includes(name));
    if (unknown.length > 0) {
        throw new errors/* InputError */.dz(input, `unknown placeholder {${unknown[0]}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
    }
    const filled = template
        .replace(/\{instance\}/g, safe(values.instance))
        .replace(/\{sha\}/g, safe(values.sha.slice(0, 7)))
        .replace(/\{run_id\}/g, safe(values.runId))
        .replace(/\{ref\}/g, safe(values.ref))
        .replace(/\{timestamp\}/g, compactTimestamp(values.now));
    const name = filled
        .replace(/([-_.])[-_.]+/g, '$1')
        .replace(/^[-_.]+|[-_.]+$/g, '')
        .trim();
    if (name === '')
        throw new errors/* InputError */.dz(input, `"${template}" gives an empty name here`);
    if (name.length > 255)
        throw new errors/* InputError */.dz(input, `gives a name of ${name.length} characters; Trove allows 255`);
    return name;
}

// EXTERNAL MODULE: ./src/inputs/notify.ts
var notify = __webpack_require__(9872);
;// CONCATENATED MODULE: ./src/inputs/backup.ts




/** Reads and checks every backup input before anything touches the cloud. */
function readBackupInputs(source) {
    const instance = source.get('instance');
    if (!instance)
        throw new errors/* InputError */.dz('instance', 'is required: the id or name of the database instance to back up');
    const description = source.get('description');
    (0,inputs_source/* checkOneLine */.H_)('description', description);
    (0,inputs_source/* checkOneLine */.H_)('backup-name', source.get('backup-name'));
    if (description.length > 255) {
        throw new errors/* InputError */.dz('description', `is ${description.length} characters long; Trove allows 255`);
    }
    const inputs = {
        instance,
        nameTemplate: (0,inputs_source/* valueOrDefault */.a4)(source, 'backup-name'),
        description,
        incremental: (0,inputs_source/* readBoolean */.Vf)(source, 'incremental'),
        wait: (0,inputs_source/* readBoolean */.Vf)(source, 'wait'),
        timeoutMs: (0,inputs_source/* readDuration */.$7)(source, 'timeout', { minMs: 10_000, maxMs: 24 * 3_600_000 })
    };
    // Check the template's placeholders now, before anything touches the cloud.
    renderBackupName(inputs.nameTemplate, {
        instance: 'x',
        sha: 'x',
        runId: 'x',
        ref: 'x',
        now: new Date(0)
    });
    if (source.get('reuse-if-newer-than')) {
        inputs.reuseIfNewerThanMs = (0,inputs_source/* readDuration */.$7)(source, 'reuse-if-newer-than', {
            minMs: 60_000,
            maxMs: 7 * 24 * 3_600_000
        });
    }
    const gate = (0,notify/* readGateInputs */.rI)(source);
    if (gate)
        inputs.gate = gate;
    return inputs;
}

// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(447);
// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(1990);
;// CONCATENATED MODULE: ./src/commands/backup/summary.ts


function backupSummary(outcome, now) {
    const { backup, instance } = outcome;
    const verdict = outcome.reused
        ? '♻️ Reused a recent backup'
        : backup.status === 'COMPLETED'
            ? '✅ Backup completed'
            : `⏳ Backup started (${backup.status})`;
    const ageMs = now - backup.created.getTime();
    const rows = [
        ['Instance', `${instance.name} (${instance.id})`],
        [
            'Datastore',
            instance.datastore ? `${instance.datastore.type} ${instance.datastore.version}` : undefined
        ],
        ['Backup', `${backup.name} (${backup.id})`],
        ['Status', backup.status],
        ['Size', backup.sizeGb !== undefined ? `${backup.sizeGb} GB` : undefined],
        ['Created (UTC)', backup.created.toISOString()],
        outcome.reused ? ['Age', (0,duration/* formatElapsed */.C7)(ageMs)] : ['Took', (0,duration/* formatElapsed */.C7)(outcome.durationMs)],
        ['Type', backup.parentId ? `incremental (parent ${backup.parentId})` : 'full']
    ];
    return [`### ${(0,markdown/* cell */.Hn)(verdict)}: ${(0,markdown/* cell */.Hn)(instance.name)}`, '', (0,markdown/* table */.tp)(['', ''], rows)].join('\n');
}

// EXTERNAL MODULE: ./src/openstack/index.ts + 12 modules
var openstack = __webpack_require__(5222);
// EXTERNAL MODULE: ./src/cloud/waits.ts
var waits = __webpack_require__(5031);
;// CONCATENATED MODULE: ./src/commands/backup/create-backup.ts



const MAX_CREATE_ATTEMPTS = 4;
/**
 * Creates a backup without ever making two. A create whose answer was lost (connection reset,
 * timeout, 5xx) may still have happened, so before any new attempt we look for a backup with our
 * (unique) name and adopt it. A busy instance (422: e.g. the automatic backup just started) is
 * waited for, then asked again.
 */
async function createBackupOnce(trove, instanceName, request, deadline, deps) {
    let lastError;
    for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
        if (attempt > 1) {
            const existing = await findBackupByName(trove, request.instanceId, request.name);
            if (existing) {
                deps.logger.info(`The earlier create request did reach the cloud: using backup ${existing.id}`);
                return existing;
            }
        }
        try {
            return await trove.createBackup(request);
        }
        catch (error) {
            lastError = error;
            const remaining = deadline - deps.now();
            if (remaining <= 0)
                throw error;
            if ((0,openstack/* isStatus */.zM)(error, 422)) {
                deps.logger.info(`The instance is busy (${error.apiMessage}); waiting for it before asking again`);
                await (0,waits/* waitForInstanceIdle */.yh)(trove, { id: request.instanceId, name: instanceName }, remaining, deps);
                continue;
            }
            if ((0,openstack/* outcomeUnknown */.Hu)(error)) {
                deps.logger.warning(`${(0,errors/* describeError */.Uc)(error)} — checking whether the backup was made before trying again`);
                await deps.sleep(Math.min(remaining, 2_000 * attempt));
                continue;
            }
            throw error;
        }
    }
    throw lastError;
}
async function findBackupByName(trove, instanceId, name) {
    const backups = await trove.listBackups({ instanceId, pageSize: 100 });
    return backups.find((b) => b.name === name);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/github/index.ts + 3 modules
var github = __webpack_require__(8293);
// EXTERNAL MODULE: ./src/openstack/proxy.ts
var proxy = __webpack_require__(5808);
;// CONCATENATED MODULE: ./src/commands/backup/gate.ts





/**
 * The deploy gate of require-verified-within: before any backup is taken, the newest
 * successful run of verify-workflow on the default branch must be within the window. One
 * request (the workflow's runs), plus one for the default branch when the event payload does
 * not name it. It fails closed: a gate that cannot read the runs does not let the deploy pass.
 */
async function requireVerified(context, gate) {
    const client = new github/* GitHubClient */.jh({
        apiUrl: gate.access.apiUrl,
        token: gate.access.token,
        fetch: (0,proxy/* createFetch */.H)(context.inputs.env),
        sleep: context.sleep,
        now: context.now
    });
    const repo = (0,github/* splitRepository */.T8)(gate.access.repository);
    const where = `${gate.workflow} in ${gate.access.repository}`;
    try {
        const branch = (await branchFromEvent(context.inputs.env.GITHUB_EVENT_PATH)) ??
            (await (0,github/* defaultBranch */.OR)(client, repo));
        const run = await (0,github/* newestSuccessfulRun */.Kv)(client, repo, gate.workflow, branch);
        const window = (0,duration/* formatDuration */.a3)(gate.windowMs);
        if (!run) {
            throw new errors/* CheckFailure */.jU(`require-verified-within ${window}: ${where} has no successful run on ${branch}. ` +
                'Run the restore drill (and let it pass) before deploying.');
        }
        const at = (0,github/* finishedAt */.o2)(run);
        const age = context.now() - at.getTime();
        const last = `run #${run.run_number} (${run.html_url}), finished ${at.toISOString()}, ${formatAge(age)} ago`;
        if (age > gate.windowMs) {
            throw new errors/* CheckFailure */.jU(`require-verified-within ${window}: the last successful run of ${where} on ${branch} is ${last} — older than ${window}. ` +
                'Run the restore drill (and let it pass) before deploying.');
        }
        context.logger.info(`Verified within ${window}: ${where} on ${branch}, ${last}`);
    }
    catch (error) {
        if (error instanceof github/* GitHubError */.y_ && !error.rateLimited && [403, 404].includes(error.status)) {
            throw new errors/* CheckFailure */.jU(`require-verified-within could not read the runs of ${where}: ${error.message}. ` +
                'Check the workflow file name and give the job permissions: actions: read.', { cause: error });
        }
        if (error instanceof github/* GitHubError */.y_) {
            throw new errors/* CheckFailure */.jU(`require-verified-within could not decide, so the deploy does not pass: ${error.message}`, { cause: error });
        }
        throw error;
    }
}
/** The default branch from the event that started the run (every event names its repository). */
async function branchFromEvent(eventPath) {
    if (!eventPath)
        return undefined;
    try {
        const event = JSON.parse(await (0,promises_.readFile)(eventPath, 'utf8'));
        const branch = event.repository?.default_branch;
        return typeof branch === 'string' && branch !== '' ? branch : undefined;
    }
    catch {
        return undefined;
    }
}
/** An age in days and hours once it is a day or more (`9d 1h`), else as the log says it. */
function formatAge(ms) {
    const age = Math.max(0, ms);
    if (age < 86_400_000)
        return (0,duration/* formatElapsed */.C7)(age);
    const days = Math.floor(age / 86_400_000);
    const hours = Math.floor((age % 86_400_000) / 3_600_000);
    return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
}

// EXTERNAL MODULE: ./src/cloud/resolve.ts
var resolve = __webpack_require__(21);
// EXTERNAL MODULE: ./src/policy/index.ts + 6 modules
var policy = __webpack_require__(467);
;// CONCATENATED MODULE: ./src/commands/backup/index.ts











/**
 * The pre-deploy gate: take a manual backup of one instance and succeed only when it is
 * COMPLETED (or reuse one that is recent enough). A manual backup also moves the provider's
 * next automatic backup about 24 h on.
 */
async function backup(context) {
    const inputs = readBackupInputs(context.inputs);
    const started = context.now();
    const deadline = started + inputs.timeoutMs;
    const deps = { logger: context.logger, sleep: context.sleep, now: context.now };
    // The gate reads GitHub only: a deploy without a recent passing drill touches no cloud.
    if (inputs.gate) {
        const gate = inputs.gate;
        await context.group('Check the last restore drill', () => requireVerified(context, gate));
    }
    const { trove } = context.cloud();
    const instance = await context.group('Find the instance', () => (0,resolve/* resolveInstance */.GO)(trove, inputs.instance));
    context.logger.info(`Instance ${instance.name} (${instance.id}): ${instance.status}`);
    // Render the name now: a bad template fails before anything is created.
    const name = renderBackupName(inputs.nameTemplate, {
        instance: instance.name,
        sha: context.run.sha,
        runId: context.run.runId,
        ref: context.run.ref,
        now: new Date(started)
    });
    const history = inputs.reuseIfNewerThanMs !== undefined || inputs.incremental
        ? await trove.listBackups({ instanceId: instance.id, pageSize: 100 })
        : [];
    const latest = (0,policy/* newestUsable */.v4)(history);
    if (inputs.reuseIfNewerThanMs !== undefined && latest) {
        const age = context.now() - latest.created.getTime();
        if (age <= inputs.reuseIfNewerThanMs) {
            context.logger.info(`Reusing backup ${latest.name} (${latest.id}): ${latest.status} ${(0,duration/* formatElapsed */.C7)(age)} ago, within reuse-if-newer-than`);
            return finish(context, {
                instance,
                backup: latest,
                reused: true,
                durationMs: 0,
                waited: false
            });
        }
        context.logger.info(`The newest COMPLETED backup is ${(0,duration/* formatElapsed */.C7)(age)} old: taking a new one`);
    }
    let parentId;
    if (inputs.incremental) {
        if (latest)
            parentId = latest.id;
        else
            context.warn(`No COMPLETED backup of ${instance.name} to build on: taking a full backup`, 'incremental');
    }
    const description = inputs.description || context.run.runUrl || 'manual backup by dbaas-backup-action';
    try {
        const created = await context.group('Take the backup', async () => {
            const ready = await waitUntilIdle(trove, instance, deadline, inputs.timeoutMs, context);
            context.logger.info(`Requesting backup ${name} of ${ready.name}${parentId ? ` (incremental on ${parentId})` : ''}`);
            return createBackupOnce(trove, instance.name, {
                name,
                instanceId: instance.id,
                description,
                ...(parentId !== undefined && { incremental: true, parentId })
            }, deadline, deps);
        });
        context.logger.info(`Backup ${created.id} requested: ${created.status}`);
        const done = inputs.wait
            ? await context.group('Wait for the backup', () => waitForBackupDone(trove, created, deadline, inputs.timeoutMs, context))
            : created;
        return finish(context, {
            instance,
            backup: done,
            reused: false,
            durationMs: context.now() - started,
            waited: inputs.wait
        });
    }
    catch (error) {
        if (error instanceof openstack/* WaitError */.uf)
            throw new errors/* CheckFailure */.jU(explainWaitFailure(error, instance, name, inputs.timeoutMs));
        throw error;
    }
}
async function waitUntilIdle(trove, instance, deadline, stepTimeoutMs, context) {
    const current = await trove.getInstance(instance.id);
    if (current.status === 'ACTIVE')
        return current;
    context.logger.info(current.status === 'BACKUP'
        ? `A backup of ${instance.name} is already running (perhaps the automatic one): waiting for it to finish`
        : `Instance ${instance.name} is ${current.status}: waiting until it is ACTIVE`);
    const { value } = await (0,waits/* waitForInstanceIdle */.yh)(trove, instance, deadline - context.now(), context, stepTimeoutMs);
    return value;
}
async function waitForBackupDone(trove, created, deadline, stepTimeoutMs, context) {
    const { value } = await (0,waits/* waitForBackup */.nB)(trove, created, deadline - context.now(), context, stepTimeoutMs);
    return value;
}
function explainWaitFailure(error, instance, name, timeoutMs) {
    if (error.reason === 'timeout') {
        return (`${error.message}. The deploy is stopped because no fresh backup is confirmed. ` +
            `The backup may still finish: check it with \`openstack database backup list --instance ${instance.id}\`, ` +
            `and raise \`timeout\` (now ${(0,duration/* formatElapsed */.C7)(timeoutMs)}) if backups of this instance take longer.`);
    }
    return (`${error.message}. The deploy is stopped because backup ${name} of ${instance.name} did not complete. ` +
        `Check the instance's state in the DBaaS web UI or with \`openstack database instance show ${instance.id}\`, ` +
        `then re-run the workflow; contact the provider's support if backups keep failing.`);
}
function finish(context, outcome) {
    const { backup: b } = outcome;
    context.setOutput('backup-id', b.id);
    context.setOutput('backup-name', b.name);
    context.setOutput('backup-status', b.status);
    context.setOutput('backup-size-gb', b.sizeGb ?? '');
    context.setOutput('backup-created', b.created.toISOString());
    context.setOutput('duration-seconds', Math.round(outcome.durationMs / 1000));
    context.setOutput('reused', outcome.reused);
    context.summary(backupSummary(outcome, context.now()));
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

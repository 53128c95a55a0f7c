export const id = 556;
export const ids = [556];
export const modules = {

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

/***/ 556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  backup: () => (/* binding */ backup)
});

// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(9354);
// EXTERNAL MODULE: ./src/inputs/source.ts
var inputs_source = __webpack_require__(4620);
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
        throw new input_error/* InputError */.d(input, `unknown placeholder {${unknown[0]}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
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
        throw new input_error/* InputError */.d(input, `"${template}" gives an empty name here`);
    if (name.length > 255)
        throw new input_error/* InputError */.d(input, `gives a name of ${name.length} characters; Trove allows 255`);
    return name;
}

;// CONCATENATED MODULE: ./src/inputs/backup.ts



const DEFAULT_NAME_TEMPLATE = '{instance}-pre-deploy-{timestamp}-{sha}';
/** Reads and checks every backup input before anything touches the cloud. */
function readBackupInputs(source) {
    const instance = source.get('instance');
    if (!instance)
        throw new input_error/* InputError */.d('instance', 'is required: the id or name of the database instance to back up');
    const description = source.get('description');
    if (description.length > 255) {
        throw new input_error/* InputError */.d('description', `is ${description.length} characters long; Trove allows 255`);
    }
    const inputs = {
        instance,
        nameTemplate: source.get('backup-name') || DEFAULT_NAME_TEMPLATE,
        description,
        incremental: (0,inputs_source/* readBoolean */.Vf)(source, 'incremental', false),
        wait: (0,inputs_source/* readBoolean */.Vf)(source, 'wait', true),
        timeoutMs: (0,inputs_source/* readDuration */.$7)(source, 'timeout', '60m', { minMs: 10_000, maxMs: 24 * 3_600_000 })
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
        inputs.reuseIfNewerThanMs = (0,inputs_source/* readDuration */.$7)(source, 'reuse-if-newer-than', '', {
            minMs: 60_000,
            maxMs: 7 * 24 * 3_600_000
        });
    }
    return inputs;
}

// EXTERNAL MODULE: ./src/openstack/index.ts + 13 modules
var openstack = __webpack_require__(4314);
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
        outcome.reused ? ['Age', (0,openstack/* formatElapsed */.C7)(ageMs)] : ['Took', (0,openstack/* formatElapsed */.C7)(outcome.durationMs)],
        ['Type', backup.parentId ? `incremental (parent ${backup.parentId})` : 'full']
    ];
    return [`### ${(0,markdown/* cell */.Hn)(verdict)}: ${(0,markdown/* cell */.Hn)(instance.name)}`, '', (0,markdown/* table */.tp)(['', ''], rows)].join('\n');
}

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
            if (error instanceof openstack/* OpenStackHttpError */.v6 && error.status === 422) {
                deps.logger.info(`The instance is busy (${error.apiMessage}); waiting for it before asking again`);
                await (0,waits/* waitForInstanceReady */.l)(trove, { id: request.instanceId, name: instanceName }, remaining, deps);
                continue;
            }
            if (error instanceof openstack/* OpenStackNetworkError */.Vp ||
                (error instanceof openstack/* OpenStackHttpError */.v6 && error.status >= 500)) {
                deps.logger.warning(`${error.message} — checking whether the backup was made before trying again`);
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

// EXTERNAL MODULE: ./src/commands/context.ts
var commands_context = __webpack_require__(165);
// EXTERNAL MODULE: ./src/cloud/resolve.ts
var resolve = __webpack_require__(21);
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
    const { trove } = context.cloud();
    const instance = await context.group('Find the instance', () => (0,resolve/* resolveInstance */.G)(trove, inputs.instance));
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
    const latest = newestCompleted(history);
    if (inputs.reuseIfNewerThanMs !== undefined && latest) {
        const age = context.now() - latest.created.getTime();
        if (age <= inputs.reuseIfNewerThanMs) {
            context.logger.info(`Reusing backup ${latest.name} (${latest.id}): COMPLETED ${(0,openstack/* formatElapsed */.C7)(age)} ago, within reuse-if-newer-than`);
            return finish(context, {
                instance,
                backup: latest,
                reused: true,
                durationMs: 0,
                waited: false
            });
        }
        context.logger.info(`The newest COMPLETED backup is ${(0,openstack/* formatElapsed */.C7)(age)} old: taking a new one`);
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
            const ready = await waitUntilIdle(trove, instance, deadline, context);
            context.logger.info(`Requesting backup ${name} of ${ready.name}${parentId ? ` (incremental on ${parentId})` : ''}`);
            return createBackupOnce(trove, instance.name, {
                name,
                instanceId: instance.id,
                description,
                ...(parentId !== undefined && { incremental: true, parentId })
            }, deadline, deps);
        });
        context.logger.info(`Backup ${created.id} requested: ${created.status}`);
        if (!inputs.wait) {
            return finish(context, {
                instance,
                backup: created,
                reused: false,
                durationMs: context.now() - started,
                waited: false
            });
        }
        const done = await context.group('Wait for the backup', () => waitForBackupDone(trove, created, deadline, context));
        return finish(context, {
            instance,
            backup: done,
            reused: false,
            durationMs: context.now() - started,
            waited: true
        });
    }
    catch (error) {
        if (error instanceof openstack/* WaitError */.uf)
            throw new commands_context/* CheckFailure */.j(explainWaitFailure(error, instance, name, inputs.timeoutMs));
        throw error;
    }
}
async function waitUntilIdle(trove, instance, deadline, context) {
    const current = await trove.getInstance(instance.id);
    if (current.status === 'ACTIVE')
        return current;
    context.logger.info(current.status === 'BACKUP'
        ? `A backup of ${instance.name} is already running (perhaps the automatic one): waiting for it to finish`
        : `Instance ${instance.name} is ${current.status}: waiting until it is ACTIVE`);
    const { value } = await (0,waits/* waitForInstanceReady */.l)(trove, instance, deadline - context.now(), context);
    return value;
}
async function waitForBackupDone(trove, created, deadline, context) {
    const { value } = await (0,waits/* waitForBackup */.n)(trove, created, deadline - context.now(), context);
    return value;
}
function newestCompleted(backups) {
    return backups
        .filter((b) => b.status === 'COMPLETED')
        .sort((a, b) => b.created.getTime() - a.created.getTime())[0];
}
function explainWaitFailure(error, instance, name, timeoutMs) {
    if (error.reason === 'timeout') {
        return (`${error.message}. The deploy is stopped because no fresh backup is confirmed. ` +
            `The backup may still finish: check it with \`openstack database backup list --instance ${instance.id}\`, ` +
            `and raise \`timeout\` (now ${(0,openstack/* formatElapsed */.C7)(timeoutMs)}) if backups of this instance take longer.`);
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


/***/ })

};

export const id = 973;
export const ids = [973];
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

/***/ 3057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ publishMetrics)
/* harmony export */ });
/* harmony import */ var _evidence_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/**
 * Writes `metrics-file` for any mode and sets the output. Monitoring is not the run: a file that
 * cannot be written is a warning, never a failed step.
 */
async function publishMetrics(context, file, build) {
    try {
        await (0,_evidence_index_js__WEBPACK_IMPORTED_MODULE_0__/* .writeMetricsFile */ .bw)(file, build);
        context.logger.info(`Metrics: ${file}`);
        context.setOutput('metrics-file', file);
    }
    catch (error) {
        context.warn(`Cannot write the metrics file ${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`, 'Metrics not written');
    }
}


/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lu: () => (/* reexport */ buildDrillEvidence),
  w4: () => (/* reexport */ drillGauges),
  FM: () => (/* reexport */ evidenceFileFor),
  jh: () => (/* reexport */ instanceLabels),
  si: () => (/* reexport */ mirrorGauges),
  DM: () => (/* reexport */ reportGauges),
  Ek: () => (/* reexport */ toolVersions),
  BV: () => (/* reexport */ writeEvidenceFile),
  bw: () => (/* reexport */ writeMetricsFile)
});

// UNUSED EXPORTS: EVIDENCE_FILE, EVIDENCE_SCHEMA_VERSION, renderEvidence, writeFileAtomic

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
    // node:crypto loads here, not with the module: the report imports this module's neighbours
    // on every run but writes a file like this only when asked to (metrics-file).
    const suffix = process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex');
    const temp = external_node_path_default().join(folder, `.${external_node_path_default().basename(file)}.${process.pid}.${suffix}.tmp`);
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
// document per drill, described by docs/evidence.schema.json. verify writes it, and the drill of
// an off-site copy (mirror) fills in the same shape.
/**
 * Bump on any change that could break a reader; adding optional fields is not one. `copy` (and
 * `backup: null` next to it) came with the mirror drill without a bump: every document verify
 * writes is unchanged, and `backup` is null only in `drill: 'mirror'` documents of a copy dumped
 * from the live instance, where no Trove backup exists to name.
 */
const EVIDENCE_SCHEMA_VERSION = 1;
const EVIDENCE_FILE = 'dbaas-backup-evidence.json';
const orNull = (text) => (text ? text : null);
const ageAt = (startedAt, created) => Math.max(0, Math.round((startedAt - created.getTime()) / 1000));
function buildDrillEvidence(facts) {
    // The schema allows a null backup only next to the copy that stands for it.
    if (!facts.backup && !facts.copy)
        throw new Error('drill evidence names neither backup nor copy');
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
        backup: facts.backup
            ? {
                id: facts.backup.id,
                name: facts.backup.name,
                created: facts.backup.created.toISOString(),
                ageSeconds: ageAt(facts.startedAt, facts.backup.created),
                sizeGb: facts.backup.sizeGb ?? null
            }
            : null,
        ...(facts.copy && {
            copy: {
                objectKey: facts.copy.objectKey,
                sha256: facts.copy.sha256,
                bytes: facts.copy.bytes,
                created: facts.copy.created.toISOString(),
                ageSeconds: ageAt(facts.startedAt, facts.copy.created)
            }
        }),
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/evidence/evidence-file.ts




/** evidence-path, else $RUNNER_TEMP (else the OS temp dir)/dbaas-backup-evidence.json. */
function evidenceFileFor(evidencePath, env) {
    return evidencePath ?? external_node_path_default().join(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), EVIDENCE_FILE);
}
/** Writes the evidence whole or not at all (missing folders created); throws on failure. */
async function writeEvidenceFile(file, evidence) {
    await writeFileAtomic(file, renderEvidence(evidence), { createFolder: true });
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.2.0"};
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
        { name: 'dbaas-backup-action', version: package_namespaceObject.rE },
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

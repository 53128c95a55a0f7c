export const id = 664;
export const ids = [664];
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

/***/ 9664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   instanceMatrix: () => (/* binding */ instanceMatrix),
/* harmony export */   list: () => (/* binding */ list),
/* harmony export */   matrixSummary: () => (/* binding */ matrixSummary)
/* harmony export */ });
/* harmony import */ var _cloud_resolve_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21);
/* harmony import */ var _format_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1990);
/* harmony import */ var _inputs_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1844);



/**
 * list mode: the instances of the project (or those matched by `instances`) as a JSON matrix, so
 * a workflow fans verify or mirror out over jobs with `strategy.matrix` — GitHub's runners are
 * the scale-out engine, this step only enumerates.
 */
async function list(context) {
    const target = (0,_inputs_report_js__WEBPACK_IMPORTED_MODULE_2__/* .readListTarget */ .eC)(context.inputs);
    const { trove } = context.cloud();
    const { instances } = await (0,_cloud_resolve_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveTargets */ .h5)(trove, target);
    const matrix = instanceMatrix(instances);
    context.logger.info(`${matrix.include.length} instance(s): ${matrix.include.map((i) => i.name).join(', ')}`);
    context.setOutput('matrix', JSON.stringify(matrix));
    context.setOutput('count', matrix.include.length);
    context.summary(matrixSummary(matrix));
}
function instanceMatrix(instances) {
    return {
        include: instances.map((i) => ({
            id: i.id,
            name: i.name,
            // Matrix values must be strings for `${{ matrix.datastore }}` to read well; '' when unknown.
            datastore: i.datastore?.type ?? '',
            version: i.datastore?.version ?? ''
        }))
    };
}
function matrixSummary(matrix) {
    if (matrix.include.length === 0)
        return '### 📋 Instances: none match';
    const rows = matrix.include.map((i) => [i.name, i.id, i.datastore, i.version]);
    return `### 📋 Instances: ${matrix.include.length}\n\n${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['Name', 'Id', 'Datastore', 'Version'], rows)}`;
}


/***/ }),

/***/ 5878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _c: () => (/* binding */ readMetricsFile),
/* harmony export */   b0: () => (/* binding */ readOutputPath),
/* harmony export */   lL: () => (/* binding */ readEvidencePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/**
 * A file the run writes (report-path, evidence-path), checked up front so that nothing is
 * computed — or restored — only to fail at writing it. Missing folders are created at writing.
 */
function readOutputPath(source, name, what) {
    const file = source.get(name);
    if (!file)
        return undefined;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `"${file}" is a directory; name the ${what} to write`);
    }
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file));
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(parent) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(parent).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(name, `"${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file)}" is a file, not a folder`);
    }
    return file;
}
/** The drill evidence JSON (verify, mirror drill); undefined: the default under $RUNNER_TEMP. */
function readEvidencePath(source) {
    return readOutputPath(source, 'evidence-path', 'evidence JSON file');
}
/**
 * metrics-file (report, verify, mirror). node_exporter's textfile collector reads only `*.prom`
 * files of the folder it is given, so another name, or a folder that does not exist (a typo of
 * the collector's folder), would be written where nothing ever reads it: both are refused.
 */
function readMetricsFile(source) {
    const file = source.get('metrics-file');
    if (!file)
        return undefined;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `"${file}" is a directory; name the .prom file to write`);
    }
    if (!file.endsWith('.prom') || node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file) === '.prom') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `"${file}" does not end in .prom; node_exporter's textfile collector reads only *.prom files`);
    }
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file));
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(parent)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `folder "${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file)}" does not exist; give the textfile collector's folder`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(parent).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('metrics-file', `"${node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file)}" is a file, not a folder`);
    }
    return file;
}


/***/ }),

/***/ 1844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G4: () => (/* binding */ defaultPolicy),
  JW: () => (/* binding */ mergesReportFiles),
  WO: () => (/* binding */ readFreshness),
  eC: () => (/* binding */ readListTarget),
  yD: () => (/* binding */ readMergeInputs),
  gM: () => (/* binding */ readReportInputs)
});

// UNUSED EXPORTS: MAX_CONCURRENCY_LIMIT

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/source.ts
var inputs_source = __webpack_require__(4620);
// EXTERNAL MODULE: ./src/policy/index.ts + 6 modules
var policy = __webpack_require__(467);
;// CONCATENATED MODULE: ./src/inputs/spelling.ts
/** The action's spelling: a step's `with:` keys, as action.yml names them. */
const ACTION_SPELLING = {
    setting: (name, value) => (value === undefined ? name : `${name}: ${value}`),
    mode: (mode) => `mode: ${mode}`
};

// EXTERNAL MODULE: ./src/inputs/output-files.ts
var output_files = __webpack_require__(5878);
;// CONCATENATED MODULE: ./src/inputs/report.ts





const MAX_CONCURRENCY_LIMIT = 32;
/** Whether this report merges report files (`report-files`) rather than asking the cloud. */
function mergesReportFiles(source) {
    return source.get('report-files') !== '';
}
function readMergeInputs(source) {
    if (source.get('instance') || source.get('instances')) {
        throw new errors/* InputError */.dz('report-files', 'merges report files without calling the cloud; give it without "instance" or "instances"');
    }
    const inputs = {
        files: source.get('report-files'),
        failOn: readFailOn(source)
    };
    const reportPath = readReportPath(source);
    if (reportPath)
        inputs.reportPath = reportPath;
    const metricsFile = (0,output_files/* readMetricsFile */._c)(source);
    if (metricsFile)
        inputs.metricsFile = metricsFile;
    return inputs;
}
/**
 * list reads `instances` like report does (all, a list, globs) but defaults to all: listing is
 * what the mode is for, and `instance` (one) makes no sense for a matrix.
 */
function readListTarget(source) {
    const refs = uniqueList(source.get('instances'));
    if (refs.length === 0 || refs.some((r) => r.toLowerCase() === 'all'))
        return { kind: 'all' };
    return { kind: 'list', refs };
}
/** Reads and checks every report input, before any call to the cloud. */
function readReportInputs(source) {
    const inputs = {
        target: readTarget(source),
        policy: readPolicy(source),
        failOn: readFailOn(source),
        maxConcurrency: readConcurrency(source)
    };
    const reportPath = readReportPath(source);
    if (reportPath)
        inputs.reportPath = reportPath;
    const metricsFile = (0,output_files/* readMetricsFile */._c)(source);
    if (metricsFile)
        inputs.metricsFile = metricsFile;
    return inputs;
}
function readTarget(source) {
    const one = source.get('instance');
    const many = source.get('instances');
    if (one && many) {
        throw new errors/* InputError */.dz('instances', 'give either "instance" (one instance) or "instances" (several, or all), not both');
    }
    if (one)
        return { kind: 'one', ref: one };
    if (!many) {
        throw new errors/* InputError */.dz('instance', 'name the instance to report on (id or name), or set "instances" to a list or "all"');
    }
    const refs = uniqueList(many);
    if (refs.length === 0)
        throw new errors/* InputError */.dz('instances', 'the list names no instance');
    if (refs.some((r) => r.toLowerCase() === 'all')) {
        if (refs.length > 1) {
            throw new errors/* InputError */.dz('instances', '"all" already means every instance; give it alone');
        }
        return { kind: 'all' };
    }
    return { kind: 'list', refs };
}
/** How old the newest backup may be: max-age + grace (report, and the backup verify drills). */
function readFreshness(source) {
    return {
        maxAgeMs: (0,inputs_source/* readDuration */.$7)(source, 'max-age', { maxMs: 90 * policy/* DAY_MS */.sO }),
        graceMs: (0,inputs_source/* readDuration */.$7)(source, 'grace', { minMs: 0, maxMs: 7 * policy/* DAY_MS */.sO })
    };
}
function readPolicy(source) {
    return {
        ...readFreshness(source),
        retentionMs: (0,inputs_source/* readDuration */.$7)(source, 'retention', { maxMs: 3650 * policy/* DAY_MS */.sO }),
        expiryWarningMs: (0,inputs_source/* readDuration */.$7)(source, 'expiry-warning', { minMs: 0, maxMs: 365 * policy/* DAY_MS */.sO }),
        gapWindowMs: (0,inputs_source/* readDuration */.$7)(source, 'gap-window', { minMs: 3_600_000, maxMs: 366 * policy/* DAY_MS */.sO })
    };
}
/** The policy when nobody set one: action.yml's defaults (the provider's promise). */
function defaultPolicy() {
    return readPolicy({ get: () => '', env: {}, mask: () => undefined, spell: ACTION_SPELLING });
}
/** Checked up front, so a report is never computed only to fail at writing it. */
function readReportPath(source) {
    return (0,output_files/* readOutputPath */.b0)(source, 'report-path', 'JSON file');
}
function readFailOn(source) {
    return (0,inputs_source/* readChoice */.Kf)(source, 'fail-on', ['stale', 'never']);
}
/** Entries separated by commas or newlines (names may hold spaces), each once. */
function uniqueList(text) {
    return [...new Set(text.split(/[,\n]/).map((r) => r.trim()))].filter((r) => r !== '');
}
function readConcurrency(source) {
    const text = (0,inputs_source/* valueOrDefault */.a4)(source, 'max-concurrency');
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > MAX_CONCURRENCY_LIMIT) {
        throw new errors/* InputError */.dz('max-concurrency', `"${text}" is not allowed; use a whole number from 1 to ${MAX_CONCURRENCY_LIMIT}`);
    }
    return value;
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

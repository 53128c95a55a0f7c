export const id = 602;
export const ids = [602];
export const modules = {

/***/ 93611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ resolveInstance),
/* harmony export */   h5: () => (/* binding */ resolveTargets)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92174);
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

/***/ 36602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   instanceMatrix: () => (/* binding */ instanceMatrix),
/* harmony export */   list: () => (/* binding */ list),
/* harmony export */   matrixSummary: () => (/* binding */ matrixSummary)
/* harmony export */ });
/* harmony import */ var _cloud_resolve_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93611);
/* harmony import */ var _format_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92);
/* harmony import */ var _inputs_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7717);



/**
 * list mode: the instances of the project (or those matched by `instances`) as a JSON matrix, so
 * a workflow fans verify or mirror out over jobs with `strategy.matrix` — GitHub's runners are
 * the scale-out engine, this step only enumerates.
 */
async function list(context) {
    const target = (0,_inputs_report_js__WEBPACK_IMPORTED_MODULE_1__/* .readListTarget */ .eC)(context.inputs);
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
    return `### 📋 Instances: ${matrix.include.length}\n\n${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['Name', 'Id', 'Datastore', 'Version'], rows)}`;
}


/***/ }),

/***/ 7717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ defaultPolicy),
/* harmony export */   JW: () => (/* binding */ mergesReportFiles),
/* harmony export */   eC: () => (/* binding */ readListTarget),
/* harmony export */   gM: () => (/* binding */ readReportInputs),
/* harmony export */   yD: () => (/* binding */ readMergeInputs)
/* harmony export */ });
/* unused harmony export MAX_CONCURRENCY_LIMIT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92174);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36303);


const MAX_CONCURRENCY_LIMIT = 32;
/** Whether this report merges report files (`report-files`) rather than asking the cloud. */
function mergesReportFiles(source) {
    return source.get('report-files') !== '';
}
function readMergeInputs(source) {
    if (source.get('instance') || source.get('instances')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('report-files', 'merges report files without calling the cloud; give it without "instance" or "instances"');
    }
    const inputs = {
        files: source.get('report-files'),
        failOn: readFailOn(source)
    };
    const reportPath = source.get('report-path');
    if (reportPath)
        inputs.reportPath = reportPath;
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
    const reportPath = source.get('report-path');
    if (reportPath)
        inputs.reportPath = reportPath;
    return inputs;
}
function readTarget(source) {
    const one = source.get('instance');
    const many = source.get('instances');
    if (one && many) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instances', 'give either "instance" (one instance) or "instances" (several, or all), not both');
    }
    if (one)
        return { kind: 'one', ref: one };
    if (!many) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instance', 'name the instance to report on (id or name), or set "instances" to a list or "all"');
    }
    const refs = uniqueList(many);
    if (refs.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instances', 'the list names no instance');
    if (refs.some((r) => r.toLowerCase() === 'all')) {
        if (refs.length > 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('instances', '"all" already means every instance; give it alone');
        }
        return { kind: 'all' };
    }
    return { kind: 'list', refs };
}
function readPolicy(source) {
    return {
        maxAgeMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'max-age'),
        graceMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'grace', { minMs: 0 }),
        retentionMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'retention'),
        expiryWarningMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'expiry-warning', { minMs: 0 }),
        gapWindowMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'gap-window', { minMs: 3_600_000 })
    };
}
/** The policy when nobody set one: action.yml's defaults (the provider's promise). */
function defaultPolicy() {
    return readPolicy({ get: () => '', env: {}, mask: () => undefined });
}
function readFailOn(source) {
    return (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readChoice */ .Kf)(source, 'fail-on', ['stale', 'never']);
}
/** Entries separated by commas or newlines (names may hold spaces), each once. */
function uniqueList(text) {
    return [...new Set(text.split(/[,\n]/).map((r) => r.trim()))].filter((r) => r !== '');
}
function readConcurrency(source) {
    const text = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOrDefault */ .a4)(source, 'max-concurrency');
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > MAX_CONCURRENCY_LIMIT) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('max-concurrency', `"${text}" is not allowed; use a whole number from 1 to ${MAX_CONCURRENCY_LIMIT}`);
    }
    return value;
}


/***/ })

};

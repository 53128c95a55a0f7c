export const id = 561;
export const ids = [561];
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

/***/ 6079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ resolveTargets)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9354);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21);


/**
 * The instances a report covers, in a stable order. A list is matched against one listing of
 * the project: ids and names exactly, `*` and `?` as globs over names. Every entry must match.
 */
async function resolveTargets(trove, target) {
    if (target.kind === 'one') {
        return { instances: [await (0,_resolve_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveInstance */ .G)(trove, target.ref, 'instance')] };
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
            throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('instances', `"${ref}" ${known(all)}`);
        return found;
    }
    const byId = all.filter((i) => i.id === ref);
    if (byId.length > 0)
        return byId;
    const byName = all.filter((i) => i.name === ref);
    if (byName.length > 1) {
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('instances', `"${ref}" names ${byName.length} instances (${byName.map((i) => i.id).join(', ')}); use the id instead`);
    }
    if (byName.length === 0)
        throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('instances', `"${ref}" ${known(all)}`);
    return byName;
}
function known(all) {
    if (all.length === 0)
        return 'matches no instance; the project has no instances';
    const names = all.map((i) => i.name).sort();
    const shown = names.slice(0, 30).join(', ') + (names.length > 30 ? `, … (${names.length} in all)` : '');
    return `matches no instance; instances: ${shown}`;
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

/***/ 7561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  list: () => (/* binding */ list)
});

// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(1990);
;// CONCATENATED MODULE: ./src/commands/list/matrix.ts

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
    return `### 📋 Instances: ${matrix.include.length}\n\n${(0,markdown/* table */.tp)(['Name', 'Id', 'Datastore', 'Version'], rows)}`;
}

;// CONCATENATED MODULE: ./src/inputs/list.ts
/**
 * list reads `instances` like report does (all, a list, globs) but defaults to all: listing is
 * what the mode is for, and `instance` (one) makes no sense for a matrix.
 */
function readListTarget(source) {
    const refs = [
        ...new Set(source
            .get('instances')
            .split(/[,\n]/)
            .map((r) => r.trim()))
    ].filter((r) => r !== '');
    if (refs.length === 0 || refs.some((r) => r.toLowerCase() === 'all'))
        return { kind: 'all' };
    return { kind: 'list', refs };
}

// EXTERNAL MODULE: ./src/cloud/targets.ts
var targets = __webpack_require__(6079);
;// CONCATENATED MODULE: ./src/commands/list/index.ts



/**
 * list mode: the instances of the project (or those matched by `instances`) as a JSON matrix, so
 * a workflow fans verify or mirror out over jobs with `strategy.matrix` — GitHub's runners are
 * the scale-out engine, this step only enumerates.
 */
async function list(context) {
    const target = readListTarget(context.inputs);
    const { trove } = context.cloud();
    const { instances } = await (0,targets/* resolveTargets */.h)(trove, target);
    const matrix = instanceMatrix(instances);
    context.logger.info(`${matrix.include.length} instance(s): ${matrix.include.map((i) => i.name).join(', ')}`);
    context.setOutput('matrix', JSON.stringify(matrix));
    context.setOutput('count', matrix.include.length);
    context.summary(matrixSummary(matrix));
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

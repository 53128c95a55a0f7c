export const id = 777;
export const ids = [777];
export const modules = {

/***/ 4777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findReportFiles: () => (/* binding */ findReportFiles),
/* harmony export */   mergeReport: () => (/* binding */ mergeReport),
/* harmony export */   mergeReports: () => (/* binding */ mergeReports),
/* harmony export */   readReportFile: () => (/* binding */ readReportFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _inputs_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2035);
/* harmony import */ var _policy_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(467);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4220);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4336);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5568);
/* harmony import */ var _warnings_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3048);









/**
 * report mode with `report-files`: merges the report JSON files of many jobs (artifacts
 * downloaded into a folder) into one report — same outputs, annotations, summary, JSON and
 * fail-on as a report over the whole fleet in one job, without calling the cloud.
 */
async function mergeReport(context) {
    const inputs = (0,_inputs_report_js__WEBPACK_IMPORTED_MODULE_3__/* .readMergeInputs */ .yD)(context.inputs);
    const files = await findReportFiles(inputs.files);
    const docs = await Promise.all(files.map(readReportFile));
    const doc = mergeReports(docs, context.now());
    doc.policy = { ...doc.policy, failOn: inputs.failOn };
    context.logger.info(`Merged ${files.length} report file(s): ${doc.totals.instances} instance(s), ${doc.totals.backups} backup(s)`);
    const file = await (0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .writeReportFile */ .aS)(context, doc, inputs.reportPath, _output_js__WEBPACK_IMPORTED_MODULE_6__/* .FLEET_REPORT_FILE */ .TH);
    (0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n0)(context, doc, file);
    await (0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .writeReportMetrics */ .jm)(context, doc, inputs.metricsFile);
    for (const warning of (0,_warnings_js__WEBPACK_IMPORTED_MODULE_8__/* .reportWarnings */ .O)(doc))
        context.warn(warning.message, warning.title);
    context.summary(`${(0,_summary_js__WEBPACK_IMPORTED_MODULE_7__/* .reportSummary */ .hm)(doc, context.spell, file)}\n\n_Merged from ${files.length} report file(s)._`);
    context.logger.info(`Status: ${doc.status} (${doc.totals.ok} ok, ${doc.totals.stale} stale, ${doc.totals.none} without a backup)`);
    if (inputs.failOn === 'stale' && doc.status !== 'ok')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CheckFailure */ .jU((0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .failureMessage */ .oh)(doc, context.spell));
}
const RANK = { ok: 0, stale: 1, none: 2 };
/**
 * One report from the per-job reports of a fleet run. An instance reported by several jobs
 * (a re-run) counts once, from the newest report. Status and totals are recomputed the way a
 * single report computes them; the policy is the newest report's.
 */
function mergeReports(docs, now) {
    const newestFirst = [...docs].sort((a, b) => (a.generatedAt < b.generatedAt ? 1 : -1));
    const byId = new Map();
    for (const doc of newestFirst) {
        for (const instance of doc.instances)
            if (!byId.has(instance.id))
                byId.set(instance.id, instance);
    }
    const instances = [...byId.values()].sort((a, b) => RANK[b.verdict] - RANK[a.verdict] ||
        (b.latestBackup?.ageHours ?? 0) - (a.latestBackup?.ageHours ?? 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
        schemaVersion: 1,
        generatedAt: new Date(now).toISOString(),
        status: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_4__/* .worstVerdict */ .zP)(instances.map((i) => i.verdict)),
        policy: newestFirst[0]?.policy ?? (0,_document_js__WEBPACK_IMPORTED_MODULE_5__/* .policyOf */ .US)((0,_inputs_report_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultPolicy */ .G4)(), 'stale'),
        totals: (0,_document_js__WEBPACK_IMPORTED_MODULE_5__/* .totalsOf */ .vA)(instances),
        instances
    };
}
/**
 * The report JSON files named by `report-files`: a folder (every *.json below it, as
 * actions/download-artifact lays out one sub-folder per artifact), a glob, or a file; several
 * separated by commas or newlines. Sorted, so the merge is the same on every runner.
 */
async function findReportFiles(spec, cwd = process.cwd()) {
    const entries = spec
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const found = new Set();
    for (const entry of entries) {
        const matches = await expand(entry, cwd);
        if (matches.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('report-files', `"${entry}" matches no report JSON file`);
        }
        for (const file of matches)
            found.add(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, file));
    }
    if (found.size === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('report-files', 'names no file');
    return [...found].sort();
}
async function expand(entry, cwd) {
    const isDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, entry)).then((s) => s.isDirectory(), () => false);
    const pattern = isDir ? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(entry, '**', '*.json') : entry;
    const matches = [];
    for await (const file of (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.glob)(pattern, { cwd }))
        matches.push(file);
    return matches;
}
/** Reads one report; anything but a schema-1 report is bad input naming the file. */
async function readReportFile(file) {
    let doc;
    try {
        doc = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('report-files', `${file} is not readable JSON: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}`);
    }
    const d = doc;
    if (!d || typeof d !== 'object' || !Array.isArray(d.instances) || !d.policy) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('report-files', `${file} is not a report JSON of this action`);
    }
    if (d.schemaVersion !== 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('report-files', `${file} has schemaVersion ${String(d.schemaVersion)}; this version reads 1`);
    }
    return d;
}


/***/ })

};

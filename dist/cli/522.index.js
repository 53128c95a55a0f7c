export const id = 522;
export const ids = [522];
export const modules = {

/***/ 5522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweep: () => (/* binding */ sweep)
/* harmony export */ });
/* harmony import */ var _inputs_source_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4620);
/* harmony import */ var _format_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(447);
/* harmony import */ var _format_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1990);
/* harmony import */ var _cloud_marker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7595);
/* harmony import */ var _cloud_waits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5031);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);






/**
 * Deletes temporary instances that restore drills left behind (a runner that died, a job killed
 * before its post step) once they are older than `ttl`. Only names with our marker are ever
 * considered: nothing a person created is touched.
 */
async function sweep(context) {
    const ttlMs = (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_0__/* .readDuration */ .$7)(context.inputs, 'ttl', '6h', {
        minMs: 10 * 60_000,
        maxMs: 30 * 86_400_000
    });
    const deleteTimeoutMs = (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_0__/* .readDuration */ .$7)(context.inputs, 'delete-timeout', '15m', {
        minMs: 10_000,
        maxMs: 2 * 3_600_000
    });
    const { trove } = context.cloud();
    const now = context.now();
    const instances = await trove.listInstances();
    // Trove's list view has no `created`; the detail view has it.
    // An instance can vanish between the list and the show (another run's clean-up): skip it.
    const shown = await Promise.all(instances.filter((i) => (0,_cloud_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .isTempInstanceName */ .x5)(i.name)).map((i) => trove.findInstanceById(i.id)));
    const ours = shown.filter((i) => i !== undefined);
    for (const unknown of ours.filter((i) => i.created === undefined)) {
        context.warn(`Temporary instance ${unknown.name} (${unknown.id}) has no creation time; not deleting it`, 'sweep');
    }
    const stale = ours.filter((i) => i.created !== undefined && now - i.created.getTime() > ttlMs);
    context.logger.info(`${instances.length} instances, ${ours.length} temporary from restore drills, ${stale.length} older than ${(0,_format_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatElapsed */ .C7)(ttlMs)}`);
    const rows = [];
    const failures = [];
    for (const instance of stale) {
        const age = (0,_format_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatElapsed */ .C7)(now - instance.created.getTime());
        try {
            await (0,_cloud_waits_js__WEBPACK_IMPORTED_MODULE_2__/* .deleteAndConfirm */ .L7)(trove, instance, deleteTimeoutMs, context);
            context.logger.info(`Deleted ${instance.name} (${instance.id}), ${age} old`);
            rows.push([instance.name, instance.id, age, 'deleted']);
        }
        catch (error) {
            failures.push(`${instance.name} (${instance.id}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}`);
            rows.push([instance.name, instance.id, age, `❌ ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}`]);
        }
    }
    const swept = rows.filter((r) => r[3] === 'deleted').map((r) => r[1]);
    context.setOutput('swept-count', swept.length);
    context.setOutput('swept-ids', JSON.stringify(swept));
    context.summary(rows.length > 0
        ? `### 🧹 Sweep: ${swept.length} leftover temporary instance(s) deleted\n\n${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .table */ .tp)(['Instance', 'Id', 'Age', 'Result'], rows)}`
        : `### 🧹 Sweep: no leftover temporary instances older than ${(0,_format_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatElapsed */ .C7)(ttlMs)}`);
    if (failures.length > 0)
        throw new Error(`Sweep could not delete: ${failures.join('; ')}`);
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

export const id = 522;
export const ids = [522];
export const modules = {

/***/ 87595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nW: () => (/* binding */ tempInstanceName),
/* harmony export */   x5: () => (/* binding */ isTempInstanceName)
/* harmony export */ });
/* unused harmony export TEMP_PREFIX */
/**
 * Temporary instances carry our marker in their name (Trove instances have no description):
 * `dbaas-verify-<8 hex of the backup id>-r<run id>-<attempt>`. Sweep deletes only names of exactly
 * this shape, so nothing a person named is ever touched.
 */
const TEMP_PREFIX = 'dbaas-verify-';
const TEMP_PATTERN = /^dbaas-verify-[0-9a-f]{8}-r[0-9a-z]+-\d+$/;
function tempInstanceName(backupId, runId, attempt) {
    const backupPart = backupId
        .replace(/[^0-9a-f]/gi, '')
        .slice(0, 8)
        .toLowerCase()
        .padEnd(8, '0');
    const run = (runId || `local${Date.now().toString(36)}`).toLowerCase().replace(/[^0-9a-z]/g, '');
    return `${TEMP_PREFIX}${backupPart}-r${run}-${attempt.replace(/\D/g, '') || '1'}`;
}
function isTempInstanceName(name) {
    return TEMP_PATTERN.test(name);
}


/***/ }),

/***/ 5031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L7: () => (/* binding */ deleteAndConfirm),
/* harmony export */   eI: () => (/* binding */ findInstancesByName),
/* harmony export */   lP: () => (/* binding */ waitForInstanceReady),
/* harmony export */   nB: () => (/* binding */ waitForBackup)
/* harmony export */ });
/* harmony import */ var _openstack_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30378);

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
        failure: (i) => (i?.status === 'ERROR' ? 'is in ERROR and was not deleted' : undefined),
        timeoutMs: Math.max(1_000, timeoutMs - (deps.now() - start)),
        initialIntervalMs: 2_000,
        maxIntervalMs: 15_000
    });
}


/***/ }),

/***/ 65522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweep: () => (/* binding */ sweep)
/* harmony export */ });
/* harmony import */ var _inputs_source_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94620);
/* harmony import */ var _format_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10447);
/* harmony import */ var _format_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41990);
/* harmony import */ var _cloud_marker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87595);
/* harmony import */ var _cloud_waits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5031);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);






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


/***/ })

};

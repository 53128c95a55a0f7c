export const id = 1;
export const ids = [1];
export const modules = {

/***/ 7001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweep: () => (/* binding */ sweep)
});

// EXTERNAL MODULE: ./src/cloud/marker.ts
var marker = __webpack_require__(7595);
// EXTERNAL MODULE: ./src/cloud/waits.ts
var waits = __webpack_require__(5031);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(447);
// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(1990);
// EXTERNAL MODULE: ./src/inputs/restore.ts
var restore = __webpack_require__(3467);
// EXTERNAL MODULE: ./src/inputs/source.ts + 2 modules
var inputs_source = __webpack_require__(3976);
;// CONCATENATED MODULE: ./src/inputs/sweep.ts


function readSweepInputs(source) {
    return {
        ttlMs: (0,inputs_source/* readDuration */.$7)(source, 'ttl', { minMs: 10 * 60_000, maxMs: 30 * 86_400_000 }),
        deleteTimeoutMs: (0,restore/* readDeleteTimeout */.JU)(source),
        dryRun: (0,inputs_source/* readBoolean */.Vf)(source, 'dry-run')
    };
}

;// CONCATENATED MODULE: ./src/commands/sweep.ts






/**
 * Deletes temporary instances that restore drills left behind (a runner that died, a job killed
 * before its post step) once they are older than `ttl`. An instance counts as a leftover only
 * when its name has our marker *and* the backup id part of that name belongs to a backup of
 * this project (a drill restores from one): a name alone is no proof. `dry-run` lists only.
 */
async function sweep(context) {
    const inputs = readSweepInputs(context.inputs);
    const { ttlMs, deleteTimeoutMs, dryRun } = inputs;
    const { trove } = context.cloud();
    const now = context.now();
    const instances = await trove.listInstances();
    const ours = await leftovers(trove, instances, context);
    const stale = ours.filter((i) => i.created !== undefined && now - i.created.getTime() > ttlMs);
    context.logger.info(`${instances.length} instances, ${ours.length} temporary from restore drills, ${stale.length} older than ${(0,duration/* formatElapsed */.C7)(ttlMs)}`);
    const rows = [];
    const failures = [];
    for (const instance of stale) {
        const age = (0,duration/* formatElapsed */.C7)(now - instance.created.getTime());
        if (dryRun) {
            context.logger.info(`Would delete ${instance.name} (${instance.id}), ${age} old (dry-run)`);
            rows.push([instance.name, instance.id, age, 'would be deleted (dry-run)']);
            continue;
        }
        try {
            await (0,waits/* deleteAndConfirm */.L7)(trove, instance, deleteTimeoutMs, context);
            context.logger.info(`Deleted ${instance.name} (${instance.id}), ${age} old`);
            rows.push([instance.name, instance.id, age, 'deleted']);
        }
        catch (error) {
            failures.push(`${instance.name} (${instance.id}): ${(0,errors/* describeError */.Uc)(error)}`);
            rows.push([instance.name, instance.id, age, `❌ ${(0,errors/* describeError */.Uc)(error)}`]);
        }
    }
    const swept = rows.filter((r) => r[3] === 'deleted').map((r) => r[1]);
    context.setOutput('swept-count', swept.length);
    context.setOutput('swept-ids', JSON.stringify(swept));
    const headline = dryRun
        ? `### 🧹 Sweep (dry-run): ${rows.length} leftover temporary instance(s) would be deleted`
        : `### 🧹 Sweep: ${swept.length} leftover temporary instance(s) deleted`;
    context.summary(rows.length > 0
        ? `${headline}\n\n${(0,markdown/* table */.tp)(['Instance', 'Id', 'Age', 'Result'], rows)}`
        : `### 🧹 Sweep${dryRun ? ' (dry-run)' : ''}: no leftover temporary instances older than ${(0,duration/* formatElapsed */.C7)(ttlMs)}`);
    // The same fact as a drill that could not delete its instance: a failed run, exit code 1.
    if (failures.length > 0)
        throw new errors/* CheckFailure */.jU(`Sweep could not delete: ${failures.join('; ')}`);
}
/**
 * The drills' leftovers among `instances`, shown in detail (the list view has no `created`).
 * An instance can vanish between the list and the show (another run's clean-up): skipped.
 */
async function leftovers(trove, instances, context) {
    const marked = instances.filter((i) => (0,marker/* backupPartOf */.h7)(i.name) !== undefined);
    if (marked.length === 0)
        return [];
    const fromOurBackups = new Set((await trove.listBackups({ pageSize: 1000 })).map((b) => (0,marker/* backupPart */.M)(b.id)));
    const ours = [];
    for (const instance of marked) {
        if (!fromOurBackups.has((0,marker/* backupPartOf */.h7)(instance.name))) {
            context.warn(`Instance ${instance.name} (${instance.id}) has the drill marker, but no backup of this project starts with its id part; not deleting it`, 'sweep');
            continue;
        }
        const shown = await trove.findInstanceById(instance.id);
        if (!shown)
            continue;
        if (shown.created === undefined) {
            context.warn(`Temporary instance ${shown.name} (${shown.id}) has no creation time; not deleting it`, 'sweep');
            continue;
        }
        ours.push(shown);
    }
    return ours;
}


/***/ })

};

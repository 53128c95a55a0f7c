export const id = 676;
export const ids = [676];
export const modules = {

/***/ 7676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: ./src/checks/index.ts + 14 modules
var src_checks = __webpack_require__(5320);
// EXTERNAL MODULE: ./src/cloud/temporary-instance.ts + 1 modules
var temporary_instance = __webpack_require__(7244);
// EXTERNAL MODULE: ./src/database/target.ts
var target = __webpack_require__(8928);
// EXTERNAL MODULE: ./src/database/tool-env.ts
var tool_env = __webpack_require__(9189);
// EXTERNAL MODULE: ./src/database/tls.ts
var tls = __webpack_require__(352);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(447);
// EXTERNAL MODULE: ./src/inputs/restore.ts
var restore = __webpack_require__(3467);
// EXTERNAL MODULE: ./src/evidence/index.ts + 8 modules
var src_evidence = __webpack_require__(5);
// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(1990);
;// CONCATENATED MODULE: ./src/commands/verify/summary.ts



function drillSummary(report) {
    const { plan } = report;
    const title = report.verified ? '✅ Restore drill passed' : '❌ Restore drill failed';
    const counts = (0,src_checks/* tally */.N4)(report.results);
    const facts = (0,markdown/* table */.tp)(['', ''], [
        [
            'Source instance',
            plan.source ? `${plan.source.name} (${plan.source.id})` : plan.backup.instanceId
        ],
        ['Backup', `${plan.backup.name} (${plan.backup.id})`],
        ['Backup taken (UTC)', plan.backup.created.toISOString()],
        ['Datastore', `${plan.datastore.type} ${plan.datastore.version}`],
        [
            'Restore time (request → usable)',
            report.restoreMs !== undefined ? (0,duration/* formatElapsed */.C7)(report.restoreMs) : 'not reached'
        ],
        ['Temporary instance', `${report.tempName}${report.tempId ? ` (${report.tempId})` : ''}`],
        ['Checks', `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`],
        ['Clean-up', report.cleanup]
    ]);
    const checks = report.results.length > 0
        ? (0,markdown/* table */.tp)(['Check', 'Result', 'Took', 'Detail'], report.results.map((r) => [
            r.name,
            r.skipped ? '⏭️ skipped' : r.passed ? '✅ pass' : '❌ fail',
            (0,duration/* formatElapsed */.C7)(r.durationMs),
            r.detail
        ]))
        : '';
    const error = report.error ? `\n> **${(0,markdown/* cell */.Hn)(report.error)}**\n` : '';
    return [
        `### ${title}: ${(0,markdown/* cell */.Hn)(plan.source?.name ?? plan.backup.name)}`,
        error,
        facts,
        '',
        checks
    ].join('\n');
}

// EXTERNAL MODULE: ./src/commands/metrics-output.ts
var metrics_output = __webpack_require__(3057);
;// CONCATENATED MODULE: ./src/commands/verify/index.ts











/**
 * The restore drill: restore a backup into a temporary instance, check the data, measure the
 * restore time, and always delete the temporary instance (cloud/temporary-instance.ts).
 */
async function verify(context) {
    const inputs = (0,restore/* readDrillInputs */.BL)(context.inputs);
    const startedAt = context.now();
    for (const warning of inputs.dbTlsWarnings)
        context.warn(warning, 'Deprecated input value');
    const assertions = inputs.checksFile ? (0,src_checks/* readChecksFile */.KV)(inputs.checksFile) : [];
    const { trove } = context.cloud();
    let server;
    const run = await (0,temporary_instance/* withTemporaryInstance */.F)(context, trove, inputs, {
        env: context.inputs.env,
        planTitle: 'Plan the drill',
        keepOnFailure: inputs.keepOnFailure,
        succeeded: src_checks/* allPassed */.OE,
        // A drill of a stale backup proves an old copy: say how old, and stop before creating anything.
        beforeRestore: async (plan) => {
            const ageMs = context.now() - plan.backup.created.getTime();
            context.setOutput('backup-age-hours', Math.round((ageMs / 3_600_000) * 10) / 10);
            context.logger.info(`Backup ${plan.backup.id} is ${(0,duration/* formatElapsed */.C7)(Math.max(0, ageMs))} old`);
            const limitMs = inputs.maxAgeMs + inputs.graceMs;
            if (ageMs > limitMs) {
                const refusal = new errors/* CheckFailure */.jU(`Backup ${plan.backup.name} (${plan.backup.id}) is ${(0,duration/* formatElapsed */.C7)(ageMs)} old, older than max-age + grace (${(0,duration/* formatElapsed */.C7)(limitMs)}): ` +
                    `a drill of it would prove a stale copy. Take a fresh backup (${context.spell.mode('backup')}), or raise ${context.spell.setting('max-age')} to drill an older one on purpose.`);
                // A drill refused for a stale backup is a failed drill to an auditor and to an alert.
                const refused = {
                    plan,
                    tempName: '',
                    results: [],
                    verified: false,
                    cleanup: 'nothing was created',
                    error: refusal.message
                };
                await writeEvidence(context, inputs, refused, startedAt, undefined);
                await writeDrillMetrics(context, inputs.metricsFile, refused, startedAt);
                throw refusal;
            }
        },
        work: async ({ plan, restored }) => {
            context.setOutput('temp-instance-id', restored.instance.id);
            context.setOutput('temp-instance-host', restored.host);
            context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000));
            const engine = (0,target/* engineOf */.ky)(plan.datastore.type);
            const checkPlan = {
                assertions,
                tolerancePercent: inputs.tolerancePercent,
                integrity: inputs.integrity,
                connectTimeoutMs: 30_000,
                ...(inputs.command && {
                    command: inputs.command,
                    commandBaseEnv: (0,tool_env/* toolEnv */.o)(context.inputs.env, inputs.commandEnvNames)
                })
            };
            if (inputs.compareWithSource && plan.source) {
                const sourceHost = plan.source.addresses[0];
                if (!sourceHost)
                    throw new errors/* InputError */.dz('compare-with-source', `source instance ${plan.source.name} has no address to compare with`);
                // The restored copy is ours and short-lived; the source is production.
                const unverified = (0,tls/* unverifiedWarning */.ce)(inputs.dbTls, `compare-with-source connects to the production instance ${plan.source.name} (${sourceHost})`);
                if (unverified)
                    context.warn(unverified, 'Unverified TLS to a production database');
                checkPlan.compareWith = (0,target/* dbTarget */.s4)(inputs, engine, sourceHost);
            }
            const checked = await context.group('Check the restored data', () => (0,src_checks/* runChecks */.JT)((0,target/* dbTarget */.s4)(inputs, engine, restored.host), checkPlan, { logger: context.logger }));
            if (checked.server)
                server = checked.server;
            return checked.results;
        }
    });
    const results = run.value ?? [];
    const report = {
        plan: run.plan,
        tempName: run.name,
        results,
        verified: run.error === undefined && run.cleanupError === undefined && (0,src_checks/* allPassed */.OE)(results),
        cleanup: run.cleanup
    };
    if (run.id)
        report.tempId = run.id;
    if (run.restored) {
        report.host = run.restored.host;
        report.restoreMs = run.restored.restoreMs;
    }
    if (run.error !== undefined)
        report.error = (0,errors/* describeError */.Uc)(run.error);
    // The evidence and the metrics describe a failed drill too: that is when they matter most.
    const evidenceError = await writeEvidence(context, inputs, report, startedAt, server);
    await writeDrillMetrics(context, inputs.metricsFile, report, startedAt);
    finish(context, report);
    const failure = (0,temporary_instance/* failureOf */.g)(run);
    if (failure !== undefined)
        throw failure;
    if (!report.verified) {
        const failed = results.filter((r) => !r.passed && !r.skipped);
        throw new errors/* CheckFailure */.jU(`Restore drill of backup ${run.plan.backup.id} failed ${failed.length} check(s): ` +
            failed.map((r) => `${r.name} — ${r.detail}`).join('; '));
    }
    if (evidenceError !== undefined)
        throw evidenceError;
}
function finish(context, report) {
    const counts = (0,src_checks/* tally */.N4)(report.results);
    context.setOutput('verified', report.verified);
    context.setOutput('backup-id', report.plan.backup.id);
    context.setOutput('checks-passed', counts.passed);
    context.setOutput('checks-failed', counts.failed);
    context.setOutput('checks-skipped', counts.skipped);
    context.summary(drillSummary(report));
}
/** Writes the evidence JSON; returns the error (after a warning) rather than hide the drill's. */
async function writeEvidence(context, inputs, report, startedAt, server) {
    const { plan } = report;
    const file = (0,src_evidence/* evidenceFileFor */.FM)(inputs.evidencePath, context.inputs.env);
    const evidence = (0,src_evidence/* buildDrillEvidence */.lu)({
        drill: 'verify',
        startedAt,
        finishedAt: context.now(),
        passed: report.verified,
        run: context.run,
        ...(plan.source && { source: { id: plan.source.id, name: plan.source.name } }),
        ...(plan.backup.instanceId && { backupInstanceId: plan.backup.instanceId }),
        backup: {
            id: plan.backup.id,
            name: plan.backup.name,
            created: plan.backup.created,
            ...(plan.backup.sizeGb !== undefined && { sizeGb: plan.backup.sizeGb })
        },
        datastore: plan.datastore,
        ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs }),
        tempName: report.tempName,
        ...(report.tempId && { tempId: report.tempId }),
        cleanup: report.cleanup,
        checks: report.results,
        tools: (0,src_evidence/* toolVersions */.Ek)(engineOrDefault(plan.datastore.type)),
        ...(server && { server }),
        ...(report.error !== undefined && { error: report.error })
    });
    try {
        await (0,src_evidence/* writeEvidenceFile */.BV)(file, evidence);
    }
    catch (error) {
        const message = `Cannot write the drill evidence to ${file}: ${(0,errors/* describeError */.Uc)(error)}`;
        context.warn(message, 'Drill evidence not written');
        return new errors/* CheckFailure */.jU(message);
    }
    context.logger.info(`Drill evidence: ${file}`);
    context.setOutput('evidence-json', file);
    return undefined;
}
/** Monitoring is not the drill: a metrics file that cannot be written is a warning. */
async function writeDrillMetrics(context, file, report, startedAt) {
    if (!file)
        return;
    const { plan } = report;
    const id = plan.source?.id ?? plan.backup.instanceId ?? '';
    const labels = (0,src_evidence/* instanceLabels */.jh)(plan.source?.name ?? (id || plan.backup.name), id);
    const figures = {
        drill: 'verify',
        labels,
        passed: report.verified,
        backupAgeMs: startedAt - plan.backup.created.getTime(),
        checks: (0,src_checks/* tally */.N4)(report.results),
        ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs })
    };
    await (0,metrics_output/* publishMetrics */.v)(context, file, (previous) => (0,src_evidence/* drillGauges */.w4)(figures, context.now(), previous));
}
function engineOrDefault(datastore) {
    return /postgres/i.test(datastore) ? 'postgresql' : 'mariadb';
}


/***/ })

};

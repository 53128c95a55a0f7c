export const id = 834;
export const ids = [834];
export const modules = {

/***/ 42834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restore: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var _cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2267);
/* harmony import */ var _cloud_marker_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(95145);
/* harmony import */ var _cloud_restore_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56473);
/* harmony import */ var _cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80393);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92174);
/* harmony import */ var _format_duration_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21653);
/* harmony import */ var _format_markdown_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92);
/* harmony import */ var _inputs_restore_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(88117);








/**
 * A real recovery: restore a backup into a new instance that is kept. It gets a new address, so
 * the summary reminds the user that firewalls and connection strings must follow.
 */
async function restore(context) {
    const inputs = (0,_inputs_restore_js__WEBPACK_IMPORTED_MODULE_5__/* .readKeptRestoreInputs */ .ot)(context.inputs);
    const name = inputs.restoreName;
    if ((0,_cloud_marker_js__WEBPACK_IMPORTED_MODULE_6__/* .isTempInstanceName */ .x5)(name))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('restore-name', 'must not look like a drill’s temporary instance (sweep would delete it)');
    const { trove } = context.cloud();
    const plan = await context.group('Plan the restore', async () => {
        if ((await trove.listInstances()).some((i) => i.name === name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('restore-name', `an instance named "${name}" already exists; choose another name`);
        }
        const planned = await (0,_cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planRestore */ .q)(trove, inputs);
        context.logger.info(await (0,_cloud_restore_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .checkQuota */ .L)(trove, planned));
        return planned;
    });
    const cidrs = await (0,_cloud_allow_list_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveAllowedCidrs */ .a)(inputs.allowedCidrs, inputs.runnerIpUrl, context.inputs.env);
    const restored = await context
        .group('Restore', () => (0,_cloud_restore_js__WEBPACK_IMPORTED_MODULE_1__/* .restoreInstance */ .g)(context, trove, plan, name, cidrs, inputs.restoreTimeoutMs, (id) => {
        context.setOutput('instance-id', id);
    }))
        .catch((error) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CheckFailure */ .jU(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}. The new instance "${name}" may exist in a failed state: check it with \`openstack database instance list\`.`, { cause: error });
    });
    context.setOutput('instance-id', restored.instance.id);
    context.setOutput('instance-host', restored.host);
    context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000));
    context.setOutput('backup-id', plan.backup.id);
    context.warn(`Restored into ${name} at ${restored.host} — a NEW address: update firewalls (egress rules of your apps), connection strings and allowed CIDRs (now ${cidrs.join(', ')}).`, 'New instance address');
    context.summary([
        `### ♻️ Restored ${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .cell */ .Hn)(plan.backup.name)} into ${(0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .cell */ .Hn)(name)}`,
        '',
        (0,_format_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .tp)(['', ''], [
            ['New instance', `${name} (${restored.instance.id})`],
            ['New address', restored.host],
            ['Backup', `${plan.backup.id}, taken ${plan.backup.created.toISOString()}`],
            ['Datastore', `${plan.datastore.type} ${plan.datastore.version}`],
            ['Restore time', (0,_format_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatElapsed */ .C7)(restored.restoreMs)],
            ['Allowed CIDRs', cidrs.join(', ')]
        ]),
        '',
        '> ⚠️ The restored instance has a **new IP address**. Update application connection strings, egress firewalls and the allowed CIDRs of the instance.'
    ].join('\n'));
}


/***/ })

};

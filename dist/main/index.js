import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ resultOf),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   jU: () => (/* binding */ CheckFailure)
/* harmony export */ });
// The error vocabulary of the product. Each error says what happened in a user's words; its
// class decides the result: the CLI's exit code and the failed step's prefix in the action.
// Cloud errors (Keystone, Trove, the network) are the wire client's own classes
// (openstack/errors.ts); everything that is neither bad input nor a failed check is one.
/**
 * Bad input: names the input and says what is allowed. Raised before any cloud resource is
 * created or changed. Never put a secret's value in the message.
 */
class InputError extends Error {
    input;
    constructor(input, problem) {
        super(`Input "${input}": ${problem}`);
        this.name = 'InputError';
        this.input = input;
    }
}
/** A failed check or gate: a stale backup, a failed drill, a copy that does not match. */
class CheckFailure extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'CheckFailure';
    }
}
/** A message for the log and the step's failure annotation: the error's own words, no stack. */
function describeError(error) {
    if (error instanceof Error)
        return error.message || error.name;
    return String(error);
}
/** failed: a check or a stale backup; bad-input: nothing was changed; cloud-error: the rest. */
function resultOf(error) {
    if (error === undefined)
        return 'ok';
    if (error instanceof CheckFailure)
        return 'failed';
    if (error instanceof InputError)
        return 'bad-input';
    return 'cloud-error';
}


/***/ }),

/***/ 2992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ parseSize),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
const UNITS = {
    '': 1,
    b: 1,
    k: 1000,
    kb: 1000,
    kib: 1024,
    m: 1000 ** 2,
    mb: 1000 ** 2,
    mib: 1024 ** 2,
    g: 1000 ** 3,
    gb: 1000 ** 3,
    gib: 1024 ** 3
};
/** `16MiB`, `64MB`, `1.5GiB`, `8388608` (bytes), optionally with `/s`; undefined if not a size. */
function parseSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)(?:\/s)?$/i.exec(text.trim());
    if (!match)
        return undefined;
    const factor = UNITS[match[2].toLowerCase()];
    if (factor === undefined)
        return undefined;
    return Math.round(Number(match[1]) * factor);
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}


/***/ }),

/***/ 447:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ formatElapsedPrecise),
/* harmony export */   C7: () => (/* reexport safe */ _openstack_time_js__WEBPACK_IMPORTED_MODULE_0__.C),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _openstack_time_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(135);

const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000
};
/**
 * Parses durations like `90s`, `45m`, `2h`, `7d`, `1h30m`. A bare number is refused: `60` could
 * mean seconds or minutes, and guessing wrong on a timeout is expensive. Each unit may appear
 * once, largest first (`1h1h` is a typo, not 2 h), and each amount has at most 9 digits.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (!/^(\d{1,9}(\.\d{1,3})?(ms|s|m|h|d))+$/.test(value))
        return undefined;
    let total = 0;
    let previous = Infinity;
    for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
        const size = UNIT_MS[unit];
        if (size >= previous)
            return undefined;
        previous = size;
        total += Number(amount) * size;
    }
    return Math.round(total);
}
/** `5400000` → `1h30m`; for messages and summaries. */
function formatDuration(ms) {
    if (ms % 86_400_000 === 0 && ms > 0)
        return `${ms / 86_400_000}d`;
    const parts = [];
    let rest = Math.round(ms / 1000);
    for (const [unit, size] of [
        ['h', 3600],
        ['m', 60],
        ['s', 1]
    ]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return parts.join('') || '0s';
}
// Progress lines of the wire client and the summaries speak the same elapsed time; it is
// defined once, in the client, which imports nothing of the rest of the product.

/** Elapsed time of a fast phase (a report takes seconds): under a minute, to 1/100 s. */
function formatElapsedPrecise(ms) {
    return ms < 60_000 ? `${(ms / 1000).toFixed(2)}s` : (0,_openstack_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatElapsed */ .C)(ms);
}


/***/ }),

/***/ 1990:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mW: () => (/* binding */ fitSummary),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export SUMMARY_LIMIT_BYTES */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * Markdown for job summaries. Every user or cloud string goes through `cell` or `text`, so a
 * backup named `a|b`, `<script>`, `![x](https://…)` or `**x**` renders as the text it is: HTML is
 * escaped as entities, markdown punctuation with a backslash, line breaks become spaces.
 */
function text(value) {
    return value
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(/[&<>]/g, (c) => ENTITIES[c])
        .replace(/[\\`*_[\]!~#|]/g, '\\$&');
}
function cell(value) {
    if (value === undefined || value === '')
        return '—';
    return text(String(value));
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
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
function fitSummary(markdown) {
    if (Buffer.byteLength(markdown) <= SUMMARY_LIMIT_BYTES)
        return markdown;
    const note = '\n\n_… summary cut to stay under GitHub’s 1 MiB limit; see the report JSON for everything._\n';
    let cut = markdown.slice(0, SUMMARY_LIMIT_BYTES - note.length);
    while (Buffer.byteLength(cut) > SUMMARY_LIMIT_BYTES - note.length)
        cut = cut.slice(0, -1024);
    return cut.slice(0, cut.lastIndexOf('\n')) + note;
}


/***/ }),

/***/ 8293:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jh: () => (/* reexport */ GitHubClient),
  y_: () => (/* reexport */ GitHubError),
  BC: () => (/* reexport */ addComment),
  wS: () => (/* reexport */ closeIssue),
  Ko: () => (/* reexport */ createIssue),
  OR: () => (/* reexport */ defaultBranch),
  FE: () => (/* reexport */ findOpenIssue),
  o2: () => (/* reexport */ finishedAt),
  Kv: () => (/* reexport */ newestSuccessfulRun),
  T8: () => (/* reexport */ splitRepository)
});

// UNUSED EXPORTS: nextLink, rateLimitWaitMs

;// CONCATENATED MODULE: ./src/github/client.ts
// A small client for the few GitHub REST endpoints the product uses (issues and workflow runs).
// Plain fetch rather than @actions/github's octokit: six endpoints need no generated method
// table, the retry and rate-limit policy below is ours either way (octokit as @actions/github
// builds it has no retry or throttling plugin), the caller passes a proxy-aware fetch, and the
// bundle does not carry octokit's endpoint catalogue. It knows nothing of the Actions runtime:
// the caller gives it the API URL (GITHUB_API_URL on GitHub Enterprise Server) and the token.
/** An answer that is not 2xx; `message` is GitHub's own (`{"message": …}`), unchanged. */
class GitHubError extends Error {
    status;
    documentationUrl;
    /** A primary or secondary rate limit, not a missing permission. */
    rateLimited;
    constructor(status, message, options) {
        super(`GitHub answered ${status} to ${options.what}: ${message}`);
        this.name = 'GitHubError';
        this.status = status;
        this.documentationUrl = options.documentationUrl;
        this.rateLimited = options.rateLimited === true;
    }
}
/** GitHub's `Link` header: the URL of rel="next", if any. */
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(',')) {
        const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
        if (match && match[2] === 'next')
            return match[1];
    }
    return undefined;
}
/**
 * How long to wait before retrying a rate-limited answer, or undefined when it is not one.
 * GitHub's documented signals: `retry-after` (seconds; secondary limits), or
 * `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (epoch seconds; the primary limit).
 */
function rateLimitWaitMs(status, headers, now) {
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null && /^\d+$/.test(retryAfter.trim()))
        return Number(retryAfter) * 1000;
    if (headers.get('x-ratelimit-remaining') === '0') {
        const reset = Number(headers.get('x-ratelimit-reset'));
        return Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) + 1000 : 60_000;
    }
    // A 429 without headers is still a rate limit; GitHub says to wait at least a minute.
    return status === 429 ? 60_000 : undefined;
}
class GitHubClient {
    options;
    base;
    constructor(options) {
        this.options = options;
        this.base = options.apiUrl.replace(/\/+$/, '');
    }
    /** An absolute URL for a path like `/repos/o/r/issues`, under the API URL. */
    url(path, query = {}) {
        const url = new URL(this.base + path);
        for (const [k, v] of Object.entries(query))
            url.searchParams.set(k, String(v));
        return url.toString();
    }
    async request(method, url, body) {
        const what = `${method} ${new URL(url).pathname}`;
        const attempts = this.options.attempts ?? 3;
        const maxWait = this.options.maxRateLimitWaitMs ?? 60_000;
        let rateLimitWaits = 0;
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await this.options.fetch(url, {
                    method,
                    headers: {
                        accept: 'application/vnd.github+json',
                        'x-github-api-version': '2022-11-28',
                        authorization: `Bearer ${this.options.token}`,
                        'user-agent': 'dbaas-backup-action',
                        ...(body !== undefined ? { 'content-type': 'application/json' } : {})
                    },
                    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
                });
            }
            catch (error) {
                if (attempt >= attempts)
                    throw error;
                await this.options.sleep(1000 * 2 ** (attempt - 1));
                continue;
            }
            if (response.ok) {
                const text = await response.text();
                return { data: (text ? JSON.parse(text) : undefined), headers: response.headers };
            }
            const answer = await readError(response);
            const wait = rateLimitWaitMs(response.status, response.headers, this.options.now());
            if (wait !== undefined) {
                // One wait for a limit that resets soon; otherwise say so rather than hang the job.
                if (wait <= maxWait && rateLimitWaits === 0) {
                    rateLimitWaits++;
                    await this.options.sleep(wait);
                    continue;
                }
                throw new GitHubError(response.status, `${answer.message} (rate limited; it resets in ${Math.ceil(wait / 1000)} s)`, { ...answer, rateLimited: true, what });
            }
            if (response.status >= 500 && attempt < attempts) {
                await this.options.sleep(1000 * 2 ** (attempt - 1));
                continue;
            }
            throw new GitHubError(response.status, answer.message, { ...answer, what });
        }
    }
    /**
     * The first item of a list endpoint that `wanted` accepts, following `Link: rel="next"` page
     * by page (and stopping there), up to `maxPages` pages.
     */
    async find(url, wanted, maxPages = 20) {
        let next = url;
        let pages = 0;
        while (next && pages < maxPages) {
            const { data, headers } = await this.request('GET', next);
            pages++;
            const item = data.find(wanted);
            if (item !== undefined)
                return { item, pages };
            next = nextLink(headers.get('link'));
        }
        return { item: undefined, pages };
    }
}
async function readError(response) {
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const result = {
            message: typeof body.message === 'string' ? body.message : response.statusText
        };
        if (typeof body.documentation_url === 'string')
            result.documentationUrl = body.documentation_url;
        return result;
    }
    catch {
        return { message: text.slice(0, 200) || response.statusText };
    }
}
/** `owner/name` as GITHUB_REPOSITORY gives it, checked. */
function splitRepository(repository) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
    if (!match)
        throw new Error(`"${repository}" is not an owner/name repository`);
    return { owner: match[1], repo: match[2] };
}

;// CONCATENATED MODULE: ./src/github/issues.ts
const path = (r, rest = '') => `/repos/${encodeURIComponent(r.owner)}/${encodeURIComponent(r.repo)}${rest}`;
/**
 * The first open issue with all `labels` whose body holds `marker`: one request per page of
 * 100, newest first (GET /repos/{owner}/{repo}/issues?labels=…&state=open).
 */
async function findOpenIssue(client, repo, labels, marker) {
    const url = client.url(path(repo, '/issues'), {
        state: 'open',
        labels: labels.join(','),
        sort: 'created',
        direction: 'desc',
        per_page: 100
    });
    const { item, pages } = await client.find(url, (i) => i.pull_request === undefined && (i.body ?? '').includes(marker));
    return { issue: item, requests: pages };
}
async function createIssue(client, repo, issue) {
    const { data } = await client.request('POST', client.url(path(repo, '/issues')), {
        title: issue.title,
        body: issue.body,
        labels: issue.labels
    });
    return data;
}
async function addComment(client, repo, issueNumber, body) {
    const { data } = await client.request('POST', client.url(path(repo, `/issues/${issueNumber}/comments`)), { body });
    return data;
}
async function closeIssue(client, repo, issueNumber) {
    const { data } = await client.request('PATCH', client.url(path(repo, `/issues/${issueNumber}`)), { state: 'closed', state_reason: 'completed' });
    return data;
}
async function defaultBranch(client, repo) {
    const { data } = await client.request('GET', client.url(path(repo)));
    return data.default_branch;
}

;// CONCATENATED MODULE: ./src/github/workflow-runs.ts
/**
 * The newest successful run of a workflow file on a branch: one request
 * (GET /repos/{owner}/{repo}/actions/workflows/{file}/runs?branch=…&status=success&per_page=1).
 */
async function newestSuccessfulRun(client, repo, workflowFile, branch) {
    const url = client.url(`/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/actions/workflows/${encodeURIComponent(workflowFile)}/runs`, { branch, status: 'success', per_page: 1 });
    const { data } = await client.request('GET', url);
    return data.workflow_runs[0];
}
/** When a successful run finished: its last update (a run no longer changes once it succeeded). */
function finishedAt(run) {
    return new Date(run.updated_at);
}

;// CONCATENATED MODULE: ./src/github/index.ts





/***/ }),

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/host/action/runner.ts



/**
 * The GitHub Actions runner's protocol, as far as the action uses it: inputs from `INPUT_*`,
 * outputs and state appended to the files `GITHUB_OUTPUT` and `GITHUB_STATE` name, workflow
 * commands (`::warning::`, `::add-mask::`, `::group::`) on stdout, the job summary appended to
 * `GITHUB_STEP_SUMMARY`.
 *
 * It writes exactly what @actions/core writes for the same calls (test/unit/host/action holds
 * the two side by side). It is ours because @actions/core's entry module imports its OIDC token
 * client, and with it an HTTP client and undici, on every step: about 21 MB of memory and 0.1 s
 * of start-up (bundled, measured on these machines) for a call the action never makes.
 */
/** An input's value, trimmed; '' when it is not set. Spaces in the name become underscores. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** A number or boolean is written as its text (`3`, `true`), as @actions/core writes it. */
function setOutput(name, value) {
    writeKeyValue('OUTPUT', 'set-output', name, String(value));
}
/** Kept for the post step, which reads it back as `STATE_<name>`. */
function saveState(name, value) {
    writeKeyValue('STATE', 'save-state', name, value);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** The runner replaces the value with *** wherever it appears in the log from now on. */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/** A plain log line, written as it is: the caller makes outside text safe (format/text.ts). */
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function warning(message, properties = {}) {
    issueCommand('warning', properties, message);
}
function error(message) {
    issueCommand('error', {}, message);
}
/** An error annotation, and the step ends failed. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Folds the lines `fn` logs under `name`. */
async function group(name, fn) {
    issueCommand('group', {}, name);
    try {
        return await fn();
    }
    finally {
        issueCommand('endgroup', {}, '');
    }
}
/**
 * Appends markdown to the job summary, followed by a line end. Without GITHUB_STEP_SUMMARY (a
 * runner without job summaries, or a local run) there is no summary, and nothing is written.
 */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    await (0,promises_.appendFile)(file, markdown + external_node_os_.EOL, { encoding: 'utf8' });
}
/**
 * `name<<delimiter`, the value, `delimiter`: a multi-line value cannot end early, because the
 * delimiter is random and neither the name nor the value may contain it. Without the file (an
 * old runner) the value goes out as the deprecated stdout command, as @actions/core does.
 */
function writeKeyValue(file, command, name, value) {
    const path = process.env[`GITHUB_${file}`];
    if (!path) {
        if (file === 'OUTPUT')
            process.stdout.write(external_node_os_.EOL);
        issueCommand(command, { name }, value);
        return;
    }
    if (!(0,external_node_fs_.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    const delimiter = `ghadelimiter_${randomUuid()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: the ${file.toLowerCase()} contains its delimiter`);
    }
    (0,external_node_fs_.appendFileSync)(path, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, {
        encoding: 'utf8'
    });
}
/**
 * `::command key=value,key=value::message`. The message cannot break out of its line (% CR LF
 * are escaped); a property value cannot break out of its property either (: and , too).
 */
function issueCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * A random (version 4) UUID, as crypto.randomUUID() makes one, from the kernel's random source
 * where there is one: loading node:crypto for 16 random bytes costs 5–7 ms of every step's
 * start-up on these machines, reading /dev/urandom a tenth of a millisecond. Windows has no
 * /dev/urandom; it takes node:crypto's.
 */
function randomUuid() {
    if (process.platform === 'win32')
        return process.getBuiltinModule('node:crypto').randomUUID();
    const bytes = Buffer.alloc(16);
    const fd = (0,external_node_fs_.openSync)('/dev/urandom', 'r');
    try {
        if ((0,external_node_fs_.readSync)(fd, bytes, 0, 16, null) !== 16)
            throw new Error('/dev/urandom gave too few bytes');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // the RFC 9562 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// EXTERNAL MODULE: ./src/openstack/index.ts + 12 modules
var openstack = __nccwpck_require__(5222);
;// CONCATENATED MODULE: ./src/cloud/connect.ts

/** Wires the typed client from validated inputs: one HTTP client, one session (one token). */
function connect(inputs, logger) {
    const http = new openstack/* HttpClient */.Qq({ timeoutMs: inputs.requestTimeoutMs, logger });
    const session = new openstack/* OpenStackSession */.P9(http, inputs.session);
    return { session, trove: new openstack/* TroveClient */.e7(session) };
}

;// CONCATENATED MODULE: ./src/commands/context.ts
function readRunInfo(env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repository = env.GITHUB_REPOSITORY ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    return {
        repository,
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF_NAME || env.GITHUB_REF || '',
        workflow: env.GITHUB_WORKFLOW ?? ''
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs/source.ts + 2 modules
var inputs_source = __nccwpck_require__(3976);
;// CONCATENATED MODULE: ./src/inputs/cloud.ts


/**
 * Reads the cloud connection. Inputs win over the standard OS_* variables, so a sourced openrc
 * file (or a workflow `env:` built from one) works unchanged. Secrets are masked first.
 */
function readCloudInputs(source) {
    const secret = (0,inputs_source/* inputOrEnv */.hG)(source, 'application-credential-secret', 'OS_APPLICATION_CREDENTIAL_SECRET');
    const password = (0,inputs_source/* inputOrEnv */.hG)(source, 'password', 'OS_PASSWORD');
    if (secret)
        source.mask(secret);
    if (password)
        source.mask(password);
    const insecure = (0,inputs_source/* readBoolean */.Vf)(source, 'allow-insecure-http');
    const authUrl = (0,inputs_source/* inputOrEnv */.hG)(source, 'auth-url', 'OS_AUTH_URL');
    if (!authUrl) {
        throw new errors/* InputError */.dz('auth-url', 'is required (or set OS_AUTH_URL), e.g. https://pukki.dbaas.csc.fi:5000/v3');
    }
    (0,inputs_source/* checkHttpsUrl */.Bg)(source, 'auth-url', authUrl, insecure);
    const databaseEndpoint = source.get('database-endpoint');
    if (databaseEndpoint)
        (0,inputs_source/* checkHttpsUrl */.Bg)(source, 'database-endpoint', databaseEndpoint, insecure);
    const iface = (0,inputs_source/* inputOrEnv */.hG)(source, 'interface', 'OS_INTERFACE', 'OS_ENDPOINT_TYPE') || 'public';
    if (!['public', 'internal', 'admin'].includes(iface.replace(/URL$/, ''))) {
        throw new errors/* InputError */.dz('interface', `"${iface}" is not allowed; use public, internal or admin`);
    }
    const session = {
        authUrl: authUrl.replace(/\/+$/, ''),
        credentials: readCredentials(source, secret, password),
        interface: iface.replace(/URL$/, '')
    };
    const region = (0,inputs_source/* inputOrEnv */.hG)(source, 'region', 'OS_REGION_NAME');
    if (region)
        session.region = region;
    if (databaseEndpoint)
        session.databaseEndpoint = databaseEndpoint;
    if (insecure)
        session.allowInsecureHttp = true;
    return {
        session,
        requestTimeoutMs: (0,inputs_source/* readDuration */.$7)(source, 'request-timeout', {
            minMs: 1000,
            maxMs: 10 * 60_000
        })
    };
}
function readCredentials(source, secret, password) {
    const appCredId = (0,inputs_source/* inputOrEnv */.hG)(source, 'application-credential-id', 'OS_APPLICATION_CREDENTIAL_ID');
    const appCredName = (0,inputs_source/* inputOrEnv */.hG)(source, 'application-credential-name', 'OS_APPLICATION_CREDENTIAL_NAME');
    const authType = normaliseAuthType((0,inputs_source/* inputOrEnv */.hG)(source, 'auth-type', 'OS_AUTH_TYPE'), appCredId || appCredName);
    if (authType === 'application_credential') {
        if (!secret) {
            throw new errors/* InputError */.dz('application-credential-secret', 'is required with an application credential (or set OS_APPLICATION_CREDENTIAL_SECRET)');
        }
        if (appCredId)
            return { method: 'application_credential', id: appCredId, secret };
        if (!appCredName) {
            throw new errors/* InputError */.dz('application-credential-id', 'is required (or application-credential-name with its user); set OS_APPLICATION_CREDENTIAL_ID');
        }
        return {
            method: 'application_credential',
            name: appCredName,
            secret,
            user: readUser(source, 'application-credential-name')
        };
    }
    const username = (0,inputs_source/* inputOrEnv */.hG)(source, 'username', 'OS_USERNAME') || (0,inputs_source/* inputOrEnv */.hG)(source, 'user-id', 'OS_USER_ID');
    if (!password && !username && !secret) {
        throw new errors/* InputError */.dz('application-credential-id', 'no credentials were given: set application-credential-id and application-credential-secret ' +
            '(or OS_APPLICATION_CREDENTIAL_ID / OS_APPLICATION_CREDENTIAL_SECRET, as in an openrc file)');
    }
    if (!password) {
        throw new errors/* InputError */.dz('password', 'is required for password authentication (or set OS_PASSWORD); application credentials are recommended instead');
    }
    return {
        method: 'password',
        user: readUser(source, 'username'),
        password,
        project: readProject(source)
    };
}
function normaliseAuthType(value, haveAppCred) {
    const type = value.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (type === '')
        return haveAppCred ? 'application_credential' : 'password';
    if (['v3applicationcredential', 'applicationcredential'].includes(type))
        return 'application_credential';
    if (['password', 'v3password'].includes(type))
        return 'password';
    throw new errors/* InputError */.dz('auth-type', `"${value}" is not supported; use v3applicationcredential or password`);
}
function readUser(source, context) {
    const userId = (0,inputs_source/* inputOrEnv */.hG)(source, 'user-id', 'OS_USER_ID');
    if (userId)
        return { id: userId };
    const username = (0,inputs_source/* inputOrEnv */.hG)(source, 'username', 'OS_USERNAME');
    if (!username) {
        throw new errors/* InputError */.dz(context === 'username' ? 'username' : 'user-id', 'a user is required: set user-id, or username with user-domain-name');
    }
    return { name: username, domain: readDomain(source, 'user', 'OS_USER_DOMAIN') };
}
function readProject(source) {
    const projectId = (0,inputs_source/* inputOrEnv */.hG)(source, 'project-id', 'OS_PROJECT_ID', 'OS_TENANT_ID');
    if (projectId)
        return { id: projectId };
    const projectName = (0,inputs_source/* inputOrEnv */.hG)(source, 'project-name', 'OS_PROJECT_NAME', 'OS_TENANT_NAME');
    if (!projectName) {
        throw new errors/* InputError */.dz('project-id', 'password authentication needs a project: set project-id, or project-name with project-domain-id');
    }
    return { name: projectName, domain: readDomain(source, 'project', 'OS_PROJECT_DOMAIN') };
}
/** A name given without a domain is refused by Keystone, so ask for one up front. */
function readDomain(source, kind, envPrefix) {
    const id = (0,inputs_source/* inputOrEnv */.hG)(source, `${kind}-domain-id`, `${envPrefix}_ID`);
    if (id)
        return { id };
    const name = (0,inputs_source/* inputOrEnv */.hG)(source, `${kind}-domain-name`, `${envPrefix}_NAME`);
    if (name)
        return { name };
    throw new errors/* InputError */.dz(`${kind}-domain-name`, `is required when the ${kind} is given by name (or set ${envPrefix}_NAME or ${envPrefix}_ID)`);
}

// EXTERNAL MODULE: ./src/inputs/spelling.ts
var spelling = __nccwpck_require__(9775);
;// CONCATENATED MODULE: ./src/format/text.ts
// Text from outside the product — server bodies, backup and instance names, descriptions,
// database values, a user command's output — is made harmless at the one place each host
// writes a line. A runner reads every stdout line that starts with `::` (or the legacy `##[`)
// as a workflow command, and ends a line at CR as well as LF; a terminal obeys escape sequences.
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// C0 and C1 controls and DEL, but tab and line feed (handled apart).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const COMMAND_START = /^(\s*)(::|##\[)/;
/** Control characters as visible escapes (`\x1b`), so escape sequences do nothing. */
function visible(text) {
    return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
/** A line that cannot start a workflow command: `::x` becomes `: :x`, `##[` becomes `# #[`. */
function defused(line) {
    return line.replace(COMMAND_START, (_m, space, token) => token === '::' ? `${space}: :` : `${space}# #[`);
}
/** One log line: line breaks become spaces, controls visible escapes, no command start. */
function safeLine(text) {
    return defused(visible(text.replace(LINE_BREAKS, ' ')));
}
/** Several lines (a failure message, a summary as text): each made safe, LF between them. */
function safeLines(text) {
    return text
        .split(LINE_BREAKS)
        .map((line) => defused(visible(line)))
        .join('\n');
}

;// CONCATENATED MODULE: ./src/host/cancellation.ts
const hooks = new Set();
/**
 * The CLI has no post step to confirm a clean-up: it registers a hook here that does what the
 * post step does, within the same exit. Returns a function that removes the hook.
 */
function addCancelHook(hook) {
    hooks.add(hook);
    return () => hooks.delete(hook);
}
/**
 * A cancelled job gets SIGINT, then SIGTERM a few seconds later, then is killed. Run `onCancel`
 * once on the first of them (quickly: it has seconds), then exit. Returns a function that removes
 * the handlers.
 */
function onCancellation(onCancel) {
    let started = false;
    const handler = (signal) => {
        if (started)
            return;
        started = true;
        void onCancel(signal)
            .then(async () => {
            for (const hook of hooks)
                await hook(signal).catch(() => undefined);
        })
            .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}

;// CONCATENATED MODULE: ./src/host/action/context.ts








/**
 * The step's log. runner.info writes its text as it is, so a line of outside text (a server's
 * error body, a backup name) is made safe here: it can never become a workflow command.
 * runner.debug and runner.warning escape their data themselves.
 */
const stepLogger = {
    debug: (m) => debug(m),
    info: (m) => info(safeLine(m)),
    warning: (m) => warning(m)
};
/** Inputs as GitHub passes them (INPUT_* variables), secrets masked with ::add-mask::. */
function actionInputSource(env = process.env) {
    return {
        get: (name) => getInput(name),
        env,
        mask: (secret) => {
            setSecret(secret);
            // Also scrubbed from server answers that become error messages (openstack/secrets.ts).
            (0,openstack/* registerSecret */.cl)(secret);
        },
        spell: spelling/* ACTION_SPELLING */.k
    };
}
/** The CommandContext of a GitHub Actions step; `summaryParts` are written by the entry point. */
function actionContext(summaryParts) {
    const inputs = actionInputSource();
    let cloud;
    return {
        inputs,
        spell: spelling/* ACTION_SPELLING */.k,
        logger: stepLogger,
        cloud: () => (cloud ??= connect(readCloudInputs(inputs), stepLogger)),
        setOutput: (name, value) => setOutput(name, value),
        warn: (message, title) => warning(message, title ? { title } : {}),
        summary: (markdown) => summaryParts.push(markdown),
        saveState: (key, value) => saveState(key, value),
        group: (name, fn) => group(name, fn),
        onCancel: (hook) => onCancellation(hook),
        run: readRunInfo(process.env),
        now: Date.now,
        sleep: openstack/* defaultSleep */.JG
    };
}

;// CONCATENATED MODULE: ./src/commands/registry.ts
/**
 * The modes built so far, loaded on demand: ncc splits each into its own chunk, so a report does
 * not pay for loading the database drivers that verify needs.
 */
const COMMANDS = {
    backup: async (c) => (await __nccwpck_require__.e(/* import() */ 544).then(__nccwpck_require__.bind(__nccwpck_require__, 6544))).backup(c),
    report: async (c) => (await Promise.all(/* import() */[__nccwpck_require__.e(973), __nccwpck_require__.e(343)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2730))).report(c),
    verify: async (c) => (await Promise.all(/* import() */[__nccwpck_require__.e(139), __nccwpck_require__.e(591), __nccwpck_require__.e(973), __nccwpck_require__.e(860), __nccwpck_require__.e(676)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7676))).verify(c),
    restore: async (c) => (await Promise.all(/* import() */[__nccwpck_require__.e(591), __nccwpck_require__.e(816)]).then(__nccwpck_require__.bind(__nccwpck_require__, 816))).restore(c),
    sweep: async (c) => (await Promise.all(/* import() */[__nccwpck_require__.e(591), __nccwpck_require__.e(1)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7001))).sweep(c),
    mirror: async (c) => (await Promise.all(/* import() */[__nccwpck_require__.e(139), __nccwpck_require__.e(591), __nccwpck_require__.e(973), __nccwpck_require__.e(860), __nccwpck_require__.e(865)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3865))).mirror(c),
    list: async (c) => (await __nccwpck_require__.e(/* import() */ 664).then(__nccwpck_require__.bind(__nccwpck_require__, 9664))).list(c)
};

;// CONCATENATED MODULE: ./src/inputs/modes.ts
/** The action's modes: the values the `mode` input takes. */
const MODES = ['backup', 'verify', 'restore', 'report', 'mirror', 'sweep', 'list'];
/** The modes that can leave a temporary instance behind for the post step to delete. */
const modes_MODES_WITH_TEMPORARY_INSTANCES = (/* unused pure expression or super */ null && (['verify', 'mirror']));

;// CONCATENATED MODULE: ./src/inputs/mode.ts




/** Whether this mode can leave a temporary instance for the post step (an unknown mode: no). */
function createsTemporaryInstances(source) {
    const mode = source.get('mode').toLowerCase();
    return MODES_WITH_TEMPORARY_INSTANCES.includes(mode);
}
/** `summary: false` keeps the job summary empty (the log and outputs stay). */
function readSummaryWanted(source) {
    return (0,inputs_source/* readBoolean */.Vf)(source, 'summary');
}
function readMode(source) {
    const value = source.get('mode').toLowerCase();
    if (value === '')
        throw new errors/* InputError */.dz('mode', `is required; use one of: ${MODES.join(', ')}`);
    if (MODES.includes(value))
        return value;
    throw new errors/* InputError */.dz('mode', `"${source.get('mode')}" is not a mode; use one of: ${MODES.join(', ')}`);
}

// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __nccwpck_require__(1990);
// EXTERNAL MODULE: ./src/inputs/notify.ts
var notify = __nccwpck_require__(9872);
// EXTERNAL MODULE: ./src/openstack/proxy.ts
var proxy = __nccwpck_require__(5808);
// EXTERNAL MODULE: ./src/github/index.ts + 3 modules
var github = __nccwpck_require__(8293);
;// CONCATENATED MODULE: ./src/notify/outcome.ts


/**
 * The verdict from the run's result: an error fails it, except that a report's error is
 * staleness when its status output says so; a report that passed with fail-on: never but found
 * stale or missing backups is stale too, since nobody reads a green run.
 */
function verdictOf(mode, result, outputs) {
    const reportStale = mode === 'report' && (outputs.status === 'stale' || outputs.status === 'none');
    if (result === 'ok')
        return reportStale ? 'stale' : 'pass';
    return reportStale && result === 'failed' ? 'stale' : 'fail';
}
const WORDS = { pass: 'passed', fail: 'failed', stale: 'stale' };
function verdictWord(verdict) {
    return WORDS[verdict];
}
/**
 * The hidden marker an issue is found again by: mode and subject, percent-encoded, so no
 * name can end the HTML comment or imitate another subject's marker.
 */
function markerOf(outcome) {
    return `<!-- dbaas-backup-action:notify mode=${encodeURIComponent(outcome.mode)} instance=${encodeURIComponent(outcome.subject)} -->`;
}
/** One line of plain text: an issue title, a chat line. */
function plain(value, max) {
    const line = safeLine(value).trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
function issueTitle(outcome) {
    return `dbaas-backup ${outcome.mode} ${verdictWord(outcome.verdict)}: ${plain(outcome.subject, 120)}`;
}
/** GitHub refuses issue and comment bodies over 65,536 characters. */
const BODY_LIMIT = 60_000;
/**
 * A body of safe markdown: our own summary (its names already escaped by format/markdown.ts),
 * the failure message as a fenced block (server text stays literal), mentions defused so a
 * name like `@org/team` pings nobody.
 */
function issueBody(outcome, heading, withMarker) {
    const run = outcome.runUrl ? `[run ${(0,markdown/* text */.Qq)(outcome.runId)}](${outcome.runUrl})` : 'a local run';
    const where = outcome.repository ? ` of ${(0,markdown/* text */.Qq)(outcome.repository)}` : '';
    const workflow = outcome.workflow ? ` (workflow ${(0,markdown/* code */.aY)(outcome.workflow)})` : '';
    const parts = [`**${heading}** for ${(0,markdown/* code */.aY)(outcome.subject)} in ${run}${where}${workflow}.`];
    if (outcome.message)
        parts.push(fenced(outcome.message));
    if (outcome.summary)
        parts.push(outcome.summary);
    let body = defuseMentions(parts.join('\n\n'));
    if (body.length > BODY_LIMIT) {
        body = `${body.slice(0, BODY_LIMIT)}\n\n_… cut to GitHub’s size limit; the run has the rest._`;
    }
    return withMarker ? `${markerOf(outcome)}\n${body}` : body;
}
function fenced(message) {
    const longest = Math.max(2, ...[...message.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}text\n${message}\n${fence}`;
}
/** `@name` → `@\u200bname`: reads the same, notifies nobody. */
function defuseMentions(markdown) {
    return markdown.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b');
}

;// CONCATENATED MODULE: ./src/notify/chat.ts

/** Slack's mrkdwn escapes: &, < and > are its only control characters in text. */
function slack(value) {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * The webhook's JSON: `text` (all Slack-compatible incoming webhooks — Slack, Mattermost,
 * Rocket.Chat, Teams workflows — show it), legacy `attachments` fields for those that render
 * them, and the same facts as plain top-level fields for a receiver of one's own.
 */
function webhookPayload(outcome, recovered) {
    const what = recovered
        ? `recovered: ${outcome.mode} passed`
        : `${outcome.mode} ${verdictWord(outcome.verdict)}`;
    const link = outcome.runUrl ? ` <${outcome.runUrl}|run ${slack(outcome.runId)}>` : '';
    const where = outcome.repository ? ` (${slack(outcome.repository)})` : '';
    const firstLine = outcome.message.split('\n')[0]?.slice(0, 300) ?? '';
    const text = `dbaas-backup ${slack(what)} for ${slack(outcome.subject)}${where}:${link}` +
        (firstLine && !recovered ? `\n${slack(firstLine)}` : '');
    const fields = [
        { title: 'mode', value: outcome.mode, short: true },
        { title: 'instance', value: outcome.subject, short: true },
        { title: 'verdict', value: recovered ? 'recovered' : outcome.verdict, short: true },
        ...(outcome.repository ? [{ title: 'repository', value: outcome.repository, short: true }] : [])
    ];
    return {
        text,
        attachments: [
            {
                color: recovered ? 'good' : outcome.verdict === 'stale' ? 'warning' : 'danger',
                fallback: text,
                fields
            }
        ],
        mode: outcome.mode,
        instance: outcome.subject,
        verdict: recovered ? 'recovered' : outcome.verdict,
        repository: outcome.repository,
        run_url: outcome.runUrl,
        message: recovered ? '' : outcome.message
    };
}
/** The cron-monitor convention (healthchecks.io, Cronitor, …): `<url>/fail` marks a failure. */
function heartbeatUrl(url, failed) {
    if (!failed)
        return url;
    const parsed = new URL(url);
    parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/fail`;
    return parsed.toString();
}

;// CONCATENATED MODULE: ./src/notify/issue.ts


/**
 * One issue per mode and subject: a failing or stale run opens it (or comments on the open
 * one), the first passing run afterwards comments "recovered" and closes it. Requests per
 * run: one list page per 100 open issues with the labels until the marker is found (usually
 * 1), plus one create, or one comment, or one comment and one update.
 */
async function reconcileIssue(client, repo, labels, outcome) {
    const { issue } = await (0,github/* findOpenIssue */.FE)(client, repo, labels, markerOf(outcome));
    if (outcome.verdict === 'pass') {
        if (!issue)
            return { kind: 'nothing' };
        await (0,github/* addComment */.BC)(client, repo, issue.number, issueBody(outcome, `Recovered: ${outcome.mode} passed`, false));
        await (0,github/* closeIssue */.wS)(client, repo, issue.number);
        return { kind: 'recovered', number: issue.number, url: issue.html_url };
    }
    const heading = `${outcome.mode} ${verdictWord(outcome.verdict)}`;
    if (issue) {
        const comment = await (0,github/* addComment */.BC)(client, repo, issue.number, issueBody(outcome, `${heading} again`, false));
        return { kind: 'commented', number: issue.number, url: comment.html_url };
    }
    const created = await (0,github/* createIssue */.Ko)(client, repo, {
        title: issueTitle(outcome),
        body: issueBody(outcome, heading, true),
        labels
    });
    return { kind: 'opened', number: created.number, url: created.html_url };
}
/**
 * A warning for an issue step that GitHub refused. A 403 or 404 that is not a rate limit is a
 * missing permission (GitHub answers 404 to a token that may not see the repository).
 */
function issueWarning(error) {
    if (error instanceof github/* GitHubError */.y_ && !error.rateLimited) {
        if (error.status === 403 || error.status === 404) {
            return (`notify: issue could not write the issue: ${error.message}. ` +
                'Give the job the permission it needs: permissions: issues: write (and pass a token that has it in github-token).');
        }
    }
    if (error instanceof github/* GitHubError */.y_ && error.rateLimited) {
        return `notify: issue was rate limited by GitHub and skipped this run: ${error.message}`;
    }
    return `notify: issue failed: ${error instanceof Error ? error.message : String(error)}`;
}

;// CONCATENATED MODULE: ./src/notify/send.ts
const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;
const MAX_RETRY_AFTER_MS = 30_000;
/**
 * One notification request with bounded retries: up to 3 attempts, 1 s then 2 s apart (or the
 * server's Retry-After, at most 30 s), each attempt cut off after 10 s. A monitor or chat that
 * is down must not hold the job for long.
 */
async function send(deps, url, init) {
    let last = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        let retryAfterMs;
        try {
            const response = await deps.fetch(url, {
                method: init.method,
                headers: {
                    'user-agent': 'dbaas-backup-action',
                    ...(init.body !== undefined ? { 'content-type': 'application/json' } : {})
                },
                ...(init.body !== undefined ? { body: init.body } : {}),
                signal: AbortSignal.timeout(TIMEOUT_MS)
            });
            await response.arrayBuffer().catch(() => undefined);
            if (response.ok)
                return { ok: true, attempts: attempt, last: String(response.status) };
            last = `HTTP ${response.status}`;
            if (response.status !== 429 && response.status < 500) {
                return { ok: false, attempts: attempt, last };
            }
            const header = response.headers.get('retry-after');
            if (header && /^\d+$/.test(header.trim())) {
                retryAfterMs = Math.min(Number(header) * 1000, MAX_RETRY_AFTER_MS);
            }
        }
        catch (error) {
            // The URL is a secret: name the failure's kind, never the request.
            last = error instanceof Error ? error.name : 'network failure';
        }
        if (attempt < ATTEMPTS)
            await deps.sleep(retryAfterMs ?? 1000 * 2 ** (attempt - 1));
    }
    return { ok: false, attempts: ATTEMPTS, last };
}

;// CONCATENATED MODULE: ./src/notify/index.ts





/**
 * Tells the world how the run went, after the mode has ended: the issue first (it knows
 * whether this pass is a recovery), then the webhook, then the heartbeat. Never throws.
 */
async function notifyRun(settings, outcome, deps) {
    let issue = { kind: 'nothing' };
    if (settings.issue) {
        try {
            const client = new github/* GitHubClient */.jh({
                apiUrl: settings.issue.access.apiUrl,
                token: settings.issue.access.token,
                fetch: deps.fetch,
                sleep: deps.sleep,
                now: deps.now
            });
            const repo = (0,github/* splitRepository */.T8)(settings.issue.access.repository);
            issue = await reconcileIssue(client, repo, settings.issue.labels, outcome);
            if (issue.kind === 'opened')
                deps.info(`notify: opened issue #${issue.number}: ${issue.url}`);
            if (issue.kind === 'commented')
                deps.info(`notify: commented on issue #${issue.number}`);
            if (issue.kind === 'recovered')
                deps.info(`notify: closed issue #${issue.number} (recovered)`);
        }
        catch (error) {
            deps.warn(issueWarning(error), 'notify');
        }
    }
    const failed = outcome.verdict !== 'pass';
    if (settings.webhookUrl && (failed || issue.kind === 'recovered')) {
        const result = await send(deps, settings.webhookUrl, {
            method: 'POST',
            body: JSON.stringify(webhookPayload(outcome, !failed))
        });
        if (result.ok)
            deps.info(`notify: webhook sent (${failed ? outcome.verdict : 'recovered'})`);
        else
            deps.warn(`notify: webhook-url was not accepted after ${result.attempts} attempt(s): ${result.last}`, 'notify');
    }
    if (settings.heartbeatUrl) {
        const result = await send(deps, heartbeatUrl(settings.heartbeatUrl, failed), { method: 'GET' });
        if (result.ok)
            deps.info(`notify: heartbeat sent (${failed ? 'fail' : 'success'})`);
        else
            deps.warn(`notify: heartbeat-url did not answer after ${result.attempts} attempt(s): ${result.last}`, 'notify');
    }
}

;// CONCATENATED MODULE: ./src/host/notifications.ts





/**
 * Reads the notification inputs before the mode runs (a bad one is an InputError, before any
 * cloud call) and watches the outputs the mode sets, for the verdict. Undefined when nothing
 * is to be notified.
 */
function startNotifications(context, mode) {
    const settings = (0,notify/* readNotifyInputs */.DL)(context.inputs, mode);
    if (!settings)
        return undefined;
    const outputs = {};
    const setOutput = context.setOutput.bind(context);
    context.setOutput = (name, value) => {
        outputs[name] = value;
        setOutput(name, value);
    };
    return {
        finish: async (error, summaryMarkdown) => {
            const run = context.run;
            await notifyRun(settings, {
                mode,
                subject: settings.subject,
                verdict: verdictOf(mode, (0,errors/* resultOf */.Bg)(error), outputs),
                // GitHub's masking does not reach an issue or a chat: scrub what we registered.
                message: error === undefined ? '' : (0,openstack/* scrubSecrets */.Zg)((0,errors/* describeError */.Uc)(error)),
                summary: (0,openstack/* scrubSecrets */.Zg)(summaryMarkdown),
                repository: run.repository,
                runUrl: run.runUrl,
                runId: run.runId,
                workflow: run.workflow
            }, {
                fetch: (0,proxy/* createFetch */.H)(context.inputs.env),
                sleep: context.sleep,
                now: context.now,
                info: (m) => context.logger.info(m),
                warn: (m, title) => context.warn(m, title)
            });
        }
    };
}

;// CONCATENATED MODULE: ./src/host/action/main.ts







/** The action's main step: read the mode, run it, turn any error into a failed step. */
async function run() {
    const summaryParts = [];
    let summaryWanted = true;
    let notifier;
    let failure;
    try {
        const context = actionContext(summaryParts);
        const mode = readMode(context.inputs);
        summaryWanted = readSummaryWanted(context.inputs);
        notifier = startNotifications(context, mode);
        await COMMANDS[mode](context);
    }
    catch (error) {
        failure = error;
        setFailed((0,errors/* describeError */.Uc)(error));
    }
    finally {
        // The summary is whole once the mode has ended; the notifier only warns, never fails.
        await notifier?.finish(failure, summaryParts.join('\n\n'));
        if (summaryWanted)
            await writeSummary(summaryParts);
    }
}
/** The summary is a courtesy: failing to write it warns, never fails the step. */
async function writeSummary(parts) {
    if (parts.length === 0)
        return;
    try {
        await appendSummary((0,markdown/* fitSummary */.mW)(parts.join('\n\n')));
    }
    catch (error) {
        warning(`Could not write the job summary: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _host_action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(634);

await (0,_host_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9872:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DL: () => (/* binding */ readNotifyInputs),
/* harmony export */   rI: () => (/* binding */ readGateInputs)
/* harmony export */ });
/* unused harmony exports NOTIFY_MODES, readGitHubAccess */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3976);


/** The modes whose verdict is worth telling someone about (issue #15's list). */
const NOTIFY_MODES = ['backup', 'verify', 'report', 'mirror'];
const NOTIFY_INPUTS = ['notify', 'webhook-url', 'heartbeat-url'];
/**
 * Reads the notification inputs before the mode runs. Undefined when nothing is asked for.
 * Set on a mode that does not notify (restore, sweep, list) they are refused rather than
 * ignored: a user who set heartbeat-url believes the job is watched.
 */
function readNotifyInputs(source, mode) {
    const notify = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readChoice */ .Kf)(source, 'notify', ['none', 'issue']);
    const webhookUrl = source.get('webhook-url');
    const heartbeatUrl = source.get('heartbeat-url');
    // Masked before any check could quote them: both URLs carry their secret in the path.
    if (webhookUrl)
        source.mask(webhookUrl);
    if (heartbeatUrl)
        source.mask(heartbeatUrl);
    if (!NOTIFY_MODES.includes(mode)) {
        const set = NOTIFY_INPUTS.find((n) => (n === 'notify' ? notify !== 'none' : source.get(n)));
        if (set) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(set, `applies to the modes ${NOTIFY_MODES.join(', ')}; ${mode} sends no notification, so remove it from this step`);
        }
        return undefined;
    }
    const settings = { subject: subjectOf(source) };
    if (notify === 'issue') {
        const labels = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .splitList */ .ry)((0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .valueOrDefault */ .a4)(source, 'notify-labels'));
        if (labels.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('notify-labels', 'needs at least one label, e.g. dbaas-backup');
        }
        for (const label of labels) {
            if (label.length > 50) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('notify-labels', `"${label}" is longer than GitHub’s 50 characters`);
            }
        }
        settings.issue = { access: readGitHubAccess(source, 'notify'), labels };
    }
    if (webhookUrl) {
        checkSecretUrl(source, 'webhook-url', webhookUrl);
        settings.webhookUrl = webhookUrl;
    }
    if (heartbeatUrl) {
        checkSecretUrl(source, 'heartbeat-url', heartbeatUrl);
        settings.heartbeatUrl = heartbeatUrl;
    }
    return settings.issue || settings.webhookUrl || settings.heartbeatUrl ? settings : undefined;
}
function subjectOf(source) {
    if (source.get('report-files'))
        return 'fleet report';
    return (source.get('instance') || source.get('instances') || source.get('backup-id') || 'all instances');
}
/** checkHttpsUrl, but a bad URL's text is not quoted: it is a secret. */
function checkSecretUrl(source, input, value) {
    try {
        (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .checkHttpsUrl */ .Bg)(source, input, value);
    }
    catch (error) {
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz))
            throw error;
        const http = value.startsWith('http://');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, http
            ? `is plain http, which would travel unencrypted; use https, or set ${source.spell.setting('allow-insecure-http', 'true')} for a test server`
            : 'must be an https URL without credentials in it (the value is a secret and not shown)');
    }
}
/**
 * The token (github-token, whose action default is the workflow's token; the CLI falls back
 * to GITHUB_TOKEN or GH_TOKEN), the API URL and the repository, for `forInput`'s feature.
 */
function readGitHubAccess(source, forInput) {
    const token = source.get('github-token') ||
        source.env.GITHUB_TOKEN?.trim() ||
        source.env.GH_TOKEN?.trim() ||
        '';
    if (token.startsWith('${{')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('github-token', 'holds an unexpanded expression; pass a token');
    }
    if (!token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('github-token', `is required for ${forInput}: the action’s default is the workflow’s token; outside Actions set GITHUB_TOKEN or ${source.spell.setting('github-token', '…')}`);
    }
    source.mask(token);
    const repository = source.env.GITHUB_REPOSITORY?.trim() ?? '';
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(forInput, 'needs the repository as owner/name in GITHUB_REPOSITORY (the runner sets it; outside Actions set it yourself)');
    }
    const apiUrl = source.env.GITHUB_API_URL?.trim() || 'https://api.github.com';
    try {
        new URL(apiUrl);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(forInput, `GITHUB_API_URL "${apiUrl}" is not a URL`);
    }
    return { apiUrl, token, repository };
}
const MAX_WINDOW_MS = 90 * 24 * 3_600_000;
/** require-verified-within and verify-workflow, both or neither; undefined when neither. */
function readGateInputs(source) {
    const within = source.get('require-verified-within');
    const workflow = source.get('verify-workflow');
    if (!within && !workflow)
        return undefined;
    if (!workflow) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('verify-workflow', 'is required with require-verified-within: the file name of the workflow that runs the restore drill, e.g. nightly-drill.yml');
    }
    if (!within) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('require-verified-within', 'is required with verify-workflow: how recent its last successful run must be, e.g. 7d');
    }
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.ya?ml$/.test(workflow)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('verify-workflow', `"${workflow}" is not a workflow file name; use the file name alone, like nightly-drill.yml (no folder, .yml or .yaml)`);
    }
    const windowMs = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .readDuration */ .$7)(source, 'require-verified-within', {
        minMs: 60_000,
        maxMs: MAX_WINDOW_MS
    });
    return { windowMs, workflow, access: readGitHubAccess(source, 'require-verified-within') };
}


/***/ }),

/***/ 3976:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Bg: () => (/* binding */ checkHttpsUrl),
  H_: () => (/* binding */ checkOneLine),
  hG: () => (/* binding */ inputOrEnv),
  Vf: () => (/* binding */ readBoolean),
  Kf: () => (/* binding */ readChoice),
  $7: () => (/* binding */ readDuration),
  JI: () => (/* binding */ readInteger),
  ik: () => (/* binding */ readSize),
  ry: () => (/* binding */ splitList),
  a4: () => (/* binding */ valueOrDefault)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/format/bytes.ts
var format_bytes = __nccwpck_require__(2992);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __nccwpck_require__(447);
;// CONCATENATED MODULE: ./src/inputs/catalog.json
const catalog_namespaceObject = /*#__PURE__*/JSON.parse('{"inputs":[{"name":"mode","description":"What to do: backup | verify | restore | report | mirror | sweep | list","required":true,"modes":[],"boolean":false,"secret":false},{"name":"summary","description":"Write the job summary (false: log and outputs only)","required":false,"modes":[],"boolean":true,"secret":false,"default":"true"},{"name":"auth-url","description":"Keystone v3 URL, e.g. https://pukki.dbaas.csc.fi:5000/v3. Default: $OS_AUTH_URL","required":false,"modes":[],"boolean":false,"secret":false},{"name":"auth-type","description":"v3applicationcredential or password. Default: $OS_AUTH_TYPE, else application credential when one is given","required":false,"modes":[],"boolean":false,"secret":false},{"name":"application-credential-id","description":"Application credential id (recommended). Default: $OS_APPLICATION_CREDENTIAL_ID","required":false,"modes":[],"boolean":false,"secret":false},{"name":"application-credential-name","description":"Application credential name; needs user-id, or username with user-domain-name. Default: $OS_APPLICATION_CREDENTIAL_NAME","required":false,"modes":[],"boolean":false,"secret":false},{"name":"application-credential-secret","description":"Application credential secret (pass a secret). Default: $OS_APPLICATION_CREDENTIAL_SECRET","required":false,"modes":[],"boolean":false,"secret":true},{"name":"username","description":"User name for password auth. Default: $OS_USERNAME","required":false,"modes":[],"boolean":false,"secret":false},{"name":"user-id","description":"User id for password auth. Default: $OS_USER_ID","required":false,"modes":[],"boolean":false,"secret":false},{"name":"password","description":"Password for password auth (pass a secret). Default: $OS_PASSWORD","required":false,"modes":[],"boolean":false,"secret":true},{"name":"user-domain-name","description":"Domain of the user given by name. Default: $OS_USER_DOMAIN_NAME","required":false,"modes":[],"boolean":false,"secret":false},{"name":"user-domain-id","description":"Domain id of the user given by name. Default: $OS_USER_DOMAIN_ID","required":false,"modes":[],"boolean":false,"secret":false},{"name":"project-id","description":"Project id for password auth. Default: $OS_PROJECT_ID","required":false,"modes":[],"boolean":false,"secret":false},{"name":"project-name","description":"Project name for password auth; needs project-domain-id or project-domain-name. Default: $OS_PROJECT_NAME","required":false,"modes":[],"boolean":false,"secret":false},{"name":"project-domain-id","description":"Domain id of the project given by name. Default: $OS_PROJECT_DOMAIN_ID","required":false,"modes":[],"boolean":false,"secret":false},{"name":"project-domain-name","description":"Domain name of the project given by name. Default: $OS_PROJECT_DOMAIN_NAME","required":false,"modes":[],"boolean":false,"secret":false},{"name":"region","description":"Catalog region of the database service, e.g. pukki_dbaas. Default: $OS_REGION_NAME","required":false,"modes":[],"boolean":false,"secret":false},{"name":"interface","description":"Catalog interface: public | internal | admin. Default: $OS_INTERFACE, else public","required":false,"modes":[],"boolean":false,"secret":false},{"name":"database-endpoint","description":"Trove endpoint URL, to skip the catalog lookup (rarely needed)","required":false,"modes":[],"boolean":false,"secret":false},{"name":"allow-insecure-http","description":"Allow plain-http auth and database URLs (test clouds only)","required":false,"modes":[],"boolean":true,"secret":false,"default":"false"},{"name":"request-timeout","description":"Timeout of one HTTP request, e.g. 30s","required":false,"modes":[],"boolean":false,"secret":false,"default":"30s"},{"name":"instance","description":"The database instance, by id or name (backup, report, verify, restore, mirror)","required":false,"modes":["backup","verify","restore","report","mirror"],"boolean":false,"secret":false},{"name":"backup-name","description":"backup: name template; placeholders {instance} {sha} {run_id} {ref} {timestamp}","required":false,"modes":["backup"],"boolean":false,"secret":false,"default":"{instance}-pre-deploy-{timestamp}-{sha}"},{"name":"description","description":"backup: backup description. Default: the workflow run URL, so the backup can be traced to the deploy","required":false,"modes":["backup"],"boolean":false,"secret":false},{"name":"incremental","description":"backup: make an incremental backup on top of the latest COMPLETED one","required":false,"modes":["backup"],"boolean":true,"secret":false,"default":"false"},{"name":"wait","description":"backup: wait until the backup is COMPLETED (the gate). false only starts it","required":false,"modes":["backup"],"boolean":true,"secret":false,"default":"true"},{"name":"timeout","description":"backup: how long to wait for a busy instance and for the backup, e.g. 90s, 45m, 2h","required":false,"modes":["backup"],"boolean":false,"secret":false,"default":"60m"},{"name":"reuse-if-newer-than","description":"backup: reuse a COMPLETED backup newer than this (e.g. 1h) instead of taking one","required":false,"modes":["backup"],"boolean":false,"secret":false},{"name":"require-verified-within","description":"backup: before taking the backup, require a successful run of verify-workflow on the default branch within this window (e.g. 7d); needs actions: read","required":false,"modes":["backup"],"boolean":false,"secret":false},{"name":"verify-workflow","description":"backup: the workflow file name (e.g. nightly-drill.yml) whose successful runs require-verified-within counts","required":false,"modes":["backup"],"boolean":false,"secret":false},{"name":"instances","description":"report/list: several instances (comma or newline separated, ids or names, * globs) or \\"all\\" (list: default all)","required":false,"modes":["report","list"],"boolean":false,"secret":false},{"name":"max-age","description":"report/verify/mirror drill: the newest COMPLETED backup (verify: the drilled backup; mirror drill: the newest copy) must be younger than this plus grace","required":false,"modes":["verify","report","mirror"],"boolean":false,"secret":false,"default":"24h"},{"name":"grace","description":"report/verify/mirror drill: slack on max-age (automatic backups come about every 24 h)","required":false,"modes":["verify","report","mirror"],"boolean":false,"secret":false,"default":"2h"},{"name":"retention","description":"report: how long the provider keeps backups","required":false,"modes":["report"],"boolean":false,"secret":false,"default":"90d"},{"name":"expiry-warning","description":"report: warn about backups that expire within this","required":false,"modes":["report"],"boolean":false,"secret":false,"default":"7d"},{"name":"fail-on","description":"report: stale (fail when a latest backup is stale or missing) | never","required":false,"modes":["report"],"boolean":false,"secret":false,"default":"stale"},{"name":"max-concurrency","description":"report: API requests in flight at once over many instances","required":false,"modes":["report"],"boolean":false,"secret":false,"default":"4"},{"name":"gap-window","description":"report: look for gaps between backups and for FAILED backups over this recent window","required":false,"modes":["report"],"boolean":false,"secret":false,"default":"30d"},{"name":"report-path","description":"report: where to write the JSON report. Default: $RUNNER_TEMP/dbaas-backup-report.json","required":false,"modes":["report"],"boolean":false,"secret":false},{"name":"report-files","description":"report: merge these report JSON files (a folder, a glob, or a list) into one fleet report, without calling the cloud","required":false,"modes":["report"],"boolean":false,"secret":false},{"name":"backup-id","description":"verify/restore/mirror: the backup to restore (e.g. a backup step output). Default: the newest COMPLETED backup of instance","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false},{"name":"flavor","description":"verify/restore/mirror: flavor name or id of the new instance. Default: the source instance flavor (mirror restore to new-instance: the flavor its manifest records, when this cloud has it)","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false},{"name":"volume-size","description":"verify/restore/mirror: volume size in GB. Default: the source volume size (at least the backup size; mirror restore to new-instance: as its manifest records, at least twice the dump)","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false},{"name":"volume-type","description":"verify/restore/mirror: volume type. Default: the source volume type","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false},{"name":"datastore-version","description":"verify/restore/mirror: datastore version. Default: the version of the backup itself (mirror restore to new-instance: of the copy)","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false},{"name":"network","description":"verify/restore/mirror: network id for the new instance (optional)","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false},{"name":"allowed-cidrs","description":"verify/restore/mirror: CIDRs allowed to connect to the restored instance (comma separated, each /22 or narrower), or \\"runner\\" to detect the runner address; restore adds them to the source instance\'s own allowed CIDRs","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false,"default":"runner"},{"name":"runner-ip-url","description":"verify/restore/mirror: echo service that returns the runner public IPv4 address","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false,"default":"https://api.ipify.org"},{"name":"restore-timeout","description":"verify/restore/mirror: how long the restore may take to become usable","required":false,"modes":["verify","restore","mirror"],"boolean":false,"secret":false,"default":"45m"},{"name":"delete-timeout","description":"verify/sweep: how long deleting a temporary instance may take","required":false,"modes":["verify","mirror","sweep"],"boolean":false,"secret":false,"default":"15m"},{"name":"db-user","description":"verify/mirror: database user to log in to the restored copy (mirror restore to new-instance: the login created on the new instance, owning the restored databases)","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false},{"name":"db-password","description":"verify/mirror: its password (pass a secret)","required":false,"modes":["verify","mirror"],"boolean":false,"secret":true},{"name":"databases","description":"verify/mirror: databases to check, or for mirror to dump (comma separated). Default: every database the user can see. mirror: plain names (letters, digits, _ $ -), one for PostgreSQL","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false},{"name":"schemas","description":"mirror (PostgreSQL only): dump only these schemas (comma separated names, matched exactly; each must exist). Default: every schema","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"exclude-tables","description":"mirror: leave these tables out of the dump (comma separated; table or schema.table for PostgreSQL, table or database.table for MariaDB/MySQL; names matched exactly, case-sensitive, no wildcards). A bare table name is left out of every schema or database dumped","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"db-tls","description":"verify/mirror: TLS to the databases, libpq\'s modes: disable | prefer (TLS when offered, else plain) | require (TLS, certificate not checked) | verify-ca (certificate signed by db-ca) | verify-full (verify-ca and it names the instance\'s address). off = disable (deprecated). Only verify-ca/verify-full stop a machine in the middle; connections to production warn without them","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false,"default":"prefer"},{"name":"db-ca","description":"verify/mirror: the CA certificate for db-tls verify-ca/verify-full: a PEM file path or the PEM text itself (public, not a secret). Pukki\'s certificates are self-signed: use the CA your provider publishes, or the instance\'s own certificate","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false},{"name":"checks-file","description":"verify/mirror drill: YAML or JSON file of SQL assertions (see README)","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false},{"name":"compare-with-source","description":"verify: compare per-table row counts (and checksums of small tables) with the source instance","required":false,"modes":["verify"],"boolean":true,"secret":false,"default":"false"},{"name":"row-count-tolerance","description":"verify/mirror drill: allowed row-count difference against the source (mirror drill: against the manifest counts marked not exact), in percent","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false,"default":"0"},{"name":"integrity-check","description":"verify/mirror drill: PostgreSQL amcheck / MariaDB CHECK TABLE on the restored data","required":false,"modes":["verify","mirror"],"boolean":true,"secret":false,"default":"true"},{"name":"command","description":"verify/mirror drill: a shell command run against the restored copy (PGHOST/MYSQL_HOST… in its environment)","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false},{"name":"command-env","description":"verify/mirror drill: more environment variables the command may see, by name (comma-separated); it gets only PATH, HOME, LANG, LC_*, TZ, TMPDIR, RUNNER_TEMP, TERM and the connection otherwise, never OS_*, AWS_*, INPUT_*, DBAAS_BACKUP_*, ACTIONS_* or GITHUB_TOKEN","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false},{"name":"keep-on-failure","description":"verify: keep the temporary instance when the drill fails (for debugging; delete it yourself)","required":false,"modes":["verify"],"boolean":true,"secret":false,"default":"false"},{"name":"evidence-path","description":"verify/mirror drill: where to write the drill evidence JSON (schema: docs/evidence.schema.json), written whether the drill passes or fails; missing folders are created. Default: $RUNNER_TEMP/dbaas-backup-evidence.json","required":false,"modes":["verify","mirror"],"boolean":false,"secret":false},{"name":"metrics-file","description":"report/verify/mirror: also write the run\'s figures in the Prometheus text format to this file, atomically (for node_exporter\'s textfile collector): a name ending in .prom, in an existing folder; one file per job. Default: none","required":false,"modes":["report","verify","mirror"],"boolean":false,"secret":false},{"name":"restore-name","description":"restore, mirror (restore to new-instance): name of the new instance to restore into (kept). mirror default: <instance of the copy>-offsite","required":false,"modes":["restore","mirror"],"boolean":false,"secret":false},{"name":"ttl","description":"sweep: delete temporary drill instances older than this","required":false,"modes":["sweep"],"boolean":false,"secret":false,"default":"6h"},{"name":"dry-run","description":"sweep/mirror: list what sweep or mirror retention would delete, and delete nothing","required":false,"modes":["mirror","sweep"],"boolean":true,"secret":false,"default":"false"},{"name":"mirror-action","description":"mirror: upload (dump and store a copy) | verify (download a stored copy, hash it, compare with its manifest) | restore (restore a stored copy into target-url) | drill (restore the newest copy into target-url, check it as verify does, compare its row counts with the manifest, drop it)","required":false,"modes":["mirror"],"boolean":false,"secret":false,"default":"upload"},{"name":"source","description":"mirror: restored (dump a temporary restore of the backup; no load on production) | live (dump the instance itself)","required":false,"modes":["mirror"],"boolean":false,"secret":false,"default":"restored"},{"name":"s3-uri","description":"mirror: where copies go, s3://bucket/prefix","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"s3-endpoint","description":"mirror: S3 endpoint of a non-AWS store (e.g. https://a3s.fi for CSC Allas). Default: AWS","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"s3-region","description":"mirror: S3 region. Default: $AWS_REGION, else us-east-1","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"s3-force-path-style","description":"mirror: path-style bucket addressing. Default: true with s3-endpoint, false for AWS","required":false,"modes":["mirror"],"boolean":true,"secret":false},{"name":"s3-access-key-id","description":"mirror: S3 access key (masked). Default: the AWS SDK default chain (env, OIDC via configure-aws-credentials)","required":false,"modes":["mirror"],"boolean":false,"secret":true},{"name":"s3-secret-access-key","description":"mirror: S3 secret key (pass a secret)","required":false,"modes":["mirror"],"boolean":false,"secret":true},{"name":"age-recipients","description":"mirror: age public keys (age1…, comma or newline separated) to encrypt the copy to; required unless encryption is none","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"encryption","description":"mirror: age (the default: encrypt to age-recipients) or none (upload unencrypted, on purpose)","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"compression","description":"mirror: zstd | gzip","required":false,"modes":["mirror"],"boolean":false,"secret":false,"default":"zstd"},{"name":"compression-level","description":"mirror: zstd 1-19 (default 3) or gzip 1-9 (default 6)","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"part-size","description":"mirror: multipart part size, e.g. 8MiB (raised automatically for very large volumes)","required":false,"modes":["mirror"],"boolean":false,"secret":false,"default":"8MiB"},{"name":"max-parts","description":"mirror: the part limit of the store (Swift, e.g. CSC Allas: 1000; AWS: 10000)","required":false,"modes":["mirror"],"boolean":false,"secret":false,"default":"1000"},{"name":"upload-concurrency","description":"mirror: parts uploaded at once (memory is about part-size × (this + 1))","required":false,"modes":["mirror"],"boolean":false,"secret":false,"default":"4"},{"name":"bandwidth-limit","description":"mirror: cap on upload throughput, e.g. 50MB (per second). Default: none","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"keep-last","description":"mirror: keep this many newest copies of the instance under the prefix; older copies made by this action are deleted","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"keep-days","description":"mirror: keep copies younger than this many days (any keep-* rule keeps a copy)","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"keep-daily","description":"mirror: keep the newest copy of each of the last N UTC days that have a copy (restic\'s --keep-daily). 0 or empty: no daily rule. Rules add up: a copy stays when any keep-* rule keeps it; the newest copy and the one just made always stay","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"keep-weekly","description":"mirror: keep the newest copy of each of the last N ISO weeks (Monday to Sunday, UTC) that have a copy. 0 or empty: no weekly rule","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"keep-monthly","description":"mirror: keep the newest copy of each of the last N UTC calendar months that have a copy. 0 or empty: no monthly rule","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"object-key","description":"mirror (verify, restore, drill): the stored copy to use (an object-key output). Default: the newest copy under s3-uri (of instance, if given)","required":false,"modes":["mirror"],"boolean":false,"secret":false},{"name":"target","description":"mirror (restore): where the copy goes: url (the server of target-url) or new-instance (a new Trove instance on the cloud of the auth inputs, created with the copy\'s databases and db-user, restored into and kept; outputs instance-id and instance-host)","required":false,"modes":["mirror"],"boolean":false,"secret":false,"default":"url"},{"name":"target-url","description":"mirror (restore, drill): the server to restore into, postgresql://user:password@host:port/database or mysql://… / mariadb://… (a secret). The database must not exist (unless overwrite); PostgreSQL: default name the dumped database; MariaDB: always the dumped database names. TLS with db-tls and db-ca","required":false,"modes":["mirror"],"boolean":false,"secret":true},{"name":"age-identity","description":"mirror (restore, drill): the age secret key (AGE-SECRET-KEY-1…, the key file age-keygen wrote) to decrypt the copy with (a secret)","required":false,"modes":["mirror"],"boolean":false,"secret":true},{"name":"overwrite","description":"mirror (restore, drill): drop a database of the same name on the target first instead of refusing","required":false,"modes":["mirror"],"boolean":true,"secret":false,"default":"false"},{"name":"notify","description":"backup/verify/report/mirror: issue (one GitHub issue per mode and instance while it fails or is stale, closed on recovery; needs issues: write) | none","required":false,"modes":["backup","verify","report","mirror"],"boolean":false,"secret":false,"default":"none"},{"name":"github-token","description":"backup/verify/report/mirror: token for notify: issue and require-verified-within (CLI: GITHUB_TOKEN)","required":false,"modes":["backup","verify","report","mirror"],"boolean":false,"secret":true,"default":"${{ github.token }}"},{"name":"notify-labels","description":"backup/verify/report/mirror: labels of the notify: issue issues (comma separated); the issue is found again by a hidden marker","required":false,"modes":["backup","verify","report","mirror"],"boolean":false,"secret":false,"default":"dbaas-backup"},{"name":"webhook-url","description":"backup/verify/report/mirror: Slack-compatible incoming webhook, POSTed on failure and (with notify: issue) on recovery; a secret","required":false,"modes":["backup","verify","report","mirror"],"boolean":false,"secret":true},{"name":"heartbeat-url","description":"backup/verify/report/mirror: cron-monitor URL: GET after a passing run, GET <url>/fail after a failed or stale one; a secret","required":false,"modes":["backup","verify","report","mirror"],"boolean":false,"secret":true}],"outputs":[{"name":"backup-id","description":"backup: id of the COMPLETED (or reused) backup; verify/restore: the backup restored","modes":["backup","verify","restore"]},{"name":"backup-name","description":"backup: its name","modes":["backup"]},{"name":"backup-status","description":"backup: its status (COMPLETED when the gate passed)","modes":["backup"]},{"name":"backup-size-gb","description":"backup: its size in GB","modes":["backup"]},{"name":"backup-created","description":"backup: when it was created (ISO 8601, UTC)","modes":["backup"]},{"name":"duration-seconds","description":"backup: seconds from request to COMPLETED (0 when reused)","modes":["backup"]},{"name":"reused","description":"backup: true when an existing backup was reused","modes":["backup"]},{"name":"status","description":"report: ok | stale | none (the worst over all instances)","modes":["report"]},{"name":"latest-backup-id","description":"report: newest COMPLETED backup (of the worst instance)","modes":["report"]},{"name":"latest-backup-age-hours","description":"report: its age in hours","modes":["report"]},{"name":"backups-count","description":"report: number of backups listed (all instances)","modes":["report"]},{"name":"oldest-backup-age-days","description":"report: age of the oldest backup in days","modes":["report"]},{"name":"report-json","description":"report: path of a JSON file with the whole report (schema in the README)","modes":["report"]},{"name":"verified","description":"verify/mirror drill: true when every check passed","modes":["verify","mirror"]},{"name":"restore-seconds","description":"verify/restore: seconds from the restore request to a usable instance; mirror restore/drill: seconds from the download start to the restored database","modes":["verify","restore","mirror"]},{"name":"checks-passed","description":"verify/mirror drill: number of checks passed","modes":["verify","mirror"]},{"name":"checks-failed","description":"verify/mirror drill: number of checks failed","modes":["verify","mirror"]},{"name":"backup-age-hours","description":"verify: age of the drilled backup in hours (the drill fails when it is older than max-age + grace)","modes":["verify"]},{"name":"copy-age-hours","description":"mirror (drill): age of the drilled copy in hours (the drill fails when it is older than max-age + grace)","modes":["mirror"]},{"name":"checks-skipped","description":"verify/mirror drill: number of checks that could not run (e.g. amcheck not allowed); never counted as passed","modes":["verify","mirror"]},{"name":"temp-instance-id","description":"verify: id of the temporary instance (deleted at the end)","modes":["verify"]},{"name":"temp-instance-host","description":"verify: its address","modes":["verify"]},{"name":"evidence-json","description":"verify/mirror drill: path of the drill evidence JSON (schema: docs/evidence.schema.json)","modes":["verify","mirror"]},{"name":"metrics-file","description":"report/verify/mirror: path of the Prometheus metrics file written (when metrics-file is set)","modes":["report","verify","mirror"]},{"name":"instance-id","description":"restore, mirror (restore to new-instance): id of the new instance","modes":["restore","mirror"]},{"name":"instance-host","description":"restore, mirror (restore to new-instance): its new address (update firewalls and connection strings)","modes":["restore","mirror"]},{"name":"swept-count","description":"sweep: number of leftover temporary instances deleted","modes":["sweep"]},{"name":"swept-ids","description":"sweep: JSON array of their ids","modes":["sweep"]},{"name":"matrix","description":"list: JSON {\\"include\\":[{\\"id\\",\\"name\\",\\"datastore\\",\\"version\\"}]} for strategy.matrix","modes":["list"]},{"name":"count","description":"list: number of instances listed","modes":["list"]},{"name":"object-key","description":"mirror: key of the stored dump (verify, restore, drill: the copy used)","modes":["mirror"]},{"name":"manifest-key","description":"mirror: key of its JSON manifest","modes":["mirror"]},{"name":"bytes","description":"mirror: size of the stored object in bytes (restore: as downloaded and checked)","modes":["mirror"]},{"name":"sha256","description":"mirror: SHA-256 of the stored object","modes":["mirror"]},{"name":"seconds","description":"mirror: seconds the dump and upload took","modes":["mirror"]}]}');
;// CONCATENATED MODULE: ./src/inputs/catalog.ts
// The input catalogue: every input and output of action.yml, generated into catalog.json and
// catalog-names.ts by `npm run docs`. The one source of defaults (readers fall back to it), of the CLI's flags and
// help, of which inputs are secrets, and of the names `setOutput` accepts.

const ACTION_META = catalog_namespaceObject;
const BY_NAME = new Map(ACTION_META.inputs.map((i) => [i.name, i]));
/** action.yml's default of an input ('' when it has none): what a reader falls back to. */
function defaultOf(name) {
    return BY_NAME.get(name)?.default ?? '';
}

;// CONCATENATED MODULE: ./src/inputs/source.ts




/**
 * The value, else action.yml's default. The runner fills in defaults for the action; the CLI
 * and tests get the same ones from the catalogue, so a default is written once, in action.yml.
 */
function valueOrDefault(source, name) {
    return source.get(name) || defaultOf(name);
}
/** The input, else the first non-empty environment variable of `envNames`. */
function inputOrEnv(source, name, ...envNames) {
    const value = source.get(name);
    if (value !== '')
        return value;
    for (const envName of envNames) {
        const fromEnv = source.env[envName]?.trim();
        if (fromEnv)
            return fromEnv;
    }
    return '';
}
/** `fallback` only where action.yml can have no default (it depends on another input). */
function readBoolean(source, name, fallback) {
    const value = valueOrDefault(source, name).toLowerCase();
    if (value === '' && fallback !== undefined)
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(value))
        return true;
    if (['false', 'no', '0', 'off'].includes(value))
        return false;
    throw new errors/* InputError */.dz(name, `"${source.get(name)}" is not a boolean; use true or false`);
}
function readDuration(source, name, 
/** Every duration has an upper bound: a huge one would turn a check or a timeout off. */
limits) {
    const text = valueOrDefault(source, name);
    const ms = (0,duration/* parseDuration */.E9)(text);
    if (ms === undefined) {
        throw new errors/* InputError */.dz(name, `"${text}" is not a duration; use a number with a unit (ms, s, m, h, d), each unit once, like 90s, 45m, 2h, 1h30m or 7d`);
    }
    const min = limits.minMs ?? 1;
    if (ms < min)
        throw new errors/* InputError */.dz(name, `"${text}" is too short; the minimum is ${min / 1000}s`);
    if (ms > limits.maxMs) {
        throw new errors/* InputError */.dz(name, `"${text}" is too long; the maximum is ${limits.maxMs / 3_600_000}h`);
    }
    return ms;
}
function readChoice(source, name, allowed) {
    const value = valueOrDefault(source, name).toLowerCase();
    if (allowed.includes(value))
        return value;
    throw new errors/* InputError */.dz(name, `"${source.get(name)}" is not allowed; use one of: ${allowed.join(', ')}`);
}
/** A whole number within bounds; `fallback` where action.yml has no default for it. */
function readInteger(source, name, bounds) {
    const text = valueOrDefault(source, name);
    if (text === '' && bounds.fallback !== undefined)
        return bounds.fallback;
    // Plain decimal digits only: Number() would also take 1e3, 0x10 and 4.0.
    const value = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
        throw new errors/* InputError */.dz(name, `"${text}" is not a whole number from ${bounds.min} to ${bounds.max}`);
    }
    return value;
}
/** A size like `16MiB` within bounds; undefined when neither given nor defaulted. */
function readSize(source, name, bounds) {
    const text = valueOrDefault(source, name);
    if (text === '')
        return undefined;
    const bytes = (0,format_bytes/* parseSize */.D)(text);
    if (bytes === undefined) {
        throw new errors/* InputError */.dz(name, `"${text}" is not a size; use e.g. 16MiB, 64MB or 1GiB`);
    }
    if (bytes < bounds.min || bytes > bounds.max) {
        throw new errors/* InputError */.dz(name, `"${text}" is out of range (${bounds.min} … ${bounds.max} bytes)`);
    }
    return bytes;
}
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A name or description is one line of text: a newline or other control character is refused. */
function checkOneLine(input, value) {
    if (CONTROL_CHARACTERS.test(value)) {
        throw new errors/* InputError */.dz(input, 'holds a control character (a newline, tab or escape); names and descriptions are one line of plain text');
    }
}
/** Entries separated by commas or white space. */
function splitList(value) {
    return value
        .split(/[\s,]+/)
        .map((v) => v.trim())
        .filter((v) => v !== '');
}
/**
 * An https URL without credentials in it; plain http only with `allow-insecure-http: true`
 * (test clouds), since it would carry credentials, tokens or addresses unencrypted.
 */
function checkHttpsUrl(source, input, value, insecure = readBoolean(source, 'allow-insecure-http')) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.dz(input, `"${value}" is not a URL`);
    }
    if (url.username || url.password) {
        throw new errors/* InputError */.dz(input, 'must not carry credentials in the URL');
    }
    if (url.protocol === 'https:')
        return;
    if (url.protocol === 'http:') {
        if (insecure)
            return;
        throw new errors/* InputError */.dz(input, `"${value}" is plain http, which would travel unencrypted; use https, or set ${source.spell.setting('allow-insecure-http', 'true')} for a test cloud`);
    }
    throw new errors/* InputError */.dz(input, `"${value}" must be an https URL`);
}


/***/ }),

/***/ 9775:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ ACTION_SPELLING)
/* harmony export */ });
/** The action's spelling: a step's `with:` keys, as action.yml names them. */
const ACTION_SPELLING = {
    setting: (name, value) => (value === undefined ? name : `${name}: ${value}`),
    mode: (mode) => `mode: ${mode}`
};


/***/ }),

/***/ 5222:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Kk: () => (/* reexport */ BACKUP_DONE),
  Qq: () => (/* reexport */ HttpClient),
  P9: () => (/* reexport */ OpenStackSession),
  e7: () => (/* reexport */ TroveClient),
  JJ: () => (/* reexport */ UUID_PATTERN),
  uf: () => (/* reexport */ WaitError),
  pz: () => (/* reexport */ backupFailure),
  JG: () => (/* reexport */ defaultSleep),
  xJ: () => (/* reexport */ describeInstance),
  C7: () => (/* reexport */ time/* formatElapsed */.C),
  i0: () => (/* reexport */ instanceFailure),
  QZ: () => (/* reexport */ isInstanceIdle),
  pI: () => (/* reexport */ isInstanceReady),
  zM: () => (/* reexport */ isStatus),
  Hu: () => (/* reexport */ outcomeUnknown),
  cl: () => (/* reexport */ registerSecret),
  Zg: () => (/* reexport */ scrubSecrets),
  fm: () => (/* reexport */ waitFor)
});

// UNUSED EXPORTS: InsecureEndpointError, OpenStackHttpError, OpenStackNetworkError, OpenStackResponseError, authRequestBody, defaultHttpOptions, findEndpoint, isGuestLate, issueToken, nextMarker, parseFaultBody, parseOpenStackTime, readBackup, readDatastore, readDatastoreRef, readDatastoreVersion, readFlavor, readInstance, readToken, redactUrl, silentLogger, troveBaseUrl

// EXTERNAL MODULE: ./src/openstack/network-cause.ts
var network_cause = __nccwpck_require__(2844);
;// CONCATENATED MODULE: ./src/openstack/secrets.ts
/**
 * Secret values this process holds (credential secret, password, database password), so that
 * anything an API sends back is scrubbed before it becomes an error message or a log line. A
 * server may echo what it was sent (Keystone quoting a rejected secret, a proxy dumping a
 * request), and GitHub's own masking does not reach the job summary, outputs or files.
 */
const known = new Set();
/** Secrets shorter than this would scrub ordinary words; they are masked by GitHub alone. */
const MIN_LENGTH = 4;
function registerSecret(secret) {
    if (secret.length >= MIN_LENGTH)
        known.add(secret);
}
/** `text` with every registered secret (also URL- or JSON-encoded) replaced by `***`. */
function scrubSecrets(text) {
    let out = text;
    // Longest first, so a secret containing another is hidden whole.
    for (const secret of [...known].sort((a, b) => b.length - a.length)) {
        for (const form of new Set([
            secret,
            encodeURIComponent(secret),
            JSON.stringify(secret).slice(1, -1)
        ])) {
            out = out.split(form).join('***');
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/openstack/errors.ts


/**
 * One typed error for every failed HTTP exchange with Keystone or Trove. It carries what a
 * user or a support desk needs: the call, the status, the API's own message and the request id.
 */
class OpenStackHttpError extends Error {
    method;
    url;
    status;
    /** The fault's name from the body, e.g. `overLimit`, `badRequest`, `itemNotFound`. */
    fault;
    /** The API's own message, from the body. */
    apiMessage;
    requestId;
    /** Seconds to wait, from a `Retry-After` header or Trove's `retryAfter` field. */
    retryAfterSeconds;
    constructor(init) {
        // The API's message is the server's text: it may echo a secret we sent.
        const apiMessage = scrubSecrets(init.apiMessage);
        const where = `${init.method} ${redactUrl(init.url)}`;
        const id = init.requestId ? ` (request id ${init.requestId})` : '';
        const fault = init.fault ? ` ${init.fault}` : '';
        const prefix = init.context ? `${init.context}: ` : '';
        super(`${prefix}${where} answered ${init.status}${fault}: ${apiMessage}${id}`);
        this.name = 'OpenStackHttpError';
        this.method = init.method;
        this.url = init.url;
        this.status = init.status;
        this.fault = init.fault;
        this.apiMessage = apiMessage;
        this.requestId = init.requestId;
        this.retryAfterSeconds = init.retryAfterSeconds;
    }
}
/** True when `error` is an HTTP answer with one of `statuses` (e.g. 404 for "absent"). */
function isStatus(error, ...statuses) {
    return error instanceof OpenStackHttpError && statuses.includes(error.status);
}
/**
 * The request never got an answer: connection refused or reset, DNS, TLS, or our timeout; the
 * message says which, with host and port (network-cause.ts).
 */
class OpenStackNetworkError extends Error {
    method;
    url;
    constructor(method, url, cause, context) {
        const prefix = context ? `${context}: ` : '';
        super(`${prefix}${method} ${redactUrl(url)} failed: ${scrubSecrets((0,network_cause/* describeNetworkCause */.j)(cause, url))}`, {
            cause
        });
        this.name = 'OpenStackNetworkError';
        this.method = method;
        this.url = url;
    }
}
/** The API answered 2xx but not with the shape we rely on. Better now than `undefined` later. */
class OpenStackResponseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OpenStackResponseError';
    }
}
/**
 * The catalog names a plain-http endpoint while the identity service was reached over https:
 * the token would travel in clear. Raised before anything is sent there.
 */
class InsecureEndpointError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InsecureEndpointError';
    }
}
/** A wait ended without reaching the wanted status: a terminal failure status or the deadline. */
class WaitError extends Error {
    reason;
    lastStatus;
    constructor(message, reason, lastStatus) {
        super(message);
        this.name = 'WaitError';
        this.reason = reason;
        this.lastStatus = lastStatus;
    }
}
/**
 * Trove faults are `{"<faultName>": {"code", "message"}}`; keystonemiddleware and Keystone answer
 * `{"error": {"code", "title", "message"}}`; webob's own errors, which trove-api sends for a
 * project the token may not use (403) and a body it cannot parse (400), are
 * `{"message", "code", "title"}` with HTML line breaks in the message (docs/trove-api.md
 * §2.2); proxies may answer plain text or HTML. Try each shape in turn and never fail while
 * reading an error.
 */
function parseFaultBody(text) {
    // Scrub before any shortening, so a cut cannot leave half a secret behind.
    const trimmed = scrubSecrets(text.trim());
    if (trimmed === '')
        return { message: '(empty body)' };
    let body;
    try {
        body = JSON.parse(trimmed);
    }
    catch {
        return { message: shorten(stripHtml(trimmed)) };
    }
    if (body && typeof body === 'object' && !Array.isArray(body)) {
        const keys = Object.keys(body);
        if (keys.length === 1) {
            const fault = keys[0];
            const inner = body[fault];
            if (inner && typeof inner === 'object') {
                const record = inner;
                const message = typeof record.message === 'string' ? record.message : JSON.stringify(inner);
                const retry = Number(record.retryAfter);
                const parsed = { fault, message: shorten(message) };
                if (Number.isFinite(retry) && record.retryAfter !== undefined)
                    parsed.retryAfterSeconds = retry;
                return parsed;
            }
        }
        const flat = body;
        if (typeof flat.message === 'string' && typeof flat.title === 'string')
            return { fault: flat.title, message: shorten(stripHtml(flat.message)) };
    }
    return { message: shorten(trimmed) };
}
function stripHtml(text) {
    return text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}
function shorten(text) {
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
/** URLs never carry secrets in this API, but strip any query string and userinfo to be safe. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        return parsed.toString();
    }
    catch {
        return url;
    }
}
/**
 * A create whose answer was lost or was a server error may still have happened: look for what
 * it would have made before deciding anything, and never send it again blindly.
 */
function outcomeUnknown(error) {
    return (error instanceof OpenStackNetworkError ||
        (error instanceof OpenStackHttpError && error.status >= 500));
}

;// CONCATENATED MODULE: ./src/openstack/logger.ts
const silentLogger = {
    debug: () => undefined,
    info: () => undefined,
    warning: () => undefined
};

// EXTERNAL MODULE: ./src/openstack/retry.ts
var openstack_retry = __nccwpck_require__(8582);
// EXTERNAL MODULE: ./src/openstack/time.ts
var time = __nccwpck_require__(135);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/openstack/proxy.ts
var openstack_proxy = __nccwpck_require__(5808);
;// CONCATENATED MODULE: ./src/openstack/transport.ts


/**
 * node:http(s) straight, unless a proxy is configured (then the proxy-aware fetch of proxy.ts).
 * Node's fetch costs a run its module load (~25 ms) and a web stream per body; a report of 5 000
 * backups spends more time in that plumbing than in the cloud's answers.
 */
function createTransport(env) {
    const proxy = (0,openstack_proxy/* proxyFromEnv */.k)(env);
    if (proxy.httpProxy || proxy.httpsProxy)
        return (0,openstack_proxy/* createFetch */.H)(env);
    return nodeTransport;
}
/**
 * One request on Node's default agents (keep-alive since Node 19: a walk's pages share their
 * connections). Resolves once the whole body is in; the socket's own errors (with `code`) are
 * what network-cause.ts explains.
 */
function nodeTransport(url, request) {
    return new Promise((resolve, reject) => {
        const { signal } = request;
        if (signal.aborted)
            return reject(signal.reason);
        const target = new URL(url);
        // node:https (and TLS with it) and node:zlib load when first needed: a run against an
        // http: endpoint, or one whose answers are not compressed, does not pay their start-up.
        const client = target.protocol === 'https:'
            ? process.getBuiltinModule('node:https')
            : target.protocol === 'http:'
                ? (external_node_http_default())
                : undefined;
        if (!client)
            return reject(new TypeError(`${target.protocol} is not http: or https:`));
        // The first of answer, error and abort decides; the rest find it settled.
        let settled = false;
        const settle = () => {
            if (settled)
                return false;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            return true;
        };
        const fail = (error) => {
            if (!settle())
                return;
            req.destroy();
            reject(error);
        };
        const onAbort = () => fail(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        const headers = {
            'Accept-Encoding': 'gzip, deflate, br',
            ...request.headers
        };
        if (request.body !== undefined)
            headers['Content-Length'] = String(Buffer.byteLength(request.body));
        const req = client.request(target, { method: request.method, headers }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', fail);
            res.on('close', () => {
                if (!res.complete)
                    fail(closedEarly());
            });
            res.on('end', () => {
                if (!settle())
                    return;
                try {
                    const body = decoded(Buffer.concat(chunks), res.headers['content-encoding']);
                    resolve(answer(res.statusCode ?? 0, res.headers, body));
                }
                catch (error) {
                    reject(error);
                }
            });
        });
        req.on('error', fail);
        req.end(request.body);
    });
}
function answer(status, headers, body) {
    return {
        status,
        headers: {
            get(name) {
                const value = headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
            }
        },
        text: () => Promise.resolve(body.toString('utf8'))
    };
}
/** The body as sent before the server (or a proxy in front of it) compressed it. */
function decoded(body, encoding) {
    const name = encoding?.trim().toLowerCase();
    if (name === undefined || name === '' || name === 'identity')
        return body;
    const zlib = process.getBuiltinModule('node:zlib');
    switch (name) {
        case 'gzip':
        case 'x-gzip':
            return zlib.gunzipSync(body);
        case 'deflate':
            return zlib.inflateSync(body);
        case 'br':
            return zlib.brotliDecompressSync(body);
        default:
            throw new Error(`the answer is encoded as "${encoding}", which this client cannot read`);
    }
}
/** Same shape as the socket's own reset, so it reads as "the connection … was closed". */
function closedEarly() {
    return Object.assign(new Error('the connection closed before the whole answer arrived'), {
        code: 'ECONNRESET'
    });
}

;// CONCATENATED MODULE: ./src/openstack/http.ts





const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function defaultHttpOptions(env = process.env) {
    return {
        timeoutMs: 30_000,
        retry: openstack_retry/* defaultRetryPolicy */.ur,
        sleep: defaultSleep,
        random: Math.random,
        now: Date.now,
        logger: silentLogger,
        userAgent: 'dbaas-backup-action',
        transport: createTransport(env)
    };
}
/** Sends JSON requests with a timeout per attempt and the retry rules of retry.ts. */
class HttpClient {
    options;
    constructor(options = {}) {
        this.options = { ...defaultHttpOptions(), ...options };
    }
    async send(request) {
        const { retry, logger } = this.options;
        const idempotent = request.idempotent ?? request.method !== 'POST';
        for (let attempt = 1;; attempt++) {
            let outcome;
            let failure;
            try {
                const response = await this.attempt(request);
                if (request.expected.includes(response.status)) {
                    return {
                        status: response.status,
                        headers: response.headers,
                        body: await readJson(response, request)
                    };
                }
                const text = await response.text().catch(() => '');
                const fault = parseFaultBody(text);
                const retryAfterSeconds = (0,openstack_retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), this.options.now()) ??
                    fault.retryAfterSeconds;
                failure = new OpenStackHttpError({
                    method: request.method,
                    url: request.url,
                    status: response.status,
                    apiMessage: fault.message,
                    context: request.context,
                    ...(fault.fault !== undefined && { fault: fault.fault }),
                    ...(response.headers.get('x-openstack-request-id') && {
                        requestId: response.headers.get('x-openstack-request-id')
                    }),
                    ...(retryAfterSeconds !== undefined && { retryAfterSeconds })
                });
                outcome = {
                    kind: 'status',
                    status: response.status,
                    ...(retryAfterSeconds !== undefined && { retryAfterSeconds })
                };
            }
            catch (error) {
                if (error instanceof OpenStackHttpError)
                    throw error;
                failure = new OpenStackNetworkError(request.method, request.url, error, request.context);
                outcome = { kind: 'network' };
            }
            if (!(0,openstack_retry/* isRetryable */.r3)(outcome, idempotent) || attempt >= retry.maxAttempts)
                throw failure;
            const delay = (0,openstack_retry/* retryDelayMs */.qO)(attempt, outcome, retry, this.options.random);
            if (delay > retry.maxRetryAfterMs)
                throw failure;
            logger.info(`${failure.message} — retrying in ${(0,time/* formatElapsed */.C)(delay)} (attempt ${attempt + 1} of ${retry.maxAttempts})`);
            await this.options.sleep(delay);
        }
    }
    async attempt(request) {
        const headers = {
            Accept: 'application/json',
            'User-Agent': this.options.userAgent,
            ...request.headers
        };
        const body = request.body === undefined ? undefined : JSON.stringify(request.body);
        // Trove ignores a body sent without this header and then fails validation (docs/trove-api.md §2.1).
        if (body !== undefined)
            headers['Content-Type'] = 'application/json';
        return this.options.transport(request.url, {
            method: request.method,
            headers,
            ...(body !== undefined && { body }),
            signal: AbortSignal.timeout(this.options.timeoutMs)
        });
    }
}
async function readJson(response, request) {
    const text = await response.text();
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new OpenStackHttpError({
            method: request.method,
            url: request.url,
            status: response.status,
            apiMessage: `expected a JSON body, got: ${text.slice(0, 200)}`,
            context: request.context
        });
    }
}

;// CONCATENATED MODULE: ./src/openstack/parse.ts


class Reader {
    where;
    data;
    constructor(value, where) {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
            throw new OpenStackResponseError(`${where}: expected an object, got ${describe(value)}`);
        }
        this.data = value;
        this.where = where;
    }
    static at(body, key, context) {
        return new Reader(new Reader(body, context).data[key], `${context}: field '${key}'`);
    }
    string(key) {
        const value = this.data[key];
        if (typeof value !== 'string')
            throw this.wrong(key, 'a string', value);
        return value;
    }
    optionalString(key) {
        return this.optional(key, 'a string', (v) => typeof v === 'string');
    }
    optionalNumber(key) {
        const value = this.data[key];
        if (value === undefined || value === null)
            return undefined;
        const number = typeof value === 'string' ? Number(value) : value;
        if (typeof number !== 'number' || !Number.isFinite(number))
            throw this.wrong(key, 'a number', value);
        return number;
    }
    number(key) {
        const value = this.optionalNumber(key);
        if (value === undefined)
            throw this.wrong(key, 'a number', this.data[key]);
        return value;
    }
    optionalBoolean(key) {
        return this.optional(key, 'a boolean', (v) => typeof v === 'boolean');
    }
    /** Absent and null are the same to Trove's views; anything else must pass `is`. */
    optional(key, what, is) {
        const value = this.data[key];
        if (value === undefined || value === null)
            return undefined;
        if (!is(value))
            throw this.wrong(key, what, value);
        return value;
    }
    /** A Trove time stamp (no time zone: UTC). */
    time(key) {
        const value = this.string(key);
        const date = (0,time/* parseOpenStackTime */.J)(value);
        if (!date)
            throw this.wrong(key, 'an ISO-8601 date-time', value);
        return date;
    }
    optionalTime(key) {
        return this.optionalString(key) === undefined ? undefined : this.time(key);
    }
    child(key) {
        return new Reader(this.data[key], `${this.where}.${key}`);
    }
    optionalChild(key) {
        const value = this.data[key];
        return value === undefined || value === null ? undefined : this.child(key);
    }
    array(key) {
        const value = this.data[key];
        if (!Array.isArray(value))
            throw this.wrong(key, 'an array', value);
        return value;
    }
    optionalArray(key) {
        const value = this.data[key];
        return value === undefined || value === null ? undefined : this.array(key);
    }
    wrong(key, expected, value) {
        return new OpenStackResponseError(`${this.where}: field '${key}' should be ${expected}, got ${describe(value)}`);
    }
}
function describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return `"${value.slice(0, 60)}"`;
    return typeof value === 'object' ? 'an object' : String(value);
}

;// CONCATENATED MODULE: ./src/openstack/keystone.ts


/** The body of POST /v3/auth/tokens (docs/trove-api.md §1.2, 1.3). */
function authRequestBody(credentials) {
    if (credentials.method === 'password') {
        return {
            auth: {
                identity: {
                    methods: ['password'],
                    password: { user: { ...credentials.user, password: credentials.password } }
                },
                scope: { project: credentials.project }
            }
        };
    }
    // An application credential carries its own scope; sending one is a 401 (docs/trove-api.md §1.3).
    const appCred = 'id' in credentials
        ? { id: credentials.id, secret: credentials.secret }
        : { name: credentials.name, secret: credentials.secret, user: credentials.user };
    return {
        auth: {
            identity: { methods: ['application_credential'], application_credential: appCred }
        }
    };
}
/** Asks Keystone for a project-scoped token with its catalog. */
async function issueToken(http, authUrl, credentials) {
    const url = `${authUrl.replace(/\/+$/, '')}/auth/tokens`;
    const response = await http.send({
        method: 'POST',
        url,
        body: authRequestBody(credentials),
        expected: [201, 200],
        // Issuing a token changes nothing on the server, so a lost answer may be retried.
        idempotent: true,
        context: 'Keystone: authenticate'
    });
    const value = response.headers.get('x-subject-token');
    if (!value) {
        throw new OpenStackResponseError('Keystone: authenticate: the answer has no X-Subject-Token header');
    }
    return readToken(response.body, value);
}
function readToken(body, value) {
    const token = Reader.at(body, 'token', 'Keystone: authenticate');
    const project = token.optionalChild('project');
    if (!project) {
        throw new OpenStackResponseError('Keystone: authenticate: the token is not scoped to a project — set a project (id, or name with its domain)');
    }
    const catalog = (token.optionalArray('catalog') ?? []).map((entry, i) => {
        const service = new Reader(entry, `Keystone: catalog[${i}]`);
        const result = {
            type: service.string('type'),
            endpoints: service.array('endpoints').map((e, j) => {
                const endpoint = new Reader(e, `Keystone: catalog[${i}].endpoints[${j}]`);
                const out = {
                    interface: endpoint.string('interface'),
                    url: endpoint.string('url')
                };
                const region = endpoint.optionalString('region');
                const regionId = endpoint.optionalString('region_id');
                if (region !== undefined)
                    out.region = region;
                if (regionId !== undefined)
                    out.regionId = regionId;
                return out;
            })
        };
        const name = service.optionalString('name');
        if (name !== undefined)
            result.name = name;
        return result;
    });
    const result = {
        value,
        expiresAt: token.time('expires_at'),
        projectId: project.string('id'),
        catalog
    };
    const projectName = project.optionalString('name');
    if (projectName !== undefined)
        result.projectName = projectName;
    return result;
}
/**
 * The endpoint of a service type for a region and interface. The error lists what the catalog
 * offers, since a wrong region is the usual mistake (e.g. a cPouta config against Pukki).
 */
function findEndpoint(catalog, type, iface, region) {
    const services = catalog.filter((s) => s.type === type);
    const candidates = services.flatMap((s) => s.endpoints);
    const match = candidates.find((e) => e.interface === iface && (!region || e.regionId === region || e.region === region));
    if (match)
        return match.url;
    const offered = candidates.map((e) => `${e.interface}@${e.regionId ?? e.region ?? '?'}`);
    const regionText = region ? ` in region "${region}"` : '';
    throw new OpenStackResponseError(`Keystone catalog: no ${iface} endpoint for service type "${type}"${regionText}` +
        (offered.length > 0
            ? `; the catalog offers: ${offered.join(', ')}`
            : `; the catalog has no "${type}" service at all (is this the right auth URL?)`));
}
/**
 * Trove's catalog URL normally ends in /v1.0/<project_id>. Be forgiving when a cloud registers it
 * without the project, as docs/trove-api.md §1.5 recommends.
 */
function troveBaseUrl(endpoint, projectId) {
    const url = endpoint.replace(/\/+$/, '');
    if (url.endsWith(`/${projectId}`))
        return url;
    if (/\/v1\.0$/.test(url))
        return `${url}/${projectId}`;
    return `${url}/v1.0/${projectId}`;
}

;// CONCATENATED MODULE: ./src/openstack/session.ts



/**
 * One token per run: issued on first use, reused, renewed shortly before it expires, and renewed
 * once more when a service answers 401 (expired early, or revoked).
 */
class OpenStackSession {
    http;
    config;
    token;
    /** When the current token was issued, by our clock: its lifetime bounds the renewal margin. */
    issuedAt = 0;
    pending;
    constructor(http, config) {
        this.http = http;
        this.config = config;
        // Whatever Keystone or Trove answers is scrubbed of the credential before it is shown.
        const c = config.credentials;
        registerSecret(c.method === 'password' ? c.password : c.secret);
    }
    async currentToken() {
        if (this.token) {
            const expiresAt = this.token.expiresAt.getTime();
            // Renew a few minutes early, but never more than half the token's life early, or a
            // short-lived token would be renewed on every call.
            const margin = Math.min(this.config.renewBeforeMs ?? 5 * 60_000, (expiresAt - this.issuedAt) / 2);
            if (expiresAt - this.http.options.now() > margin)
                return this.token;
        }
        return this.renew();
    }
    /** Base URL of the Trove API, ending in /v1.0/<project_id>. */
    async databaseUrl() {
        const token = await this.currentToken();
        if (this.config.databaseEndpoint)
            return troveBaseUrl(this.config.databaseEndpoint, token.projectId);
        const endpoint = findEndpoint(token.catalog, 'database', this.config.interface, this.config.region);
        // The same rule as for a database-endpoint given by hand: no token over plain http.
        if (!this.config.allowInsecureHttp && new URL(endpoint).protocol !== 'https:') {
            throw new InsecureEndpointError(`Keystone's catalog names ${endpoint} for the database service, which is not https: the token would travel unencrypted. ` +
                'Ask the provider to fix the catalog, set database-endpoint to the https URL, or set allow-insecure-http: true for a test cloud');
        }
        return troveBaseUrl(endpoint, token.projectId);
    }
    /** Sends a request to the database service, re-authenticating once on a 401. */
    async database(request) {
        const first = await this.currentToken();
        try {
            return await this.sendWith(first, request);
        }
        catch (error) {
            if (!(error instanceof OpenStackHttpError) || error.status !== 401)
                throw error;
            if (this.token === first)
                this.token = undefined;
            const second = await this.currentToken();
            try {
                return await this.sendWith(second, request);
            }
            catch (again) {
                if (again instanceof OpenStackHttpError && again.status === 401) {
                    throw new Error(`${again.message} — the token was rejected twice: the application credential may have ` +
                        `expired or been deleted, or its access rules do not allow ${request.method} ${request.path}`, { cause: again });
                }
                throw again;
            }
        }
    }
    async sendWith(token, request) {
        const { path, ...rest } = request;
        const base = await this.databaseUrl();
        return this.http.send({
            ...rest,
            url: `${base}${path}`,
            headers: { 'X-Auth-Token': token.value }
        });
    }
    renew() {
        // Concurrent callers share one authentication instead of each issuing a token.
        const requestedAt = this.http.options.now();
        this.pending ??= issueToken(this.http, this.config.authUrl, this.config.credentials)
            .then((token) => {
            this.token = token;
            this.issuedAt = requestedAt;
            return token;
        })
            .finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
}

;// CONCATENATED MODULE: ./src/openstack/status.ts
/** Ready to use: status ACTIVE, and operating_status HEALTHY where the cloud reports one. */
function isInstanceReady(instance) {
    return (instance.status === 'ACTIVE' &&
        (instance.operatingStatus === undefined || instance.operatingStatus === 'HEALTHY'));
}
const INSTANCE_FAILED = ['ERROR', 'FAILED', 'BLOCKED', 'SHUTDOWN'];
/** A message when the instance can no longer become ready by waiting. */
function instanceFailure(instance) {
    if (!INSTANCE_FAILED.includes(instance.status))
        return undefined;
    const fault = instance.fault ? `: ${instance.fault}` : '';
    return `ended in ${instance.status}${fault}`;
}
/**
 * Free for an action such as a backup: ACTIVE. Trove decides from the guest status it
 * stored, so an ACTIVE instance whose guest is late (operating_status ERROR) still takes one
 * (docs/trove-api.md §4.3).
 */
function isInstanceIdle(instance) {
    return instance.status === 'ACTIVE';
}
/** True when Trove shows a late guest agent heartbeat: ACTIVE with operating_status ERROR. */
function isGuestLate(instance) {
    return instance.status === 'ACTIVE' && instance.operatingStatus === 'ERROR';
}
function describeInstance(instance) {
    if (isGuestLate(instance))
        return `ACTIVE/ERROR (the guest agent's heartbeat is late)`;
    return instance.operatingStatus
        ? `${instance.status}/${instance.operatingStatus}`
        : instance.status;
}
const BACKUP_DONE = 'COMPLETED';
const BACKUP_FAILED = ['FAILED', 'DELETE_FAILED', 'ERROR'];
function backupFailure(backup) {
    return BACKUP_FAILED.includes(backup.status) ? `ended in ${backup.status}` : undefined;
}

;// CONCATENATED MODULE: ./src/openstack/trove-types.ts


function readDatastoreRef(reader) {
    if (!reader)
        return undefined;
    const ref = { type: reader.string('type'), version: reader.string('version') };
    const versionId = reader.optionalString('version_id');
    if (versionId !== undefined)
        ref.versionId = versionId;
    return ref;
}
function readInstance(value, where) {
    const r = new Reader(value, where);
    const addresses = [];
    for (const entry of r.optionalArray('addresses') ?? []) {
        const address = new Reader(entry, `${where}.addresses[]`);
        const ip = address.optionalString('address');
        if (ip && !addresses.includes(ip)) {
            if (address.optionalString('type') === 'public')
                addresses.unshift(ip);
            else
                addresses.push(ip);
        }
    }
    for (const ip of r.optionalArray('ip') ?? []) {
        if (typeof ip === 'string' && !addresses.includes(ip))
            addresses.push(ip);
    }
    const volume = r.optionalChild('volume');
    const access = r.optionalChild('access');
    const flavor = r.optionalChild('flavor');
    const fault = r.optionalChild('fault');
    const instance = {
        id: r.string('id'),
        name: r.string('name'),
        status: r.string('status'),
        addresses
    };
    trove_types_assign(instance, 'operatingStatus', r.optionalString('operating_status'));
    trove_types_assign(instance, 'datastore', readDatastoreRef(r.optionalChild('datastore')));
    trove_types_assign(instance, 'flavorId', flavor?.optionalString('id'));
    trove_types_assign(instance, 'volumeSizeGb', volume?.optionalNumber('size'));
    trove_types_assign(instance, 'volumeType', volume?.optionalString('type'));
    trove_types_assign(instance, 'isPublic', access?.optionalBoolean('is_public'));
    const cidrs = access?.optionalArray('allowed_cidrs');
    trove_types_assign(instance, 'allowedCidrs', cidrs?.filter((c) => typeof c === 'string'));
    trove_types_assign(instance, 'created', r.optionalTime('created'));
    trove_types_assign(instance, 'updated', r.optionalTime('updated'));
    trove_types_assign(instance, 'fault', fault?.optionalString('message'));
    return instance;
}
function readBackup(value, where) {
    const r = new Reader(value, where);
    const backup = {
        id: r.string('id'),
        name: r.optionalString('name') ?? '',
        status: r.string('status'),
        created: r.time('created'),
        updated: r.optionalTime('updated') ?? r.time('created')
    };
    trove_types_assign(backup, 'description', r.optionalString('description'));
    trove_types_assign(backup, 'instanceId', r.optionalString('instance_id'));
    trove_types_assign(backup, 'parentId', r.optionalString('parent_id'));
    trove_types_assign(backup, 'sizeGb', r.optionalNumber('size'));
    trove_types_assign(backup, 'datastore', readDatastoreRef(r.optionalChild('datastore')));
    trove_types_assign(backup, 'locationRef', r.optionalString('locationRef'));
    return backup;
}
function readDatastoreVersion(value, where) {
    const r = new Reader(value, where);
    // Only admins see `active`; for others, a version that is listed is offered.
    const active = r.data.active === undefined ? true : r.data.active === true || r.data.active === 1;
    return { id: r.string('id'), name: r.string('name'), active };
}
function readDatastore(value, where) {
    const r = new Reader(value, where);
    const datastore = {
        id: r.string('id'),
        name: r.string('name'),
        versions: (r.optionalArray('versions') ?? []).map((v, i) => readDatastoreVersion(v, `${where}.versions[${i}]`))
    };
    trove_types_assign(datastore, 'defaultVersion', r.optionalString('default_version'));
    return datastore;
}
function readFlavor(value, where) {
    const r = new Reader(value, where);
    // On clouds with UUID flavor ids (CSC) `id` is null and the real id is `str_id`.
    const rawId = r.data.id;
    const id = r.optionalString('str_id') ??
        (rawId === null || rawId === undefined ? undefined : String(rawId));
    if (id === undefined) {
        throw new OpenStackResponseError(`${where}: neither 'str_id' nor 'id' names the flavor`);
    }
    const flavor = { id, name: r.string('name') };
    trove_types_assign(flavor, 'ramMb', r.optionalNumber('ram'));
    trove_types_assign(flavor, 'vcpus', r.optionalNumber('vcpus'));
    return flavor;
}
/** Sets an optional property only when there is a value (exactOptionalPropertyTypes-friendly). */
function trove_types_assign(target, key, value) {
    if (value !== undefined)
        target[key] = value;
}

;// CONCATENATED MODULE: ./src/openstack/trove.ts



/** Instance ids and backup ids are UUIDs; Trove refuses anything else with a 400. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Typed calls of the Trove v1.0 API. Knows nothing of GitHub. */
class TroveClient {
    session;
    constructor(session) {
        this.session = session;
    }
    async getInstance(id) {
        return this.show('instance', id, readInstance);
    }
    /** Like getInstance, but undefined when the instance does not exist (any more). */
    async findInstanceById(id) {
        try {
            return await this.getInstance(id);
        }
        catch (error) {
            if (isStatus(error, 404))
                return undefined;
            throw error;
        }
    }
    /** Every instance of the project. Pages use the last id as marker (20 a page on Trove). */
    async listInstances() {
        const context = 'Trove: list instances';
        return this.allPages(context, 'instances', readInstance, (marker) => marker
            ? `/instances?include_clustered=False&marker=${encodeURIComponent(marker)}`
            : '/instances?include_clustered=False');
    }
    async createInstance(request) {
        const context = `Trove: create instance ${request.name}`;
        const instance = {
            name: request.name,
            flavorRef: request.flavorRef,
            volume: request.volume.type
                ? { size: request.volume.size, type: request.volume.type }
                : { size: request.volume.size },
            datastore: { type: request.datastore.type, version: request.datastore.version }
        };
        if (request.restoreBackupId)
            instance.restorePoint = { backupRef: request.restoreBackupId };
        if (request.access) {
            instance.access = {
                is_public: request.access.isPublic ?? false,
                ...(request.access.allowedCidrs && { allowed_cidrs: request.access.allowedCidrs })
            };
        }
        if (request.nics && request.nics.length > 0) {
            instance.nics = request.nics.map((nic) => ({
                ...(nic.networkId && { network_id: nic.networkId }),
                ...(nic.subnetId && { subnet_id: nic.subnetId }),
                ...(nic.ipAddress && { ip_address: nic.ipAddress })
            }));
        }
        if (request.users && request.users.length > 0) {
            instance.users = request.users.map((u) => ({
                name: u.name,
                password: u.password,
                ...(u.databases && { databases: u.databases.map((name) => ({ name })) })
            }));
        }
        if (request.databases && request.databases.length > 0) {
            instance.databases = request.databases.map((name) => ({ name }));
        }
        return this.create('/instances', 'instance', instance, context, readInstance);
    }
    /** Deletes an instance. Returns false when it was already gone (404). */
    async deleteInstance(id) {
        try {
            await this.session.database({
                method: 'DELETE',
                path: `/instances/${encodeURIComponent(id)}`,
                expected: [202, 204],
                context: `Trove: delete instance ${id}`
            });
            return true;
        }
        catch (error) {
            if (isStatus(error, 404))
                return false;
            throw error;
        }
    }
    async createBackup(request) {
        const context = `Trove: create backup of instance ${request.instanceId}`;
        const backup = {
            name: request.name,
            instance: request.instanceId,
            // Trove's schema wants the integer 0/1, not a boolean (docs/trove-api.md §8.8).
            incremental: request.incremental ? 1 : 0
        };
        // An empty description fails Trove's validation: leave it out instead.
        if (request.description)
            backup.description = request.description;
        if (request.parentId)
            backup.parent_id = request.parentId;
        return this.create('/backups', 'backup', backup, context, readBackup);
    }
    /** One POST that creates `key` (sent once: the HTTP client never repeats a POST blindly). */
    async create(path, key, payload, context, read) {
        const { body } = await this.session.database({
            method: 'POST',
            path,
            body: { [key]: payload },
            expected: [200, 202],
            context
        });
        return read(new Reader(body, context).data[key], `${context}: ${key}`);
    }
    async getBackup(id) {
        return this.show('backup', id, readBackup);
    }
    /**
     * Every backup, across all pages (the web UI stops at 20; we never do). Trove's backup marker
     * is a numeric offset and a full last page still has a next link, so stop on an empty page or a
     * missing link. Offsets shift when a backup changes during the walk: dedupe by id.
     */
    async listBackups(options = {}) {
        const context = options.instanceId
            ? `Trove: list backups of instance ${options.instanceId}`
            : 'Trove: list backups';
        const pathFor = (marker) => {
            const params = new URLSearchParams();
            if (options.instanceId)
                params.set('instance_id', options.instanceId);
            if (options.datastore)
                params.set('datastore', options.datastore);
            if (options.pageSize)
                params.set('limit', String(options.pageSize));
            if (marker)
                params.set('marker', marker);
            const query = params.toString();
            return `/backups${query ? `?${query}` : ''}`;
        };
        const { pageSize, concurrency = 1, maxPages } = options;
        if (pageSize && concurrency > 1 && maxPages === undefined)
            return this.offsetPages(context, pathFor, pageSize, concurrency);
        return this.allPages(context, 'backups', readBackup, pathFor, maxPages);
    }
    /**
     * The backup walk with up to `concurrency` pages in flight: the page at offset k·pageSize is
     * asked for before page k-1 has come back. Each page must still prove the offset rule — full,
     * with a next link to the following offset — before the pages after it count: the first page
     * that does not (short, empty, no link, another marker) ends the walk there, as it would one
     * page at a time, and pages asked for beyond it are dropped. A marker other than the expected
     * offset is followed one page at a time from there. Items are deduplicated by id in page order.
     */
    async offsetPages(context, pathFor, pageSize, concurrency) {
        const fetchPage = async (marker) => {
            const { body } = await this.session.database({
                method: 'GET',
                path: pathFor(marker),
                expected: [200],
                context
            });
            const page = new Reader(body, context);
            const items = page
                .array('backups')
                .map((item, i) => readBackup(item, `${context}: backups[${i}]`));
            return { items, next: nextMarker(page) };
        };
        // Page k starts at offset k·pageSize; it leads on when it is full and links to page k+1.
        const leadsOn = (page, k) => page.items.length === pageSize && page.next === String((k + 1) * pageSize);
        const pages = [await fetchPage(undefined)];
        if (leadsOn(pages[0], 0)) {
            let end = Infinity; // the index of the first page that does not lead on
            let issued = 1;
            const inFlight = new Set();
            let failure;
            while (!failure) {
                while (issued <= end && inFlight.size < concurrency && !failure) {
                    const k = issued++;
                    const request = fetchPage(String(k * pageSize)).then((page) => {
                        pages[k] = page;
                        if (!leadsOn(page, k))
                            end = Math.min(end, k);
                    }, (error) => {
                        failure ??= { error };
                    });
                    inFlight.add(request);
                    void request.finally(() => inFlight.delete(request));
                }
                if (inFlight.size === 0)
                    break;
                await Promise.race(inFlight);
            }
            await Promise.all(inFlight);
            // Only a page before the end can fail the walk; one past it was never needed.
            if (failure) {
                const needed = Math.min(end, issued - 1);
                for (let k = 1; k <= needed; k++)
                    if (pages[k] === undefined)
                        throw failure.error;
                if (end === Infinity)
                    throw failure.error;
            }
            pages.length = end + 1;
        }
        const all = [];
        const seen = new Set();
        const add = (items) => {
            for (const item of items) {
                if (!seen.has(item.id)) {
                    seen.add(item.id);
                    all.push(item);
                }
            }
        };
        for (const page of pages)
            add(page.items);
        // The last page read ends the walk unless it links somewhere unexpected: follow that link
        // one page at a time, as the plain walk would.
        const last = pages[pages.length - 1];
        const k = pages.length - 1;
        const marker = k === 0 ? undefined : String(k * pageSize);
        if (last.items.length > 0 &&
            last.next !== undefined &&
            last.next !== marker &&
            !leadsOn(last, k))
            add(await this.allPages(context, 'backups', readBackup, pathFor, undefined, last.next));
        return all;
    }
    /**
     * Follows the `next` links' markers from page to page: stops on an empty page, a missing link
     * or a marker that does not move (or after `maxPages`). Items are deduplicated by id, since
     * offsets shift when an item changes during the walk.
     */
    async allPages(context, key, read, pathFor, maxPages, firstMarker) {
        const all = [];
        const seen = new Set();
        let marker = firstMarker;
        for (let pages = 1;; pages++) {
            const { body } = await this.session.database({
                method: 'GET',
                path: pathFor(marker),
                expected: [200],
                context
            });
            const page = new Reader(body, context);
            const items = page.array(key).map((item, i) => read(item, `${context}: ${key}[${i}]`));
            for (const item of items) {
                if (!seen.has(item.id)) {
                    seen.add(item.id);
                    all.push(item);
                }
            }
            const next = nextMarker(page);
            if (items.length === 0 || next === undefined || next === marker)
                return all;
            if (maxPages !== undefined && pages >= maxPages)
                return all;
            marker = next;
        }
    }
    async listDatastores() {
        return this.list('Trove: list datastores', '/datastores', 'datastores', readDatastore);
    }
    async listDatastoreVersions(datastore) {
        return this.list(`Trove: list versions of datastore ${datastore}`, `/datastores/${encodeURIComponent(datastore)}/versions`, 'versions', readDatastoreVersion);
    }
    async listFlavors() {
        return this.list('Trove: list flavors', '/flavors', 'flavors', readFlavor);
    }
    /** One GET of an instance or a backup by id: `GET /<kind>s/<id>` → `{ "<kind>": {…} }`. */
    async show(kind, id, read) {
        const context = `Trove: show ${kind} ${id}`;
        const path = `/${kind}s/${encodeURIComponent(id)}`;
        const { body } = await this.session.database({ method: 'GET', path, expected: [200], context });
        return read(new Reader(body, context).data[kind], `${context}: ${kind}`);
    }
    /** One GET of a list that Trove does not page. */
    async list(context, path, key, read) {
        const { body } = await this.session.database({ method: 'GET', path, expected: [200], context });
        return new Reader(body, context)
            .array(key)
            .map((item, i) => read(item, `${context}: ${key}[${i}]`));
    }
    async getLimits() {
        const context = 'Trove: show limits';
        const { body } = await this.session.database({
            method: 'GET',
            path: '/limits',
            expected: [200],
            context
        });
        const limits = {};
        for (const [i, entry] of new Reader(body, context).array('limits').entries()) {
            const limit = new Reader(entry, `${context}: limits[${i}]`);
            if (limit.optionalString('verb') !== 'ABSOLUTE')
                continue;
            const maxInstances = limit.optionalNumber('max_instances');
            const maxVolumes = limit.optionalNumber('max_volumes');
            const maxBackups = limit.optionalNumber('max_backups');
            if (maxInstances !== undefined)
                limits.maxInstances = maxInstances;
            if (maxVolumes !== undefined)
                limits.maxVolumesGb = maxVolumes;
            if (maxBackups !== undefined)
                limits.maxBackups = maxBackups;
        }
        return limits;
    }
}
/**
 * The marker of the next page, read from the `next` link's query. Never follow the href itself:
 * Trove builds it from the host it saw, forced to https (docs/trove-api.md §2.1).
 */
function nextMarker(page) {
    const links = page.optionalArray('links');
    if (!links)
        return undefined;
    for (const link of links) {
        if (!link || typeof link !== 'object')
            continue;
        const { rel, href } = link;
        if (rel !== 'next' || typeof href !== 'string')
            continue;
        const query = href.includes('?') ? href.slice(href.indexOf('?') + 1) : '';
        const marker = new URLSearchParams(query).get('marker');
        if (marker)
            return marker;
        throw new OpenStackResponseError(`${page.where}: a "next" link without a marker: ${href}`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/openstack/wait.ts


/**
 * Polls until done, failed or out of time. Logs each status change and a heartbeat with the
 * elapsed time, so a user watching the log knows the step is alive.
 */
async function waitFor(options) {
    const start = options.now();
    const maxInterval = options.maxIntervalMs ?? 30_000;
    const heartbeat = options.heartbeatMs ?? 60_000;
    let interval = options.initialIntervalMs ?? 2_000;
    let lastStatus;
    let lastLog = start;
    for (;;) {
        const value = await options.poll();
        const elapsed = options.now() - start;
        const status = options.describe(value);
        if (status !== lastStatus) {
            options.logger.info(`${options.what}: ${status} (after ${(0,time/* formatElapsed */.C)(elapsed)})`);
            lastStatus = status;
            lastLog = options.now();
        }
        else if (options.now() - lastLog >= heartbeat) {
            options.logger.info(`${options.what}: still ${status} after ${(0,time/* formatElapsed */.C)(elapsed)}`);
            lastLog = options.now();
        }
        if (options.isDone(value))
            return { value, elapsedMs: elapsed };
        const failure = options.failure(value);
        if (failure !== undefined) {
            throw new WaitError(`${options.what} ${failure} (after ${(0,time/* formatElapsed */.C)(elapsed)})`, 'failed', status);
        }
        const remaining = options.timeoutMs - elapsed;
        if (remaining <= 0) {
            throw new WaitError(`${options.what} is still ${status} after ${(0,time/* formatElapsed */.C)(elapsed)}: gave up at the timeout of ${(0,time/* formatElapsed */.C)(options.stepTimeoutMs ?? options.timeoutMs)}`, 'timeout', status);
        }
        await options.sleep(Math.min(interval, remaining));
        interval = Math.min(maxInterval, Math.round(interval * 1.5));
    }
}

;// CONCATENATED MODULE: ./src/openstack/index.ts
// The OpenStack client's public surface. It knows nothing of GitHub.













/***/ }),

/***/ 2844:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ isNetworkCode),
/* harmony export */   j: () => (/* binding */ describeNetworkCause)
/* harmony export */ });
/**
 * Why a request got no answer, in words: fetch says only "fetch failed" and keeps the reason
 * in `cause` (undici's or the socket's error with a `code`); the S3 SDK throws the socket's
 * error itself. Both the wire client (errors.ts) and the S3 client (storage/s3-store.ts) use
 * this, so a refused port, an unknown name, a bad certificate and a timeout read the same.
 */
const REFUSED = new Set(['ECONNREFUSED']);
const NOT_FOUND = new Set(['ENOTFOUND']);
const DNS_TRY_AGAIN = new Set(['EAI_AGAIN', 'EAI_FAIL']);
const CONNECT_TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const ANSWER_TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const CLOSED = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED']);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
/** OpenSSL's verify codes as Node names them, and Node's own host-name check. */
const TLS_CERT = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_REVOKED',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'CERT_SIGNATURE_FAILURE',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** A TLS handshake that failed for a reason other than the certificate (e.g. http on an https port). */
const TLS_OTHER = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/;
/** All the codes this module explains; anything else is shown as it came. */
function isNetworkCode(code) {
    return ([
        REFUSED,
        NOT_FOUND,
        DNS_TRY_AGAIN,
        CONNECT_TIMEOUT,
        ANSWER_TIMEOUT,
        CLOSED,
        UNREACHABLE,
        TLS_CERT
    ].some((set) => set.has(code)) || TLS_OTHER.test(code));
}
/**
 * `error` as a cause a user can act on, e.g. "connection refused by 127.0.0.1:5000
 * (ECONNREFUSED)". `url` is where the request went; it names host and port when the error
 * itself does not (a TLS error carries neither).
 */
function describeNetworkCause(error, url) {
    if (!error || typeof error !== 'object')
        return String(error);
    const outer = error;
    // Duck-typed: AbortSignal's DOMException is not always an `Error` of this realm.
    if (outer.name === 'TimeoutError')
        return 'no answer within the request timeout';
    const inner = innermost(error);
    const code = typeof inner.code === 'string' ? inner.code : undefined;
    const message = typeof inner.message === 'string' ? inner.message : String(outer.message);
    const where = target(inner, url);
    const at = where ? ` ${where}` : '';
    if (message === 'bad port' && code === undefined) {
        // The WHATWG fetch standard refuses a fixed list of ports (1, 9, 22, 25, …) before connecting.
        return `port ${where ? where.split(':').pop() : '?'} is one fetch never connects to ("bad port"); use the service's real port`;
    }
    if (code === undefined)
        return message;
    if (REFUSED.has(code))
        return `connection refused by${at} (${code}): nothing listens there, or a firewall rejects it`;
    if (NOT_FOUND.has(code))
        return `DNS name not found: ${hostOf(inner, url) ?? where} (${code})`;
    if (DNS_TRY_AGAIN.has(code))
        return `DNS lookup failed for ${hostOf(inner, url) ?? where} (${code}); the resolver did not answer`;
    if (CONNECT_TIMEOUT.has(code))
        return `timed out connecting to${at} (${code})`;
    if (ANSWER_TIMEOUT.has(code))
        return `timed out waiting for${at} to answer (${code})`;
    if (CLOSED.has(code))
        return `the connection to${at} was closed before an answer (${code})`;
    if (UNREACHABLE.has(code))
        return `${where || 'the host'} is unreachable (${code})`;
    if (TLS_CERT.has(code))
        return `TLS certificate problem with${at}: ${message} (${code})`;
    if (TLS_OTHER.test(code))
        return `TLS handshake with${at} failed: ${message} (${code})`;
    return `${message} (${code})`;
}
/**
 * The error that says what happened: fetch's TypeError → undici's or the socket's error; an
 * AggregateError (both addresses of a name tried, Happy Eyeballs) → its first error with a code.
 */
function innermost(error) {
    let current = error;
    for (let depth = 0; depth < 5; depth++) {
        if (typeof current.code === 'string')
            break;
        if (Array.isArray(current.errors)) {
            const coded = current.errors.find((e) => typeof e?.code === 'string');
            if (coded)
                return coded;
        }
        const next = current.cause;
        if (!next || typeof next !== 'object')
            break;
        current = next;
    }
    return current;
}
/** `host:port` from the socket error, else from the URL (with the scheme's default port). */
function target(inner, url) {
    if (typeof inner.address === 'string' && typeof inner.port === 'number') {
        return inner.address.includes(':')
            ? `[${inner.address}]:${inner.port}`
            : `${inner.address}:${inner.port}`;
    }
    if (!url)
        return typeof inner.hostname === 'string' ? inner.hostname : '';
    try {
        const parsed = new URL(url);
        const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
        return `${parsed.hostname}:${port}`;
    }
    catch {
        return '';
    }
}
function hostOf(inner, url) {
    if (typeof inner.hostname === 'string')
        return inner.hostname;
    try {
        return url ? new URL(url).hostname : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 5808:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ createFetch),
/* harmony export */   k: () => (/* binding */ proxyFromEnv)
/* harmony export */ });
/** The proxy settings self-hosted runners set, upper or lower case (lower wins, as in curl). */
function proxyFromEnv(env) {
    const pick = (name) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
    const settings = {};
    const httpProxy = pick('http_proxy');
    const httpsProxy = pick('https_proxy');
    const noProxy = pick('no_proxy');
    if (httpProxy)
        settings.httpProxy = httpProxy;
    if (httpsProxy)
        settings.httpsProxy = httpsProxy;
    if (noProxy)
        settings.noProxy = noProxy;
    return settings;
}
/**
 * Node's fetch ignores HTTPS_PROXY. When a proxy is configured we send through undici's
 * EnvHttpProxyAgent, which also honours NO_PROXY; without one, the plain global fetch.
 * undici is loaded on the first proxied request only: it is a large module, and parsing it at
 * start-up would slow every run that has no proxy (most of them).
 */
function createFetch(env) {
    const settings = proxyFromEnv(env);
    if (!settings.httpProxy && !settings.httpsProxy)
        return globalThis.fetch;
    let proxied;
    const load = async () => {
        const { EnvHttpProxyAgent, fetch: undiciFetch } = await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19));
        const dispatcher = new EnvHttpProxyAgent(settings);
        return ((input, init) => undiciFetch(input, { ...init, dispatcher }));
    };
    return (async (input, init) => (await (proxied ??= load()))(input, init));
}


/***/ }),

/***/ 8582:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   qO: () => (/* binding */ retryDelayMs),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   ur: () => (/* binding */ defaultRetryPolicy)
/* harmony export */ });
/* unused harmony export isRateLimited */
/**
 * When to try a request again, and how long to wait first. Pure functions, so the rules are
 * tested with tables and no test ever sleeps.
 */
const defaultRetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 5 * 60_000
};
/**
 * Rate-limit answers (429, or Trove's 413 overLimit that carries Retry-After) mean the server
 * refused the request before acting on it, so any request may be sent again.
 * Server errors and lost connections leave it unknown whether the request took effect: only
 * idempotent requests are retried then. A create (POST) is never retried blindly, because a
 * second create could make a second backup or instance. A quota 413 (no Retry-After) is final.
 */
function isRetryable(outcome, idempotent) {
    if (outcome.kind === 'network')
        return idempotent;
    if (isRateLimited(outcome))
        return true;
    return idempotent && [500, 502, 503, 504].includes(outcome.status);
}
function isRateLimited(outcome) {
    if (outcome.kind !== 'status')
        return false;
    if (outcome.status === 429)
        return true;
    return outcome.status === 413 && outcome.retryAfterSeconds !== undefined;
}
/**
 * Delay before attempt number `attempt + 1` (attempt counts from 1). A server's Retry-After is
 * honoured as given; otherwise exponential backoff with "equal jitter" (half fixed, half random),
 * so many runners hitting one API do not retry in lockstep.
 */
function retryDelayMs(attempt, outcome, policy, random) {
    if (outcome.kind === 'status' && outcome.retryAfterSeconds !== undefined) {
        return Math.max(0, outcome.retryAfterSeconds * 1000);
    }
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exponential / 2 + (random() * exponential) / 2);
}
/** Retry-After is either delta-seconds or an HTTP date. */
function parseRetryAfter(value, now) {
    if (value === null || value.trim() === '')
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds);
    const date = Date.parse(value);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, Math.ceil((date - now) / 1000));
}


/***/ }),

/***/ 135:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ formatElapsed),
/* harmony export */   J: () => (/* binding */ parseOpenStackTime)
/* harmony export */ });
/**
 * Trove writes timestamps without a time zone (`2019-12-23T22:38:42`) and means UTC.
 * `new Date()` would read such a string as local time, so add the `Z` ourselves.
 * Returns undefined for anything that is not an ISO-8601 date-time.
 */
function parseOpenStackTime(value) {
    const plain = plainUtcMs(value);
    if (plain !== undefined)
        return new Date(plain);
    const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
    if (!match)
        return undefined;
    const [, day, clock, zone] = match;
    const date = new Date(`${day}T${clock}${zone ?? 'Z'}`);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/**
 * `YYYY-MM-DDTHH:MM:SS`, the form Trove writes, read digit by digit: a report reads two time
 * stamps per backup, thousands of them, and this skips the regular expression, the string
 * built for the Date parser and the parse. Anything else (or out of range) is left to the
 * general path above, so both read every string alike (test/unit/openstack/time.test.ts).
 */
function plainUtcMs(value) {
    if (value.length !== 19)
        return undefined;
    if (value[4] !== '-' || value[7] !== '-' || value[10] !== 'T')
        return undefined;
    if (value[13] !== ':' || value[16] !== ':')
        return undefined;
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 2);
    const day = digits(value, 8, 2);
    const hour = digits(value, 11, 2);
    const minute = digits(value, 14, 2);
    const second = digits(value, 17, 2);
    // Date.UTC reads years 0–99 as 1900–1999; the Date parser does not.
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31)
        return undefined;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return undefined;
    return Date.UTC(year, month - 1, day, hour, minute, second);
}
/** The decimal number in value[from, from + count), or -1 if any of it is not a digit. */
function digits(value, from, count) {
    let n = 0;
    for (let i = from; i < from + count; i++) {
        const d = value.charCodeAt(i) - 48;
        if (d < 0 || d > 9)
            return -1;
        n = n * 10 + d;
    }
    return n;
}
/** Formats an elapsed time for progress lines: `45s`, `3m05s`, `1h02m`. */
function formatElapsed(ms) {
    const totalSeconds = Math.max(0, Math.round(ms / 1000));
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    if (hours > 0)
        return `${hours}h${String(minutes).padStart(2, '0')}m`;
    if (minutes > 0)
        return `${minutes}m${String(seconds).padStart(2, '0')}s`;
    return `${seconds}s`;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

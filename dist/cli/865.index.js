export const id = 865;
export const ids = [865];
export const modules = {

/***/ 3865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mirror: () => (/* binding */ mirror)
});

// EXTERNAL MODULE: ./src/cloud/resolve.ts
var resolve = __webpack_require__(21);
// EXTERNAL MODULE: ./src/cloud/temporary-instance.ts
var temporary_instance = __webpack_require__(6216);
// EXTERNAL MODULE: ./src/database/target.ts
var database_target = __webpack_require__(8928);
// EXTERNAL MODULE: ./src/database/tls.ts
var tls = __webpack_require__(352);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/source.ts
var inputs_source = __webpack_require__(4620);
;// CONCATENATED MODULE: ./src/inputs/dump-selection.ts


/**
 * Letters, digits, `_`, `$` and (not first) `-`, at most 63 characters (PostgreSQL's limit; a
 * longer name is truncated by the server and would never match). No dot, quote, wildcard,
 * space, `=` or leading `-`: the characters that would make a name an option, a pattern or a
 * conninfo string.
 */
const IDENTIFIER = /^[A-Za-z0-9_$][A-Za-z0-9_$-]{0,62}$/;
const RULE = 'letters, digits, _ and $ (and - after the first character), at most 63 characters; no quotes, spaces, wildcards or leading -';
function readNames(source, name, qualified) {
    const items = (0,inputs_source/* splitList */.ry)(source.get(name));
    for (const item of items) {
        const parts = item.split('.');
        const ok = (parts.length === 1 || (qualified && parts.length === 2)) &&
            parts.every((p) => IDENTIFIER.test(p));
        if (!ok) {
            throw new errors/* InputError */.dz(name, `"${item}" is not ${qualified ? 'a table or schema.table (database.table for MariaDB/MySQL)' : 'a plain name'}: each name is ${RULE}`);
        }
    }
    const twice = items.find((v, i) => items.indexOf(v) !== i);
    if (twice !== undefined)
        throw new errors/* InputError */.dz(name, `names ${twice} twice; give each once`);
    return items;
}
/** mirror's databases, schemas and exclude-tables, checked before anything runs. */
function readDumpSelection(source) {
    return {
        databases: readNames(source, 'databases', false),
        schemas: readNames(source, 'schemas', false),
        excludeTables: readNames(source, 'exclude-tables', true)
    };
}
/** True when checkSelectionForEngine can refuse the selection (it depends on the engine). */
function dependsOnEngine(selection) {
    return (selection.schemas.length > 0 ||
        selection.databases.length > 1 ||
        selection.excludeTables.some((t) => t.includes('.')));
}
/**
 * The selection against the engine, once the instance's datastore is known (before a temporary
 * instance is created or a live instance is dumped): a combination that cannot apply is refused
 * rather than ignored.
 */
function checkSelectionForEngine(engine, selection) {
    if (engine !== 'postgresql' && selection.schemas.length > 0) {
        throw new errors/* InputError */.dz('schemas', 'applies to PostgreSQL only: a MariaDB/MySQL server has no schemas inside a database; choose databases instead');
    }
    if (engine === 'postgresql' && selection.databases.length > 1) {
        throw new errors/* InputError */.dz('databases', `names ${selection.databases.length} databases (${selection.databases.join(', ')}); a pg_dump holds one: name one of them (one mirror step per database)`);
    }
    // A qualified exclusion outside what is dumped would silently exclude nothing.
    const within = engine === 'postgresql' ? selection.schemas : selection.databases;
    const kind = engine === 'postgresql' ? 'schemas' : 'databases';
    for (const item of selection.excludeTables) {
        const [qualifier, table] = item.split('.');
        if (table !== undefined && within.length > 0 && !within.includes(qualifier)) {
            throw new errors/* InputError */.dz('exclude-tables', `${item}: ${qualifier} is not among the ${kind} dumped (${within.join(', ')}), so it would exclude nothing`);
        }
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/storage/compress.ts



/** zlib's zstd arrived in Node 22.15 / 23.8; the action runs on Node 24, the CLI may not. */
function zstdAvailable() {
    return typeof (external_node_zlib_default()).createZstdCompress === 'function';
}
// gzip's output in large chunks: fewer, bigger writes through the pipeline (the default 16 KiB
// chunk costs measurable CPU at hundreds of MB/s).
const CHUNK = 256 * 1024;
/** The uncompressed size of each zstd frame. */
const FRAME_BYTES = 1024 * 1024;
/**
 * Frames compressed at once, each on a thread of libuv's pool (four threads unless
 * UV_THREADPOOL_SIZE says otherwise; one stays free for file and DNS work).
 */
const LANES = Math.max(1, Math.min((0,external_node_os_.availableParallelism)(), 3));
function compressor(algorithm, level) {
    if (algorithm === 'gzip')
        return external_node_zlib_default().createGzip({ level, chunkSize: CHUNK });
    return new ZstdFrames(level);
}
/**
 * One zstd stream that compresses one whole frame at a time: each block is written with
 * ZSTD_e_end, which ends it as a frame, after which zstd starts the next frame on the same
 * context. Given the whole block in one call, zstd knows the frame's size and sizes its tables to
 * it; and the context (a few MB) is made once per lane, not once per frame.
 */
class FrameLane {
    stream;
    failed;
    constructor(level, frameBytes) {
        const options = {
            // Output buffers of half a frame. zlib starts the next frame in what is left of an output
            // buffer, so a buffer lives until it is full: sized for a whole frame, one held about two
            // frames of a dump (which compresses about 2:1), long enough to outlive two scavenges.
            // It then waited in V8's old generation for the next full collection (garbage.ts), and
            // the mirror's peak RSS showed it: 127–128 MB against 118–120 MB with half-frame buffers
            // (`npm run bench:mirror`). A frame that compresses less takes one more trip through the
            // pool for each buffer it fills.
            chunkSize: Math.ceil(frameBytes / 2),
            writableHighWaterMark: 4 * frameBytes,
            // Every write is a whole frame: zstd ends it within the write.
            flush: (external_node_zlib_default()).constants.ZSTD_e_end,
            // The output chunks as zlib made them: a byte stream's read() joins all that is buffered
            // into one new Buffer, a copy of every compressed byte. A frame is a few chunks at most;
            // the mark is far above that, so the stream never waits for `compress` to read.
            readableObjectMode: true,
            readableHighWaterMark: 16,
            params: {
                [(external_node_zlib_default()).constants.ZSTD_c_compressionLevel]: level,
                [(external_node_zlib_default()).constants.ZSTD_c_checksumFlag]: 1
            }
        };
        this.stream = external_node_zlib_default().createZstdCompress(options);
        this.stream.on('error', (error) => this.failed?.(error));
    }
    /** The frame of `input`, as the chunks zlib produced. */
    compress(input) {
        return new Promise((resolve, reject) => {
            this.failed = reject;
            // A failed write calls back with its error before the stream emits it: the frame is not
            // whole then, and what was read of it must not be passed on.
            this.stream.write(input, (error) => {
                if (error)
                    return reject(error);
                const output = [];
                for (let chunk; (chunk = this.stream.read()) !== null;)
                    output.push(chunk);
                resolve(output);
            });
        });
    }
    close() {
        this.stream.destroy();
    }
}
/**
 * zstd as a series of independent frames of FRAME_BYTES each, up to `lanes` compressed at the
 * same time on libuv's thread pool, passed on in order. A zstd file may hold any number of
 * frames one after another, and decompressors read them as one stream (`zstd -d`, Node's
 * createZstdDecompress). One stream fed a chunk at a time keeps one core busy at most and pays a
 * round trip through the pool per chunk. Each frame carries its own content checksum.
 */
class ZstdFrames extends external_node_stream_.Transform {
    frameBytes;
    lanes;
    // Input buffers come back when their frame is done, so there are never more than lanes + 1.
    spare = [];
    block;
    filled = 0;
    jobs = [];
    frames = 0;
    constructor(level, frameBytes = FRAME_BYTES, lanes = LANES) {
        super({ highWaterMark: 1024 * 1024 });
        this.frameBytes = frameBytes;
        this.lanes = Array.from({ length: lanes }, () => new FrameLane(level, frameBytes));
        this.block = Buffer.allocUnsafeSlow(frameBytes);
    }
    _transform(chunk, _encoding, callback) {
        this.absorb(chunk).then(() => callback(), callback);
    }
    _flush(callback) {
        this.finish().then(() => callback(), callback);
    }
    _destroy(error, callback) {
        for (const lane of this.lanes)
            lane.close();
        callback(error);
    }
    async absorb(chunk) {
        let offset = 0;
        while (offset < chunk.length) {
            const n = Math.min(chunk.length - offset, this.frameBytes - this.filled);
            chunk.copy(this.block, this.filled, offset, offset + n);
            this.filled += n;
            offset += n;
            if (this.filled === this.frameBytes)
                await this.start();
        }
        this.passFinished();
    }
    async finish() {
        // An empty input is still one (empty) frame: a valid zstd file.
        if (this.filled > 0 || this.frames === 0)
            await this.start();
        while (this.jobs.length > 0)
            await this.passOldest();
        // The lanes close in _destroy, which the stream calls itself once it has ended.
    }
    /**
     * Starts compressing the filled block once fewer than `lanes` frames are in flight. Frame k
     * goes to lane k % lanes, whose previous frame (k − lanes) is then the oldest, already passed.
     */
    async start() {
        while (this.jobs.length >= this.lanes.length)
            await this.passOldest();
        const input = this.block;
        const lane = this.lanes[this.frames % this.lanes.length];
        const job = { input, done: Promise.resolve(), settled: false, output: [] };
        job.done = lane.compress(input.subarray(0, this.filled)).then((output) => {
            job.output = output;
            job.settled = true;
        }, (error) => {
            job.error = error;
            job.settled = true;
        });
        this.jobs.push(job);
        this.frames++;
        this.block = this.spare.pop() ?? Buffer.allocUnsafeSlow(this.frameBytes);
        this.filled = 0;
    }
    /** Waits for the oldest frame and passes it on. */
    async passOldest() {
        await this.jobs[0].done;
        this.pass();
    }
    /** Passes on the frames already done, in order, without waiting. */
    passFinished() {
        while (this.jobs[0]?.settled)
            this.pass();
    }
    pass() {
        const job = this.jobs.shift();
        if (job.error)
            throw job.error;
        this.spare.push(job.input);
        for (const chunk of job.output)
            this.push(chunk);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/storage/age/bech32.ts
/**
 * Bech32 (BIP 173, the original checksum constant 1, not Bech32m) as age uses it for keys:
 * `age1…` recipients and `AGE-SECRET-KEY-1…` identities. Unlike BIP 173, age sets no length
 * limit. A string is all lower case or all upper case, never mixed.
 */
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
function polymod(values) {
    let chk = 1;
    for (const value of values) {
        const top = chk >>> 25;
        chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
        for (let i = 0; i < 5; i++)
            if ((top >>> i) & 1)
                chk = (chk ^ GENERATOR[i]) >>> 0;
    }
    return chk;
}
function expandPrefix(prefix) {
    const out = [];
    for (let i = 0; i < prefix.length; i++)
        out.push(prefix.charCodeAt(i) >>> 5);
    out.push(0);
    for (let i = 0; i < prefix.length; i++)
        out.push(prefix.charCodeAt(i) & 31);
    return out;
}
/** Regroups bits (8 → 5 or 5 → 8); when narrowing back, leftover bits must be zero padding. */
function convertBits(data, from, to, pad) {
    let acc = 0;
    let bits = 0;
    const out = [];
    const max = (1 << to) - 1;
    for (let i = 0; i < data.length; i++) {
        acc = (acc << from) | data[i];
        bits += from;
        while (bits >= to) {
            bits -= to;
            out.push((acc >>> bits) & max);
        }
        acc &= (1 << bits) - 1;
    }
    if (pad) {
        if (bits > 0)
            out.push((acc << (to - bits)) & max);
    }
    else if (bits >= from || acc !== 0) {
        throw new Error('bech32: bad padding');
    }
    return out;
}
function bech32_bech32Encode(prefix, data, upper = false) {
    const lower = prefix.toLowerCase();
    const words = convertBits(data, 8, 5, true);
    const check = polymod([...expandPrefix(lower), ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
    let text = `${lower}1`;
    for (const w of words)
        text += CHARSET[w];
    for (let i = 0; i < 6; i++)
        text += CHARSET[(check >>> (5 * (5 - i))) & 31];
    return upper ? text.toUpperCase() : text;
}
function bech32Decode(text) {
    if (text !== text.toLowerCase() && text !== text.toUpperCase())
        throw new Error('bech32: mixed case');
    const lower = text.toLowerCase();
    const separator = lower.lastIndexOf('1');
    if (separator < 1 || separator + 7 > lower.length)
        throw new Error('bech32: no separator or checksum');
    const prefix = lower.slice(0, separator);
    for (let i = 0; i < prefix.length; i++) {
        const c = prefix.charCodeAt(i);
        if (c < 33 || c > 126)
            throw new Error('bech32: bad prefix character');
    }
    const words = [];
    for (const char of lower.slice(separator + 1)) {
        const value = CHARSET.indexOf(char);
        if (value < 0)
            throw new Error('bech32: bad character');
        words.push(value);
    }
    if (polymod([...expandPrefix(prefix), ...words]) !== 1)
        throw new Error('bech32: bad checksum');
    return { prefix, data: Buffer.from(convertBits(words.slice(0, -6), 5, 8, false)) };
}

;// CONCATENATED MODULE: ./src/storage/age/errors.ts
class AgeError extends Error {
    kind;
    constructor(kind, message) {
        super(`age: ${message}`);
        this.name = 'AgeError';
        this.kind = kind;
    }
}

;// CONCATENATED MODULE: ./src/storage/age/header.ts


/**
 * The age v1 header (age-encryption.org/v1): the version line, one stanza per recipient, and
 * an HMAC-SHA-256 under a key derived from the file key that binds them all.
 *
 *     age-encryption.org/v1
 *     -> X25519 <base64 share>
 *     <base64 body, 64 columns, the last line shorter (possibly empty)>
 *     --- <base64 MAC>
 *
 * Base64 is the standard alphabet without padding, and must be canonical.
 */
const VERSION_LINE = 'age-encryption.org/v1';
/** Far more than any real header (a stanza is about 100 bytes); a bound for what we buffer. */
const MAX_HEADER_BYTES = 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*$/;
function encodeBase64(data) {
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
        .toString('base64')
        .replace(/=+$/, '');
}
/** Strict: no padding, no stray characters, and the unused low bits of the last one zero. */
function decodeBase64(text) {
    if (!BASE64.test(text) || text.length % 4 === 1)
        throw new AgeError('header', 'invalid base64');
    const data = Buffer.from(text, 'base64');
    if (encodeBase64(data) !== text)
        throw new AgeError('header', 'non-canonical base64');
    return data;
}
function isArgument(text) {
    if (text.length === 0)
        return false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}
function encodeStanza(stanza) {
    let text = `-> ${[stanza.type, ...stanza.args].join(' ')}\n`;
    const body = encodeBase64(stanza.body);
    for (let i = 0; i + 64 <= body.length; i += 64)
        text += `${body.slice(i, i + 64)}\n`;
    // The body always ends with a short line, empty when it fills whole lines.
    text += `${body.slice(body.length - (body.length % 64))}\n`;
    return text;
}
function headerMacKey(fileKey) {
    return Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', fileKey, Buffer.alloc(0), 'header', 32));
}
function headerMac(fileKey, macInput) {
    return (0,external_node_crypto_.createHmac)('sha256', headerMacKey(fileKey)).update(macInput).digest();
}
/** The whole header for `stanzas`, MAC included. */
function encodeHeader(stanzas, fileKey) {
    const macInput = Buffer.from(`${VERSION_LINE}\n${stanzas.map(encodeStanza).join('')}---`, 'latin1');
    const mac = headerMac(fileKey, macInput);
    return Buffer.concat([macInput, Buffer.from(` ${encodeBase64(mac)}\n`, 'latin1')]);
}
/**
 * Parses a header at the start of `data`. Returns undefined when `data` ends before the MAC
 * line does (read more); throws AgeError('header') when it is malformed.
 */
function parseHeader(data) {
    let position = 0;
    // The next line without its newline, or undefined if it is not complete yet.
    const line = () => {
        const end = data.indexOf(0x0a, position);
        if (end < 0) {
            if (data.length - position > MAX_HEADER_BYTES)
                throw new AgeError('header', 'header too long');
            return undefined;
        }
        const text = data.toString('latin1', position, end);
        position = end + 1;
        return text;
    };
    const version = line();
    if (version === undefined) {
        if (!Buffer.from(`${VERSION_LINE}\n`).subarray(0, data.length).equals(data.subarray(0, 22)))
            throw new AgeError('header', 'not an age v1 file');
        return undefined;
    }
    if (version !== VERSION_LINE)
        throw new AgeError('header', 'not an age v1 file (unknown version line)');
    const stanzas = [];
    for (;;) {
        const lineStart = position;
        const text = line();
        if (text === undefined)
            return undefined;
        if (text.startsWith('--- ')) {
            const mac = decodeBase64(text.slice(4));
            if (mac.length !== 32)
                throw new AgeError('header', 'header MAC has the wrong length');
            return {
                stanzas,
                macInput: data.subarray(0, lineStart + 3),
                mac,
                length: position
            };
        }
        if (!text.startsWith('-> '))
            throw new AgeError('header', 'malformed header line');
        const args = text.slice(3).split(' ');
        if (!args.every(isArgument))
            throw new AgeError('header', 'malformed stanza arguments');
        const lines = [];
        for (;;) {
            const bodyLine = line();
            if (bodyLine === undefined)
                return undefined;
            if (bodyLine.length > 64)
                throw new AgeError('header', 'stanza body line too long');
            lines.push(bodyLine);
            if (bodyLine.length < 64)
                break;
        }
        const [type, ...rest] = args;
        stanzas.push({ type, args: rest, body: decodeBase64(lines.join('')) });
    }
}

;// CONCATENATED MODULE: ./src/storage/age/x25519.ts




/**
 * age's X25519 recipient type on Node's native X25519 and ChaCha20-Poly1305: an ephemeral key
 * agreement with the recipient, HKDF-SHA-256 over (ephemeral share ‖ recipient) for the wrap
 * key, and the 16-byte file key sealed under it with an all-zero nonce (each wrap key is used
 * once).
 */
const LABEL = 'age-encryption.org/v1/X25519';
// DER framing of a raw 32-byte X25519 key (RFC 8410), so node:crypto imports it as a KeyObject.
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const ZERO_NONCE = Buffer.alloc(12);
function publicKeyObject(raw) {
    return (0,external_node_crypto_.createPublicKey)({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}
function rawPublic(key) {
    return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}
/** `age1…` → the raw 32-byte public key. */
function parseRecipient(text) {
    let decoded;
    try {
        decoded = bech32Decode(text);
    }
    catch (error) {
        throw new Error(`not an age recipient (${error.message})`, { cause: error });
    }
    // Recipients are lower case; identities upper case.
    if (decoded.prefix !== 'age' || text !== text.toLowerCase() || decoded.data.length !== 32)
        throw new Error('not an age X25519 recipient (age1…)');
    return decoded.data;
}
/** `AGE-SECRET-KEY-1…` → the identity. The message never quotes the key. */
function parseIdentity(text) {
    let decoded;
    try {
        decoded = bech32Decode(text);
    }
    catch (error) {
        throw new Error(`not an age identity (${error.message})`, { cause: error });
    }
    if (decoded.prefix !== 'age-secret-key-' || decoded.data.length !== 32)
        throw new Error('not an age X25519 identity (AGE-SECRET-KEY-1…)');
    const privateKey = importPrivateKey(Buffer.concat([PKCS8_PREFIX, decoded.data]));
    return { privateKey, publicKey: rawPublic((0,external_node_crypto_.createPublicKey)(privateKey)) };
}
/**
 * Imports the PKCS#8 key, once more if the first import fails. Seen in the age test vectors'
 * run: now and then the same valid key failed with an ASN.1 "too long" error after vectors
 * whose decryption had failed inside OpenSSL, and the next import of it succeeded: an error
 * left over from the earlier failure, not one of this key. A key that is really bad fails twice.
 */
function importPrivateKey(der) {
    const pkcs8 = { key: der, format: 'der', type: 'pkcs8' };
    try {
        return (0,external_node_crypto_.createPrivateKey)(pkcs8);
    }
    catch {
        return (0,external_node_crypto_.createPrivateKey)(pkcs8);
    }
}
/** A fresh key pair as age-keygen writes it (for tests and tools). */
function generateIdentity() {
    const { privateKey, publicKey } = generateKeyPairSync('x25519');
    const secret = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
    return {
        identity: bech32Encode('AGE-SECRET-KEY-', secret, true),
        recipient: bech32Encode('age', rawPublic(publicKey))
    };
}
function agree(privateKey, peer) {
    let shared;
    try {
        shared = (0,external_node_crypto_.diffieHellman)({ privateKey, publicKey: publicKeyObject(peer) });
    }
    catch {
        // OpenSSL refuses a low-order point (the shared secret would be all zeros).
        throw new AgeError('header', 'X25519 share is a low-order point');
    }
    if (shared.every((b) => b === 0))
        throw new AgeError('header', 'X25519 share is a low-order point');
    return shared;
}
function wrapKey(shared, share, recipient) {
    return Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', shared, Buffer.concat([share, recipient]), LABEL, 32));
}
function wrapFileKey(fileKey, recipient) {
    const ephemeral = (0,external_node_crypto_.generateKeyPairSync)('x25519');
    const share = rawPublic(ephemeral.publicKey);
    const key = wrapKey(agree(ephemeral.privateKey, recipient), share, recipient);
    const cipher = (0,external_node_crypto_.createCipheriv)('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return { type: 'X25519', args: [encodeBase64(share)], body };
}
/**
 * The file key from an X25519 stanza, or undefined if it is not for this identity. A malformed
 * X25519 stanza is an error, whoever it is for.
 */
function unwrapFileKey(stanza, identity) {
    if (stanza.args.length !== 1)
        throw new AgeError('header', 'X25519 stanza needs one argument');
    const share = decodeBase64(stanza.args[0]);
    if (share.length !== 32)
        throw new AgeError('header', 'X25519 share is not 32 bytes');
    if (stanza.body.length !== 32)
        throw new AgeError('header', 'X25519 stanza body is not 32 bytes');
    const key = wrapKey(agree(identity.privateKey, share), share, identity.publicKey);
    const decipher = (0,external_node_crypto_.createDecipheriv)('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
    decipher.setAuthTag(stanza.body.subarray(16));
    try {
        return Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()]);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/storage/part-size.ts
/** S3's limits on multipart parts (AWS; Swift's s3api has the same minimum). */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_BYTES = 5 * 1024 * 1024 * 1024;
/**
 * The size of part `index` (0-based) of a stream whose length is not known in advance.
 *
 * The first half of the allowed parts use `base`; after that the size doubles every tenth of the
 * allowed parts. A dump of the expected size never leaves the first half, so memory stays at
 * `base × (concurrency + 1)`; a much larger one still fits under `maxParts` instead of failing at
 * the store's part limit (1,000 on Swift) hours into the upload.
 */
function partSizeFor(index, base, maxParts) {
    const half = Math.floor(maxParts / 2);
    if (index < half)
        return base;
    const step = Math.max(1, Math.floor(maxParts / 10));
    const tier = Math.floor((index - half) / step) + 1;
    return Math.min(base * 2 ** tier, MAX_PART_BYTES);
}
/** How many bytes fit in `maxParts` parts with the growth of `partSizeFor`. */
function capacityBytes(base, maxParts) {
    let total = 0;
    for (let i = 0; i < maxParts; i++)
        total += partSizeFor(i, base, maxParts);
    return total;
}
/**
 * The base part size: the requested one, raised only when twice the expected size (a hint, e.g.
 * the volume size) would not fit in `maxParts` parts even with the growth of `partSizeFor`.
 * Rounded up to a whole MiB.
 */
function choosePartSize(requested, maxParts, expectedBytes = 0) {
    // What one byte of base holds over all parts (the sum of the growth factors).
    let factor = 0;
    for (let i = 0; i < maxParts; i++)
        factor += partSizeFor(i, 1, maxParts);
    const needed = Math.ceil((2 * expectedBytes) / factor);
    const size = Math.max(requested, needed, MIN_PART_BYTES);
    const mib = 1024 * 1024;
    return Math.min(Math.ceil(size / mib) * mib, MAX_PART_BYTES);
}
/**
 * How many parts may be in flight while parts of `partBytes` are sent: `concurrency` parts of
 * the base size, i.e. the same bytes in memory when parts have grown (at least one).
 */
function partsInFlight(concurrency, base, partBytes) {
    return Math.min(concurrency, Math.max(1, Math.floor((concurrency * base) / Math.max(1, partBytes))));
}

;// CONCATENATED MODULE: ./src/storage/s3-uri.ts
// S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens (Swift is laxer; AWS is not,
// and a copy should be movable between them).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Parses `s3://bucket/prefix`; returns a problem text instead of throwing, for the input error. */
function parseS3Uri(uri) {
    // A query or fragment is no part of a key prefix (`?versionId=` would be taken literally).
    if (/[?#]/.test(uri))
        return `"${uri}" has a ? or #; use s3://bucket or s3://bucket/prefix`;
    const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri.trim());
    if (!match)
        return `"${uri}" is not an S3 URI; use s3://bucket or s3://bucket/prefix`;
    const bucket = match[1];
    if (!BUCKET.test(bucket)) {
        return `"${bucket}" is not a bucket name (3–63 characters: a-z, 0-9, dot, hyphen)`;
    }
    const rawPrefix = (match[2] ?? '').replace(/\/{2,}/g, '/').replace(/^\//, '');
    if (rawPrefix.split('/').some((part) => part === '.' || part === '..')) {
        return `the prefix "${rawPrefix}" may not contain "." or ".." segments`;
    }
    const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`;
    return { bucket, prefix };
}
function formatS3Uri(bucket, key) {
    return `s3://${bucket}/${key}`;
}

// EXTERNAL MODULE: ./src/inputs/restore.ts
var inputs_restore = __webpack_require__(3467);
// EXTERNAL MODULE: ./src/inputs/report.ts + 1 modules
var report = __webpack_require__(1844);
;// CONCATENATED MODULE: ./src/inputs/target-url.ts



const SCHEMES = {
    'postgresql:': 'postgresql',
    'postgres:': 'postgresql',
    'mysql:': 'mariadb',
    'mariadb:': 'mariadb'
};
/** Names that are safe in any log and in both engines' identifiers. */
const DATABASE = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;
/**
 * `postgresql://user:password@host:port/database` or `mysql://…` / `mariadb://…`. The value is a
 * secret (it holds the password): no message here repeats it, and the password is masked also
 * as decoded, since a URL spells special characters as %XX.
 */
function readTargetUrl(source) {
    const value = source.get('target-url');
    if (!value) {
        throw new errors/* InputError */.dz('target-url', 'is required: the server to restore into, as postgresql://user:password@host:port/database or mysql://… / mariadb://… (pass it from a secret)');
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.dz('target-url', 'is not a URL; use postgresql://user:password@host:port/database or mysql://user:password@host:port/database');
    }
    const password = safeDecode(url.password);
    if (password)
        source.mask(password);
    if (url.password)
        source.mask(url.password);
    const engine = SCHEMES[url.protocol];
    if (!engine) {
        throw new errors/* InputError */.dz('target-url', `has the scheme ${JSON.stringify(url.protocol.replace(/:$/, '').slice(0, 20))}; use postgresql://, postgres://, mysql:// or mariadb://`);
    }
    if (!url.hostname)
        throw new errors/* InputError */.dz('target-url', 'names no host');
    const user = safeDecode(url.username);
    if (!user)
        throw new errors/* InputError */.dz('target-url', 'names no user (user:password@host)');
    if (url.search || url.hash) {
        throw new errors/* InputError */.dz('target-url', 'has a ?query or #fragment: give TLS settings with db-tls and db-ca, not in the URL');
    }
    const path = safeDecode(url.pathname.replace(/^\//, ''));
    if (path !== '' && !DATABASE.test(path)) {
        throw new errors/* InputError */.dz('target-url', 'names a database that is not 1–63 characters of letters, digits, _ and - (starting with a letter or _)');
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return {
        kind: 'url',
        engine,
        host,
        port: url.port ? Number(url.port) : database_target/* DEFAULT_PORTS */.J2[engine],
        user,
        password,
        database: path
    };
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        throw new errors/* InputError */.dz('target-url', 'has a broken %-escape');
    }
}
/**
 * `age-identity`: the secret key text as age-keygen writes it (AGE-SECRET-KEY-1…, with or
 * without its `#` comment lines), one or more keys. Each key is masked before it is checked.
 */
function readAgeIdentities(source) {
    const value = source.get('age-identity');
    if (!value)
        return [];
    const keys = value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    for (const key of keys)
        source.mask(key);
    for (const key of keys) {
        if (/^age1/i.test(key)) {
            throw new errors/* InputError */.dz('age-identity', 'holds a public key (age1…): give the secret key (AGE-SECRET-KEY-1…) the copy was encrypted to');
        }
        try {
            parseIdentity(key);
        }
        catch {
            throw new errors/* InputError */.dz('age-identity', 'is not an age secret key: give the AGE-SECRET-KEY-1… line of the key file (age-keygen)');
        }
    }
    return keys;
}

// EXTERNAL MODULE: ./src/inputs/db-tls.ts
var db_tls = __webpack_require__(7971);
// EXTERNAL MODULE: ./src/inputs/output-files.ts
var output_files = __webpack_require__(5878);
;// CONCATENATED MODULE: ./src/inputs/mirror.ts












/** Every mirror input, checked before any call to the cloud or the store. */
function readMirrorInputs(source) {
    const action = (0,inputs_source/* readChoice */.Kf)(source, 'mirror-action', [
        'upload',
        'verify',
        'restore',
        'drill'
    ]);
    // The secrets first: masked before any other input's error could be printed.
    const target = action === 'restore' || action === 'drill' ? readRestoreTarget(source, action) : undefined;
    const identities = readAgeIdentities(source);
    const store = readStoreInputs(source);
    const objectKey = source.get('object-key');
    if (objectKey && !objectKey.startsWith(store.location.prefix)) {
        throw new errors/* InputError */.dz('object-key', `"${objectKey}" is not under the prefix of s3-uri ("${store.location.prefix}")`);
    }
    if (action === 'verify')
        return { action, ...store, objectKey, instance: source.get('instance') };
    if (action === 'restore' || action === 'drill') {
        const restore = {
            ...store,
            ...(0,db_tls/* readDbTls */.E)(source),
            objectKey,
            instance: source.get('instance'),
            identities,
            overwrite: (0,inputs_source/* readBoolean */.Vf)(source, 'overwrite')
        };
        if (action === 'restore') {
            return { ...restore, action, target: target };
        }
        const evidencePath = (0,output_files/* readEvidencePath */.lL)(source);
        return {
            ...restore,
            action,
            target: target,
            checksFile: source.get('checks-file'),
            tolerancePercent: (0,inputs_restore/* readTolerance */.k9)(source),
            integrity: (0,inputs_source/* readBoolean */.Vf)(source, 'integrity-check'),
            command: source.get('command'),
            commandEnvNames: (0,inputs_restore/* readCommandEnv */.tI)(source),
            ...(0,report/* readFreshness */.WO)(source),
            ...(evidencePath && { evidencePath })
        };
    }
    const sourceKind = (0,inputs_source/* readChoice */.Kf)(source, 'source', ['restored', 'live']);
    const dbPassword = source.get('db-password');
    if (dbPassword)
        source.mask(dbPassword);
    const restore = (0,inputs_restore/* readRestoreInputs */.Ez)(source);
    if (sourceKind === 'live' && !restore.instance) {
        throw new errors/* InputError */.dz('instance', 'is required with source: live (the instance to dump)');
    }
    const dbUser = source.get('db-user');
    if (!dbUser)
        throw new errors/* InputError */.dz('db-user', 'is required: a database user that can read the data');
    if (!dbPassword)
        throw new errors/* InputError */.dz('db-password', 'is required (pass it from a secret)');
    const selection = readDumpSelection(source);
    const compression = readCompression(source);
    const recipients = readRecipients(source);
    readEncryption(source, recipients);
    return {
        action,
        ...store,
        source: sourceKind,
        restore,
        dbUser,
        dbPassword,
        ...selection,
        ...(0,db_tls/* readDbTls */.E)(source),
        compression,
        compressionLevel: readLevel(source, compression),
        recipients,
        partSize: (0,inputs_source/* readSize */.ik)(source, 'part-size', { min: MIN_PART_BYTES, max: MAX_PART_BYTES }),
        maxParts: (0,inputs_source/* readInteger */.JI)(source, 'max-parts', { min: 1, max: 10_000 }),
        concurrency: (0,inputs_source/* readInteger */.JI)(source, 'upload-concurrency', { min: 1, max: 32 }),
        ...(source.get('bandwidth-limit') && {
            bandwidthLimit: (0,inputs_source/* readSize */.ik)(source, 'bandwidth-limit', { min: 64 * 1024, max: 100 * 1024 ** 3 })
        }),
        retention: readRetention(source),
        dryRun: (0,inputs_source/* readBoolean */.Vf)(source, 'dry-run')
    };
}
/**
 * `target`: url (the server of target-url) or new-instance (a new Trove instance, which needs
 * the login to create on it). Read before any other input, since both kinds carry a secret.
 */
function readRestoreTarget(source, action) {
    const dbPassword = source.get('db-password');
    if (dbPassword)
        source.mask(dbPassword);
    const kind = (0,inputs_source/* readChoice */.Kf)(source, 'target', ['url', 'new-instance']);
    if (kind === 'url')
        return readTargetUrl(source);
    const targetUrl = source.get('target-url');
    if (targetUrl)
        source.mask(targetUrl);
    if (action === 'drill') {
        throw new errors/* InputError */.dz('target', 'new-instance is for mirror-action: restore; a drill restores into target-url and drops what it restored');
    }
    if (targetUrl) {
        throw new errors/* InputError */.dz('target', 'is new-instance, but target-url is also given: give target-url (an existing server) or new-instance, not both');
    }
    const dbUser = source.get('db-user');
    if (!dbUser) {
        throw new errors/* InputError */.dz('db-user', 'is required with target: new-instance: the login to create on the new instance, owning the restored databases');
    }
    (0,inputs_source/* checkOneLine */.H_)('db-user', dbUser);
    if (!dbPassword)
        throw new errors/* InputError */.dz('db-password', 'is required (pass it from a secret)');
    return {
        kind: 'new-instance',
        restoreName: (0,inputs_restore/* readRestoreName */.UW)(source),
        dbUser,
        dbPassword,
        ...(0,inputs_restore/* readNewInstanceSettings */.pJ)(source)
    };
}
function readStoreInputs(source) {
    const uri = source.get('s3-uri');
    if (!uri)
        throw new errors/* InputError */.dz('s3-uri', 'is required: where to store the copy (s3://bucket/prefix)');
    const location = parseS3Uri(uri);
    if (typeof location === 'string')
        throw new errors/* InputError */.dz('s3-uri', location);
    const endpoint = source.get('s3-endpoint');
    if (endpoint) {
        let url;
        try {
            url = new URL(endpoint);
        }
        catch {
            throw new errors/* InputError */.dz('s3-endpoint', `"${endpoint}" is not a URL`);
        }
        const insecureOk = (0,inputs_source/* readBoolean */.Vf)(source, 'allow-insecure-http');
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && insecureOk)) {
            throw new errors/* InputError */.dz('s3-endpoint', `"${endpoint}" must be https (plain http only with ${source.spell.setting('allow-insecure-http', 'true')})`);
        }
    }
    const region = source.get('s3-region') || source.env.AWS_REGION || source.env.AWS_DEFAULT_REGION || 'us-east-1';
    // Most S3-compatible stores (Swift, Ceph, MinIO) want path-style addressing; AWS wants
    // virtual-hosted style.
    const forcePathStyle = (0,inputs_source/* readBoolean */.Vf)(source, 's3-force-path-style', endpoint !== '');
    const accessKeyId = source.get('s3-access-key-id');
    const secretAccessKey = source.get('s3-secret-access-key');
    if (accessKeyId)
        source.mask(accessKeyId);
    if (secretAccessKey)
        source.mask(secretAccessKey);
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
        throw new errors/* InputError */.dz(accessKeyId ? 's3-secret-access-key' : 's3-access-key-id', 'give s3-access-key-id and s3-secret-access-key together, or neither (the AWS default chain)');
    }
    const s3 = { endpoint, region, forcePathStyle };
    if (accessKeyId)
        s3.credentials = { accessKeyId, secretAccessKey };
    const metricsFile = (0,output_files/* readMetricsFile */._c)(source);
    return { location, s3, ...(metricsFile && { metricsFile }) };
}
function readCompression(source) {
    const wanted = (0,inputs_source/* readChoice */.Kf)(source, 'compression', ['zstd', 'gzip']);
    if (wanted === 'zstd' && !zstdAvailable()) {
        if (source.get('compression')) {
            throw new errors/* InputError */.dz('compression', 'zstd needs Node ≥ 22.15 (zlib zstd); use gzip');
        }
        return 'gzip';
    }
    return wanted;
}
function readLevel(source, compression) {
    const [min, max, fallback] = compression === 'zstd' ? [1, 19, 3] : [1, 9, 6];
    return (0,inputs_source/* readInteger */.JI)(source, 'compression-level', { min, max, fallback });
}
/**
 * An off-site copy is encrypted unless the user says otherwise, in so many words: with no
 * recipients, `encryption: none` must be given, or the upload is refused before anything runs.
 */
function readEncryption(source, recipients) {
    const encryption = source.get('encryption').toLowerCase();
    if (encryption !== '' && encryption !== 'age' && encryption !== 'none') {
        throw new errors/* InputError */.dz('encryption', `"${source.get('encryption')}" is not allowed; use age or none`);
    }
    if (encryption === 'none' && recipients.length > 0) {
        throw new errors/* InputError */.dz('encryption', `is none, but age-recipients names keys: give the recipients (the copy is encrypted to them) or ${source.spell.setting('encryption', 'none')}, not both`);
    }
    if (encryption !== 'none' && recipients.length === 0) {
        throw new errors/* InputError */.dz('age-recipients', `is empty, so the off-site copy would be stored unencrypted: give age public keys (age1…), or set ${source.spell.setting('encryption', 'none')} to upload it unencrypted on purpose`);
    }
}
function readRecipients(source) {
    const recipients = (0,inputs_source/* splitList */.ry)(source.get('age-recipients'));
    for (const recipient of recipients) {
        if (/^AGE-SECRET-KEY-/i.test(recipient)) {
            source.mask(recipient);
            throw new errors/* InputError */.dz('age-recipients', 'holds a secret key (AGE-SECRET-KEY-…): give the public key (age1…) from `age-keygen -y`, and keep the secret key off the runner');
        }
        try {
            parseRecipient(recipient);
        }
        catch {
            throw new errors/* InputError */.dz('age-recipients', `"${recipient}" is not an age recipient (a public key starting with age1)`);
        }
    }
    // Checked last: by now every entry is a public key, safe to name.
    const twice = recipients.find((r, i) => recipients.indexOf(r) !== i);
    if (twice !== undefined) {
        throw new errors/* InputError */.dz('age-recipients', `names ${twice} twice; give each recipient once`);
    }
    return recipients;
}
function readRetention(source) {
    const policy = {};
    if (source.get('keep-last'))
        policy.keepLast = (0,inputs_source/* readInteger */.JI)(source, 'keep-last', { min: 1, max: 100_000 });
    const days = source.get('keep-days');
    if (days) {
        // Whole days in plain digits (Number() would also take 1e-9 and 0x10).
        const value = /^\d{1,5}d?$/.test(days) ? Number(days.replace(/d$/, '')) : NaN;
        if (!Number.isInteger(value) || value < 1 || value > 36_500) {
            throw new errors/* InputError */.dz('keep-days', `"${days}" is not a whole number of days from 1 to 36500`);
        }
        policy.keepDays = value;
    }
    // 0 turns a tier off, as an empty input does.
    const tiers = [
        ['keep-daily', 'keepDaily'],
        ['keep-weekly', 'keepWeekly'],
        ['keep-monthly', 'keepMonthly']
    ];
    for (const [name, field] of tiers) {
        if (!source.get(name))
            continue;
        const count = (0,inputs_source/* readInteger */.JI)(source, name, { min: 0, max: 100_000 });
        if (count > 0)
            policy[field] = count;
    }
    return policy;
}

;// CONCATENATED MODULE: ./src/storage/multipart.ts

/**
 * Streams `body` into one object by multipart upload, holding at most `concurrency` base-size
 * parts' worth of bytes in flight plus the part being filled, so memory does not grow with the
 * object (until parts must grow beyond that budget, past roughly 9 GB at 8 MiB × 4). The object appears
 * under its key only when CompleteMultipartUpload succeeds; any failure aborts the upload, so no
 * partial object is ever visible. (A process killed outright leaves invisible parts behind, which
 * the store or a lifecycle rule cleans up — never an object under the key.)
 */
async function uploadStream(client, target, body, options) {
    const uploadId = await client.createUpload(target.bucket, target.key, target.contentType, target.metadata, options.signal);
    options.onStarted?.(uploadId);
    try {
        return await sendParts(client, target, uploadId, body, options);
    }
    catch (error) {
        await abortUpload(client, target, uploadId);
        throw error;
    }
}
async function abortUpload(client, target, uploadId) {
    try {
        await client.abortUpload(target.bucket, target.key, uploadId);
    }
    catch {
        // Best effort: the parts are invisible either way, and the caller reports the first error.
    }
}
async function sendParts(client, target, uploadId, body, options) {
    const done = [];
    // Part buffers are reused once their upload settles: a fresh 8 MiB buffer per part would leave
    // hundreds of MB of garbage for the collector, and the process's peak memory would show it.
    let spare = [];
    let spareSize = 0;
    const take = (size) => {
        if (size !== spareSize) {
            // Parts grew: smaller buffers are of no further use.
            spare = [];
            spareSize = size;
        }
        return spare.pop() ?? Buffer.allocUnsafeSlow(size);
    };
    const giveBack = (buffer) => {
        if (buffer.length === spareSize)
            spare.push(buffer);
    };
    const inFlight = new Set();
    let failure;
    let stored = 0;
    let largest = 0;
    let index = 0;
    const send = async (whole, length) => {
        const part = length === whole.length ? whole : whole.subarray(0, length);
        const partNumber = index + 1;
        if (partNumber > options.maxParts) {
            throw new Error(`the dump needs more than ${options.maxParts} parts (max-parts); raise part-size`);
        }
        // Grown parts take the room of several base ones: fewer in flight keeps memory flat.
        const limit = partsInFlight(options.concurrency, options.partSize, part.length);
        while (inFlight.size >= limit)
            await Promise.race(inFlight);
        if (failure)
            throw failure;
        options.signal?.throwIfAborted();
        largest = Math.max(largest, part.length);
        const request = client
            .uploadPart(target.bucket, target.key, uploadId, partNumber, part, options.signal)
            .then((etag) => {
            done.push({ partNumber, etag });
            stored += part.length;
            options.onPart?.(partNumber, stored);
        })
            .catch((error) => {
            failure ??= error;
        })
            .finally(() => {
            inFlight.delete(request);
            giveBack(whole);
        });
        inFlight.add(request);
    };
    // Each part is filled by copying into one buffer of exactly its size: one copy per byte and
    // no growing arrays of chunks.
    let buffer = take(partSizeFor(0, options.partSize, options.maxParts));
    let filled = 0;
    for await (const chunk of body) {
        let offset = 0;
        while (offset < chunk.length) {
            const n = Math.min(chunk.length - offset, buffer.length - filled);
            chunk.copy(buffer, filled, offset, offset + n);
            filled += n;
            offset += n;
            if (filled === buffer.length) {
                await send(buffer, filled);
                index++;
                buffer = take(partSizeFor(index, options.partSize, options.maxParts));
                filled = 0;
            }
        }
        if (failure)
            throw failure;
    }
    // The last part may be short (or the only, empty, part of an empty stream).
    if (filled > 0 || index === 0) {
        await send(buffer, filled);
        index++;
    }
    await Promise.all(inFlight);
    if (failure)
        throw failure;
    await options.beforeComplete?.();
    options.signal?.throwIfAborted();
    done.sort((a, b) => a.partNumber - b.partNumber);
    await client.completeUpload(target.bucket, target.key, uploadId, done, options.signal);
    return { uploadId, parts: done.length, bytes: stored, largestPartBytes: largest };
}

;// CONCATENATED MODULE: ./src/storage/objects.ts
/** Every key under `prefix`, following continuation tokens to the end. */
async function listKeys(client, bucket, prefix) {
    const keys = [];
    let token;
    do {
        const page = await client.listPage(bucket, prefix, token);
        keys.push(...page.keys);
        token = page.next;
    } while (token);
    return keys;
}
/** One small listing: proves the store answers and the credentials may read the prefix. */
async function probe(client, bucket, prefix) {
    await client.listPage(bucket, prefix, undefined, 1);
}
async function getText(client, bucket, key) {
    const chunks = [];
    for await (const chunk of await client.get(bucket, key))
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
async function putJson(client, bucket, key, value, metadata = {}) {
    const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
    await client.put(bucket, key, body, 'application/json', metadata);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/openstack/network-cause.ts
var network_cause = __webpack_require__(2844);
// EXTERNAL MODULE: ./src/openstack/retry.ts
var retry = __webpack_require__(8582);
;// CONCATENATED MODULE: ./src/storage/sigv4.ts

// AWS Signature Version 4 for S3, in the Authorization header: what an S3-compatible store
// checks on every request. The S3 flavour differs from the generic one in two ways: the path is
// signed as sent (encoded once, never twice), and the payload's SHA-256 travels in its own header.
// The examples in test/unit/storage/sigv4.test.ts are the ones of the S3 API reference.
/** The SHA-256 of nothing, the payload hash of a request without a body. */
const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/**
 * The headers to send: the request's own, plus host, x-amz-date, x-amz-content-sha256, the
 * session token if any, and authorization. Every one of them is signed.
 */
function signRequest(request, credentials) {
    const amzDate = amzDateOf(request.now);
    const day = amzDate.slice(0, 8);
    const headers = {};
    for (const [name, value] of Object.entries(request.headers))
        headers[name.toLowerCase()] = value;
    headers.host = request.host;
    headers['x-amz-date'] = amzDate;
    headers['x-amz-content-sha256'] = request.payloadHash;
    if (credentials.sessionToken)
        headers['x-amz-security-token'] = credentials.sessionToken;
    const names = Object.keys(headers).sort();
    const signedHeaders = names.join(';');
    const canonicalRequest = [
        request.method,
        request.path,
        canonicalQuery(request.query),
        ...names.map((name) => `${name}:${canonicalValue(headers[name])}`),
        '',
        signedHeaders,
        request.payloadHash
    ].join('\n');
    const scope = `${day}/${request.region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
    const signature = (0,external_node_crypto_.createHmac)('sha256', signingKey(credentials.secretAccessKey, day, request.region))
        .update(stringToSign)
        .digest('hex');
    headers.authorization =
        `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, ` +
            `SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return headers;
}
/**
 * A bucket and key as a path: every byte but the unreserved ones (A–Z a–z 0–9 - . _ ~)
 * percent-encoded, and the key's slashes kept. `bucket` is left out for virtual-hosted style.
 */
function s3Path(bucket, key = '') {
    const parts = bucket === undefined ? [] : [uriEncode(bucket)];
    if (key !== '')
        parts.push(key.split('/').map(uriEncode).join('/'));
    return `/${parts.join('/')}`;
}
/** The query as signed and sent: each name and value encoded, sorted by name, then by value. */
function canonicalQuery(query) {
    return query
        .map(([name, value]) => [uriEncode(name), uriEncode(value)])
        .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
        .map(([name, value]) => `${name}=${value}`)
        .join('&');
}
/** `20130524T000000Z`: the time of the request, in the form the signature uses. */
function amzDateOf(now) {
    return now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
/** RFC 3986 percent-encoding of UTF-8 bytes, unreserved characters left as they are. */
function uriEncode(text) {
    // encodeURIComponent leaves ! ' ( ) * alone, which SigV4 encodes.
    return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** A header value as signed: trimmed, runs of spaces as one. */
function canonicalValue(value) {
    return value.trim().replace(/\s+/g, ' ');
}
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
}
function signingKey(secret, day, region) {
    let key = hmac(`AWS4${secret}`, day);
    for (const part of [region, 's3', 'aws4_request'])
        key = hmac(key, part);
    return key;
}
function hmac(key, data) {
    return (0,external_node_crypto_.createHmac)('sha256', key).update(data, 'utf8').digest();
}

;// CONCATENATED MODULE: ./src/storage/s3-store.ts








/** The store answered with an error: its status, S3's error code and message. */
class S3Error extends Error {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.name = 'S3Error';
        this.status = status;
        this.code = code;
    }
}
/** The request got no answer at all (refused, reset, DNS, TLS): what happened, and where. */
class S3NetworkError extends Error {
    code;
    constructor(message, code, cause) {
        super(message, { cause });
        this.name = 'S3NetworkError';
        this.code = code;
    }
}
/** An error's body is read this far: S3's are a few hundred bytes, a proxy's page may not be. */
const ERROR_BODY_BYTES = 64 * 1024;
/**
 * The retry rules of the OpenStack client (openstack/retry.ts), with S3's shorter waits: four
 * attempts in all, from about 0.2 s. S3 asks to slow down with 503 SlowDown, a server error.
 */
const S3_RETRY = {
    maxAttempts: 4,
    baseDelayMs: 200,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000
};
class S3Store {
    settings;
    base;
    agent;
    chain;
    retry;
    /** `retry` is S3_RETRY but in tests, which make the waits short. */
    constructor(settings, retry = S3_RETRY) {
        this.settings = settings;
        this.base = new URL(settings.endpoint || `https://s3.${settings.region}.amazonaws.com`);
        const Agent = this.base.protocol === 'http:' ? (external_node_http_default()).Agent : (external_node_https_default()).Agent;
        this.agent = new Agent({ keepAlive: true });
        this.retry = retry;
    }
    /** One page of keys under `prefix`; `next` is the token of the page after it. */
    async listPage(bucket, prefix, token, maxKeys) {
        const query = [
            ['list-type', '2'],
            ['prefix', prefix]
        ];
        if (token)
            query.push(['continuation-token', token]);
        if (maxKeys !== undefined)
            query.push(['max-keys', String(maxKeys)]);
        const xml = await this.text({
            operation: 'ListObjectsV2',
            method: 'GET',
            bucket,
            query,
            expected: [200],
            idempotent: true
        });
        const truncated = xmlValue(xml, 'IsTruncated') === 'true';
        return {
            keys: xmlValues(xml, 'Key'),
            next: truncated ? xmlValue(xml, 'NextContinuationToken') : undefined
        };
    }
    /** The object's bytes as they arrive. */
    async get(bucket, key, signal) {
        return this.send({
            operation: 'GetObject',
            method: 'GET',
            bucket,
            key,
            expected: [200],
            idempotent: true,
            ...(signal && { signal })
        });
    }
    async head(bucket, key) {
        const answer = await this.send({
            operation: 'HeadObject',
            method: 'HEAD',
            bucket,
            key,
            expected: [200],
            idempotent: true
        });
        answer.resume();
        const metadata = {};
        for (const [name, value] of Object.entries(answer.headers)) {
            if (name.startsWith('x-amz-meta-') && typeof value === 'string')
                metadata[name.slice('x-amz-meta-'.length)] = value;
        }
        return { bytes: Number(answer.headers['content-length'] ?? NaN), metadata };
    }
    async put(bucket, key, body, contentType, metadata) {
        await this.text({
            operation: 'PutObject',
            method: 'PUT',
            bucket,
            key,
            headers: { 'content-type': contentType, ...metaHeaders(metadata) },
            body,
            expected: [200],
            idempotent: true
        });
    }
    /**
     * One key: Swift's s3api (and others) reject DeleteObjects without Content-MD5. Retention
     * deletes a handful of keys, so this costs nothing.
     */
    async delete(bucket, key) {
        await this.text({
            operation: 'DeleteObject',
            method: 'DELETE',
            bucket,
            key,
            expected: [200, 204],
            idempotent: true
        });
    }
    /** Starts a multipart upload; sent once (see Call.repeatable). */
    async createUpload(bucket, key, contentType, metadata, signal) {
        const xml = await this.text({
            operation: 'CreateMultipartUpload',
            method: 'POST',
            bucket,
            key,
            query: [['uploads', '']],
            headers: { 'content-type': contentType, ...metaHeaders(metadata) },
            expected: [200],
            idempotent: false,
            ...(signal && { signal })
        });
        const uploadId = xmlValue(xml, 'UploadId');
        if (!uploadId)
            throw new Error(`S3 CreateMultipartUpload of ${key} returned no UploadId`);
        return uploadId;
    }
    /** Stores one part; its ETag, which completing the upload names. */
    async uploadPart(bucket, key, uploadId, partNumber, body, signal) {
        const answer = await this.send({
            operation: 'UploadPart',
            method: 'PUT',
            bucket,
            key,
            query: [
                ['partNumber', String(partNumber)],
                ['uploadId', uploadId]
            ],
            body,
            expected: [200],
            idempotent: true,
            ...(signal && { signal })
        });
        answer.resume();
        const etag = answer.headers.etag;
        if (!etag)
            throw new Error(`S3 UploadPart: part ${partNumber} of ${key} has no ETag`);
        return etag;
    }
    async completeUpload(bucket, key, uploadId, parts, signal) {
        const listed = parts
            .map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${escapeXml(p.etag)}</ETag></Part>`)
            .join('');
        const xml = await this.text({
            operation: 'CompleteMultipartUpload',
            method: 'POST',
            bucket,
            key,
            query: [['uploadId', uploadId]],
            headers: { 'content-type': 'application/xml' },
            body: Buffer.from(`<CompleteMultipartUpload>${listed}</CompleteMultipartUpload>`),
            expected: [200],
            idempotent: true,
            ...(signal && { signal })
        });
        // S3 may answer 200 and still fail: the error is then in the body.
        if (/<Error>/.test(xml))
            throw this.errorOf('CompleteMultipartUpload', formatS3Uri(bucket, key), 200, xml);
    }
    async abortUpload(bucket, key, uploadId) {
        await this.text({
            operation: 'AbortMultipartUpload',
            method: 'DELETE',
            bucket,
            key,
            query: [['uploadId', uploadId]],
            expected: [204, 200],
            idempotent: true
        });
    }
    /** Closes the kept-alive connections, so the process can end. */
    close() {
        this.agent.destroy();
    }
    async text(call) {
        return readText(await this.send(call));
    }
    /** Sends the call, again after a failure worth repeating; the answer when it is expected. */
    async send(call) {
        for (let attempt = 1;; attempt++) {
            let outcome;
            let failure;
            try {
                const answer = await this.once(call);
                const status = answer.statusCode ?? 0;
                if (call.expected.includes(status))
                    return answer;
                const body = call.method === 'HEAD' ? '' : await readText(answer, ERROR_BODY_BYTES);
                const error = this.errorOf(call.operation, formatS3Uri(call.bucket, call.key ?? ''), status, body);
                failure = error;
                outcome = outcomeOf(answer, error.code);
            }
            catch (error) {
                const code = error.code;
                if (typeof code !== 'string' || !(0,network_cause/* isNetworkCode */.O)(code))
                    throw error;
                failure = new S3NetworkError(this.networkMessage(call, error), code, error);
                outcome = { kind: 'network' };
            }
            if (!(0,retry/* isRetryable */.r3)(outcome, call.idempotent) || attempt >= this.retry.maxAttempts)
                throw failure;
            const delay = (0,retry/* retryDelayMs */.qO)(attempt, outcome, this.retry, Math.random);
            if (delay > this.retry.maxRetryAfterMs)
                throw failure;
            await (0,promises_.setTimeout)(delay, undefined, call.signal ? { signal: call.signal } : {});
        }
    }
    async once(call) {
        const { host, hostname, virtual } = this.address(call.bucket);
        const prefix = this.base.pathname.replace(/\/+$/, '');
        const path = prefix + s3Path(virtual ? undefined : call.bucket, call.key ?? '');
        const query = call.query ?? [];
        const body = call.body;
        const headers = { ...call.headers };
        if (body)
            headers['content-length'] = String(body.length);
        const signed = signRequest({
            method: call.method,
            host,
            path,
            query,
            headers,
            payloadHash: body ? (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex') : EMPTY_PAYLOAD_SHA256,
            region: this.settings.region,
            now: new Date()
        }, await this.credentials());
        // The query as signed: the store reads it back the same way.
        const search = canonicalQuery(query);
        const transport = this.base.protocol === 'http:' ? (external_node_http_default()) : (external_node_https_default());
        return new Promise((resolve, reject) => {
            const request = transport.request({
                method: call.method,
                protocol: this.base.protocol,
                hostname,
                port: this.base.port || undefined,
                path: search ? `${path}?${search}` : path,
                headers: signed,
                agent: this.agent,
                ...(call.signal && { signal: call.signal })
            });
            request.once('response', resolve);
            request.once('error', reject);
            request.end(body);
        });
    }
    /**
     * Where a bucket's requests go: virtual-hosted style (bucket.host) unless path style is asked
     * for, or the bucket's name cannot be a host name (a certificate for *.host does not cover dots
     * in it either). `host` is the Host header, with the port; `hostname` the name to connect to.
     */
    address(bucket) {
        const virtual = !this.settings.forcePathStyle && /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket);
        const sub = virtual ? `${bucket}.` : '';
        return { host: sub + this.base.host, hostname: sub + this.base.hostname, virtual };
    }
    credentials() {
        const given = this.settings.credentials;
        if (given)
            return Promise.resolve(given);
        // The AWS default chain is loaded only when no keys were given: it is most of an SDK.
        this.chain ??= __webpack_require__.e(/* import() */ 861).then(__webpack_require__.t.bind(__webpack_require__, 5861, 19)).then((m) => m.defaultProvider());
        return this.chain.then((provider) => provider());
    }
    errorOf(operation, target, status, body) {
        const code = xmlValue(body, 'Code') ?? (status === 404 ? 'NotFound' : `HTTP ${status}`);
        const message = xmlValue(body, 'Message');
        return new S3Error(`S3 ${operation} of ${target}: ${status} ${code}${message ? ` (${message})` : ''}`, status, code);
    }
    networkMessage(call, error) {
        const where = `${this.base.protocol}//${this.address(call.bucket).host}/`;
        return `S3 ${call.operation} failed: ${(0,network_cause/* describeNetworkCause */.j)(error, where)}`;
    }
}
/**
 * What an unexpected answer means for trying again. S3 answers 400 RequestTimeout when the
 * connection carrying the body went quiet: the request never arrived whole, as with a lost
 * connection, so it is one.
 */
function outcomeOf(answer, code) {
    if (code === 'RequestTimeout')
        return { kind: 'network' };
    const status = answer.statusCode ?? 0;
    const retryAfterSeconds = (0,retry/* parseRetryAfter */.mu)(answer.headers['retry-after'] ?? null, Date.now());
    return { kind: 'status', status, ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) };
}
function metaHeaders(metadata) {
    const headers = {};
    for (const [name, value] of Object.entries(metadata))
        headers[`x-amz-meta-${name}`] = value;
    return headers;
}
/** Reads an answer's body as UTF-8 text, or its first `limit` bytes (the rest is dropped). */
async function readText(answer, limit = Infinity) {
    const chunks = [];
    let bytes = 0;
    for await (const chunk of answer) {
        chunks.push(chunk);
        bytes += chunk.length;
        if (bytes >= limit) {
            answer.destroy();
            break;
        }
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
/** The text of every <tag>…</tag> (S3's answers are flat enough for this). */
function xmlValues(xml, tag) {
    const values = [];
    const pattern = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g');
    for (const match of xml.matchAll(pattern))
        values.push(unescapeXml(match[1] ?? ''));
    return values;
}
function xmlValue(xml, tag) {
    return xmlValues(xml, tag)[0];
}
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text) {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
        if (name.startsWith('#x'))
            return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#'))
            return String.fromCodePoint(parseInt(name.slice(1), 10));
        return ENTITIES[name] ?? whole;
    });
}
const ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;'
};
function escapeXml(text) {
    return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/storage/garbage.ts


/** How much of the stored copy passes between two collections of the young generation. */
const COLLECT_EVERY_BYTES = 2 * 1024 * 1024;
/** Every how many collections one is a full one. */
const FULL_EVERY = 8;
/**
 * Garbage collections at a steady pace while a copy streams through the process.
 *
 * A copy crosses the process as Buffers that each live for milliseconds: the download or the
 * dump, the cipher's output, the decompressor's or compressor's output, the upload's parts. V8
 * frees dead Buffers in a collection, and starts one by itself only once Buffer memory has
 * grown by about 64 MB since the last. At a copy's pace that 64 MB of dead Buffers was the
 * largest part of the process: a 1 GB restore peaked at 150–165 MB, and at 115–125 MB with a
 * collection every 2 MiB of the stored copy, in the same time (`npm run bench:restore`).
 *
 * Most of those Buffers die young, and a collection of the young generation (a scavenge) frees
 * them for a fraction of a full collection's work: with a full collection every 2 MiB, V8's
 * helper threads spent about 6 s of CPU on a 1 GB mirror, against 0.5 s with scavenges. The
 * few that outlive two scavenges (a chunk waiting in a queue) are old by then: every
 * FULL_EVERY-th collection is a full one, for them.
 *
 * V8 offers the collection only behind its `--expose-gc` flag, and the runner starts an action
 * with no flags: so the flag is set here, once, and V8 installs the function in the fresh
 * context made after it.
 *
 * The same place turns V8's incremental marking off. A copy keeps a small old generation
 * (about 12 MB) beside a young generation grown to its full size, and V8 began marking the old
 * generation again right after each full collection: a 1 GB mirror made about 100 full
 * collections of V8's own, ~2 s of CPU on its helper threads (`node --trace-gc` and
 * `--trace-incremental-marking` show them; /proc/PID/task/TID/stat, the CPU per thread). With
 * incremental marking off, V8 collects the old generation only once it reaches its limit, and
 * the paced full collections keep it below: the mirror took 8.7–8.9 s instead of 10.1–10.3 s.
 */
class GarbagePacer {
    sinceCollection = 0;
    collections = 0;
    every;
    collect;
    constructor(every = COLLECT_EVERY_BYTES, collect = collector()) {
        this.every = every;
        this.collect = collect;
    }
    /** Counts bytes that passed; collects once `every` bytes have passed since the last time. */
    passed(bytes) {
        this.sinceCollection += bytes;
        if (this.sinceCollection < this.every)
            return;
        this.sinceCollection = 0;
        this.collections++;
        this.collect(this.collections % FULL_EVERY === 0 ? 'major' : 'minor');
    }
}
let exposed;
function collector() {
    if (!exposed) {
        (0,external_node_v8_.setFlagsFromString)('--expose-gc');
        (0,external_node_v8_.setFlagsFromString)('--no-incremental-marking');
        const gc = (0,external_node_vm_.runInNewContext)('gc');
        exposed = (type) => gc({ type, execution: 'sync' });
    }
    return exposed;
}

;// CONCATENATED MODULE: ./src/storage/hash.ts



/** Chunks the hasher holds for its reader, at most (its output side counts chunks, not bytes). */
const CHUNKS_AHEAD = 16;
/**
 * Counts and hashes the bytes that pass, i.e. exactly the bytes stored; keeps the dead Buffers
 * of the stream few while it does (garbage.ts).
 *
 * Its reader gets the chunks one by one, as they came: the output side is in object mode. A
 * byte stream's read(), which its async iterator calls, joins everything buffered into one new
 * Buffer, and the upload reads the hasher that way: a copy of every stored byte, in fresh memory.
 */
class HashingCounter extends external_node_stream_.Transform {
    bytes = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    pacer = new GarbagePacer();
    digest;
    /** `bytesAhead`: how much of the input may wait to be hashed. */
    constructor(bytesAhead) {
        super({
            ...(bytesAhead !== undefined && { writableHighWaterMark: bytesAhead }),
            readableObjectMode: true,
            readableHighWaterMark: CHUNKS_AHEAD
        });
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        this.hash.update(chunk);
        this.pacer.passed(chunk.length);
        callback(null, chunk);
    }
    /** Hex SHA-256; call once the stream has ended. */
    sha256() {
        this.digest ??= this.hash.digest('hex');
        return this.digest;
    }
}

// EXTERNAL MODULE: ./src/format/bytes.ts
var format_bytes = __webpack_require__(2992);
// EXTERNAL MODULE: ./src/evidence/index.ts + 7 modules
var evidence = __webpack_require__(5089);
// EXTERNAL MODULE: ./src/commands/metrics-output.ts
var metrics_output = __webpack_require__(3057);
;// CONCATENATED MODULE: ./src/commands/mirror/metrics.ts


/** The figures of a copy from its manifest: when made, how current its data, how big. */
function copyFigures(manifest, action, passed) {
    const created = Date.parse(manifest.created);
    const data = manifest.source.backupCreated ? Date.parse(manifest.source.backupCreated) : created;
    return {
        labels: (0,evidence/* instanceLabels */.jh)(manifest.source.instanceName, manifest.source.instanceId),
        action,
        passed,
        createdMs: created,
        dataMs: data,
        bytes: manifest.sizes.storedBytes,
        ...(action === 'upload' && { uploadSeconds: manifest.upload.seconds })
    };
}
/** metrics-file for mirror; monitoring is not the copy, so a write error is a warning. */
async function writeMirrorMetrics(context, file, figures) {
    if (!file)
        return;
    await (0,metrics_output/* publishMetrics */.v)(context, file, (previous) => (0,evidence/* mirrorGauges */.si)(figures, context.now(), previous));
}

;// CONCATENATED MODULE: ./src/commands/mirror/manifest.ts
const MANIFEST_SUFFIX = '.manifest.json';
const MANIFEST_TOOL = 'dbaas-backup-action';
function manifestKeyFor(objectKey) {
    return `${objectKey}${MANIFEST_SUFFIX}`;
}
/** `<prefix><instance>/<instance>-20261125T120000Z-<backup 8 or live>.<ext>` */
function objectKeyFor(prefix, instanceName, created, backupId, extension) {
    const safe = instanceName.replace(/[^A-Za-z0-9._-]/g, '_');
    const stamp = created
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    const origin = backupId ? backupId.slice(0, 8) : 'live';
    return `${prefix}${safe}/${safe}-${stamp}-${origin}.${extension}`;
}
function extensionFor(engine, compression, encrypted) {
    const base = engine === 'postgresql' ? 'pgdump' : 'sql';
    return `${base}.${compression === 'zstd' ? 'zst' : 'gz'}${encrypted ? '.age' : ''}`;
}
/** Parses a stored manifest; undefined when it is not one of ours (never throws). */
function parseManifest(text, key) {
    try {
        const value = JSON.parse(text);
        if (value.tool !== MANIFEST_TOOL || value.kind !== 'mirror' || value.schemaVersion !== 1) {
            return undefined;
        }
        // The dump it describes must be the key next to it: a manifest copied elsewhere (or forged
        // to point at another object) never makes us delete that object.
        if (!key.endsWith(MANIFEST_SUFFIX) || value.objectKey !== key.slice(0, -MANIFEST_SUFFIX.length))
            return undefined;
        if (typeof value.created !== 'string' || Number.isNaN(Date.parse(value.created)))
            return undefined;
        if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256))
            return undefined;
        if (typeof value.source?.instanceId !== 'string')
            return undefined;
        return value;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/policy/mirror-retention.ts
// Which off-site copies a retention run keeps: pure maths over (copies, policy, now).
/** True when some rule is set to keep something; with none, retention deletes nothing. */
function hasRetention(policy) {
    return (policy.keepLast !== undefined ||
        policy.keepDays !== undefined ||
        Boolean(policy.keepDaily) ||
        Boolean(policy.keepWeekly) ||
        Boolean(policy.keepMonthly));
}
/** `2026-11-25` for any instant of that UTC day. */
function utcDay(date) {
    return date.toISOString().slice(0, 10);
}
/** `2026-11` for any instant of that UTC month. */
function utcMonth(date) {
    return date.toISOString().slice(0, 7);
}
/**
 * The ISO 8601 week of the UTC date, as `2026-W48`. Weeks start on Monday; week 1 is the week
 * with the year's first Thursday, so 29 Dec 2025 is in 2026-W01 and 1 Jan 2027 in 2026-W53.
 */
function isoWeek(date) {
    const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    // The Thursday of this week decides the week's year.
    const thursday = new Date(day + (3 - weekday) * 86_400_000);
    const year = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
    return `${year}-W${String(week).padStart(2, '0')}`;
}
/**
 * Tiered retention as restic's `forget --keep-*` counts it. Copies are walked newest first; each
 * rule is independent and a copy stays when ANY rule keeps it (the union):
 * - keep-last N: the N newest copies;
 * - keep-days N: copies created less than N × 24 h before now;
 * - keep-daily / keep-weekly / keep-monthly N: the newest copy of each of the N most recent
 *   periods (UTC days, ISO weeks, UTC months) that HAVE a copy — a day without a copy does not
 *   use up one of the N, so a missed night never shortens the history.
 * Periods are UTC, so a runner's time zone and daylight saving time change nothing. The newest
 * copy and `protect` (the copy just made) always stay. With no rule nothing is deleted.
 */
function planRetention(copies, policy, now, protect) {
    const newestFirst = [...copies].sort((a, b) => b.created.getTime() - a.created.getTime() ||
        (a.objectKey < b.objectKey ? 1 : a.objectKey > b.objectKey ? -1 : 0));
    if (!hasRetention(policy)) {
        return { kept: newestFirst.map((copy) => ({ copy, rules: [] })), expired: [] };
    }
    const tiers = [];
    if (policy.keepDaily)
        tiers.push({ rule: 'daily', count: policy.keepDaily, period: utcDay });
    if (policy.keepWeekly)
        tiers.push({ rule: 'weekly', count: policy.keepWeekly, period: isoWeek });
    if (policy.keepMonthly)
        tiers.push({ rule: 'monthly', count: policy.keepMonthly, period: utcMonth });
    // Per tier: the periods already given their newest copy.
    const seen = tiers.map(() => new Set());
    const plan = { kept: [], expired: [] };
    newestFirst.forEach((copy, index) => {
        const rules = [];
        if (index === 0)
            rules.push('newest');
        if (protect !== undefined && copy.objectKey === protect)
            rules.push('protected');
        if (policy.keepLast !== undefined && index < policy.keepLast)
            rules.push('last');
        if (policy.keepDays !== undefined &&
            now.getTime() - copy.created.getTime() < policy.keepDays * 86_400_000)
            rules.push('days');
        tiers.forEach((tier, t) => {
            const periods = seen[t];
            const period = tier.period(copy.created);
            if (periods.has(period) || periods.size >= tier.count)
                return;
            periods.add(period);
            rules.push(tier.rule);
        });
        if (rules.length > 0)
            plan.kept.push({ copy, rules });
        else
            plan.expired.push(copy);
    });
    return plan;
}
/** The copies to delete (newest first); see planRetention. */
function selectExpired(copies, policy, now, protect) {
    return planRetention(copies, policy, now, protect).expired;
}

;// CONCATENATED MODULE: ./src/commands/mirror/store-retention.ts



/** Our manifests under the prefix (any other object is ignored, never touched). */
async function listManifests(client, bucket, prefix) {
    const keys = (await listKeys(client, bucket, prefix)).filter((k) => k.endsWith(MANIFEST_SUFFIX));
    const entries = [];
    for (const manifestKey of keys) {
        const manifest = parseManifest(await getText(client, bucket, manifestKey), manifestKey);
        if (manifest)
            entries.push({ manifestKey, manifest });
    }
    return entries;
}
/**
 * Deletes this instance's old copies under the prefix: only dumps that have our manifest, the
 * dump first and then its manifest (a dump is never left without the manifest that marks it
 * ours). `protect`: the copy just made, kept whatever the policy says. Returns the deleted dump
 * keys (with `dryRun`, those it would delete; none is touched).
 */
async function applyRetention(client, bucket, prefix, instanceId, policy, now, logger, dryRun = false, protect) {
    if (!hasRetention(policy)) {
        logger.info('Retention: no keep-last, keep-days, keep-daily, keep-weekly or keep-monthly; nothing deleted');
        return [];
    }
    const copies = (await listManifests(client, bucket, prefix))
        .filter((e) => e.manifest.source.instanceId === instanceId)
        .map((e) => ({
        objectKey: e.manifest.objectKey,
        manifestKey: e.manifestKey,
        created: new Date(e.manifest.created)
    }));
    const plan = planRetention(copies, policy, now, protect);
    for (const { copy, rules } of plan.kept) {
        logger.info(`Retention: keep ${copy.objectKey} (created ${copy.created.toISOString()}; ${rules.join(', ')})`);
    }
    const expired = plan.expired;
    for (const copy of expired) {
        if (dryRun) {
            logger.info(`Retention: would delete ${copy.objectKey} (created ${copy.created.toISOString()}; dry-run)`);
            continue;
        }
        await client.delete(bucket, copy.objectKey);
        await client.delete(bucket, copy.manifestKey);
        logger.info(`Retention: deleted ${copy.objectKey} (created ${copy.created.toISOString()})`);
    }
    logger.info(`Retention: ${copies.length} cop${copies.length === 1 ? 'y' : 'ies'} of this instance, ${expired.length} ${dryRun ? 'would be deleted (dry-run)' : 'deleted'}`);
    return expired.map((c) => c.objectKey);
}

;// CONCATENATED MODULE: ./src/commands/mirror/find-copy.ts





/**
 * The copy to use: `objectKey` with its manifest, or else the newest of our copies under the
 * prefix (of `instance`, by name or id, when given).
 */
async function findCopy(client, bucket, prefix, objectKey, instance) {
    if (objectKey) {
        const manifestKey = manifestKeyFor(objectKey);
        const manifest = parseManifest(await getText(client, bucket, manifestKey), manifestKey);
        if (!manifest)
            throw new errors/* CheckFailure */.jU(`${manifestKey} is not a manifest of this action`);
        return { objectKey, manifest };
    }
    const newest = (await listManifests(client, bucket, prefix))
        .filter((e) => !instance ||
        e.manifest.source.instanceName === instance ||
        e.manifest.source.instanceId === instance)
        .sort((a, b) => Date.parse(b.manifest.created) - Date.parse(a.manifest.created))[0];
    if (!newest) {
        throw new errors/* CheckFailure */.jU(`No copy made by this action under ${formatS3Uri(bucket, prefix)}${instance ? ` for instance ${instance}` : ''}`);
    }
    return { objectKey: newest.manifest.objectKey, manifest: newest.manifest };
}

// EXTERNAL MODULE: ./src/format/markdown.ts
var markdown = __webpack_require__(1990);
;// CONCATENATED MODULE: ./src/commands/mirror/summary.ts



function uploadSummary(manifest, bucket, deleted, cleanup, dryRun = false) {
    const seconds = manifest.upload.seconds;
    const rate = seconds > 0 ? manifest.sizes.dumpBytes / seconds / 1e6 : 0;
    const rows = [
        [
            formatS3Uri(bucket, manifest.objectKey),
            `${manifest.source.instanceName} (${manifest.source.kind}${manifest.source.backupId ? `, backup ${manifest.source.backupId}` : ''})`,
            (0,format_bytes/* formatBytes */.z)(manifest.sizes.dumpBytes),
            (0,format_bytes/* formatBytes */.z)(manifest.sizes.storedBytes),
            `${seconds.toFixed(1)} s`,
            `${rate.toFixed(1)} MB/s`,
            manifest.encryption ? `age (${manifest.encryption.recipients.length})` : 'none',
            manifest.sha256.slice(0, 16) + '…'
        ]
    ];
    const lines = [
        '## Off-site mirror',
        '',
        (0,markdown/* table */.tp)(['copy', 'source', 'dump', 'stored', 'time', 'throughput', 'encryption', 'sha256'], rows),
        ''
    ];
    if (cleanup)
        lines.push(`Temporary instance: ${(0,markdown/* text */.Qq)(cleanup)}`, '');
    if (deleted.length > 0) {
        const verb = dryRun ? 'would delete (dry-run)' : 'deleted';
        lines.push(`Retention ${verb} ${deleted.length}: ${deleted.map(markdown/* code */.aY).join(', ')}`, '');
    }
    return lines.join('\n');
}
function verifySummary(objectKey, bytes, problems) {
    const verdict = problems.length === 0 ? '✅ matches its manifest' : `❌ ${problems.join('; ')}`;
    return [
        '## Off-site mirror check',
        '',
        (0,markdown/* table */.tp)(['copy', 'size', 'result'], [[objectKey, (0,format_bytes/* formatBytes */.z)(bytes), verdict]]),
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/commands/mirror/check-copy.ts











/** mirror-action: verify — the stored copy (given, or the newest) against its manifest. */
async function checkCopy(context, client, inputs) {
    const { bucket, prefix } = inputs.location;
    const { objectKey } = inputs.objectKey
        ? { objectKey: inputs.objectKey }
        : await findCopy(client, bucket, prefix, '', inputs.instance);
    const check = await context.group(`Download and hash ${formatS3Uri(bucket, objectKey)}`, () => verifyCopy(client, bucket, objectKey));
    context.setOutput('object-key', objectKey);
    context.setOutput('manifest-key', manifestKeyFor(objectKey));
    context.setOutput('bytes', check.bytes);
    context.setOutput('sha256', check.sha256);
    context.summary(verifySummary(objectKey, check.bytes, check.problems));
    await writeMirrorMetrics(context, inputs.metricsFile, {
        ...copyFigures(check.manifest, 'verify', check.problems.length === 0),
        bytes: check.bytes
    });
    if (check.problems.length > 0) {
        throw new errors/* CheckFailure */.jU(`Copy ${objectKey} does not match its manifest: ${check.problems.join('; ')}`);
    }
    context.logger.info(`Copy ${objectKey} matches its manifest (${(0,format_bytes/* formatBytes */.z)(check.bytes)}, sha256 ${check.sha256})`);
}
/** Downloads the dump (streaming, nothing kept), hashes it and compares with its manifest. */
async function verifyCopy(client, bucket, objectKey) {
    const manifestKey = manifestKeyFor(objectKey);
    const manifest = parseManifest(await getText(client, bucket, manifestKey), manifestKey);
    if (!manifest)
        throw new errors/* CheckFailure */.jU(`${manifestKey} is not a manifest of this action`);
    const hasher = new HashingCounter();
    await (0,external_node_stream_promises_.pipeline)(await client.get(bucket, objectKey), hasher, new external_node_stream_.Writable({ write: (_chunk, _encoding, callback) => callback() }));
    const sha256 = hasher.sha256();
    const problems = [];
    if (hasher.bytes !== manifest.sizes.storedBytes) {
        problems.push(`size ${hasher.bytes} bytes, manifest says ${manifest.sizes.storedBytes}`);
    }
    if (sha256 !== manifest.sha256)
        problems.push(`sha256 ${sha256}, manifest says ${manifest.sha256}`);
    return { objectKey, manifest, bytes: hasher.bytes, sha256, problems };
}

// EXTERNAL MODULE: ./src/checks/index.ts + 14 modules
var src_checks = __webpack_require__(5320);
// EXTERNAL MODULE: ./src/database/tool-env.ts
var tool_env = __webpack_require__(9189);
// EXTERNAL MODULE: ./src/format/duration.ts
var duration = __webpack_require__(447);
;// CONCATENATED MODULE: ./src/commands/mirror/drill-evidence.ts




const drill_evidence_LABEL = { postgresql: 'PostgreSQL', mariadb: 'MariaDB' };
/**
 * The evidence of a mirror drill, in verify's schema: the source is the manifest's; the backup
 * is the Trove backup the copy was dumped from when the manifest records one (a live dump has
 * none: `backup` is null and `copy` names what was drilled); there is no temporary instance.
 */
function copyDrillEvidence(facts) {
    const { report } = facts;
    const { manifest } = report;
    const origin = manifest.source;
    return (0,evidence/* buildDrillEvidence */.lu)({
        drill: 'mirror',
        startedAt: facts.startedAt,
        finishedAt: facts.finishedAt,
        passed: report.verified,
        run: facts.run,
        source: { id: origin.instanceId, name: origin.instanceName },
        ...(origin.backupId &&
            origin.backupCreated && {
            // The manifest records the backup's id and time, not its name or size.
            backup: { id: origin.backupId, name: '', created: new Date(origin.backupCreated) }
        }),
        copy: {
            objectKey: report.objectKey,
            sha256: manifest.sha256,
            bytes: manifest.sizes.storedBytes,
            created: new Date(manifest.created)
        },
        datastore: { type: manifest.datastore.type, version: manifest.datastore.version },
        ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs }),
        cleanup: report.cleanup ?? 'nothing was restored',
        checks: report.results,
        tools: (0,evidence/* toolVersions */.Ek)(manifest.datastore.type, facts.restore
            ? [{ name: facts.restore.tool.command, version: facts.restore.tool.version }]
            : []),
        ...((facts.server ?? facts.restore) && {
            server: facts.server ?? {
                engine: drill_evidence_LABEL[manifest.datastore.type],
                version: facts.restore?.serverVersion ?? ''
            }
        }),
        ...(report.error !== undefined && { error: report.error })
    });
}
/** Writes evidence-path; returns the error (after a warning) rather than hide the drill's. */
async function writeCopyDrillEvidence(context, evidencePath, facts) {
    const file = (0,evidence/* evidenceFileFor */.FM)(evidencePath, context.inputs.env);
    try {
        await (0,evidence/* writeEvidenceFile */.BV)(file, copyDrillEvidence(facts));
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
/** metrics-file: the drill's gauges (`dbaas_backup_mirror_drill_…`); a write error is a warning. */
async function writeCopyDrillMetrics(context, file, report) {
    if (!file)
        return;
    const origin = report.manifest.source;
    await (0,metrics_output/* publishMetrics */.v)(context, file, (previous) => (0,evidence/* drillGauges */.w4)({
        drill: 'mirror_drill',
        labels: (0,evidence/* instanceLabels */.jh)(origin.instanceName, origin.instanceId),
        passed: report.verified,
        // The age the drill judged against max-age: the copy's.
        backupAgeMs: report.ageMs,
        checks: (0,src_checks/* tally */.N4)(report.results),
        ...(report.restoreMs !== undefined && { restoreMs: report.restoreMs })
    }, context.now(), previous));
}

// EXTERNAL MODULE: ./src/database/server.ts + 6 modules
var database_server = __webpack_require__(7192);
;// CONCATENATED MODULE: ./src/database/tool-version.ts
/** `pg_dump (PostgreSQL) 15.14 (Debian …)` → [15, 14]; `mariadb-dump from 11.4.2-MariaDB…` or `Distrib 10.11.6-MariaDB` → [10, 11, 6]. */
function parseToolRelease(versionText) {
    const match = /PostgreSQL\)\s+(\d+(?:\.\d+)*)/.exec(versionText) ??
        /Distrib\s+(\d+(?:\.\d+)*)/.exec(versionText) ??
        /from\s+(\d+(?:\.\d+)*)/.exec(versionText) ??
        /(\d+(?:\.\d+)+)/.exec(versionText);
    return match ? match[1].split('.').map(Number) : [];
}
/** A server's version text (`15.4`, `10.11.6`) as numbers. */
function parseServerVersion(version) {
    return version
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number);
}

;// CONCATENATED MODULE: ./src/database/restore-target.ts



const pgIdent = (s) => `"${s.replaceAll('"', '""')}"`;
const mariaIdent = (s) => `\`${s.replaceAll('`', '``')}\``;
/**
 * The server a copy is restored into, through a maintenance connection (PostgreSQL's
 * `postgres` or `template1`; MariaDB needs none). It only ever creates and drops the
 * databases it is told to: nothing else on the server is touched.
 */
class RestoreServer {
    server;
    session;
    constructor(target) {
        // The maintenance connection never opens the database being restored.
        this.server = (0,database_server/* openServer */.CT)({ ...target, databases: [] }, 30_000, 10 * 60_000);
    }
    async home() {
        if (!this.session || this.session.broken) {
            this.session = (await (0,database_server/* connectHome */.UW)(this.server)).session;
        }
        return this.session;
    }
    async version() {
        return this.server.engine.version(await this.home());
    }
    /** Which of `names` exist on the server (the user may not see them all: a PostgreSQL
     * database is listed whatever its privileges; MariaDB lists what the user may use). */
    async existing(names) {
        const session = await this.home();
        const found = [];
        for (const name of names) {
            const { rows } = this.server.target.engine === 'postgresql'
                ? await session.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
                : await session.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
                    name
                ]);
            if (rows.length > 0)
                found.push(name);
        }
        return found;
    }
    async create(name) {
        const session = await this.home();
        try {
            await session.query(this.server.target.engine === 'postgresql'
                ? `CREATE DATABASE ${pgIdent(name)}`
                : `CREATE DATABASE ${mariaIdent(name)}`);
        }
        catch (error) {
            throw new errors/* CheckFailure */.jU(`Cannot create database ${name} on the target as ${this.server.target.user}: ${(0,errors/* describeError */.Uc)(error)} ` +
                '(the target-url user needs the right to create databases: PostgreSQL CREATEDB, MariaDB CREATE)');
        }
    }
    /** Drops the database, ending other sessions in it first (PostgreSQL 13+ WITH (FORCE)). */
    async drop(name) {
        const session = await this.home();
        if (this.server.target.engine === 'postgresql') {
            const [major = 0] = parseServerVersion(await this.version());
            await session.query(`DROP DATABASE IF EXISTS ${pgIdent(name)}${major >= 13 ? ' WITH (FORCE)' : ''}`);
            return;
        }
        await session.query(`DROP DATABASE IF EXISTS ${mariaIdent(name)}`);
    }
    async close() {
        this.session = undefined;
        await this.server.pool.closeAll();
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/database/client-tool.ts






const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** The first of `candidates` on PATH, with its version; `missing` (the install hint) if none. */
async function findClientTool(candidates, missing) {
    for (const command of candidates) {
        try {
            const { stdout } = await run(command, ['--version']);
            return { command, version: stdout.trim(), release: parseToolRelease(stdout) };
        }
        catch {
            // try the next name
        }
    }
    throw new errors/* CheckFailure */.jU(missing);
}
/**
 * Starts a client tool against `target`: the password and TLS settings through the tool's own
 * environment variables (never on the command line), and nothing else of ours — no cloud or store
 * credentials, no inputs (tool-env.ts). A verified TLS mode gets a copy of the checked CA file,
 * removed when the tool exits, so the tool trusts exactly what our own connections trust. The
 * tail of stderr, with the password blanked, becomes the error; `hint` may add what it means.
 * `launcher`: a program that runs the tool, with its own arguments first (outputBuffering).
 */
function startClientTool(tool, engine, target, args, stdio, hint = () => '', launcher = []) {
    const env = (0,tool_env/* toolEnv */.o)(process.env);
    const ca = (0,tls/* isVerified */.p4)(target.tls) && target.ca ? (0,tls/* caFile */.DO)(target.ca) : undefined;
    if (engine === 'postgresql') {
        env.PGPASSWORD = target.password;
        // db-tls uses libpq's names: the tool checks exactly what our own connections check.
        env.PGSSLMODE = target.tls;
        if (ca)
            env.PGSSLROOTCERT = ca.path;
        else
            delete env.PGSSLROOTCERT;
        env.PGCONNECT_TIMEOUT = '30';
    }
    else {
        env.MYSQL_PWD = target.password;
    }
    let child;
    try {
        const [command, ...launcherArgs] = [...launcher, tool.command];
        child = (0,external_node_child_process_.spawn)(command, [...launcherArgs, ...args(ca?.path)], { env, stdio });
    }
    catch (error) {
        ca?.remove();
        throw error;
    }
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-8192);
    });
    const finished = new Promise((resolve, reject) => {
        child.once('error', (error) => {
            ca?.remove();
            reject(new errors/* CheckFailure */.jU(`${tool.command} could not start: ${error.message}`));
        });
        child.once('close', (code, signal) => {
            ca?.remove();
            if (code === 0)
                return resolve();
            const text = target.password
                ? stderr.split(target.password).join('***').trim()
                : stderr.trim();
            reject(new errors/* CheckFailure */.jU(`${tool.command} failed (${signal ?? `exit code ${code}`})${hint(text)}: ${text.slice(-2000) || 'no error output'}`));
        });
    });
    // Kept from an unhandled rejection when the pipeline fails first; callers await it.
    finished.catch(() => undefined);
    return { child, finished };
}
/** Output written in blocks of this size when the runner has `stdbuf`. */
const OUTPUT_BUFFER = '1M';
let buffering;
/**
 * How to run a tool whose stdout is a long stream for us to read: under coreutils' `stdbuf`,
 * when the runner has it, so the tool's stdio writes blocks of OUTPUT_BUFFER. Without it,
 * pg_dump writes to a pipe in 4 KiB pieces (glibc sizes the buffer by the pipe's st_blksize):
 * 190,000 writes for 800 MB, each a wake-up and a read for Node, which cost more CPU than
 * the compression of the same bytes. A runner without `stdbuf` runs the tool as it is.
 */
function outputBuffering() {
    buffering ??= run('stdbuf', ['--version']).then(() => ['stdbuf', `--output=${OUTPUT_BUFFER}`], () => []);
    return buffering;
}

;// CONCATENATED MODULE: ./src/database/client-tls.ts
/**
 * The TLS flags of MariaDB's command-line clients (mariadb-dump, mariadb). A CA file makes the
 * client check the chain; the host name only with --ssl-verify-server-cert. Clients from 11.4
 * verify by default, which the non-verifying modes turn off so that they behave alike everywhere.
 */
function mariadbClientTls(target, caFile) {
    const ca = () => {
        if (caFile === undefined)
            throw new Error(`db-tls ${target.tls} needs the db-ca file`);
        return `--ssl-ca=${caFile}`;
    };
    switch (target.tls) {
        case 'disable':
            return ['--skip-ssl'];
        case 'prefer':
            return [];
        case 'require':
            return ['--ssl', '--skip-ssl-verify-server-cert'];
        case 'verify-ca':
            return ['--ssl', ca(), '--skip-ssl-verify-server-cert'];
        case 'verify-full':
            return ['--ssl', ca(), '--ssl-verify-server-cert'];
    }
}

;// CONCATENATED MODULE: ./src/database/restore-tool.ts



/** pg_restore, or MariaDB's client (mariadb, else the older name mysql), with its version. */
function findRestoreTool(engine) {
    return engine === 'postgresql'
        ? findClientTool(['pg_restore'], 'pg_restore is not installed on the runner: `sudo apt-get install -y postgresql-client`')
        : findClientTool(['mariadb', 'mysql'], 'the mariadb client is not installed on the runner: `sudo apt-get install -y mariadb-client`');
}
/**
 * Checked before any download. PostgreSQL: pg_restore reads only archives of its own major
 * version or older ("unsupported version in file header"), and a dump of a newer server carries
 * SQL an older server may not know. MariaDB: an older client may not read a newer dump tool's
 * output (mariadb-dump from 10.11.8 opens with a sandbox-mode line older clients reject), and a
 * dump of a newer server may use syntax an older one lacks.
 */
function restoreCompatibility(engine, tool, origin, targetVersion) {
    const dumpTool = parseToolRelease(origin.toolVersion);
    const dumped = parseServerVersion(origin.serverVersion);
    const target = parseServerVersion(targetVersion);
    const warnings = [];
    if (engine === 'postgresql') {
        const [toolMajor = 0] = tool.release;
        const [dumpMajor = 0] = dumpTool;
        const [dumpedMajor = 0] = dumped;
        const [targetMajor = 0] = target;
        if (dumpMajor > toolMajor) {
            return {
                problem: `pg_restore ${toolMajor} cannot read a dump made by pg_dump ${dumpMajor}. Install the matching client on the runner before this step: ` +
                    `\`sudo apt-get install -y postgresql-common && sudo /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y && sudo apt-get install -y postgresql-client-${dumpMajor}\`, ` +
                    `or put /usr/lib/postgresql/${dumpMajor}/bin first on PATH`,
                warnings
            };
        }
        if (dumpedMajor > targetMajor) {
            return {
                problem: `the copy is of a PostgreSQL ${dumpedMajor} server and the target runs PostgreSQL ${targetMajor}: restore into a server of version ${dumpedMajor} or newer ` +
                    `(for a service container: image postgres:${dumpedMajor})`,
                warnings
            };
        }
        if (targetMajor > toolMajor) {
            warnings.push(`pg_restore ${toolMajor} is older than the PostgreSQL ${targetMajor} target; it works, but postgresql-client-${targetMajor} is the better match`);
        }
        return { warnings };
    }
    const older = (a, b) => {
        const [aMajor = 0, aMinor = 0, aPatch = 0] = a;
        const [bMajor = 0, bMinor = 0, bPatch = 0] = b;
        if (aMajor !== bMajor)
            return aMajor < bMajor;
        if (aMinor !== bMinor)
            return aMinor < bMinor;
        return aPatch < bPatch;
    };
    if (older(tool.release, dumpTool.slice(0, 3))) {
        const [major = 0, minor = 0] = dumpTool;
        return {
            problem: `the ${tool.command} client ${tool.release.join('.')} is older than the mariadb-dump ${dumpTool.join('.')} that made the copy and may not read it. ` +
                `Install a client of at least ${major}.${minor} before this step (MariaDB's repository: ` +
                `\`curl -LsS https://r.mariadb.com/downloads/mariadb_repo_setup | sudo bash -s -- --mariadb-server-version=${major}.${minor} && sudo apt-get install -y mariadb-client\`)`,
            warnings
        };
    }
    if (older(target.slice(0, 2), dumped.slice(0, 2))) {
        warnings.push(`the copy is of a MariaDB ${origin.serverVersion} server and the target runs ${targetVersion}: syntax newer than the target may fail; restore into MariaDB ${dumped.slice(0, 2).join('.')} or newer`);
    }
    return { warnings };
}
/** The command line of the restore: no secret on it (the password goes in the environment). */
function restoreArgs(engine, target, database, caPath) {
    if (engine === 'postgresql') {
        // No file: the archive comes on stdin. The target's roles are not the source's, so
        // ownership and grants are left to the target's user.
        return [
            '--no-password',
            `--host=${target.host}`,
            `--port=${target.port}`,
            `--username=${target.user}`,
            `--dbname=${database}`,
            '--no-owner',
            '--no-acl',
            '--exit-on-error'
        ];
    }
    return [
        '--no-defaults',
        `--host=${target.host}`,
        `--port=${target.port}`,
        `--user=${target.user}`,
        ...mariadbClientTls(target, caPath),
        // The dump may hold any bytes (blobs are --hex-blob, but comments and strings need not be
        // text); the dump's own `CREATE DATABASE … ; USE …` picks the database.
        '--binary-mode',
        `--database=${database}`
    ];
}
/** Starts the restore tool; write the dump to its stdin. Stderr's tail is kept for the error. */
function startRestore(tool, engine, target, database) {
    const { child, finished } = startClientTool(tool, engine, target, (caPath) => restoreArgs(engine, target, database, caPath), ['pipe', 'ignore', 'pipe']);
    // A tool that exits early closes its stdin: the pipeline reports that; its exit says why.
    child.stdin?.on('error', () => undefined);
    return { stdin: child.stdin, finished, child };
}

;// CONCATENATED MODULE: ./src/storage/age/stream.ts


/**
 * age's payload: STREAM over ChaCha20-Poly1305. The payload key is HKDF-SHA-256 of the file key
 * with a random 16-byte nonce (written before the payload) as salt. The plaintext is cut into
 * 64 KiB chunks, each sealed with a 12-byte nonce: an 11-byte big-endian chunk counter and a
 * last-chunk flag (1 on the final chunk only). Only the final chunk may be short; it is empty
 * only when the whole payload is.
 */
const stream_CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = stream_CHUNK + TAG;
const NONCE_BYTES = 16;
function payloadKey(fileKey, nonce) {
    return (0,external_node_crypto_.createSecretKey)(Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', fileKey, nonce, 'payload', 32)));
}
function chunkNonce(counter, last) {
    const nonce = Buffer.alloc(12);
    // 2^53 chunks of 64 KiB is beyond any file; the upper bytes of the 11-byte counter stay 0.
    nonce.writeUIntBE(Math.floor(counter / 2 ** 32), 3, 4);
    nonce.writeUInt32BE(counter >>> 0, 7);
    if (last)
        nonce[11] = 1;
    return nonce;
}
/** Seals one chunk; returns [ciphertext, tag] (two buffers, so nothing is copied twice). */
function sealChunk(key, counter, last, plain) {
    const cipher = (0,external_node_crypto_.createCipheriv)('chacha20-poly1305', key, chunkNonce(counter, last), {
        authTagLength: TAG
    });
    const sealed = cipher.update(plain);
    cipher.final();
    return [sealed, cipher.getAuthTag()];
}
/** Opens one sealed chunk, or returns undefined when it does not authenticate. */
function openChunk(key, counter, last, sealed) {
    if (sealed.length < TAG)
        return undefined;
    const decipher = (0,external_node_crypto_.createDecipheriv)('chacha20-poly1305', key, chunkNonce(counter, last), {
        authTagLength: TAG
    });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG));
    try {
        decipher.final();
    }
    catch {
        return undefined;
    }
    return plain;
}
/**
 * Decrypts a payload (after the header and its nonce) chunk by chunk, yielding each chunk's
 * plaintext only once it has authenticated. Throws AgeError('payload') on a modified,
 * reordered, truncated or extended stream — after yielding what authenticated before.
 */
async function* openPayload(key, first, rest) {
    let pending = first;
    let counter = 0;
    let ended = false;
    for (;;) {
        // Read until more than one sealed chunk is buffered, or the input ends: a full-size chunk
        // followed by more data is not the last one.
        while (!ended && pending.length <= SEALED_CHUNK) {
            const next = await rest.next();
            if (next.done)
                ended = true;
            else
                pending = pending.length === 0 ? next.value : Buffer.concat([pending, next.value]);
        }
        if (!ended) {
            // Whole chunks followed by more data: none of them may be final.
            let offset = 0;
            const out = [];
            while (pending.length - offset > SEALED_CHUNK) {
                const sealed = pending.subarray(offset, offset + SEALED_CHUNK);
                const plain = openChunk(key, counter, false, sealed);
                if (!plain) {
                    // As the reference implementation does: a final chunk followed by data releases the
                    // final chunk (it authenticates) and then fails.
                    const last = openChunk(key, counter, true, sealed);
                    if (last)
                        out.push(last);
                    if (out.length > 0)
                        yield Buffer.concat(out);
                    throw new AgeError('payload', last
                        ? 'data after the final chunk'
                        : `chunk ${counter} does not authenticate (modified or reordered)`);
                }
                out.push(plain);
                counter++;
                offset += SEALED_CHUNK;
            }
            pending = pending.subarray(offset);
            if (out.length > 0)
                yield out.length === 1 ? out[0] : Buffer.concat(out);
            continue;
        }
        // The input ended: what is left is the final chunk.
        if (pending.length === 0) {
            throw new AgeError('payload', counter === 0 ? 'no payload chunks' : 'truncated: the final chunk is missing');
        }
        const last = openChunk(key, counter, true, pending);
        if (last) {
            if (last.length === 0 && counter > 0)
                throw new AgeError('payload', 'the final chunk is empty');
            if (last.length > 0)
                yield last;
            return;
        }
        const full = pending.length === SEALED_CHUNK && openChunk(key, counter, false, pending);
        if (full) {
            yield full;
            throw new AgeError('payload', 'truncated: the final chunk is missing');
        }
        throw new AgeError('payload', `final chunk ${counter} does not authenticate (modified or truncated)`);
    }
}

;// CONCATENATED MODULE: ./src/storage/age/decrypt.ts






/**
 * Decrypts an age file with X25519 identities (`AGE-SECRET-KEY-1…`). Resolves once the header
 * has parsed, a file key has been unwrapped and the header MAC checks, so a wrong key or a
 * tampered header rejects here; the payload then streams, each chunk released only after it
 * authenticates, and the stream errors (AgeError 'payload') if it was modified or truncated.
 */
async function ageDecrypt(input, identities) {
    const keys = identities.map(parseIdentity);
    if (keys.length === 0)
        throw new Error('age: no identities');
    const iterator = input[Symbol.asyncIterator]();
    let data = Buffer.alloc(0);
    let header;
    while (!(header = parseHeader(data))) {
        if (data.length > MAX_HEADER_BYTES)
            throw new AgeError('header', 'header too long');
        const next = await iterator.next();
        if (next.done)
            throw new AgeError('header', 'the file ends inside the header');
        data = data.length === 0 ? Buffer.from(next.value) : Buffer.concat([data, next.value]);
    }
    const { stanzas } = header;
    if (stanzas.some((s) => s.type === 'scrypt') && stanzas.length > 1)
        throw new AgeError('header', 'an scrypt stanza must be the only one');
    let fileKey;
    for (const key of keys) {
        for (const stanza of stanzas) {
            if (stanza.type !== 'X25519')
                continue;
            fileKey = unwrapFileKey(stanza, key);
            if (fileKey)
                break;
        }
        if (fileKey)
            break;
    }
    if (!fileKey)
        throw new AgeError('no match', 'no identity matches any recipient of the file');
    if (!(0,external_node_crypto_.timingSafeEqual)(headerMac(fileKey, header.macInput), header.mac))
        throw new AgeError('hmac', 'the header MAC does not match (the header was modified)');
    let rest = data.subarray(header.length);
    while (rest.length < NONCE_BYTES) {
        const next = await iterator.next();
        if (next.done)
            throw new AgeError('header', 'the file ends before the payload nonce');
        rest = Buffer.concat([rest, next.value]);
    }
    const key = payloadKey(fileKey, rest.subarray(0, NONCE_BYTES));
    // No read-ahead beyond what the reader takes: a stream that fails is destroyed, and
    // destroying drops buffered data, so every chunk that authenticated must be taken first.
    return external_node_stream_.Readable.from(openPayload(key, rest.subarray(NONCE_BYTES), iterator), {
        objectMode: false,
        highWaterMark: 1
    });
}

;// CONCATENATED MODULE: ./src/storage/decrypt.ts



/** A wrong or missing identity: the copy was encrypted to other keys (kind `no match`). */
class IdentityMismatch extends AgeError {
    constructor() {
        super('no match', 'age-identity does not match any recipient the copy was encrypted to');
        this.name = 'IdentityMismatch';
    }
}
/**
 * Decrypts an age file (as the `age` CLI or our mirror writes it) with X25519 identities
 * (`AGE-SECRET-KEY-1…`). Resolves when the header is read, a file key unwrapped and the header
 * MAC checked — no matching identity rejects with IdentityMismatch, a tampered header with
 * AgeError — and then streams the plaintext, each 64 KiB chunk only once it has authenticated;
 * a modified or truncated payload makes the stream error. Identities are secrets: no message
 * quotes them.
 */
async function decryptStream(input, identities) {
    try {
        return await ageDecrypt(input, identities);
    }
    catch (error) {
        input.destroy();
        if (error instanceof AgeError && error.kind === 'no match')
            throw new IdentityMismatch();
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/storage/read-copy.ts





/** The stored bytes are not those the manifest describes (changed, truncated, or longer). */
class CopyMismatch extends Error {
    constructor(message) {
        super(message);
        this.name = 'CopyMismatch';
    }
}
/**
 * Counts and hashes the downloaded bytes and compares them with the manifest when the download
 * ends: a mismatch fails the stream before its end reaches the restore, so the restore never
 * sees a clean end of a copy that is not the one the manifest describes. A copy longer than the
 * manifest says fails as soon as it passes that size.
 */
class CheckedDownload extends external_node_stream_.Transform {
    bytes = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    expected;
    pacer = new GarbagePacer();
    sha256 = '';
    constructor(expected) {
        super({ highWaterMark: 1024 * 1024 });
        this.expected = expected;
    }
    _transform(chunk, _e, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.expected.bytes) {
            callback(new CopyMismatch(`the stored object is longer than the ${this.expected.bytes} bytes its manifest says`));
            return;
        }
        this.hash.update(chunk);
        this.pacer.passed(chunk.length);
        callback(null, chunk);
    }
    _flush(callback) {
        this.sha256 = this.hash.digest('hex');
        if (this.bytes < this.expected.bytes) {
            callback(new CopyMismatch(`the stored object is truncated: ${this.bytes} of the ${this.expected.bytes} bytes its manifest says`));
            return;
        }
        if (this.sha256 !== this.expected.sha256) {
            callback(new CopyMismatch(`sha256 of the stored object is ${this.sha256}, its manifest says ${this.expected.sha256}: the copy was changed`));
            return;
        }
        callback();
    }
}
/**
 * The stages between the download and the restore tool: check (size, SHA-256) → age decrypt
 * (when encrypted) → decompress. Every stage streams with backpressure; nothing is buffered
 * whole. `download` is the checker, for its byte count and hash.
 */
function copyStages(expected, identities) {
    const download = new CheckedDownload(expected);
    const stages = [download];
    if (expected.encrypted) {
        stages.push(async function* (source) {
            yield* await decryptStream(external_node_stream_.Readable.from(source, { objectMode: false }), identities);
        });
    }
    stages.push(decompressor(expected.compression));
    return { download, stages };
}
const read_copy_CHUNK = 256 * 1024;
function decompressor(algorithm) {
    if (algorithm === 'gzip')
        return external_node_zlib_default().createGunzip({ chunkSize: read_copy_CHUNK });
    return external_node_zlib_default().createZstdDecompress({ chunkSize: read_copy_CHUNK });
}

;// CONCATENATED MODULE: ./src/commands/mirror/restore-copy.ts









const restore_copy_LABEL = { postgresql: 'PostgreSQL', mariadb: 'MariaDB' };
/** The checks that need nothing but the copy and the inputs: run before anything is created. */
function checkCopyFits(found, identities, engine) {
    const { objectKey, manifest } = found;
    const copyEngine = manifest.datastore.type;
    if (engine && engine !== copyEngine) {
        throw new errors/* InputError */.dz('target-url', `is a ${restore_copy_LABEL[engine]} server, but ${objectKey} is a ${restore_copy_LABEL[copyEngine]} copy`);
    }
    if (manifest.encryption && identities.length === 0) {
        throw new errors/* InputError */.dz('age-identity', `is required: ${objectKey} is encrypted with age (to ${manifest.encryption.recipients.join(', ')})`);
    }
}
/**
 * Restores a stored copy into a server: checks that the tool and the server fit the copy and
 * that the database is new, all before the download; then streams download → size and SHA-256
 * against the manifest → age → decompress → pg_restore / mariadb. On any failure, and when the
 * run is cancelled, the database it created is dropped, and nothing else on the target was
 * touched.
 */
async function restoreCopy(context, client, inputs, found, into) {
    const { bucket } = inputs.location;
    const { objectKey, manifest } = found;
    const engine = manifest.datastore.type;
    checkCopyFits(found, inputs.identities, into.server.engine);
    const databases = databasesFor(into.server, found);
    const target = {
        engine,
        host: into.server.host,
        port: into.server.port,
        user: into.server.user,
        password: into.server.password,
        databases,
        tls: inputs.dbTls,
        ...(inputs.dbCa && { ca: inputs.dbCa })
    };
    const server = new RestoreServer(target);
    const created = [];
    // One drop, whoever asks first (the failure path or a cancellation): both wait for it.
    let dropping;
    const dropCreated = () => (dropping ??= (async () => {
        const dropped = [];
        for (const name of [...created]) {
            await server.drop(name);
            dropped.push(name);
        }
        created.length = 0;
        return dropped;
    })());
    const stop = new AbortController();
    const removeCancelHook = context.onCancel(async (signal) => {
        context.logger.warning(`Received ${signal}: stopping the restore${created.length > 0 ? ` and dropping ${created.join(', ')}` : ''}`);
        stop.abort();
        try {
            const dropped = await dropCreated();
            if (dropped.length > 0)
                context.logger.warning(`Cancelled: dropped ${dropped.join(', ')}`);
        }
        catch (error) {
            context.logger.warning(`Cancelled: could NOT drop ${created.join(', ')} from the target: ${(0,errors/* describeError */.Uc)(error)}`);
        }
        await into.onCancel?.();
    });
    try {
        const { tool, serverVersion } = await context.group('Check the target server', async () => {
            const [version, tool] = await Promise.all([server.version(), findRestoreTool(engine)]);
            context.logger.info(`${tool.version} → ${restore_copy_LABEL[engine]} ${version} at ${target.host}:${target.port}; copy of ${restore_copy_LABEL[engine]} ${manifest.datastore.version} made by ${manifest.dump.toolVersion}`);
            const fit = restoreCompatibility(engine, tool, { toolVersion: manifest.dump.toolVersion, serverVersion: manifest.datastore.version }, version);
            if (fit.problem)
                throw new errors/* CheckFailure */.jU(fit.problem);
            for (const warning of fit.warnings)
                context.warn(warning, 'Restore tool and server');
            if (into.databasesExist) {
                context.logger.info(`Restoring into ${databases.join(', ')}, created with the instance`);
                return { tool, serverVersion: version };
            }
            const present = await server.existing(databases);
            if (present.length > 0 && !inputs.overwrite) {
                throw new errors/* CheckFailure */.jU(`database(s) ${present.join(', ')} already exist on the target: a copy is restored only into a new database. ` +
                    `Drop it, name another database in target-url (PostgreSQL), or set ${context.spell.setting('overwrite', 'true')} to replace it`);
            }
            for (const name of present) {
                await server.drop(name);
                context.logger.info(`overwrite: dropped the existing database ${name}`);
            }
            for (const name of databases) {
                await server.create(name);
                created.push(name);
            }
            context.logger.info(`Created ${databases.join(', ')} to restore into`);
            return { tool, serverVersion: version };
        });
        const started = context.now();
        const streamed = await context.group(`Restore ${formatS3Uri(bucket, objectKey)} into ${databases.join(', ')}`, () => streamRestore(client, inputs, found, target, databases, tool, stop.signal));
        const restoreMs = context.now() - started;
        context.logger.info(`Restored ${(0,format_bytes/* formatBytes */.z)(streamed.bytes)} (sha256 ${streamed.sha256}, as its manifest says) in ${(0,duration/* formatElapsed */.C7)(restoreMs)}`);
        const keep = created.splice(0);
        removeCancelHook();
        return {
            ...found,
            target,
            databases,
            bytes: streamed.bytes,
            sha256: streamed.sha256,
            restoreMs,
            tool: { command: tool.command, version: tool.version },
            serverVersion,
            drop: async () => {
                const again = new RestoreServer(target);
                try {
                    for (const name of keep)
                        await again.drop(name);
                }
                finally {
                    await again.close();
                }
            }
        };
    }
    catch (error) {
        let cleanup;
        try {
            const dropped = await dropCreated();
            cleanup =
                dropped.length > 0
                    ? `; dropped ${dropped.join(', ')} from the target, nothing else was touched`
                    : into.databasesExist
                        ? ''
                        : '; nothing on the target was changed';
        }
        catch (dropError) {
            cleanup = `; could NOT drop ${created.join(', ')} from the target: ${(0,errors/* describeError */.Uc)(dropError)}`;
        }
        if (error instanceof errors/* InputError */.dz)
            throw error;
        throw new errors/* CheckFailure */.jU(`Restore of ${objectKey} failed: ${(0,errors/* describeError */.Uc)(error)}${cleanup}`, {
            cause: error
        });
    }
    finally {
        removeCancelHook();
        await server.close();
    }
}
/**
 * PostgreSQL: the database named in target-url, else the dumped one. MariaDB: a dump names its
 * databases itself (CREATE DATABASE, USE), so they keep their names.
 */
function databasesFor(server, found) {
    const dumped = found.manifest.dump.databases;
    const named = server.database;
    if (found.manifest.datastore.type === 'postgresql')
        return [named || dumped[0]];
    if (named && !(dumped.length === 1 && dumped[0] === named)) {
        throw new errors/* InputError */.dz('target-url', `names the database ${named}, but a MariaDB copy restores under the names it was dumped from (${dumped.join(', ')}): leave the database out of target-url${dumped.length === 1 ? ` or name ${dumped[0]}` : ''}`);
    }
    return dumped;
}
async function streamRestore(client, inputs, found, target, databases, tool, cancelled) {
    const { manifest, objectKey } = found;
    const controller = new AbortController();
    const restore = startRestore(tool, target.engine, target, databases[0]);
    const stopOnCancel = () => {
        controller.abort();
        restore.child.kill('SIGKILL');
    };
    if (cancelled.aborted)
        stopOnCancel();
    cancelled.addEventListener('abort', stopOnCancel, { once: true });
    const { download, stages } = copyStages({
        bytes: manifest.sizes.storedBytes,
        sha256: manifest.sha256,
        compression: manifest.compression.algorithm,
        encrypted: manifest.encryption !== null
    }, inputs.identities);
    let bodyEnded = false;
    try {
        const body = await client.get(inputs.location.bucket, objectKey);
        body.once('end', () => {
            bodyEnded = true;
        });
        await (0,external_node_stream_promises_.pipeline)([body, ...stages, restore.stdin], { signal: controller.signal });
        await restore.finished;
        return { bytes: download.bytes, sha256: download.sha256 };
    }
    catch (error) {
        // Stop the tool before the caller drops its database: nothing half-read may commit.
        if (restore.child.exitCode === null)
            restore.child.kill('SIGKILL');
        const toolError = await Promise.race([
            restore.finished.then(() => undefined, (e) => e),
            new Promise((resolve) => setTimeout(resolve, 5_000, undefined))
        ]);
        throw explain(error, toolError, download.bytes, manifest.sizes.storedBytes, bodyEnded, restore.child.signalCode);
    }
    finally {
        cancelled.removeEventListener('abort', stopOnCancel);
    }
}
/** The clearest of the errors: the copy's own fault first, then the key, then the tool. */
function explain(error, toolError, bytes, expected, bodyEnded, killedBy) {
    if (error instanceof CopyMismatch)
        return error;
    if (error instanceof IdentityMismatch)
        return error;
    if (bodyEnded && bytes < expected) {
        return new CopyMismatch(`the stored object is truncated: ${bytes} of the ${expected} bytes its manifest says (${(0,errors/* describeError */.Uc)(error)})`);
    }
    // The tool stopped on its own (it was not killed by us): its words say what went wrong.
    if (toolError instanceof Error && killedBy === null)
        return toolError;
    return new errors/* CheckFailure */.jU(`the copy could not be read (damaged, or not what its manifest says): ${(0,errors/* describeError */.Uc)(error)}`);
}

;// CONCATENATED MODULE: ./src/commands/mirror/restore-summary.ts




function source(manifest) {
    const s = manifest.source;
    return `${s.instanceName} (${s.kind}${s.backupId ? `, backup ${s.backupId}` : ''})`;
}
function counted(manifest) {
    const c = manifest.rowCounts;
    if (!c)
        return 'not recorded';
    const rows = c.tables.reduce((n, t) => n + t.rows, 0);
    return `${rows} rows in ${c.tables.length} table(s), ${c.exact ? 'exact' : 'not exact'} (${c.method})`;
}
function restoreSummary(objectKey, manifest, databases, target, restoreMs, 
/** A new instance: how long it took to be created and usable, before the restore. */
instanceMs) {
    return [
        '## Off-site copy restored',
        '',
        (0,markdown/* table */.tp)(['', ''], [
            ['Copy', objectKey],
            ['Source', source(manifest)],
            ['Made (UTC)', manifest.created],
            ['Datastore', `${manifest.datastore.type} ${manifest.datastore.version}`],
            ['Stored size', (0,format_bytes/* formatBytes */.z)(manifest.sizes.storedBytes)],
            ['SHA-256', `${manifest.sha256} (checked)`],
            ['Restored into', `${databases.join(', ')} on ${target}`],
            ...(instanceMs !== undefined ? [['New instance ready in', (0,duration/* formatElapsed */.C7)(instanceMs)]] : []),
            ['Restore time', (0,duration/* formatElapsed */.C7)(restoreMs)],
            ['Rows at dump time', counted(manifest)]
        ]),
        ...(instanceMs !== undefined
            ? [
                '',
                '> ⚠️ The new instance has a **new IP address**. Update application connection strings, egress firewalls and its allowed CIDRs.'
            ]
            : []),
        ''
    ].join('\n');
}
function copyDrillSummary(report) {
    const title = report.verified ? '✅ Off-site copy drill passed' : '❌ Off-site copy drill failed';
    const counts = (0,src_checks/* tally */.N4)(report.results);
    const facts = (0,markdown/* table */.tp)(['', ''], [
        ['Copy', report.objectKey],
        ['Source', source(report.manifest)],
        [
            'Made (UTC)',
            `${report.manifest.created} (${(0,duration/* formatElapsed */.C7)(Math.max(0, report.ageMs))} ago)`
        ],
        ['Datastore', `${report.manifest.datastore.type} ${report.manifest.datastore.version}`],
        [
            'Restore time (download → restored)',
            report.restoreMs !== undefined ? (0,duration/* formatElapsed */.C7)(report.restoreMs) : 'not reached'
        ],
        ['Rows at dump time', counted(report.manifest)],
        ['Checks', `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`],
        ['Clean-up', report.cleanup ?? 'nothing was restored']
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
        `### ${title}: ${(0,markdown/* cell */.Hn)(report.manifest.source.instanceName)}`,
        error,
        facts,
        '',
        checks
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/commands/mirror/drill.ts








/**
 * mirror-action: drill — the nightly proof of the off-site copy: restore the newest copy into
 * target-url, run verify's checks on it, compare its row counts with those the manifest
 * recorded at dump time, and drop what was restored, pass or fail.
 */
async function drillCopy(context, client, inputs) {
    const startedAt = context.now();
    const assertions = inputs.checksFile ? (0,src_checks/* readChecksFile */.KV)(inputs.checksFile) : [];
    const { bucket, prefix } = inputs.location;
    const found = await context.group('Find the copy', () => findCopy(client, bucket, prefix, inputs.objectKey, inputs.instance));
    const ageMs = context.now() - Date.parse(found.manifest.created);
    context.setOutput('copy-age-hours', Math.round((ageMs / 3_600_000) * 10) / 10);
    context.logger.info(`Copy ${found.objectKey} was made ${(0,duration/* formatElapsed */.C7)(Math.max(0, ageMs))} ago (${found.manifest.created})`);
    const limitMs = inputs.maxAgeMs + inputs.graceMs;
    if (ageMs > limitMs) {
        const report = {
            objectKey: found.objectKey,
            manifest: found.manifest,
            ageMs,
            results: [],
            verified: false,
            error: `the newest copy is ${(0,duration/* formatElapsed */.C7)(ageMs)} old, older than max-age + grace (${(0,duration/* formatElapsed */.C7)(limitMs)})`
        };
        // A drill refused for a stale copy is a failed drill to an auditor and to an alert.
        await record(context, inputs, {
            report,
            startedAt,
            finishedAt: context.now(),
            run: context.run
        });
        finish(context, report);
        throw new errors/* CheckFailure */.jU(`Copy ${found.objectKey} is ${(0,duration/* formatElapsed */.C7)(ageMs)} old, older than max-age + grace (${(0,duration/* formatElapsed */.C7)(limitMs)}): ` +
            `the off-site copies have stopped. Check the ${context.spell.mode('mirror')} upload job, or raise ${context.spell.setting('max-age')}.`);
    }
    let restored;
    let results = [];
    let server;
    let error;
    let cleanup = 'nothing was restored';
    let removeCancelHook = () => undefined;
    try {
        restored = await restoreCopy(context, client, inputs, found, { server: inputs.target });
        // Cancelled during the checks: what was restored is dropped all the same.
        const drop = restored.drop;
        const names = restored.databases.join(', ');
        removeCancelHook = context.onCancel(async (signal) => {
            context.logger.warning(`Received ${signal}: dropping ${names} from the target`);
            await drop().catch((e) => {
                context.logger.warning(`Cancelled: could NOT drop ${names}: ${(0,errors/* describeError */.Uc)(e)}`);
            });
        });
        context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000));
        const plan = {
            assertions,
            tolerancePercent: inputs.tolerancePercent,
            integrity: inputs.integrity,
            connectTimeoutMs: 30_000,
            ...(inputs.command && {
                command: inputs.command,
                commandBaseEnv: (0,tool_env/* toolEnv */.o)(context.inputs.env, inputs.commandEnvNames)
            })
        };
        const target = restored.target;
        const report = await context.group('Check the restored data', () => (0,src_checks/* runChecks */.JT)(target, plan, { logger: context.logger }));
        if (report.server)
            server = report.server;
        const started = performance.now();
        // PostgreSQL may restore under another name than it was dumped from: compare by the
        // dumped name, as the manifest records it.
        const dumpedName = new Map(restored.databases.map((name, i) => [name, found.manifest.dump.databases[i] ?? name]));
        const verdict = (0,src_checks/* judgeManifestCounts */.v9)(report.counts.map((c) => ({ ...c, database: dumpedName.get(c.database) ?? c.database })), found.manifest.rowCounts, inputs.tolerancePercent);
        results = [
            ...report.results,
            {
                name: 'row counts vs manifest',
                ...verdict,
                durationMs: Math.round(performance.now() - started)
            }
        ];
        const mark = verdict.skipped ? 'skipped' : verdict.passed ? 'pass' : 'FAIL';
        context.logger.info(`row counts vs manifest: ${mark} — ${verdict.detail}`);
    }
    catch (e) {
        error = (0,errors/* describeError */.Uc)(e);
    }
    finally {
        removeCancelHook();
        if (restored) {
            try {
                await restored.drop();
                cleanup = `dropped ${restored.databases.join(', ')} from the target`;
            }
            catch (dropError) {
                cleanup = `could NOT drop ${restored.databases.join(', ')}: ${(0,errors/* describeError */.Uc)(dropError)}`;
                error ??= cleanup;
            }
            context.logger.info(`Clean-up: ${cleanup}`);
        }
        else if (error) {
            cleanup = /dropped|nothing on the target/.test(error) ? 'see the error' : cleanup;
        }
    }
    const report = {
        objectKey: found.objectKey,
        manifest: found.manifest,
        ageMs,
        results,
        verified: error === undefined && (0,src_checks/* allPassed */.OE)(results),
        cleanup
    };
    if (restored)
        report.restoreMs = restored.restoreMs;
    if (error !== undefined)
        report.error = error;
    const facts = { report, startedAt, finishedAt: context.now(), run: context.run };
    if (restored)
        facts.restore = { tool: restored.tool, serverVersion: restored.serverVersion };
    if (server)
        facts.server = server;
    // The evidence and the metrics describe a failed drill too: that is when they matter most.
    const evidenceError = await record(context, inputs, facts);
    finish(context, report);
    if (error !== undefined)
        throw new errors/* CheckFailure */.jU(`Drill of ${found.objectKey} failed: ${error}`);
    if (!report.verified) {
        const failed = results.filter((r) => !r.passed && !r.skipped);
        throw new errors/* CheckFailure */.jU(`Drill of ${found.objectKey} failed ${failed.length} check(s): ` +
            failed.map((r) => `${r.name} — ${r.detail}`).join('; '));
    }
    if (evidenceError !== undefined)
        throw evidenceError;
}
async function record(context, inputs, facts) {
    const evidenceError = await writeCopyDrillEvidence(context, inputs.evidencePath, facts);
    await writeCopyDrillMetrics(context, inputs.metricsFile, facts.report);
    return evidenceError;
}
function finish(context, report) {
    const counts = (0,src_checks/* tally */.N4)(report.results);
    context.setOutput('verified', report.verified);
    context.setOutput('object-key', report.objectKey);
    context.setOutput('checks-passed', counts.passed);
    context.setOutput('checks-failed', counts.failed);
    context.setOutput('checks-skipped', counts.skipped);
    context.summary(copyDrillSummary(report));
}

// EXTERNAL MODULE: ./src/cloud/allow-list.ts
var allow_list = __webpack_require__(6701);
;// CONCATENATED MODULE: ./src/cloud/empty-instance-plan.ts

/**
 * Chooses flavor, volume and datastore version for a new, empty instance: the inputs where
 * given, else what the data's source had, as far as this cloud offers it. Reads only; every
 * choice is checked here, before anything is created.
 */
async function planEmptyInstance(trove, settings, defaults) {
    const versions = (await trove.listDatastoreVersions(defaults.type)).filter((v) => v.active);
    const version = chooseVersion(versions, settings.datastoreVersion, defaults);
    const flavorRef = await chooseFlavor(trove, settings.flavor, defaults.flavorId);
    const minimum = Math.max(1, defaults.minimumGb);
    const size = settings.volumeSizeGb ?? Math.max(defaults.volumeSizeGb ?? 0, minimum);
    if (size < minimum) {
        throw new errors/* InputError */.dz('volume-size', `${size} GB is too small for the data (${minimum} GB at least); use at least ${minimum}`);
    }
    const plan = {
        flavorRef,
        volume: settings.volumeType ? { size, type: settings.volumeType } : { size },
        datastore: { type: defaults.type, version }
    };
    if (settings.network)
        plan.nics = [{ networkId: settings.network }];
    return plan;
}
function chooseVersion(offered, wanted, defaults) {
    const names = offered.map((v) => v.name).join(', ') || 'none';
    if (wanted) {
        const match = offered.find((v) => v.name === wanted || v.id === wanted);
        if (!match) {
            throw new errors/* InputError */.dz('datastore-version', `${defaults.type} "${wanted}" is not offered by this cloud (offered: ${names})`);
        }
        return match.name;
    }
    const recorded = defaults.datastoreVersion
        ? offered.find((v) => v.name === defaults.datastoreVersion)
        : undefined;
    if (recorded)
        return recorded.name;
    // The server's own version names its Trove version: 15.4 is "15", 10.11.6-MariaDB "10.11".
    const reported = defaults.serverVersion;
    const fits = offered
        .filter((v) => reported === v.name ||
        reported.startsWith(`${v.name}.`) ||
        reported.startsWith(`${v.name}-`))
        .sort((a, b) => b.name.length - a.name.length)[0];
    if (fits)
        return fits.name;
    throw new errors/* InputError */.dz('datastore-version', `is required: the data is from ${defaults.type} ${defaults.serverVersion}, which this cloud does not offer (offered: ${names}); choose one at least as new`);
}
async function chooseFlavor(trove, wanted, recorded) {
    const flavors = await trove.listFlavors();
    const names = flavors.map((f) => f.name).join(', ');
    const ref = wanted || recorded;
    if (!ref)
        throw new errors/* InputError */.dz('flavor', `is required (flavors: ${names})`);
    const match = flavors.find((f) => f.name === ref || f.id === ref);
    if (match)
        return match.id;
    if (wanted)
        throw new errors/* InputError */.dz('flavor', `no flavor "${wanted}"; flavors: ${names}`);
    throw new errors/* InputError */.dz('flavor', `is required: the source's flavor ${ref} is not offered by this cloud (flavors: ${names})`);
}

// EXTERNAL MODULE: ./src/cloud/restore.ts
var restore = __webpack_require__(435);
// EXTERNAL MODULE: ./src/cloud/restore-plan.ts
var restore_plan = __webpack_require__(4219);
// EXTERNAL MODULE: ./src/cloud/waits.ts
var waits = __webpack_require__(5031);
;// CONCATENATED MODULE: ./src/commands/mirror/new-instance.ts










const GIB = 1024 ** 3;
/**
 * target: new-instance — the disaster case: the copy restored into a new Trove instance on any
 * Trove cloud, which is kept. Everything is checked before the create (the copy, the key, the
 * restore tool against the version to create, the name, flavor, volume and quota); the create
 * is sent once. The instance is made with the copy's databases and the db-user login, so the
 * restore needs no further rights. If the restore fails or the run is cancelled, the instance
 * this run created (by the id its create answer gave) is deleted: it holds half a database.
 */
async function restoreIntoNewInstance(context, client, inputs, target, found) {
    const { manifest } = found;
    const engine = manifest.datastore.type;
    checkCopyFits(found, inputs.identities);
    const name = target.restoreName || `${manifest.source.instanceName}-offsite`;
    (0,restore/* refuseTempName */.yE)(name);
    const { trove } = context.cloud();
    const plan = await context.group('Plan the new instance', async () => {
        await (0,restore/* refuseTakenName */.Ls)(trove, name, target.restoreName ? '' : ' (the default is <instance of the copy>-offsite)');
        const planned = await planEmptyInstance(trove, target, {
            type: engine,
            serverVersion: manifest.datastore.version,
            minimumGb: Math.ceil((2 * manifest.sizes.dumpBytes) / GIB),
            ...(manifest.source.datastoreVersion && {
                datastoreVersion: manifest.source.datastoreVersion
            }),
            ...(manifest.source.flavorId && { flavorId: manifest.source.flavorId }),
            ...(manifest.source.volumeSizeGb !== undefined && {
                volumeSizeGb: manifest.source.volumeSizeGb
            })
        });
        // The tool must read the copy and the new server must take it: known before the create.
        const tool = await findRestoreTool(engine);
        const fit = restoreCompatibility(engine, tool, { toolVersion: manifest.dump.toolVersion, serverVersion: manifest.datastore.version }, planned.datastore.version);
        if (fit.problem)
            throw new errors/* CheckFailure */.jU(fit.problem);
        context.logger.info(`New instance ${name}: ${planned.datastore.type} ${planned.datastore.version}, flavor ${planned.flavorRef}, ${planned.volume.size} GB`);
        context.logger.info(await (0,restore_plan/* checkQuota */.L)(trove, planned));
        return planned;
    });
    const cidrs = await (0,allow_list/* resolveAllowedCidrs */.aM)(target, context.inputs.env);
    context.logger.info(`The new instance will accept connections from ${cidrs.join(', ')}`);
    let createdId;
    const deleteCreated = async () => {
        if (!createdId)
            return 'nothing was created';
        await (0,waits/* deleteAndConfirm */.L7)(trove, { id: createdId, name }, target.deleteTimeoutMs, context);
        return `the new instance ${name} (${createdId}) was deleted`;
    };
    // While it is created and waited for, a cancellation asks for its delete at once.
    const removeCancelHook = context.onCancel(async (signal) => {
        context.logger.warning(`Received ${signal}: deleting the new instance ${name}`);
        await askToDelete(trove, createdId, name, context);
    });
    let instance;
    try {
        instance = await context.group(`Create the instance ${name}`, () => (0,restore/* createInstanceAndWait */["if"])(context, trove, {
            name,
            ...plan,
            // is_public gives the instance an address; the allow-list limits who reaches it.
            access: { isPublic: true, allowedCidrs: cidrs },
            databases: manifest.dump.databases,
            users: [
                { name: target.dbUser, password: target.dbPassword, databases: manifest.dump.databases }
            ]
        }, target.restoreTimeoutMs, (id) => {
            // instance-id is set once the restore succeeded: a failed one deletes the instance.
            createdId = id;
            context.logger.info(`Creating instance ${name} (${id})`);
        }));
        context.logger.info(`Instance ${name} is usable at ${instance.host} after ${(0,duration/* formatElapsed */.C7)(instance.restoreMs)}`);
    }
    catch (error) {
        throw await withCleanup(error, deleteCreated, createdId, name);
    }
    finally {
        removeCancelHook();
    }
    try {
        const restored = await restoreCopy(context, client, inputs, found, {
            server: {
                kind: 'url',
                engine,
                host: instance.host,
                port: database_target/* DEFAULT_PORTS */.J2[engine],
                user: target.dbUser,
                password: target.dbPassword,
                database: ''
            },
            databasesExist: true,
            onCancel: () => askToDelete(trove, createdId, name, context)
        });
        return { restored, instance, name };
    }
    catch (error) {
        throw await withCleanup(error, deleteCreated, createdId, name);
    }
}
/** The run's error, with what became of the instance it created. */
async function withCleanup(error, deleteCreated, createdId, name) {
    if (!createdId)
        return error;
    let cleanup;
    try {
        cleanup = await deleteCreated();
    }
    catch (deleteError) {
        cleanup =
            `could NOT delete the new instance ${name} (${createdId}): ${(0,errors/* describeError */.Uc)(deleteError)}; ` +
                `delete it with \`openstack database instance delete ${createdId}\``;
    }
    return new errors/* CheckFailure */.jU(`${(0,errors/* describeError */.Uc)(error)}; ${cleanup}`, { cause: error });
}
/**
 * On cancellation there are seconds: ask for the delete, do not wait for it. Before the create
 * was answered the instance is found by its name, which was unused when the create was sent.
 */
async function askToDelete(trove, knownId, name, context) {
    const id = knownId ?? (await (0,waits/* findInstancesByName */.eI)(trove, name).catch(() => []))[0]?.id;
    if (!id)
        return;
    try {
        await trove.deleteInstance(id);
        context.logger.warning(`Cancelled: asked to delete the new instance ${name} (${id})`);
    }
    catch (error) {
        context.logger.warning(`Cancelled: could not delete the new instance ${name} (${id}): ${(0,errors/* describeError */.Uc)(error)}; ` +
            `delete it with \`openstack database instance delete ${id}\``);
    }
}

;// CONCATENATED MODULE: ./src/commands/mirror/restore.ts




/**
 * mirror-action: restore — a stored copy (given, or the newest) into the server of target-url,
 * or into a new instance that is kept.
 */
async function restoreToTarget(context, client, inputs) {
    for (const warning of inputs.dbTlsWarnings)
        context.warn(warning, 'Deprecated input value');
    const { bucket, prefix } = inputs.location;
    const found = await context.group('Find the copy', () => findCopy(client, bucket, prefix, inputs.objectKey, inputs.instance));
    context.logger.info(`Copy ${found.objectKey}: ${found.manifest.datastore.type} ${found.manifest.datastore.version}, made ${found.manifest.created}`);
    const target = inputs.target;
    let restored;
    let where;
    let instanceMs;
    if (target.kind === 'new-instance') {
        const made = await restoreIntoNewInstance(context, client, inputs, target, found);
        restored = made.restored;
        instanceMs = made.instance.restoreMs;
        where = `the new instance ${made.name} (${made.instance.instance.id}) at ${made.instance.host}`;
        context.setOutput('instance-id', made.instance.instance.id);
        context.setOutput('instance-host', made.instance.host);
        context.warn(`Restored into the new instance ${made.name} at ${made.instance.host}: update connection strings, egress firewalls and its allowed CIDRs.`, 'New instance address');
    }
    else {
        restored = await restoreCopy(context, client, inputs, found, { server: target });
        where = `${restored.target.host}:${restored.target.port}`;
    }
    context.setOutput('object-key', restored.objectKey);
    context.setOutput('sha256', restored.sha256);
    context.setOutput('bytes', restored.bytes);
    context.setOutput('restore-seconds', Math.round(restored.restoreMs / 1000));
    context.summary(restoreSummary(restored.objectKey, restored.manifest, restored.databases, where, restored.restoreMs, instanceMs));
}

;// CONCATENATED MODULE: ./src/commands/mirror/dump.ts



/** Finds the dump tool on PATH and its version. */
async function findDumpTool(engine) {
    const [tool, launcher] = await Promise.all([findTool(engine), outputBuffering()]);
    return { ...tool, launcher };
}
function findTool(engine) {
    return engine === 'postgresql'
        ? findClientTool(['pg_dump'], 'pg_dump is not installed on the runner: `sudo apt-get install -y postgresql-client` (GitHub’s ubuntu runners have it)')
        : findClientTool(['mariadb-dump', 'mysqldump'], 'mariadb-dump is not installed on the runner: `sudo apt-get install -y mariadb-client`');
}

/**
 * pg_dump refuses a server newer than itself ("server version mismatch"); an older mariadb-dump
 * mostly works but may miss newer syntax. Returns the fix, or undefined when the tool is fine.
 */
function toolTooOld(engine, tool, serverVersion) {
    const server = serverVersion
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number);
    if (engine === 'postgresql') {
        const [toolMajor = 0] = tool.release;
        const [serverMajor = 0] = server;
        if (serverMajor <= toolMajor)
            return undefined;
        return (`pg_dump ${toolMajor} cannot dump a PostgreSQL ${serverMajor} server (pg_dump must be at least the server's major version). ` +
            `Install the matching client on the runner before this step: ` +
            `\`sudo apt-get install -y postgresql-common && sudo /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y && sudo apt-get install -y postgresql-client-${serverMajor}\` ` +
            `(Debian/Ubuntu's pg_dump wrapper then picks version ${serverMajor}), or put /usr/lib/postgresql/${serverMajor}/bin first on PATH`);
    }
    const [tMajor = 0, tMinor = 0] = tool.release;
    const [sMajor = 0, sMinor = 0] = server;
    if (tMajor > sMajor || (tMajor === sMajor && tMinor >= sMinor))
        return undefined;
    return (`mariadb-dump ${tool.release.join('.')} is older than the MariaDB ${serverVersion} server. ` +
        `Install a client of at least ${sMajor}.${sMinor} before this step (MariaDB's repository: ` +
        `\`curl -LsS https://r.mariadb.com/downloads/mariadb_repo_setup | sudo bash -s -- --mariadb-server-version=${sMajor}.${sMinor} && sudo apt-get install -y mariadb-client\`)`);
}
/**
 * The command line of the dump: no secret on it (the password goes in the environment), and one
 * argument per name. The names were checked as plain identifiers (inputs/dump-selection.ts),
 * so none can turn into an option or a connection string; `selection.databases` is the final
 * list (db-info.ts), never empty.
 * `caFile`: the db-ca as a file, for verify-ca and verify-full.
 */
function dumpArgs(engine, target, selection, caFile, snapshot) {
    if (engine === 'postgresql') {
        // -Z0: we compress ourselves, with zstd, which is several times faster than pg_dump's gzip.
        return [
            '--format=custom',
            '--compress=0',
            '--no-password',
            `--host=${target.host}`,
            `--port=${target.port}`,
            `--username=${target.user}`,
            // A schema that does not exist fails the dump instead of dumping nothing.
            ...(selection.schemas.length > 0 ? ['--strict-names'] : []),
            ...selection.schemas.map((schema) => `--schema=${quotedPattern(schema)}`),
            ...selection.excludeTables.map((item) => `--exclude-table=${tablePattern(item)}`),
            `--dbname=${selection.databases[0]}`,
            // The snapshot the row counts of the manifest were taken in (database/dump-snapshot.ts).
            ...(snapshot ? [`--snapshot=${snapshot}`] : [])
        ];
    }
    return [
        '--no-defaults',
        `--host=${target.host}`,
        `--port=${target.port}`,
        `--user=${target.user}`,
        ...mariadbClientTls(target, caFile),
        '--single-transaction',
        '--quick',
        '--triggers',
        '--hex-blob',
        ...selection.excludeTables.flatMap((item) => item.includes('.')
            ? [`--ignore-table=${item}`]
            : // A bare table is left out of every database dumped (mariadb-dump wants db.table).
                selection.databases.map((db) => `--ignore-table=${db}.${item}`)),
        '--databases',
        ...selection.databases
    ];
}
/**
 * pg_dump reads -n/-T as patterns (psql's rules): unquoted names are folded to lower case and
 * `*`, `?` and `.` are special. A name in double quotes is matched exactly, as stored.
 */
function quotedPattern(name) {
    return `"${name}"`;
}
/** `schema.table` exactly; a bare `table` in every schema (`*` is the only pattern we write). */
function tablePattern(item) {
    const [first, second] = item.split('.');
    return second === undefined
        ? `*.${quotedPattern(first)}`
        : `${quotedPattern(first)}.${quotedPattern(second)}`;
}
/** Starts the dump; its stdout is the dump. Stderr is kept (the tail) for the error message. */
function startDump(tool, engine, target, selection, snapshot) {
    const { child, finished } = startClientTool(tool, engine, target, (caPath) => dumpArgs(engine, target, selection, caPath, snapshot), ['ignore', 'pipe', 'pipe'], (stderr) => /server version mismatch/i.test(stderr)
        ? ' — the dump tool is older than the server; install the client of the server version'
        : '', tool.launcher);
    return { stdout: child.stdout, finished, child };
}

;// CONCATENATED MODULE: ./src/commands/mirror/db-info.ts


/**
 * Logs in once before dumping: proves the credentials, reads the server version (to catch a dump
 * tool that is too old) and lists the databases to dump.
 */
async function readDbInfo(target) {
    const server = (0,database_server/* openServer */.CT)(target, 30_000, 60_000);
    try {
        const { session } = await (0,database_server/* connectHome */.UW)(server);
        const serverVersion = await server.engine.version(session);
        const visible = await server.engine.listDatabases(session);
        const candidates = visible.filter((d) => !(target.engine === 'postgresql' && (d === 'postgres' || d.startsWith('template'))));
        const databases = target.databases.length > 0 ? target.databases : candidates;
        const missing = target.databases.filter((d) => !visible.includes(d));
        if (missing.length > 0) {
            throw new errors/* CheckFailure */.jU(`database(s) ${missing.join(', ')} not found or not visible to ${target.user}; visible: ${visible.join(', ') || 'none'}`);
        }
        if (databases.length === 0) {
            throw new errors/* CheckFailure */.jU(`user ${target.user} sees no database to dump; set databases`);
        }
        if (target.engine === 'postgresql' && databases.length > 1) {
            // pg_dump's custom format holds one database; one mirror step per database keeps each
            // copy restorable with plain pg_restore.
            throw new errors/* CheckFailure */.jU(`PostgreSQL: ${databases.length} databases (${databases.join(', ')}); a pg_dump holds one: set databases to one of them (one mirror step per database)`);
        }
        return { serverVersion, databases };
    }
    finally {
        await server.pool.closeAll();
    }
}

;// CONCATENATED MODULE: ./src/storage/throttle.ts

/**
 * Caps the throughput at `bytesPerSecond` (a shared uplink on a self-hosted runner): each chunk
 * is passed on no earlier than the budget allows. Backpressure does the rest upstream.
 */
function throttle(bytesPerSecond, now = () => performance.now()) {
    const started = now();
    let sent = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            sent += chunk.length;
            const due = started + (sent / bytesPerSecond) * 1000;
            const wait = due - now();
            if (wait <= 1)
                return callback(null, chunk);
            setTimeout(() => callback(null, chunk), wait);
        }
    });
}

;// CONCATENATED MODULE: ./src/storage/age/encrypt.ts





/**
 * Encrypts to age X25519 recipients as a Transform, in native code (OpenSSL's ChaCha20-Poly1305
 * through node:crypto): the header and payload nonce first, then the sealed chunks. A full
 * chunk is held back until more input shows it is not the last, because the final chunk carries
 * the last-chunk flag and may itself be full.
 */
class AgeEncrypter extends external_node_stream_.Transform {
    key;
    // The chunk being filled; reused, so input arriving in small pieces costs one copy.
    pending = Buffer.allocUnsafeSlow(stream_CHUNK);
    filled = 0;
    counter = 0;
    constructor(recipients, options = {}) {
        super({ highWaterMark: options.highWaterMark ?? 1024 * 1024 });
        if (recipients.length === 0)
            throw new Error('age: no recipients');
        const keys = recipients.map(parseRecipient);
        const fileKey = (0,external_node_crypto_.randomBytes)(16);
        const nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES);
        this.key = payloadKey(fileKey, nonce);
        const header = encodeHeader(keys.map((k) => wrapFileKey(fileKey, k)), fileKey);
        this.push(Buffer.concat([header, nonce]));
    }
    _transform(chunk, _encoding, callback) {
        let offset = 0;
        while (offset < chunk.length) {
            if (this.filled === stream_CHUNK) {
                this.seal(this.pending, false);
                this.filled = 0;
            }
            if (this.filled === 0 && chunk.length - offset > stream_CHUNK) {
                // Whole chunks straight from the input, no copy; the input's last full chunk is held
                // back (below) in case nothing follows it.
                this.seal(chunk.subarray(offset, offset + stream_CHUNK), false);
                offset += stream_CHUNK;
                continue;
            }
            const n = Math.min(stream_CHUNK - this.filled, chunk.length - offset);
            chunk.copy(this.pending, this.filled, offset, offset + n);
            this.filled += n;
            offset += n;
        }
        callback();
    }
    // Ciphertext and tag are pushed as they come: concatenating them would allocate and copy
    // every byte once more (the upload copies them into its part buffers anyway).
    seal(plain, last) {
        for (const piece of sealChunk(this.key, this.counter++, last, plain))
            this.push(piece);
    }
    _flush(callback) {
        // Empty only when the whole payload is.
        this.seal(this.pending.subarray(0, this.filled), true);
        callback();
    }
}

;// CONCATENATED MODULE: ./src/storage/encrypt.ts

/**
 * age encryption to X25519 recipients (`age1…`), in native code: the format is implemented on
 * node:crypto (src/storage/age/), so encryption costs OpenSSL's ChaCha20-Poly1305, not
 * JavaScript. The `age` CLI decrypts what this writes.
 */
function ageEncrypter(recipients) {
    return new AgeEncrypter(recipients);
}
/** `input` encrypted; backpressure passes through (a Transform, nothing read ahead). */
async function encryptStream(input, recipients) {
    const encrypter = ageEncrypter(recipients);
    input.on('error', (error) => encrypter.destroy(error));
    return input.pipe(encrypter);
}

// EXTERNAL MODULE: ./src/database/engine.ts
var engine = __webpack_require__(2027);
;// CONCATENATED MODULE: ./src/database/dump-snapshot.ts


/** Counting is a full scan per table: a generous limit, but a limit. */
const COUNT_TIMEOUT_MS = 15 * 60_000;
/**
 * Opens the snapshot the dump will read and counts every table's rows in it. PostgreSQL: a
 * REPEATABLE READ transaction exports its snapshot (pg_export_snapshot) and stays open until
 * `release`, so pg_dump --snapshot sees exactly the rows counted. MariaDB: counts in a
 * consistent snapshot of our own, released at once; `quiescent` (a restored temporary
 * instance) makes them exact.
 */
async function openDumpSnapshot(target, databases, quiescent) {
    const server = (0,database_server/* openServer */.CT)(target, 30_000, COUNT_TIMEOUT_MS);
    try {
        if (target.engine === 'postgresql')
            return await postgresSnapshot(server, databases[0] ?? '');
        const tables = await mariadbCounts(server, databases);
        await server.pool.closeAll();
        return {
            snapshotId: undefined,
            counts: {
                exact: quiescent,
                method: quiescent ? 'quiescent-copy' : 'separate-snapshot',
                tables
            },
            release: async () => undefined
        };
    }
    catch (error) {
        await server.pool.closeAll();
        throw error;
    }
}
async function postgresSnapshot(server, database) {
    const session = await server.pool.get(database);
    await session.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows } = await session.query('SELECT pg_export_snapshot()');
    const snapshotId = String(rows[0]?.[0] ?? '');
    const tables = await countAll(server, session, database);
    let released = false;
    return {
        snapshotId,
        counts: { exact: true, method: 'dump-snapshot', tables },
        release: async () => {
            if (released)
                return;
            released = true;
            await session.query('COMMIT').catch(() => undefined);
            await server.pool.closeAll();
        }
    };
}
async function mariadbCounts(server, databases) {
    const session = await server.pool.get(undefined);
    await session.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const tables = [];
    for (const database of databases)
        tables.push(...(await countAll(server, session, database)));
    await session.query('COMMIT');
    return tables;
}
async function countAll(server, session, database) {
    const counts = [];
    for (const table of await server.engine.listTables(session, database)) {
        counts.push({
            database,
            table: (0,engine/* tableLabel */.Fr)(table),
            rows: await server.engine.countRows(session, table)
        });
    }
    return counts;
}

;// CONCATENATED MODULE: ./src/commands/mirror/upload-copy.ts









class Counter extends external_node_stream_.Transform {
    bytes = 0;
    _transform(chunk, _e, callback) {
        this.bytes += chunk.length;
        callback(null, chunk);
    }
}
/**
 * dump → count → compress → (age) → hash → (throttle) → multipart upload, all streaming with
 * backpressure: the dump tool is paused while the store is slower, never buffered.
 */
async function dumpToStore(request) {
    const snapshot = await openDumpSnapshot(request.target, request.selection.databases, request.quiescent);
    try {
        return {
            ...(await dumpInSnapshot(request, snapshot.snapshotId)),
            rowCounts: dumpedCounts(snapshot.counts, request.selection, request.engine)
        };
    }
    finally {
        // pg_dump needs the exporting transaction open only until it has imported the snapshot,
        // but holding it to the end costs nothing and keeps the rule simple.
        await snapshot.release();
    }
}
async function dumpInSnapshot(request, snapshotId) {
    const dump = startDump(request.tool, request.engine, request.target, request.selection, snapshotId);
    const dumped = new Counter();
    const hasher = new HashingCounter(1024 * 1024);
    let uploaded;
    const stages = [dump.stdout, dumped, compressor(request.compression, request.level)];
    // Native age (node:crypto's ChaCha20-Poly1305) as one more Transform: no Web-stream bridge,
    // no per-chunk JavaScript cipher.
    if (request.recipients.length > 0)
        stages.push(ageEncrypter(request.recipients));
    stages.push(hasher);
    if (request.bandwidthLimit)
        stages.push(throttle(request.bandwidthLimit));
    stages.push(async (source) => {
        uploaded = await uploadStream(request.client, {
            bucket: request.bucket,
            key: request.objectKey,
            contentType: 'application/octet-stream',
            metadata: request.metadata
        }, source, {
            partSize: request.partSize,
            maxParts: request.maxParts,
            concurrency: request.concurrency,
            signal: request.signal,
            onStarted: request.onStarted,
            // A dump tool that fails still ends its stdout normally: its exit code decides before
            // the upload may complete, so a truncated dump never becomes an object.
            beforeComplete: () => dump.finished,
            ...(request.onPart && { onPart: request.onPart })
        });
    });
    try {
        await (0,external_node_stream_promises_.pipeline)(stages, { signal: request.signal });
        await dump.finished;
    }
    catch (error) {
        if (dump.child.exitCode === null)
            dump.child.kill('SIGTERM');
        // The tool's own message says more than "premature close" when it failed first.
        const toolError = await Promise.race([
            dump.finished.then(() => undefined, (e) => e),
            new Promise((resolve) => setTimeout(resolve, 2_000, undefined))
        ]);
        throw toolError && dump.child.signalCode === null ? toolError : error;
    }
    if (!uploaded)
        throw new Error('the upload did not finish');
    return {
        dumpBytes: dumped.bytes,
        storedBytes: hasher.bytes,
        sha256: hasher.sha256(),
        parts: uploaded.parts,
        largestPartBytes: uploaded.largestPartBytes
    };
}
/**
 * The counts of the tables the dump holds: those in the chosen schemas and not excluded, so a
 * table left out on purpose is not missed by the drill. A row's table is `name` in PostgreSQL's
 * public schema and `schema.name` outside it; for MariaDB it is `name` in `row.database`
 * (database/dump-snapshot.ts). An exclusion's qualifier is the schema or the database.
 */
function dumpedCounts(counts, selection, engine) {
    const dumped = (row) => {
        const dot = engine === 'postgresql' ? row.table.indexOf('.') : -1;
        const qualifier = engine === 'postgresql' ? (dot < 0 ? 'public' : row.table.slice(0, dot)) : row.database;
        const name = dot < 0 ? row.table : row.table.slice(dot + 1);
        if (selection.schemas.length > 0 && !selection.schemas.includes(qualifier))
            return false;
        return !selection.excludeTables.some((item) => {
            const [first, second] = item.split('.');
            return second === undefined ? first === name : first === qualifier && second === name;
        });
    };
    return { ...counts, tables: counts.tables.filter(dumped) };
}

;// CONCATENATED MODULE: ./src/commands/mirror/upload.ts












/**
 * mirror-action: upload, once the source is reachable: dump → compress → encrypt → multipart
 * upload → check the stored object → manifest → retention.
 */
async function uploadCopy(context, client, inputs, upload, signal, source) {
    const engine = (0,database_target/* engineOf */.ky)(source.instance.datastore?.type ?? '');
    checkSelectionForEngine(engine, inputs);
    const target = (0,database_target/* dbTarget */.s4)(inputs, engine, source.host);
    const { bucket, prefix } = inputs.location;
    const prepared = await context.group('Prepare the dump', async () => {
        const [info, tool] = await Promise.all([readDbInfo(target), findDumpTool(engine)]);
        context.logger.info(`${tool.version} against ${engine} ${info.serverVersion}; databases: ${info.databases.join(', ')}`);
        const advice = toolTooOld(engine, tool, info.serverVersion);
        if (advice && engine === 'postgresql')
            throw new errors/* CheckFailure */.jU(advice);
        if (advice)
            context.warn(advice, 'Dump tool older than the server');
        const selection = {
            databases: info.databases,
            schemas: inputs.schemas,
            excludeTables: inputs.excludeTables
        };
        if (selection.schemas.length > 0 || selection.excludeTables.length > 0) {
            context.logger.info(`schemas: ${selection.schemas.join(', ') || 'all'}; left out: ${selection.excludeTables.join(', ') || 'none'}`);
        }
        return { info, tool, selection };
    });
    const created = new Date(context.now());
    const objectKey = objectKeyFor(prefix, source.instance.name, created, source.backupId, extensionFor(engine, inputs.compression, inputs.recipients.length > 0));
    const manifestKey = manifestKeyFor(objectKey);
    upload.key = objectKey;
    // A hint for the part size: the data cannot be much larger than the instance's volume.
    const volumeBytes = (source.instance.volumeSizeGb ?? 0) * 1024 ** 3;
    const partSize = choosePartSize(inputs.partSize, inputs.maxParts, volumeBytes);
    // A multipart upload's metadata is fixed when it starts, before the hash is known: the
    // sha256 goes in the manifest (and the manifest's metadata); HeadObject checks these fields.
    const metadata = {
        'dbaas-backup-action': 'mirror',
        'manifest-key': manifestKey,
        'source-instance': source.instance.id,
        'backup-id': source.backupId ?? 'live',
        datastore: `${engine} ${prepared.info.serverVersion}`,
        compression: `${inputs.compression}-${inputs.compressionLevel}`,
        encryption: inputs.recipients.length > 0 ? 'age' : 'none'
    };
    const started = context.now();
    const copy = await context.group(`Dump and upload to ${formatS3Uri(bucket, objectKey)}`, async () => {
        let lastLog = started;
        context.logger.info(`${prepared.tool.command} → ${inputs.compression}-${inputs.compressionLevel}` +
            (inputs.recipients.length > 0
                ? ` → age (${inputs.recipients.length} recipient(s))`
                : '') +
            ` → ${(0,format_bytes/* formatBytes */.z)(partSize)} parts, ${inputs.concurrency} at once, at most ${inputs.maxParts}` +
            (inputs.bandwidthLimit ? `, capped at ${(0,format_bytes/* formatBytes */.z)(inputs.bandwidthLimit)}/s` : ''));
        return dumpToStore({
            client,
            bucket,
            objectKey,
            metadata,
            engine,
            target,
            selection: prepared.selection,
            tool: prepared.tool,
            quiescent: source.kind === 'restored',
            compression: inputs.compression,
            level: inputs.compressionLevel,
            recipients: inputs.recipients,
            partSize,
            maxParts: inputs.maxParts,
            concurrency: inputs.concurrency,
            ...(inputs.bandwidthLimit && { bandwidthLimit: inputs.bandwidthLimit }),
            signal,
            onStarted: (id) => {
                upload.id = id;
            },
            onPart: (part, bytes) => {
                if (part > 1 && context.now() - lastLog < 10_000)
                    return;
                lastLog = context.now();
                context.logger.info(`part ${part}: ${(0,format_bytes/* formatBytes */.z)(bytes)} stored`);
            }
        });
    });
    upload.id = undefined;
    const counted = copy.rowCounts;
    context.logger.info(`Row counts (${counted.exact ? 'exact' : 'not exact'}, ${counted.method}): ` +
        `${counted.tables.reduce((n, t) => n + t.rows, 0)} rows in ${counted.tables.length} table(s)`);
    const seconds = (context.now() - started) / 1000;
    const manifest = {
        schemaVersion: 1,
        tool: MANIFEST_TOOL,
        kind: 'mirror',
        objectKey,
        created: created.toISOString(),
        source: {
            kind: source.kind,
            instanceId: source.instance.id,
            instanceName: source.instance.name,
            backupId: source.backupId,
            backupCreated: source.backupCreated,
            ...(source.instance.datastore?.version && {
                datastoreVersion: source.instance.datastore.version
            }),
            ...(source.instance.flavorId && { flavorId: source.instance.flavorId }),
            ...(source.instance.volumeSizeGb !== undefined && {
                volumeSizeGb: source.instance.volumeSizeGb
            })
        },
        datastore: { type: engine, version: prepared.info.serverVersion },
        dump: {
            tool: prepared.tool.command,
            toolVersion: prepared.tool.version,
            format: engine === 'postgresql' ? 'custom' : 'sql',
            databases: prepared.info.databases,
            schemas: prepared.selection.schemas,
            excludeTables: prepared.selection.excludeTables
        },
        compression: { algorithm: inputs.compression, level: inputs.compressionLevel },
        encryption: inputs.recipients.length > 0 ? { format: 'age', recipients: inputs.recipients } : null,
        sizes: { dumpBytes: copy.dumpBytes, storedBytes: copy.storedBytes },
        sha256: copy.sha256,
        upload: { parts: copy.parts, partSizeBytes: partSize, seconds: Math.round(seconds * 10) / 10 },
        rowCounts: copy.rowCounts
    };
    try {
        await context.group('Check the stored copy and write its manifest', async () => {
            const stored = await client.head(bucket, objectKey);
            const problems = [];
            if (stored.bytes !== copy.storedBytes) {
                problems.push(`size ${stored.bytes} bytes, we sent ${copy.storedBytes}`);
            }
            for (const [name, value] of Object.entries(metadata)) {
                if (stored.metadata[name] !== value)
                    problems.push(`metadata ${name} is ${stored.metadata[name] ?? 'missing'}`);
            }
            if (problems.length > 0)
                throw new errors/* CheckFailure */.jU(`The stored copy ${objectKey} is wrong: ${problems.join('; ')}`);
            await putJson(client, bucket, manifestKey, manifest, {
                sha256: copy.sha256,
                'object-key': objectKey
            });
            context.logger.info(`Stored ${(0,format_bytes/* formatBytes */.z)(copy.storedBytes)} in ${copy.parts} part(s), sha256 ${copy.sha256}`);
        });
    }
    catch (error) {
        // Without its manifest the copy is neither checkable nor ever removed by retention.
        await client.delete(bucket, objectKey).catch(() => undefined);
        throw error;
    }
    context.setOutput('object-key', objectKey);
    context.setOutput('manifest-key', manifestKey);
    context.setOutput('bytes', copy.storedBytes);
    context.setOutput('sha256', copy.sha256);
    context.setOutput('seconds', Math.round(seconds * 10) / 10);
    const deleted = await context.group('Retention', () => applyRetention(client, bucket, prefix, source.instance.id, inputs.retention, new Date(context.now()), context.logger, inputs.dryRun, objectKey));
    return { manifest, deleted, dryRun: inputs.dryRun };
}

;// CONCATENATED MODULE: ./src/commands/mirror/index.ts



















/**
 * mirror: an encrypted, checksummed off-site copy on any S3-compatible store (mirror-action:
 * upload), from a temporary instance restored from a backup or from the live instance; or a
 * check that a stored copy still matches its manifest (mirror-action: verify); or a stored copy
 * restored into any server (mirror-action: restore), or restored, checked and dropped (drill).
 */
async function mirror(context) {
    const inputs = readMirrorInputs(context.inputs);
    const client = new S3Store(inputs.s3);
    if (inputs.action === 'verify')
        return checkCopy(context, client, inputs);
    if (inputs.action === 'drill')
        return drillCopy(context, client, inputs);
    if (inputs.action === 'restore')
        return restoreToTarget(context, client, inputs);
    for (const warning of inputs.dbTlsWarnings)
        context.warn(warning, 'Deprecated input value');
    if (dependsOnEngine(inputs))
        await checkSelectionEarly(context, inputs);
    // Reach the store before spending a restore on it.
    const where = formatS3Uri(inputs.location.bucket, inputs.location.prefix);
    await context.group('Check the object store', async () => {
        await probe(client, inputs.location.bucket, inputs.location.prefix).catch((error) => {
            throw new errors/* CheckFailure */.jU(`Cannot reach ${where}: ${(0,errors/* describeError */.Uc)(error)}`);
        });
        context.logger.info(`${where} is reachable`);
    });
    const upload = { id: undefined, key: '' };
    const controller = new AbortController();
    const abortOnCancel = async () => {
        controller.abort();
        if (upload.id) {
            await abortUpload(client, { bucket: inputs.location.bucket, key: upload.key }, upload.id);
        }
    };
    if (inputs.source === 'live')
        return mirrorLive(context, client, inputs, upload, controller, abortOnCancel);
    const run = await (0,temporary_instance/* withTemporaryInstance */.F)(context, context.cloud().trove, inputs.restore, {
        env: context.inputs.env,
        planTitle: 'Plan the restore',
        onCancel: abortOnCancel,
        // A pg_dump too old for the backup's version would fail only after the restore: say so now.
        beforeRestore: async (plan) => {
            const engine = (0,database_target/* engineOf */.ky)(plan.datastore.type);
            // schemas with MariaDB, two databases with PostgreSQL: refused before the restore.
            checkSelectionForEngine(engine, inputs);
            const advice = toolTooOld(engine, await findDumpTool(engine), plan.datastore.version);
            if (advice && engine === 'postgresql')
                throw new errors/* CheckFailure */.jU(advice);
        },
        work: ({ plan, restored }) => uploadCopy(context, client, inputs, upload, controller.signal, {
            kind: 'restored',
            // The copy belongs to the source instance (its key, its retention), not to the
            // temporary one; when the source is gone, to the instance id the backup names.
            instance: plan.source ?? {
                ...restored.instance,
                id: plan.backup.instanceId ?? restored.instance.id,
                name: plan.backup.instanceId ?? restored.instance.name
            },
            host: restored.host,
            backupId: plan.backup.id,
            backupCreated: plan.backup.created.toISOString()
        })
    });
    const failure = (0,temporary_instance/* failureOf */.g)(run);
    if (failure !== undefined) {
        const id = run.plan.source?.id ?? run.plan.backup.instanceId ?? '';
        await writeMirrorMetrics(context, inputs.metricsFile, {
            labels: (0,evidence/* instanceLabels */.jh)(run.plan.source?.name ?? id, id),
            action: 'upload',
            passed: false
        });
        throw failure;
    }
    const done = run.value;
    await writeMirrorMetrics(context, inputs.metricsFile, copyFigures(done.manifest, 'upload', true));
    context.summary(uploadSummary(done.manifest, inputs.location.bucket, done.deleted, run.cleanup, done.dryRun));
}
async function mirrorLive(context, client, inputs, upload, controller, abortOnCancel) {
    const { trove } = context.cloud();
    const instance = await (0,resolve/* resolveInstance */.GO)(trove, inputs.restore.instance);
    const host = instance.addresses[0];
    if (!host)
        throw new errors/* CheckFailure */.jU(`Instance ${instance.name} has no address to dump from`);
    const unverified = (0,tls/* unverifiedWarning */.ce)(inputs.dbTls, `mirror source: live dumps the production instance ${instance.name} (${host})`);
    if (unverified)
        context.warn(unverified, 'Unverified TLS to a production database');
    const removeCancelHook = context.onCancel(async (signal) => {
        context.logger.warning(`Received ${signal}: aborting the upload`);
        await abortOnCancel();
    });
    try {
        const done = await uploadCopy(context, client, inputs, upload, controller.signal, {
            kind: 'live',
            instance,
            host,
            backupId: null,
            backupCreated: null
        }).catch(async (error) => {
            await writeMirrorMetrics(context, inputs.metricsFile, {
                labels: (0,evidence/* instanceLabels */.jh)(instance.name, instance.id),
                action: 'upload',
                passed: false
            });
            throw error;
        });
        await writeMirrorMetrics(context, inputs.metricsFile, copyFigures(done.manifest, 'upload', true));
        context.summary(uploadSummary(done.manifest, inputs.location.bucket, done.deleted, undefined, done.dryRun));
    }
    finally {
        removeCancelHook();
    }
}
/**
 * schemas, several databases or a qualified exclusion may not apply to the engine: read the
 * source's datastore (reads only) and refuse a bad combination before the store or the cloud
 * is touched. Checked again where the engine is known anyway (the plan, the dump).
 */
async function checkSelectionEarly(context, inputs) {
    const { trove } = context.cloud();
    const type = inputs.restore.backupId
        ? (await trove.getBackup(inputs.restore.backupId)).datastore?.type
        : (await (0,resolve/* resolveInstance */.GO)(trove, inputs.restore.instance)).datastore?.type;
    if (type)
        checkSelectionForEngine((0,database_target/* engineOf */.ky)(type), inputs);
}


/***/ })

};

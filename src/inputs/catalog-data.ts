// Generated from action.yml by `npm run docs` (scripts/docs.ts). Do not edit by hand.
import type { ActionMeta } from './catalog.js'

export const ACTION_META: ActionMeta = {
  inputs: [
    {
      name: 'mode',
      description: 'What to do: backup | verify | restore | report | mirror | sweep | list',
      required: true,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'auth-url',
      description:
        'Keystone v3 URL, e.g. https://pukki.dbaas.csc.fi:5000/v3. Default: $OS_AUTH_URL',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'auth-type',
      description:
        'v3applicationcredential or password. Default: $OS_AUTH_TYPE, else application credential when one is given',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'application-credential-id',
      description:
        'Application credential id (recommended). Default: $OS_APPLICATION_CREDENTIAL_ID',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'application-credential-name',
      description:
        'Application credential name; needs user-id, or username with user-domain-name. Default: $OS_APPLICATION_CREDENTIAL_NAME',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'application-credential-secret',
      description:
        'Application credential secret (pass a secret). Default: $OS_APPLICATION_CREDENTIAL_SECRET',
      required: false,
      modes: [],
      boolean: false,
      secret: true
    },
    {
      name: 'username',
      description: 'User name for password auth. Default: $OS_USERNAME',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'user-id',
      description: 'User id for password auth. Default: $OS_USER_ID',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'password',
      description: 'Password for password auth (pass a secret). Default: $OS_PASSWORD',
      required: false,
      modes: [],
      boolean: false,
      secret: true
    },
    {
      name: 'user-domain-name',
      description: 'Domain of the user given by name. Default: $OS_USER_DOMAIN_NAME',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'user-domain-id',
      description: 'Domain id of the user given by name. Default: $OS_USER_DOMAIN_ID',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'project-id',
      description: 'Project id for password auth. Default: $OS_PROJECT_ID',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'project-name',
      description:
        'Project name for password auth; needs project-domain-id or project-domain-name. Default: $OS_PROJECT_NAME',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'project-domain-id',
      description: 'Domain id of the project given by name. Default: $OS_PROJECT_DOMAIN_ID',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'project-domain-name',
      description: 'Domain name of the project given by name. Default: $OS_PROJECT_DOMAIN_NAME',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'region',
      description:
        'Catalog region of the database service, e.g. pukki_dbaas. Default: $OS_REGION_NAME',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'interface',
      description:
        'Catalog interface: public | internal | admin. Default: $OS_INTERFACE, else public',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'database-endpoint',
      description: 'Trove endpoint URL, to skip the catalog lookup (rarely needed)',
      required: false,
      modes: [],
      boolean: false,
      secret: false
    },
    {
      name: 'allow-insecure-http',
      description: 'Allow plain-http auth and database URLs (test clouds only)',
      required: false,
      modes: [],
      boolean: true,
      secret: false,
      default: 'false'
    },
    {
      name: 'request-timeout',
      description: 'Timeout of one HTTP request, e.g. 30s',
      required: false,
      modes: [],
      boolean: false,
      secret: false,
      default: '30s'
    },
    {
      name: 'instance',
      description: 'The database instance, by id or name (backup, report, verify, restore, mirror)',
      required: false,
      modes: ['backup', 'report', 'verify', 'restore', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'backup-name',
      description:
        'backup: name template; placeholders {instance} {sha} {run_id} {ref} {timestamp}',
      required: false,
      modes: ['backup'],
      boolean: false,
      secret: false,
      default: '{instance}-pre-deploy-{timestamp}-{sha}'
    },
    {
      name: 'description',
      description:
        'backup: backup description. Default: the workflow run URL, so the backup can be traced to the deploy',
      required: false,
      modes: ['backup'],
      boolean: false,
      secret: false
    },
    {
      name: 'incremental',
      description: 'backup: make an incremental backup on top of the latest COMPLETED one',
      required: false,
      modes: ['backup'],
      boolean: true,
      secret: false,
      default: 'false'
    },
    {
      name: 'wait',
      description: 'backup: wait until the backup is COMPLETED (the gate). false only starts it',
      required: false,
      modes: ['backup'],
      boolean: true,
      secret: false,
      default: 'true'
    },
    {
      name: 'timeout',
      description:
        'backup: how long to wait for a busy instance and for the backup, e.g. 90s, 45m, 2h',
      required: false,
      modes: ['backup'],
      boolean: false,
      secret: false,
      default: '60m'
    },
    {
      name: 'reuse-if-newer-than',
      description:
        'backup: reuse a COMPLETED backup newer than this (e.g. 1h) instead of taking one',
      required: false,
      modes: ['backup'],
      boolean: false,
      secret: false
    },
    {
      name: 'instances',
      description:
        'report/list: several instances (comma or newline separated, ids or names, * globs) or "all" (list: default all)',
      required: false,
      modes: ['report', 'list'],
      boolean: false,
      secret: false
    },
    {
      name: 'max-age',
      description: 'report: the newest COMPLETED backup must be younger than this plus grace',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false,
      default: '24h'
    },
    {
      name: 'grace',
      description: 'report: slack on max-age (automatic backups come about every 24 h)',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false,
      default: '2h'
    },
    {
      name: 'retention',
      description: 'report: how long the provider keeps backups',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false,
      default: '90d'
    },
    {
      name: 'expiry-warning',
      description: 'report: warn about backups that expire within this',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false,
      default: '7d'
    },
    {
      name: 'fail-on',
      description: 'report: stale (fail when a latest backup is stale or missing) | never',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false,
      default: 'stale'
    },
    {
      name: 'max-concurrency',
      description: 'report: API requests in flight at once over many instances',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false,
      default: '4'
    },
    {
      name: 'gap-window',
      description:
        'report: look for gaps between backups and for FAILED backups over this recent window',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false,
      default: '30d'
    },
    {
      name: 'report-path',
      description:
        'report: where to write the JSON report. Default: $RUNNER_TEMP/dbaas-backup-report.json',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false
    },
    {
      name: 'report-files',
      description:
        'report: merge these report JSON files (a folder, a glob, or a list) into one fleet report, without calling the cloud',
      required: false,
      modes: ['report'],
      boolean: false,
      secret: false
    },
    {
      name: 'backup-id',
      description:
        'verify/restore/mirror: the backup to restore (e.g. a backup step output). Default: the newest COMPLETED backup of instance',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'flavor',
      description:
        'verify/restore/mirror: flavor name or id of the new instance. Default: the source instance flavor',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'volume-size',
      description:
        'verify/restore/mirror: volume size in GB. Default: the source volume size (at least the backup size)',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'volume-type',
      description: 'verify/restore/mirror: volume type. Default: the source volume type',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'datastore-version',
      description:
        'verify/restore/mirror: datastore version. Default: the version of the backup itself',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'network',
      description: 'verify/restore/mirror: network id for the new instance (optional)',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'allowed-cidrs',
      description:
        'verify/restore/mirror: CIDRs allowed to connect to the restored instance (comma separated, each /22 or narrower), or "runner" to detect the runner address',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false,
      default: 'runner'
    },
    {
      name: 'runner-ip-url',
      description:
        'verify/restore/mirror: echo service that returns the runner public IPv4 address',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false,
      default: 'https://api.ipify.org'
    },
    {
      name: 'restore-timeout',
      description: 'verify/restore/mirror: how long the restore may take to become usable',
      required: false,
      modes: ['verify', 'restore', 'mirror'],
      boolean: false,
      secret: false,
      default: '45m'
    },
    {
      name: 'delete-timeout',
      description: 'verify/sweep: how long deleting a temporary instance may take',
      required: false,
      modes: ['verify', 'sweep'],
      boolean: false,
      secret: false,
      default: '15m'
    },
    {
      name: 'db-user',
      description: 'verify/mirror: database user to log in to the restored copy',
      required: false,
      modes: ['verify', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'db-password',
      description: 'verify/mirror: its password (pass a secret)',
      required: false,
      modes: ['verify', 'mirror'],
      boolean: false,
      secret: true
    },
    {
      name: 'databases',
      description:
        'verify/mirror: databases to check (comma separated). Default: every database the user can see',
      required: false,
      modes: ['verify', 'mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'db-tls',
      description:
        'verify/mirror: prefer | require | off (Pukki MariaDB needs TLS; its certificate is self-signed)',
      required: false,
      modes: ['verify', 'mirror'],
      boolean: false,
      secret: false,
      default: 'prefer'
    },
    {
      name: 'checks-file',
      description: 'verify: YAML or JSON file of SQL assertions (see README)',
      required: false,
      modes: ['verify'],
      boolean: false,
      secret: false
    },
    {
      name: 'compare-with-source',
      description:
        'verify: compare per-table row counts (and checksums of small tables) with the source instance',
      required: false,
      modes: ['verify'],
      boolean: true,
      secret: false,
      default: 'false'
    },
    {
      name: 'row-count-tolerance',
      description: 'verify: allowed row-count difference against the source, in percent',
      required: false,
      modes: ['verify'],
      boolean: false,
      secret: false,
      default: '0'
    },
    {
      name: 'integrity-check',
      description: 'verify: PostgreSQL amcheck / MariaDB CHECK TABLE on the restored data',
      required: false,
      modes: ['verify'],
      boolean: true,
      secret: false,
      default: 'true'
    },
    {
      name: 'command',
      description:
        'verify: a shell command run against the restored copy (PGHOST/MYSQL_HOST… in its environment)',
      required: false,
      modes: ['verify'],
      boolean: false,
      secret: false
    },
    {
      name: 'keep-on-failure',
      description:
        'verify: keep the temporary instance when the drill fails (for debugging; delete it yourself)',
      required: false,
      modes: ['verify'],
      boolean: true,
      secret: false,
      default: 'false'
    },
    {
      name: 'restore-name',
      description: 'restore: name of the new instance to restore into (kept)',
      required: false,
      modes: ['restore'],
      boolean: false,
      secret: false
    },
    {
      name: 'ttl',
      description: 'sweep: delete temporary drill instances older than this',
      required: false,
      modes: ['sweep'],
      boolean: false,
      secret: false,
      default: '6h'
    },
    {
      name: 'mirror-action',
      description:
        'mirror: upload (dump and store a copy) | verify (download a stored copy, hash it, compare with its manifest)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false,
      default: 'upload'
    },
    {
      name: 'source',
      description:
        'mirror: restored (dump a temporary restore of the backup; no load on production) | live (dump the instance itself)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false,
      default: 'restored'
    },
    {
      name: 's3-uri',
      description: 'mirror: where copies go, s3://bucket/prefix',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 's3-endpoint',
      description:
        'mirror: S3 endpoint of a non-AWS store (e.g. https://a3s.fi for CSC Allas). Default: AWS',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 's3-region',
      description: 'mirror: S3 region. Default: $AWS_REGION, else us-east-1',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 's3-force-path-style',
      description:
        'mirror: path-style bucket addressing. Default: true with s3-endpoint, false for AWS',
      required: false,
      modes: ['mirror'],
      boolean: true,
      secret: false
    },
    {
      name: 's3-access-key-id',
      description:
        'mirror: S3 access key (masked). Default: the AWS SDK default chain (env, OIDC via configure-aws-credentials)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: true
    },
    {
      name: 's3-secret-access-key',
      description: 'mirror: S3 secret key (pass a secret)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: true
    },
    {
      name: 'age-recipients',
      description:
        'mirror: age public keys (age1…, comma or newline separated) to encrypt the copy to. Empty: not encrypted',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'compression',
      description: 'mirror: zstd | gzip',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false,
      default: 'zstd'
    },
    {
      name: 'compression-level',
      description: 'mirror: zstd 1-19 (default 3) or gzip 1-9 (default 6)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'part-size',
      description:
        'mirror: multipart part size, e.g. 8MiB (raised automatically for very large volumes)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false,
      default: '8MiB'
    },
    {
      name: 'max-parts',
      description: 'mirror: the part limit of the store (Swift, e.g. CSC Allas: 1000; AWS: 10000)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false,
      default: '1000'
    },
    {
      name: 'upload-concurrency',
      description: 'mirror: parts uploaded at once (memory is about part-size × (this + 1))',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false,
      default: '4'
    },
    {
      name: 'bandwidth-limit',
      description: 'mirror: cap on upload throughput, e.g. 50MB (per second). Default: none',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'keep-last',
      description:
        'mirror: keep this many newest copies of the instance under the prefix; older copies made by this action are deleted',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'keep-days',
      description:
        'mirror: keep copies younger than this many days (with keep-last, either keeps a copy)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    },
    {
      name: 'object-key',
      description:
        'mirror (verify): the stored copy to check (an object-key output). Default: the newest copy under s3-uri (of instance, if given)',
      required: false,
      modes: ['mirror'],
      boolean: false,
      secret: false
    }
  ],
  outputs: [
    {
      name: 'backup-id',
      description:
        'backup: id of the COMPLETED (or reused) backup; verify/restore: the backup restored',
      modes: ['backup', 'verify', 'restore']
    },
    {
      name: 'backup-name',
      description: 'backup: its name',
      modes: ['backup']
    },
    {
      name: 'backup-status',
      description: 'backup: its status (COMPLETED when the gate passed)',
      modes: ['backup']
    },
    {
      name: 'backup-size-gb',
      description: 'backup: its size in GB',
      modes: ['backup']
    },
    {
      name: 'backup-created',
      description: 'backup: when it was created (ISO 8601, UTC)',
      modes: ['backup']
    },
    {
      name: 'duration-seconds',
      description: 'backup: seconds from request to COMPLETED (0 when reused)',
      modes: ['backup']
    },
    {
      name: 'reused',
      description: 'backup: true when an existing backup was reused',
      modes: ['backup']
    },
    {
      name: 'status',
      description: 'report: ok | stale | none (the worst over all instances)',
      modes: ['report']
    },
    {
      name: 'latest-backup-id',
      description: 'report: newest COMPLETED backup (of the worst instance)',
      modes: ['report']
    },
    {
      name: 'latest-backup-age-hours',
      description: 'report: its age in hours',
      modes: ['report']
    },
    {
      name: 'backups-count',
      description: 'report: number of backups listed (all instances)',
      modes: ['report']
    },
    {
      name: 'oldest-backup-age-days',
      description: 'report: age of the oldest backup in days',
      modes: ['report']
    },
    {
      name: 'report-json',
      description: 'report: path of a JSON file with the whole report (schema in the README)',
      modes: ['report']
    },
    {
      name: 'verified',
      description: 'verify: true when every check passed',
      modes: ['verify']
    },
    {
      name: 'restore-seconds',
      description: 'verify/restore: seconds from the restore request to a usable instance',
      modes: ['verify', 'restore']
    },
    {
      name: 'checks-passed',
      description: 'verify: number of checks passed',
      modes: ['verify']
    },
    {
      name: 'checks-failed',
      description: 'verify: number of checks failed',
      modes: ['verify']
    },
    {
      name: 'temp-instance-id',
      description: 'verify: id of the temporary instance (deleted at the end)',
      modes: ['verify']
    },
    {
      name: 'temp-instance-host',
      description: 'verify: its address',
      modes: ['verify']
    },
    {
      name: 'instance-id',
      description: 'restore: id of the new instance',
      modes: ['restore']
    },
    {
      name: 'instance-host',
      description: 'restore: its new address (update firewalls and connection strings)',
      modes: ['restore']
    },
    {
      name: 'swept-count',
      description: 'sweep: number of leftover temporary instances deleted',
      modes: ['sweep']
    },
    {
      name: 'swept-ids',
      description: 'sweep: JSON array of their ids',
      modes: ['sweep']
    },
    {
      name: 'matrix',
      description:
        'list: JSON {"include":[{"id","name","datastore","version"}]} for strategy.matrix',
      modes: ['list']
    },
    {
      name: 'count',
      description: 'list: number of instances listed',
      modes: ['list']
    },
    {
      name: 'object-key',
      description: 'mirror: key of the stored dump',
      modes: ['mirror']
    },
    {
      name: 'manifest-key',
      description: 'mirror: key of its JSON manifest',
      modes: ['mirror']
    },
    {
      name: 'bytes',
      description: 'mirror: size of the stored object in bytes',
      modes: ['mirror']
    },
    {
      name: 'sha256',
      description: 'mirror: SHA-256 of the stored object',
      modes: ['mirror']
    },
    {
      name: 'seconds',
      description: 'mirror: seconds the dump and upload took',
      modes: ['mirror']
    }
  ]
}

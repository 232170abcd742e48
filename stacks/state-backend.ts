/**
 * The Terraform state backend of a center stack, from `center.stateBackend`:
 * - `local`: LocalBackend, path `terraform.<center>.tfstate` unless given (relative to the stack's
 *   working directory `cdktf.out/stacks/<center>/`; `btyun synth` keeps it across re-synthesis).
 * - `pg`: the PostgreSQL backend WITHOUT `conn_str` in the output — a connection string holds a
 *   password, and the configuration must never contain a secret (MLPS-008). Terraform reads it from
 *   PG_CONN_STR, so the deployer exports `PG_CONN_STR="$<connStrEnv>"` (see docs/deploying.md).
 * - `s3`: S3Backend (an S3-compatible object store inside China, e.g. the corps object storage);
 *   credentials come from the usual AWS_* environment variables, never from the configuration.
 *   Locked through `dynamodbTable` when given, else S3's own lock file (`use_lockfile`).
 */
import type { Construct } from 'constructs';
import { LocalBackend, PgBackend, S3Backend } from 'cdktf';
import type { Center } from '../checks/core/types';

/** PgBackend with the connection string left to the PG_CONN_STR environment variable. */
export class PgBackendFromEnvironment extends PgBackend {
  constructor(scope: Construct, schemaName?: string) {
    super(scope, { connStr: '', ...(schemaName ? { schemaName } : {}) });
  }
  protected synthesizeAttributes(): { [name: string]: unknown } {
    const { conn_str: _omitted, ...rest } = super.synthesizeAttributes();
    return rest;
  }
  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const { conn_str: _omitted, ...rest } = super.synthesizeHclAttributes();
    return rest;
  }
}

export function defaultStatePath(centerId: string): string {
  return `terraform.${centerId}.tfstate`;
}

export function addStateBackend(stack: Construct, center: Center): void {
  const b = center.stateBackend;
  switch (b.type) {
    case 'local':
      new LocalBackend(stack, { path: b.path ?? defaultStatePath(center.id) });
      return;
    case 'pg':
      new PgBackendFromEnvironment(stack, b.schemaName);
      return;
    case 's3': {
      const backend = new S3Backend(stack, {
        bucket: b.bucket,
        key: b.key ?? `btyun/${center.id}.tfstate`,
        region: b.region,
        encrypt: true,
        // A non-AWS, S3-compatible store: custom endpoint, path-style addressing, no AWS account checks.
        ...(b.endpoint
          ? { endpoints: { s3: b.endpoint }, usePathStyle: true, skipCredentialsValidation: true, skipRegionValidation: true, skipRequestingAccountId: true, skipMetadataApiCheck: true }
          : {}),
        ...(b.dynamodbTable ? { dynamodbTable: b.dynamodbTable } : {}),
      });
      // The state must be locked (two engineers deploying one center at once corrupt it). Without a
      // DynamoDB-compatible table, S3's own lock file does it (Terraform ≥ 1.10, OpenTofu ≥ 1.8);
      // cdktf 0.21 has no typed property for it yet.
      if (!b.dynamodbTable) backend.addOverride('use_lockfile', true);
      return;
    }
  }
}

/**
 * Deploy pre-flight (部署前检查): before Terraform runs, does each stack's state backend find what it
 * reads from the environment? Without it, `cdktf deploy` fails deep in `terraform init` — for a `pg`
 * backend with PG_CONN_STR unset, `dial tcp 127.0.0.1:5432: connect: connection refused`.
 *
 * What Terraform's backends read (stacks/state-backend.ts writes no secret into the configuration):
 * - `pg`: the synthesized block has no `conn_str`, so Terraform (≥ 1.5) takes it from PG_CONN_STR
 *   (an empty value counts as unset). Without it lib/pq builds the connection from the standard libpq
 *   variables and defaults to localhost:5432, so a set PGHOST is accepted too. The topology's
 *   `connStrEnv` names the variable the deployer exports PG_CONN_STR from (docs/deploying.md).
 * - `s3`: the AWS SDK's credential chain — AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) with
 *   AWS_SECRET_ACCESS_KEY (or AWS_SECRET_KEY); a profile (AWS_PROFILE / AWS_DEFAULT_PROFILE, or the
 *   `default` profile of a shared credentials/config file); web identity (AWS_WEB_IDENTITY_TOKEN_FILE);
 *   container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI); and the EC2 instance
 *   metadata service. The last cannot be judged from here, so only a backend that never asks it —
 *   one with a custom `endpoint` (state-backend.ts sets skip_metadata_api_check), or
 *   AWS_EC2_METADATA_DISABLED=true — is reported when none of the others is there.
 * - `local`: nothing.
 *
 * A problem is one line naming the stack and the variable; a variable's value is never printed.
 *
 * Deploy or synth? The cdktf CLI (0.21) runs the app (`cdktf.json` `app`) the same way for `synth`,
 * `diff`, `deploy`, `destroy` and `watch`: no argument, and the same environment (the CLI's own minus
 * TF_VAR_*, plus CDKTF_OUTDIR, CDKTF_CONTEXT_JSON, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS,
 * SYNTH_HCL_OUTPUT — @cdktf/cli-core synth-stack.js). Nothing tells the app it runs for a deploy, so
 * there is no `runByCdktfDeploy()`: the pre-flight is its own command, run before the deploy —
 * `npx btyun preflight --stack div-8 && npx cdktf deploy div-8` (checks/app/cli/commands/preflight.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Center, Environment } from '../../core/types';

/** Facts about the deploying machine that are not in its environment variables. */
export interface PreflightHost {
  /** An AWS shared credentials or config file exists (see `awsSharedFilesExist`). Default: false. */
  awsSharedFiles?: boolean;
}

const PREFIX = 'btyun pre-flight:';
const GUIDE = 'see docs/deploying.md';

const isSet = (processEnv: NodeJS.ProcessEnv, name: string): boolean => {
  const v = processEnv[name];
  return v !== undefined && v !== '';
};

/** One line per problem (empty: every stack's backend finds what it reads). Pure. */
export function deployPreflight(env: Environment, stackIds: readonly string[], processEnv: NodeJS.ProcessEnv, host: PreflightHost = {}): string[] {
  const lines: string[] = [];
  for (const id of stackIds) {
    const center = env.topology.centers.find((c) => c.id === id);
    if (!center) {
      lines.push(`${PREFIX} unknown stack '${id}'; valid stacks (center ids 中心): ${env.topology.centers.map((c) => c.id).join(', ')}`);
      continue;
    }
    const problem = backendProblem(center, processEnv, host);
    if (problem !== undefined) lines.push(`${PREFIX} stack ${id}: ${problem}`);
  }
  return lines;
}

function backendProblem(center: Center, processEnv: NodeJS.ProcessEnv, host: PreflightHost): string | undefined {
  const b = center.stateBackend;
  switch (b.type) {
    case 'local':
      return undefined;
    case 'pg': {
      if (isSet(processEnv, 'PG_CONN_STR') || isSet(processEnv, 'PGHOST')) return undefined;
      const what = 'state backend pg reads its connection string from PG_CONN_STR, which is not set (状态后端连接串未设置)';
      if (b.connStrEnv === 'PG_CONN_STR') return `${what}; export PG_CONN_STR, ${GUIDE}`;
      const source = isSet(processEnv, b.connStrEnv) ? '' : ` (${b.connStrEnv} is not set either)`;
      return `${what}: export PG_CONN_STR="$${b.connStrEnv}"${source}, ${GUIDE}`;
    }
    case 's3': {
      const imdsAsked = b.endpoint === undefined && processEnv.AWS_EC2_METADATA_DISABLED?.toLowerCase() !== 'true';
      if (imdsAsked || s3CredentialSource(processEnv, host)) return undefined;
      const access = isSet(processEnv, 'AWS_ACCESS_KEY_ID') || isSet(processEnv, 'AWS_ACCESS_KEY');
      const secret = isSet(processEnv, 'AWS_SECRET_ACCESS_KEY') || isSet(processEnv, 'AWS_SECRET_KEY');
      const half = access ? '; AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not' : secret ? '; AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not' : '';
      return (
        `state backend s3 (bucket ${b.bucket}) finds no AWS credentials (状态后端无访问凭证)${half}: ` +
        `export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile of ~/.aws/credentials or ~/.aws/config, ${GUIDE}`
      );
    }
  }
}

/** Whether the AWS SDK's credential chain has a source other than the instance metadata service. */
function s3CredentialSource(processEnv: NodeJS.ProcessEnv, host: PreflightHost): boolean {
  const keys =
    (isSet(processEnv, 'AWS_ACCESS_KEY_ID') || isSet(processEnv, 'AWS_ACCESS_KEY')) &&
    (isSet(processEnv, 'AWS_SECRET_ACCESS_KEY') || isSet(processEnv, 'AWS_SECRET_KEY'));
  return (
    keys ||
    ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'].some((n) =>
      isSet(processEnv, n),
    ) ||
    host.awsSharedFiles === true
  );
}

/**
 * Whether an AWS shared credentials or config file exists — where the SDK finds the `default`
 * profile without any variable: AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE, else
 * `$HOME/.aws/credentials` and `$HOME/.aws/config`. Reads the file system (not pure).
 */
export function awsSharedFilesExist(processEnv: NodeJS.ProcessEnv): boolean {
  const home = processEnv.HOME || os.homedir();
  const files = [processEnv.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'), processEnv.AWS_CONFIG_FILE || path.join(home, '.aws', 'config')];
  return files.some((f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
}

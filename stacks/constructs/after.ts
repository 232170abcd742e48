/**
 * Terraform ordering without tokens: `depends_on` as literal addresses. (cdktf's `dependsOn`
 * config wraps every entry in a token, and cdktf captures a stack trace for every token — a large
 * share of synthesis time on big environments.)
 */
import type { TerraformResource } from 'cdktf';

export function after<T extends TerraformResource>(resource: T, deps: readonly TerraformResource[] | undefined): T {
  if (deps && deps.length > 0) resource.dependsOn = deps.map((d) => `${d.terraformResourceType}.${d.friendlyUniqueId}`);
  return resource;
}

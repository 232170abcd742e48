import { defineConfig } from 'vitest/config';

/**
 * Two tiers, one run for `npm test`:
 *  - unit (`npm run test:unit`): rules, fixtures, the model, the engine, the stacks in process;
 *  - end-to-end (`npm run test:e2e`): tests that spawn the built CLI, the cdktf CLI, Terraform and
 *    PostgreSQL, or synthesize generated environments.
 * BTYUN_TEST_TIER=unit|e2e picks one; unset runs both.
 */
const END_TO_END = [
  'test/robustness/**/*.test.ts',
  'test/scale/**/*.test.ts',
  'test/integration/**/*.test.ts',
  'test/deploy/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/stacks/cli-synth.test.ts',
  'test/plan/ci-recipe.test.ts',
  'test/plan/command.test.ts',
  'test/core/validate-cli.test.ts',
  'test/browser/**/*.test.ts',
];
const tier = process.env.BTYUN_TEST_TIER;

export default defineConfig({
  test: {
    include: tier === 'e2e' ? END_TO_END : ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(tier === 'unit' ? END_TO_END : [])],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: one worker per core.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // dist/ is compiled once here; no test file rebuilds it while others run the CLI.
    globalSetup: ['./test/support/build-once.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});

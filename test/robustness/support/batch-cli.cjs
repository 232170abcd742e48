'use strict';
/**
 * Runs many CLI invocations in ONE node process (spawning node per corpus case is slow on two
 * cores): `node batch-cli.cjs PACKAGE_ROOT JOBS.json`, where JOBS.json is a list of
 * { args, cwd }. Each job goes through the same `runCli` as `bin/btyun.js`, with output captured;
 * anything written to the real streams, any uncaught exception or unhandled rejection is recorded
 * as part of that job's output, so a crash cannot hide. Prints the results as JSON.
 */
const fs = require('node:fs');
const path = require('node:path');

const [root, jobsFile] = process.argv.slice(2);
const { runCli } = require(path.join(root, 'dist', 'checks', 'app', 'cli', 'main.js'));
const jobs = JSON.parse(fs.readFileSync(jobsFile, 'utf8'));

let stray = [];
const realOut = process.stdout.write.bind(process.stdout);
process.stdout.write = (s) => (stray.push(String(s)), true);
process.stderr.write = (s) => (stray.push(String(s)), true);
process.on('uncaughtException', (e) => stray.push(`UNCAUGHT ${e && e.stack ? e.stack : e}`));
process.on('unhandledRejection', (e) => stray.push(`UNHANDLED ${e && e.stack ? e.stack : e}`));

(async () => {
  const results = [];
  for (const job of jobs) {
    stray = [];
    const out = [];
    const err = [];
    let code;
    try {
      code = await runCli(job.args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd: job.cwd });
    } catch (e) {
      err.push(`THROWN ${e && e.stack ? e.stack : e}`);
      code = -1;
    }
    results.push({ code, stdout: out.join(''), stderr: err.join('') + stray.join('') });
  }
  realOut(JSON.stringify(results));
})();

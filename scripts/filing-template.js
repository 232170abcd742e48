#!/usr/bin/env node
/**
 * Writes docs/filing-template.xlsx, the blank filing form (备案表), from the compiled field table
 * (run `npx tsc -p tsconfig.json` first). test/filing/template.test.ts checks that the shipped file
 * is what this writes.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { filingTemplate } = require('../dist/checks/app/filing/template.js');

const target = path.join(__dirname, '..', 'docs', 'filing-template.xlsx');
filingTemplate().then((bytes) => {
  fs.writeFileSync(target, bytes);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)} (${bytes.length} bytes)\n`);
});

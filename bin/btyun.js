#!/usr/bin/env node
'use strict';
// The compiled CLI (`npm ci` runs `prepare`, which compiles TypeScript into dist/).
require('../dist/checks/app/cli/main.js').main();

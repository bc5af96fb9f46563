/*
 * Excel add-in build (npm run build:addin -> dist/addin).
 *
 * The add-in runs in one shared runtime (manifest.xml: SharedRuntime 1.1): the custom functions and the task pane live
 * in the same page, taskpane.html, which loads Office.js, the functions bundle and the task pane bundle.
 * preview.html runs the same task pane without Excel, over a workbook held in memory (the bundled seed workbook,
 * or an .xlsx picked by the user); ExcelJS is bundled there only.
 *
 * `--env out=<dir>` builds elsewhere than dist/addin (the end-to-end test builds into a temporary folder).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const OUTPUT = path.resolve(__dirname, "dist/addin");
const DEV_PORT = 3000;
const OFFICE_JS = "node_modules/@microsoft/office-js/dist";

/** Bundles: name -> source. */
const ENTRIES = {
  functions: "./src/functions/functions.ts",
  taskpane: "./src/taskpane/index.tsx",
  preview: "./src/preview/index.tsx",
};

/** HTML pages and the bundles each loads. The first is the shared runtime page named in manifest.xml. */
const PAGES = [
  { filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"] },
  { filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] },
];

/** The workbook the preview opens by default. */
const PREVIEW_SEED = "seeds/001_c9fa6fd301574412.xlsx";

/** Office.js files the add-in loads at run time: the loader, Excel's host scripts, and the en-US and zh-CN strings. */
const OFFICE_JS_FILES = [
  "office.js",
  "custom-functions-runtime.js",
  "o15apptofilemappingtable.js",
  "excel-*-16.*.js",
  "{en-us,zh-cn}/office_strings.js",
];

/** Copied files are already minified or are data: keep Terser away from them. */
const asIs = { minimized: true };

/** HTTPS options from office-addin-dev-certs, when installed (npm run dev-certs), for the dev server. */
function devHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return { type: "http" };
  const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  return { type: "https", options };
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const output = env && env.out ? path.resolve(env.out) : OUTPUT;
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: ENTRIES,
    output: { path: output, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // ExcelJS (preview only) is its own minified browser build, copied as is and loaded by preview.html.
    externals: { exceljs: "ExcelJS" },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules out of TypeScript so that webpack can tree-shake Fluent UI (CommonJS would pull in the whole
          // library and every icon); type errors are `npm run typecheck`'s job, which keeps the build fast.
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.json", transpileOnly: true, onlyCompileBundledFiles: true, compilerOptions: { module: "esnext" } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      ...PAGES.map((page) => new HtmlWebpackPlugin(page)),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/functions/functions.zh-CN.json", to: "functions.zh-CN.json", info: asIs },
          { from: "manifest.xml", to: "manifest.xml", info: asIs },
          { from: PREVIEW_SEED, to: "seed.xlsx", info: asIs },
          { from: "node_modules/exceljs/dist/exceljs.min.js", to: "exceljs.min.js", info: asIs },
          { from: "assets/*.png", to: "assets/[name][ext]", info: asIs },
          ...OFFICE_JS_FILES.map((file) => ({
            from: file,
            context: OFFICE_JS,
            to: "office-js/[path][name][ext]",
            globOptions: { ignore: ["**/*.debug.js"] },
            info: asIs,
          })),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      server: devHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: output },
      // http(s)://localhost:3000/ opens the preview; the add-in's page is /taskpane.html.
      historyApiFallback: false,
      open: false,
      devMiddleware: { index: "preview.html" },
    },
  };
};

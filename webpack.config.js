/*
 * Excel add-in build (npm run build:addin -> dist/addin and dist/store).
 *
 * The add-in runs in one shared runtime (manifest.xml: SharedRuntime 1.1): the custom functions and the task pane live
 * in the same page, taskpane.html, which loads Office.js, then one webpack runtime (runtime.js), what the functions
 * and the task pane both use (shared.js: decimal.js and core, loaded once), the functions bundle and the task pane
 * bundle.
 * preview.html runs the same task pane without Excel, over a workbook held in memory (the bundled seed workbook,
 * or an .xlsx picked by the user); ExcelJS is bundled there only.
 *
 * The add-in's address: KAOHE_URL (https://server/path/), https://localhost:3000/ when unset. The build writes
 * manifest.xml and the unified manifest.json for it (scripts/manifest.js, as Microsoft's React template rewrites
 * urlDev to urlProd), and the help pages (docs rendered by scripts/help.js), the manifests' SupportUrl.
 *
 * Variants: `offline` (dist/addin; Office.js served with the add-in, for closed networks) and `store` (dist/store;
 * Office.js from Microsoft's CDN, as store review requires). A production build makes both; `--env variant=store`
 * one. `--env out=<dir>` builds the variant elsewhere (the tests build into temporary folders).
 *
 * `npm start` serves the offline variant on localhost only, over https with the certificates of `npm run dev-certs`;
 * without them it refuses to start, since the manifest says https. `npm run start:http` serves the preview over
 * plain http (its manifest then says http://localhost, which Office does not load).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded by webpack-cli */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { sources, Compilation } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { baseUrl, xmlManifest, jsonManifest, FILES } = require("./scripts/manifest");
const { helpPages, helpSources } = require("./scripts/help");

const OUTPUT = { offline: path.resolve(__dirname, "dist/addin"), store: path.resolve(__dirname, "dist/store") };
const VARIANTS = ["offline", "store"];
const DEV_PORT = 3000;
const OFFICE_JS = "node_modules/@microsoft/office-js/dist";
/** Office.js on Microsoft's CDN (the store variant). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Bundles: name -> source. */
const ENTRIES = {
  functions: "./src/functions/functions.ts",
  taskpane: "./src/taskpane/index.tsx",
  preview: "./src/preview/index.tsx",
};

/** The bundles of the shared runtime page: one webpack runtime, and what both import in one chunk. */
const SHARED_RUNTIME = ["functions", "taskpane"];

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

/** HTTPS options from office-addin-dev-certs (npm run dev-certs), or null when they are not installed. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return null;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/** The dev server's protocol follows the manifest's address: https needs the certificates, http is only for localhost. */
function devServerType(base) {
  if (new URL(base).protocol === "http:") return { type: "http" };
  const options = devCertificates();
  if (!options) {
    throw new Error(
      `清单中的地址是 ${base}（https），但没有找到开发证书 ~/.office-addin-dev-certs/：请先运行 npm run dev-certs；` +
        `只在浏览器中预览可运行 npm run start:http。 / The manifest says https but there are no development certificates: ` +
        `run npm run dev-certs first, or npm run start:http for the browser preview only.`,
    );
  }
  return { type: "https", options };
}

/** Anchor of a function's section in help/functions.html (docs/FUNCTIONS.md's heading "SCORE · 指标得分"). */
const functionAnchor = (id, zhName) => `${id.toLowerCase()}--${zhName}`;

/**
 * Writes what depends on the add-in's address: functions.json (generated from functions.ts by the metadata plugin)
 * without allowCustomDataForDataTypeAny and with help links, the zh-CN metadata with the same links, manifest.xml,
 * manifest.json with its zh-CN localization, and the help pages.
 */
class AddinFilesPlugin {
  /** `storeOut`: also write the store variant there, the same files with Office.js from the CDN. */
  constructor(base, storeOut) {
    this.base = base;
    this.storeOut = storeOut;
  }
  apply(compiler) {
    if (this.storeOut) compiler.hooks.afterEmit.tap("AddinFilesPlugin", (compilation) => writeStoreVariant(compilation, this.storeOut));
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      for (const file of [...helpSources(), path.resolve(__dirname, "src/functions/functions.zh-CN.json")]) compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tap({ name: "AddinFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const emit = (file, text) => compilation.emitAsset(file, new sources.RawSource(text), asIs);
        const generated = compilation.getAsset(FILES.functionsMetadata);
        if (!generated) return; // the metadata plugin reported its errors
        const zh = JSON.parse(fs.readFileSync(path.resolve(__dirname, "src/functions/functions.zh-CN.json"), "utf8"));
        const zhNames = Object.fromEntries(zh.functions.map((f) => [f.id, f.name]));
        const helpUrl = (id) => encodeURI(`${this.base}help/functions.html#${functionAnchor(id, zhNames[id] ?? id)}`);
        const metadata = JSON.parse(generated.source.source().toString());
        // A cell holding a data type reaches the functions as its value, not as an object the number checks refuse.
        delete metadata.allowCustomDataForDataTypeAny;
        delete zh.allowCustomDataForDataTypeAny;
        for (const f of [...metadata.functions, ...zh.functions]) f.helpUrl = helpUrl(f.id);
        compilation.updateAsset(FILES.functionsMetadata, new sources.RawSource(JSON.stringify(metadata, null, 2)), asIs);
        emit(FILES.functionsMetadataZh, JSON.stringify(zh, null, 2));
        emit("manifest.xml", xmlManifest(this.base));
        const { manifest, localizations } = jsonManifest(this.base, metadata);
        emit("manifest.json", JSON.stringify(manifest, null, 2));
        for (const [file, strings] of Object.entries(localizations)) emit(file, JSON.stringify(strings, null, 2));
        for (const [file, html] of Object.entries(helpPages())) emit(`help/${file}`, html);
      });
    });
  }
}

/**
 * The store variant from the offline build's files: everything but office-js/, and taskpane.html loading Office.js
 * from Microsoft's CDN (one compilation serves both variants).
 */
function writeStoreVariant(compilation, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const local = /(<script[^>]*\ssrc=)(["']?)office-js\/office\.js\2/;
  for (const asset of compilation.getAssets()) {
    if (asset.name.startsWith("office-js/")) continue;
    let data = fs.readFileSync(path.join(compilation.outputOptions.path, asset.name));
    if (asset.name === FILES.page) {
      const html = data.toString("utf8");
      if (!local.test(html)) throw new Error(`${FILES.page} 中没有找到 Office.js 的引用 / no Office.js script in ${FILES.page}`);
      data = Buffer.from(html.replace(local, `$1"${OFFICE_JS_CDN}"`), "utf8");
    }
    const file = path.join(dir, asset.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE) || process.env.WEBPACK_SERVE === "true";
  const port = Number(env.port ?? DEV_PORT);
  const devBase = env.http ? `http://localhost:${port}/` : `https://localhost:${port}/`;
  const base = baseUrl(serving ? devBase : process.env.KAOHE_URL || devBase);
  if (production && !process.env.KAOHE_URL) {
    console.warn(`未设置 KAOHE_URL，清单指向 ${base}（仅供本机加载） / KAOHE_URL is not set: the manifests point at ${base}`);
  }
  const variant = env.variant ?? "offline";
  if (!VARIANTS.includes(variant)) throw new Error(`未知的构建版本：${variant}（可选 offline、store） / unknown variant: ${variant}`);
  const output = env.out ? path.resolve(env.out) : OUTPUT[variant];
  // A production build without --env variant makes both: the store variant beside the offline one.
  const storeOut = production && !serving && !env.variant ? (env.out ? `${output}-store` : OUTPUT.store) : null;
  return config(variant, { production, base, port, serving, output, storeOut });
};

function config(variant, { production, base, port, serving, output, storeOut }) {
  const offline = variant === "offline";
  /** HTML pages and the bundles each loads. The first is the shared runtime page named in manifest.xml. */
  const pages = [
    {
      filename: FILES.page,
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "taskpane"],
      officeJs: offline ? "office-js/office.js" : OFFICE_JS_CDN,
    },
    { filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] },
  ];
  return {
    name: variant,
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
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: FILES.functionsMetadata }),
      new AddinFilesPlugin(base, storeOut),
      ...pages.map((page) => new HtmlWebpackPlugin(page)),
      new CopyWebpackPlugin({
        patterns: [
          { from: PREVIEW_SEED, to: "seed.xlsx", info: asIs },
          { from: "node_modules/exceljs/dist/exceljs.min.js", to: "exceljs.min.js", info: asIs },
          { from: "assets/*.png", to: "assets/[name][ext]", info: asIs },
          ...(offline
            ? OFFICE_JS_FILES.map((file) => ({
                from: file,
                context: OFFICE_JS,
                to: "office-js/[path][name][ext]",
                globOptions: { ignore: ["**/*.debug.js"] },
                info: asIs,
              }))
            : []),
        ],
      }),
    ],
    optimization: {
      // One runtime for the page's bundles, so that a module both import runs once (one decimal.js, one core).
      runtimeChunk: { name: "runtime" },
      splitChunks: {
        cacheGroups: {
          shared: { name: "shared", chunks: (chunk) => SHARED_RUNTIME.includes(chunk.name), minChunks: 2, enforce: true, priority: 10 },
        },
      },
    },
    performance: { hints: false },
    devServer: serving
      ? {
          host: "localhost",
          port,
          server: devServerType(base),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: { directory: output },
          // http(s)://localhost:3000/ opens the preview; the add-in's page is /taskpane.html.
          historyApiFallback: false,
          open: false,
          devMiddleware: { index: "preview.html" },
        }
      : undefined,
  };
}

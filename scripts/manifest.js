/*
 * The add-in's manifests from one description: manifest.xml (the add-in-only XML manifest, schema 1.1 with
 * VersionOverrides 1.0) and manifest.json (Microsoft 365's unified manifest, schema 1.30), both for one address.
 *
 * The build (webpack.config.js) writes both into dist/ for the address in KAOHE_URL (development:
 * https://localhost:3000/), as Microsoft's React task-pane template rewrites urlDev to urlProd. The manifest.xml at
 * the top of the repository is this file's output for the development address (`node scripts/manifest.js` writes
 * it; a test checks that it is up to date).
 *
 * Requirement sets: the ExcelApi version is the highest that src/excel's calls need (test/manifestApis.test.ts
 * derives it from Office.js's type declarations and fails when this list falls behind the code).
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DEV_URL = "https://localhost:3000/";
const { version } = require(path.join(ROOT, "package.json"));

/** Requirement sets the code needs: ExcelApi for src/excel's calls, CustomFunctionsRuntime 1.2 for
 * CustomFunctions.Error with a message, SharedRuntime 1.1 for the one runtime of the pane and the functions. */
const REQUIREMENT_SETS = [
  { name: "ExcelApi", minVersion: "1.13" },
  { name: "CustomFunctionsRuntime", minVersion: "1.2" },
  { name: "SharedRuntime", minVersion: "1.1" },
];

const TEXT = {
  id: "6b0c7f0e-5d1a-4c59-9a3e-2f1d8e4b7a21",
  provider: "Kaohe",
  shortName: { en: "Kaohe", zh: "目标责任考核助手" },
  name: { en: "Kaohe - target responsibility assessment", zh: "目标责任考核助手" },
  description: {
    en: "Reads target responsibility books, checks that their points add up, and scores them exactly.",
    zh: "读取目标责任书，核对分值是否相符，并精确计算考核得分。",
  },
  /** The unified manifest's short description: at most 80 characters. */
  descriptionShort: { en: "Checks and scores target responsibility books (目标责任书) in Excel.", zh: "核对目标责任书的分值，精确计算考核得分和排名。" },
  descriptionFull: {
    en: "Reads Chinese government target responsibility books (目标责任书) as staff keep them in Excel, lists every place where stated points do not add up, adds summary and scoring sheets, and scores units with exact decimal functions (KH.*).",
    zh: "读取各单位在 Excel 中编制的目标责任书，列出分值不相符之处，生成汇总表与评分表，并以精确小数的 KH.* 函数计算得分和排名。",
  },
  getStartedTitle: { en: "Kaohe is ready", zh: "目标责任考核助手已就绪" },
  getStartedDescription: {
    en: "Open the task pane from the Home tab; type =KH. in a cell for the scoring functions.",
    zh: "在“开始”选项卡打开任务窗格；在单元格中输入 =KH. 使用考核计分函数。",
  },
  group: { en: "Assessment", zh: "目标考核" },
  button: { en: "Check and score", zh: "核对与评分" },
  tooltip: { en: "Check a responsibility book's points and score its units.", zh: "核对目标责任书的分值并为各单位评分。" },
  namespace: "KH",
};

/** Files of the add-in, relative to its address. */
const FILES = {
  page: "taskpane.html",
  functionsScript: "functions.js",
  functionsMetadata: "functions.json",
  functionsMetadataZh: "functions.zh-CN.json",
  help: "help/index.html",
  privacy: "help/index.html#privacy",
  terms: "help/index.html#licence",
  icons: { 16: "assets/icon-16.png", 32: "assets/icon-32.png", 64: "assets/icon-64.png", 80: "assets/icon-80.png" },
  colorIcon: "assets/icon-192.png",
  outlineIcon: "assets/outline-32.png",
};

/**
 * The add-in's address from KAOHE_URL (or the development address): https, ending with "/". Plain http only for
 * this computer (the preview without certificates), which Office itself never loads.
 */
function baseUrl(raw) {
  const text = raw === undefined || raw === "" ? DEV_URL : raw;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`KAOHE_URL 不是有效的网址：${text} / KAOHE_URL is not a URL: ${text}`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new Error(`加载项地址必须使用 https（Office 只加载 https 地址）：${text} / the add-in's address must be https: ${text}`);
  }
  if (url.search || url.hash) throw new Error(`加载项地址不能带查询或锚点：${text} / no query or fragment in the address: ${text}`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

const escapeXml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** manifest.xml for the add-in served at `base`. */
function xmlManifest(base) {
  const at = (file) => escapeXml(base + file);
  const origin = new URL(base).origin;
  const text = (tag, key) => `<${tag} DefaultValue="${escapeXml(TEXT[key].en)}">\n    <Override Locale="zh-CN" Value="${escapeXml(TEXT[key].zh)}"/>\n  </${tag}>`;
  const string = (id, key) =>
    `        <bt:String id="${id}" DefaultValue="${escapeXml(TEXT[key].en)}">\n          <bt:Override Locale="zh-CN" Value="${escapeXml(TEXT[key].zh)}"/>\n        </bt:String>`;
  const icons = (indent) => [16, 32, 80].map((size) => `${indent}<bt:Image size="${size}" resid="Icon.${size}x${size}"/>`).join("\n");
  const sets = REQUIREMENT_SETS.map((s) => `      <Set Name="${s.name}" MinVersion="${s.minVersion}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/manifest.js for ${escapeXml(base)}; the production build writes it for KAOHE_URL. -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>${TEXT.id}</Id>
  <Version>${version}.0</Version>
  <ProviderName>${TEXT.provider}</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  ${text("DisplayName", "name")}
  ${text("Description", "description")}
  <IconUrl DefaultValue="${at(FILES.icons[32])}"/>
  <HighResolutionIconUrl DefaultValue="${at(FILES.icons[64])}"/>
  <SupportUrl DefaultValue="${at(FILES.help)}"/>
  <AppDomains>
    <AppDomain>${escapeXml(origin)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
${sets}
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${at(FILES.page)}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <!-- Manifest schema 1.1 (appforoffice/1.1); a TaskPaneApp takes VersionOverrides V1_0 only (V1_1 is for mail add-ins). -->
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <Runtimes>
          <!-- One shared runtime: the custom functions and the task pane run in the same page. -->
          <Runtime resid="Runtime.Url" lifetime="long"/>
        </Runtimes>
        <AllFormFactors>
          <ExtensionPoint xsi:type="CustomFunctions">
            <Script>
              <SourceLocation resid="Functions.Script.Url"/>
            </Script>
            <Page>
              <SourceLocation resid="Runtime.Url"/>
            </Page>
            <Metadata>
              <SourceLocation resid="Functions.Metadata.Url"/>
            </Metadata>
            <Namespace resid="Functions.Namespace"/>
          </ExtensionPoint>
        </AllFormFactors>
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>
          </GetStarted>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="Kaohe.Group">
                <Label resid="Group.Label"/>
                <Icon>
${icons("                  ")}
                </Icon>
                <Control xsi:type="Button" id="Kaohe.TaskpaneButton">
                  <Label resid="TaskpaneButton.Label"/>
                  <Supertip>
                    <Title resid="TaskpaneButton.Label"/>
                    <Description resid="TaskpaneButton.Tooltip"/>
                  </Supertip>
                  <Icon>
${icons("                    ")}
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>Kaohe.Taskpane</TaskpaneId>
                    <SourceLocation resid="Runtime.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
${[16, 32, 80].map((size) => `        <bt:Image id="Icon.${size}x${size}" DefaultValue="${at(FILES.icons[size])}"/>`).join("\n")}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Functions.Script.Url" DefaultValue="${at(FILES.functionsScript)}"/>
        <bt:Url id="Functions.Metadata.Url" DefaultValue="${at(FILES.functionsMetadata)}">
          <bt:Override Locale="zh-CN" Value="${at(FILES.functionsMetadataZh)}"/>
        </bt:Url>
        <bt:Url id="Runtime.Url" DefaultValue="${at(FILES.page)}"/>
        <bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${at(FILES.help)}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Functions.Namespace" DefaultValue="${TEXT.namespace}">
          <bt:Override Locale="zh-CN" Value="${TEXT.namespace}"/>
        </bt:String>
${string("GetStarted.Title", "getStartedTitle")}
${string("Group.Label", "group")}
${string("TaskpaneButton.Label", "button")}
      </bt:ShortStrings>
      <bt:LongStrings>
${string("GetStarted.Description", "getStartedDescription")}
${string("TaskpaneButton.Tooltip", "tooltip")}
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

/** A function's metadata as the unified manifest takes it (the fields its schema knows). */
function manifestFunction(f) {
  const out = { id: f.id, name: f.name, description: f.description };
  if (f.helpUrl) out.helpUrl = f.helpUrl;
  out.parameters = f.parameters.map((p) => {
    const param = { name: p.name, description: p.description, type: p.type ?? "any" };
    if (p.dimensionality) param.dimensionality = p.dimensionality;
    if (p.optional) param.optional = true;
    if (p.repeating) param.repeating = true;
    return param;
  });
  out.result = f.result && f.result.dimensionality ? { dimensionality: f.result.dimensionality } : {};
  for (const flag of ["stream", "volatile", "cancelable", "requiresAddress"]) if (f.options && f.options[flag]) out[flag] = true;
  return out;
}

const ZH_LOCALIZATION_FILE = "manifest.zh-cn.json";

/**
 * manifest.json (unified manifest) for the add-in at `base`, with the custom functions of `metadata` (the generated
 * functions.json): one shared runtime holding the task pane and the functions. Returns the manifest and its zh-CN
 * localization file (names, labels, and the Chinese functions metadata).
 */
function jsonManifest(base, metadata) {
  const at = (file) => base + file;
  const iconSet = [16, 32, 80].map((size) => ({ size, url: at(FILES.icons[size]) }));
  const manifest = {
    $schema: "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json",
    manifestVersion: "1.30",
    version,
    id: TEXT.id,
    localizationInfo: { defaultLanguageTag: "en-us", additionalLanguages: [{ languageTag: "zh-cn", file: ZH_LOCALIZATION_FILE }] },
    developer: { name: TEXT.provider, websiteUrl: at(FILES.help), privacyUrl: at(FILES.privacy), termsOfUseUrl: at(FILES.terms) },
    name: { short: TEXT.shortName.en, full: TEXT.name.en },
    description: { short: TEXT.descriptionShort.en, full: TEXT.descriptionFull.en },
    icons: { color: FILES.colorIcon, outline: FILES.outlineIcon },
    accentColor: "#C42B1C",
    validDomains: [new URL(base).host],
    authorization: { permissions: { resourceSpecific: [{ name: "Document.ReadWrite.User", type: "Delegated" }] } },
    extensions: [
      {
        requirements: { scopes: ["workbook"], capabilities: REQUIREMENT_SETS.map((s) => ({ ...s })) },
        runtimes: [
          {
            id: "SharedRuntime",
            type: "general",
            code: { page: at(FILES.page), script: at(FILES.functionsScript) },
            lifetime: "long",
            actions: [{ id: "ShowTaskpane", type: "openPage", view: "Kaohe.Taskpane", pinnable: false }],
            customFunctions: {
              namespace: { id: TEXT.namespace, name: TEXT.namespace },
              metadataUrl: at(FILES.functionsMetadata),
              functions: metadata.functions.map(manifestFunction),
            },
          },
        ],
        ribbons: [
          {
            contexts: ["default"],
            tabs: [
              {
                builtInTabId: "TabHome",
                groups: [
                  {
                    id: "Kaohe.Group",
                    label: TEXT.group.en,
                    icons: iconSet,
                    controls: [
                      {
                        id: "Kaohe.TaskpaneButton",
                        type: "button",
                        label: TEXT.button.en,
                        icons: iconSet,
                        supertip: { title: TEXT.button.en, description: TEXT.tooltip.en },
                        actionId: "ShowTaskpane",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        getStartedMessages: [{ title: TEXT.getStartedTitle.en, description: TEXT.getStartedDescription.en, learnMoreUrl: at(FILES.help) }],
      },
    ],
  };
  const group = "extensions[0].ribbons[0].tabs[0].groups[0]";
  const zh = {
    $schema: "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json",
    "name.short": TEXT.shortName.zh,
    "name.full": TEXT.name.zh,
    "description.short": TEXT.descriptionShort.zh,
    "description.full": TEXT.descriptionFull.zh,
    [`${group}.label`]: TEXT.group.zh,
    [`${group}.controls[0].label`]: TEXT.button.zh,
    [`${group}.controls[0].supertip.title`]: TEXT.button.zh,
    [`${group}.controls[0].supertip.description`]: TEXT.tooltip.zh,
    "extensions[0].getStartedMessages[0].title": TEXT.getStartedTitle.zh,
    "extensions[0].getStartedMessages[0].description": TEXT.getStartedDescription.zh,
    // The Chinese function names and descriptions: the zh-CN metadata, as manifest.xml's override names it.
    "extensions[0].runtimes[0].customFunctions.metadataUrl": at(FILES.functionsMetadataZh),
  };
  return { manifest, localizations: { [ZH_LOCALIZATION_FILE]: zh } };
}

module.exports = { DEV_URL, REQUIREMENT_SETS, FILES, baseUrl, xmlManifest, jsonManifest };

if (require.main === module) {
  fs.writeFileSync(path.join(ROOT, "manifest.xml"), xmlManifest(DEV_URL));
  console.log(`manifest.xml 已写入（${DEV_URL}） / manifest.xml written for ${DEV_URL}`);
}

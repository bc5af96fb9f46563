/**
 * Offline validation of the add-in manifests against Microsoft's schemas: manifest.xml against the add-in manifest
 * XSDs vendored in test/schemas/ (xmllint), manifest.json and its localization files against the JSON schemas that
 * ship in @microsoft/app-manifest (ajv, as that package uses it: draft-04).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const XSD = path.resolve(__dirname, "../schemas/OfficeAppManifestV1_1.xsd");
/** The unified manifest's schema version that scripts/manifest.js writes. */
export const APP_MANIFEST_VERSION = "v1.30";

export interface Validation {
  valid: boolean;
  errors: string[];
}

/** An XML manifest file against the add-in manifest XSDs. */
export function validateXml(file: string): Validation {
  const result = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
  if (result.error) throw new Error(`xmllint 无法运行（apt-get install libxml2-utils） / xmllint did not run: ${result.error.message}`);
  const errors = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.endsWith(" validates"));
  return { valid: result.status === 0, errors };
}

const appManifest = createRequire(require.resolve("@microsoft/app-manifest/package.json"));
const schemaDir = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build/json-schemas/teams", APP_MANIFEST_VERSION);

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const compiled = new Map<string, Validate>();

function validator(kind: "manifest" | "localization"): Validate {
  const known = compiled.get(kind);
  if (known) return known;
  const AjvDraft04 = appManifest("ajv-draft-04");
  const addFormats = appManifest("ajv-formats");
  const Ajv = AjvDraft04.default ?? AjvDraft04;
  // The localization schema's key patterns are not valid as Unicode regular expressions (a lone "]"); the manifest's
  // name patterns need Unicode (\p{L}).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: kind === "manifest" });
  (addFormats.default ?? addFormats)(ajv);
  const file = kind === "manifest" ? "MicrosoftTeams.schema.json" : "MicrosoftTeams.Localization.schema.json";
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const validate: Validate = ajv.compile(require(path.join(schemaDir, file)));
  compiled.set(kind, validate);
  return validate;
}

/** A unified manifest (or, with "localization", one of its localization files) against the app-manifest schema. */
export function validateJson(data: unknown, kind: "manifest" | "localization" = "manifest"): Validation {
  const validate = validator(kind);
  const valid = validate(data);
  return { valid, errors: valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`) };
}

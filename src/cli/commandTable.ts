/**
 * The commands of the command line: the line each takes, the options parseArgs reads for it, and its module under
 * src/cli/commands, loaded only when that command runs (starting `check` loads neither the importers nor the
 * writers of the other commands).
 */
import type { Command } from "./command";

export const COMMANDS: Record<string, Command> = {
  "import-text": {
    usage: "import-text <file.txt> -o <out.xlsx> [--split none|parts|units] [--force]",
    options: { output: { type: "string", short: "o" }, split: { type: "string" }, force: { type: "boolean" } },
    load: () => import("./commands/importText"),
  },
  "import-docx": {
    usage: "import-docx <book.docx> -o <out.xlsx> [--split none|parts|units] [--force] [--lang zh|en]",
    options: { output: { type: "string", short: "o" }, split: { type: "string" }, force: { type: "boolean" }, lang: { type: "string" } },
    load: () => import("./commands/importDocx"),
  },
  "build-seeds": {
    usage: "build-seeds",
    options: {},
    load: () => import("./commands/buildSeeds"),
  },
  tree: {
    usage: "tree <file.xlsx|.xls|.et|.ods>... [--json] [--lang zh|en]",
    options: { json: { type: "boolean" }, lang: { type: "string" } },
    load: () => import("./commands/tree"),
  },
  check: {
    usage: "check <file.xlsx|.xls|.et|.ods>... [--errors] [--quiet] [--json] [--lang zh|en]",
    options: { json: { type: "boolean" }, errors: { type: "boolean" }, quiet: { type: "boolean", short: "q" }, lang: { type: "string" } },
    load: () => import("./commands/check"),
  },
  summary: {
    usage: "summary <file.xlsx|.xls|.et|.ods>... -o <out.xlsx> [--force] [--lang zh|en]",
    options: { output: { type: "string", short: "o" }, force: { type: "boolean" }, lang: { type: "string" } },
    load: () => import("./commands/summary"),
  },
  "score-sheet": {
    usage: "score-sheet <file.xlsx|.xls|.et|.ods> -o <out.xlsx> [--portable] [--force] [--lang zh|en]",
    options: { output: { type: "string", short: "o" }, portable: { type: "boolean" }, force: { type: "boolean" }, lang: { type: "string" } },
    load: () => import("./commands/scoreSheet"),
  },
};

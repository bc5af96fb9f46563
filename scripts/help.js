/*
 * The help pages served with the add-in (dist/…/help/): docs rendered to HTML with markdown-it. help/index.html
 * is the manifest's SupportUrl. Links between the rendered docs become links between the pages; a link to a file
 * that is not rendered (a developer document) is kept as its text. Headings get GitHub's anchors ("SCORE · 指标得分"
 * is #score--指标得分), so the docs' own links work; "{#id}" at the end of a heading sets its anchor.
 */
const fs = require("fs");
const path = require("path");
const MarkdownIt = require("markdown-it");

const DOCS = path.resolve(__dirname, "../docs");

/** Rendered docs: source in docs/ -> page in help/. */
const PAGES = {
  "HELP.md": "index.html",
  "FUNCTIONS.md": "functions.html",
  "SCORING.md": "scoring.html",
  "DEPLOY.md": "deploy.html",
  "CHANGELOG.md": "changelog.html",
};

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to "-". */
function slug(text) {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function renderer() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.core.ruler.push("kaohe-anchors", (state) => {
    const seen = new Map();
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const inline = state.tokens[i + 1];
      let id;
      const explicit = inline.content.match(/\s*\{#([\w-]+)\}\s*$/);
      if (explicit) {
        id = explicit[1];
        inline.content = inline.content.slice(0, explicit.index);
        const last = inline.children[inline.children.length - 1];
        if (last && last.type === "text") last.content = last.content.replace(/\s*\{#[\w-]+\}\s*$/, "");
      } else {
        const base = slug(inline.children.map((c) => c.content).join(""));
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        id = n === 0 ? base : `${base}-${n}`;
      }
      token.attrSet("id", id);
    });
  });
  md.core.ruler.push("kaohe-links", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const out = [];
      let dropping = 0;
      for (const token of block.children) {
        if (token.type === "link_open") {
          const href = token.attrGet("href") ?? "";
          const m = href.match(/^([^#:/]+\.md)(#.*)?$/);
          if (m) {
            const page = PAGES[m[1]];
            if (page) token.attrSet("href", page + (m[2] ?? ""));
            else {
              dropping++;
              continue;
            }
          } else if (/^[a-z]+:/i.test(href) || href.startsWith("#")) {
            // outside addresses and anchors stay as they are
          } else {
            // a link to a repository file that is not served (../README.md, ../src/...): its text only
            dropping++;
            continue;
          }
        }
        if (token.type === "link_close" && dropping > 0) {
          dropping--;
          continue;
        }
        out.push(token);
      }
      block.children = out;
    }
  });
  return md;
}

const STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Segoe UI",sans-serif;line-height:1.6;
max-width:60rem;margin:0 auto;padding:1rem 1.5rem 3rem;color:#242424}
nav{border-bottom:1px solid #ddd;padding-bottom:.5rem;margin-bottom:1rem}nav a{margin-right:1rem}
a{color:#0f6cbd}h1,h2,h3{line-height:1.3}h1{color:#c42b1c}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
th{background:#f2f2f2}code{background:#f5f5f5;padding:0 .2em;border-radius:3px}
pre{background:#f5f5f5;padding:.75rem;overflow-x:auto}pre code{padding:0}`;

const NAV = [
  ["index.html", "使用帮助 Help"],
  ["functions.html", "计分函数 Functions"],
  ["scoring.html", "评分表 Scoring sheets"],
  ["deploy.html", "部署 Deploy"],
  ["changelog.html", "更新记录 Changelog"],
];

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Every help page: file name under help/ -> HTML. */
function helpPages() {
  const md = renderer();
  const pages = {};
  for (const [source, page] of Object.entries(PAGES)) {
    const text = fs.readFileSync(path.join(DOCS, source), "utf8");
    const title = (text.match(/^# (.+)$/m) ?? [, "目标责任考核助手"])[1].replace(/`/g, "");
    const nav = NAV.map(([href, label]) => (href === page ? `<strong>${label}</strong>` : `<a href="${href}">${label}</a>`)).join("\n");
    pages[page] = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 目标责任考核助手</title>
<link rel="icon" type="image/png" href="../assets/icon-32.png">
<style>${STYLE}</style>
</head>
<body>
<nav>${nav}</nav>
<main>
${md.render(text)}</main>
</body>
</html>
`;
  }
  return pages;
}

/** The docs the pages are made from, for the build to watch. */
const helpSources = () => Object.keys(PAGES).map((f) => path.join(DOCS, f));

module.exports = { helpPages, helpSources, slug, PAGES };

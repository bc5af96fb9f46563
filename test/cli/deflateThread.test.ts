/**
 * Generated sheets' XML deflated on a thread of its own (src/cli/deflateThread.ts): what comes back inflates to the
 * text as UTF-8 with its CRC-32, for ASCII and Chinese pieces alike and for many parts in flight at once; the
 * command line exits once the file is written, the thread holding nothing open.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { crc32, inflateRawSync } from "node:zlib";
import { threadDeflater } from "../../src/cli/deflateThread";
import { ROOT, tempDir } from "./run";

test("each part inflates to its text, with the text's size and CRC-32, whatever the order the thread answers in", async () => {
  const deflate = threadDeflater(2);
  const texts = Array.from({ length: 40 }, (_, i) => [`<row r="${i}">`.repeat(200 + i), `<t>指标${i}：完成率≥95%</t>`, ""]);
  const parts = await Promise.all(texts.map((pieces) => deflate(pieces)));
  parts.forEach((part, i) => {
    const raw = Buffer.from(texts[i].join(""), "utf8");
    expect(Buffer.from(inflateRawSync(part.data)).equals(raw)).toBe(true);
    expect(part.size).toBe(raw.length);
    expect(part.crc).toBe(crc32(raw));
  });
});

test("score-sheet writes its file and exits: the deflate thread keeps nothing open", () => {
  const out = path.join(tempDir(), "评分.xlsx");
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "kaohe.js"), "score-sheet", path.join(ROOT, "seeds", "001_c9fa6fd301574412.xlsx"), "-o", out], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.signal).toBeNull();
  expect(run.status).toBe(0);
  const listed = spawnSync("unzip", ["-l", out], { encoding: "utf8" });
  expect(listed.stdout.match(/xl\/worksheets\/sheet\d+\.xml/g)!.length).toBeGreaterThanOrEqual(87);
});

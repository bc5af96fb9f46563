import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { a1Range } from "../../src/core/grid";
import { layoutItems } from "../../src/import/sheetLayout";
import { layoutSheets, sheetNameFromTitle, uniqueSheetNames, wordTextToSheets } from "../../src/import/wordSheets";
import { parseWordText, type TableItem, type WordItem } from "../../src/import/wordText";

/** Word-table text from lines; "→" stands for TAB. */
const text = (...lines: string[]): string => lines.join("\n").replace(/→/g, "\t");

function tables(items: WordItem[]): TableItem[] {
  return items.filter((i): i is TableItem => i.kind === "table");
}

function mergesOf(source: string): string[] {
  return layoutItems(parseWordText(source)).merges.map((m) => a1Range(m));
}

describe("reading Word-table text", () => {
  test("lines outside a table are title lines, trimmed; bookmarks and \\r are dropped", () => {
    const items = parseWordText("[bookmark: _GoBack]责任书（样表）  \r\n\n  部门：\r\n");
    expect(items).toEqual([
      { kind: "title", text: "责任书（样表）" },
      { kind: "title", text: "部门：" },
    ]);
  });

  test("one blank line ends a row; cells of a row follow each other", () => {
    const [table] = tables(parseWordText(text("→类别", "→分值", "", "→党建", "→20")));
    expect(table.rows).toEqual([
      ["类别", "分值"],
      ["党建", "20"],
    ]);
    expect(table.width).toBe(2);
  });

  test("a line without TAB continues the cell; empty paragraphs are dropped", () => {
    const [table] = tables(parseWordText(text("→为科", "技工", "", "服务", "→4分")));
    expect(table.rows).toEqual([["为科\n技工\n服务", "4分"]]);
  });

  test("a lone TAB is an empty cell, not a blank line", () => {
    const [table] = tables(parseWordText(text("→1", "→市发改委", "→组织", "", "→2", "→市财政局", "→")));
    expect(table.rows[1]).toEqual(["2", "市财政局", ""]);
  });

  test("after two blank lines a cell line continues the row until it has the table's width", () => {
    const [table] = tables(
      parseWordText(text("→类别", "→任务", "→分值", "", "→党风", "", "", "→认真落实", "→10", "", "", "→改革", "→创新", "→5")),
    );
    expect(table.rows).toEqual([
      ["类别", "任务", "分值"],
      ["党风", "认真落实", "10"],
      ["改革", "创新", "5"],
    ]);
  });

  test("spaces before the TAB start a new row", () => {
    const [table] = tables(parseWordText(text("→类别", "→任务", "", "→党建", "", "", "→认真落实", " →法制建设", "→依法")));
    expect(table.rows.slice(1)).toEqual([
      ["党建", "认真落实"],
      ["法制建设", "依法"],
    ]);
  });

  test("a row split by a cell's trailing empty paragraph is joined again", () => {
    const [table] = tables(
      parseWordText(text("→类别", "→内容", "→分值", "", "→职能", "→畅通渠道", "→10", "", "→", "→持续推进", "", "→15", "", "→", "→办案", "→10")),
    );
    expect(table.rows).toEqual([
      ["类别", "内容", "分值"],
      ["职能", "畅通渠道", "10"],
      ["", "持续推进", "15"],
      ["", "办案", "10"],
    ]);
  });

  test("a short row with a first cell is not joined with the row after it (a spanning row, then a note)", () => {
    const [table] = tables(parseWordText(text("→工作任务", "→要求", "→分值", "", "→追加任务", "→追加", "", "→注：说明")));
    expect(table.rows).toEqual([["工作任务", "要求", "分值"], ["追加任务", "追加"], ["注：说明"]]);
  });

  test("a text line after two blank lines closes the table and is a title; notes after a table are titles", () => {
    const items = parseWordText(text("→项目", "→分值", "", "", "注：所有负面考核指标扣除相应分值。", "各镇共性考核指标", "→项目"));
    expect(items.map((i) => i.kind)).toEqual(["table", "title", "title", "table"]);
    expect(items[1]).toEqual({ kind: "title", text: "注：所有负面考核指标扣除相应分值。" });
  });
});

describe("laying out a sheet", () => {
  test("one row per title line and table row, titles in column A", () => {
    const layout = layoutItems(parseWordText(text("第一部分", "→类别", "→分值", "", "→党建", "→20", "", "", "第二部分")));
    expect(layout.values).toEqual([["第一部分"], ["类别", "分值"], ["党建", "20"], ["第二部分"]]);
    expect(layout.tables).toEqual([{ top: 1, bottom: 2, width: 2 }]);
    expect(layout.merges).toEqual([]);
  });

  test("a row with fewer cells spans its first cell over the missing columns", () => {
    expect(mergesOf(text("→类别", "→指标", "→要求", "", "→脱贫攻坚5分", "→完成任务"))).toEqual(["A2:B2"]);
    const layout = layoutItems(parseWordText(text("→类别", "→指标", "→要求", "", "→脱贫攻坚5分", "→完成任务")));
    expect(layout.values[1]).toEqual(["脱贫攻坚5分", "", "完成任务"]);
  });

  test("blank cells continue the cell above as a vertical merge", () => {
    const source = text("→序号", "→组织", "→重点", "", "→1", "→有安排", "→任务一", "", "→2", "→", "→任务二", "", "→3", "→", "→任务三");
    expect(mergesOf(source)).toEqual(["B2:B4"]);
  });

  test("a blank cell in the last column stays blank", () => {
    const source = text("→内容", "→单位", "→分值", "", "→生态", "→县委办", "→-1.5", "", "→脱贫", "→", "→");
    const layout = layoutItems(parseWordText(source));
    expect(layout.merges.map((m) => a1Range(m))).toEqual(["B2:B3"]);
    expect(layout.values[2]).toEqual(["脱贫", "", ""]);
  });

  test("blank cells in the first row, or under a spanning cell, stay blank", () => {
    expect(mergesOf(text("→", "→分值", "", "→", "→20"))).toEqual([]);
    expect(mergesOf(text("→类别", "→指标", "→要求", "", "→脱贫攻坚", "→完成", "", "→", "→指标", "→要求"))).toEqual([
      "A2:B2",
    ]);
  });
});

describe("sheets", () => {
  const document = text(
    "2020年度目标责任考核指标",
    "2020年度市考核县指标任务分解",
    "→考核内容",
    "→责任单位",
    "",
    "",
    "负面清单考核指标",
    "→考核内容",
    "→分值",
    "",
    "",
    "注：所有负面考核指标因未完成将扣除相应分值。",
    "镇（办、中心）目标责任考核指标",
    "1．螅镇",
    "→类别",
    "→分值",
    "",
    "",
    "2．坑镇",
    "→类别",
    "→分值",
    "",
    "",
    "县直部门目标责任考核指标",
    "（一）党委工作部门",
    "1.县纪委监委",
    "→类别",
    "→分值",
    "",
    "",
    "县直部门目标责任考核指标",
    "（二）群团组织",
    "1.县妇联",
    "→类别",
    "→分值",
  );

  test("--split parts starts a sheet at each new part title once the part holds a table", () => {
    const sheets = wordTextToSheets(document, "parts");
    expect(sheets.map((s) => s.name)).toEqual(["市考核县指标任务分解", "负面清单", "镇（办、中心）", "县直部门"]);
    expect(sheets[1].values.map((r) => r[0])).toEqual(["负面清单考核指标", "考核内容", "注：所有负面考核指标因未完成将扣除相应分值。"]);
    expect(sheets[0].values[0]).toEqual(["2020年度目标责任考核指标"]);
  });

  test("--split units gives one sheet per table, named after the title line above it", () => {
    const sheets = wordTextToSheets(document, "units");
    expect(sheets.map((s) => s.name)).toEqual(["市考核县指标任务分解", "负面清单", "螅镇", "坑镇", "县纪委监委", "县妇联"]);
    expect(sheets[1].values[2]).toEqual(["注：所有负面考核指标因未完成将扣除相应分值。"]);
    expect(sheets[4].values.map((r) => r[0])).toEqual(["县直部门目标责任考核指标", "（一）党委工作部门", "1.县纪委监委", "类别"]);
  });

  test("--split none keeps everything on one sheet", () => {
    const sheets = layoutSheets(parseWordText(document), "none");
    expect(sheets).toHaveLength(1);
    expect(sheets[0].name).toBe("市考核县指标任务分解");
    expect(sheets[0].values).toHaveLength(19);
  });

  test("a sheet without a title line is named after the table's title row, else the file", () => {
    expect(wordTextToSheets(text("→附件2", "安康市2020年度富硒产业台账", "", "→序号", "→部门"), "none")[0].name).toBe(
      "安康市富硒产业台账",
    );
    expect(wordTextToSheets(text("→序号", "→部门"), "parts", "003_seed")[0].name).toBe("003_seed");
  });

  test("sheet names drop numbering, the year, 考核指标 and characters Excel forbids; at most 31 characters", () => {
    expect(sheetNameFromTitle("二、县直部门目标责任考核指标")).toBe("县直部门");
    expect(sheetNameFromTitle("2020年度市考核县指标任务分解")).toBe("市考核县指标任务分解");
    expect(sheetNameFromTitle("附件: A/B[1]*?")).toBe("附件 AB1");
    expect(sheetNameFromTitle("很".repeat(40))).toHaveLength(31);
    expect(uniqueSheetNames(["县直部门", "县直部门", "Sheet", "sheet", ""], "空")).toEqual([
      "县直部门",
      "县直部门 (2)",
      "Sheet",
      "sheet (2)",
      "空",
    ]);
  });
});

describe("the seeds", () => {
  const seed = (prefix: string): string => {
    const dir = path.join(__dirname, "../../seeds");
    const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith(".txt")) ?? prefix;
    return readFileSync(path.join(dir, name), "utf8");
  };

  test("003 is one 5-column table: title row, header row, 21 units; blank dimensions are vertical merges", () => {
    const [sheet] = wordTextToSheets(seed("003"), "none");
    expect(sheet.values).toHaveLength(23);
    expect(sheet.values[1]).toEqual(["序号", "部门", "组织保障（20分）", "经费保障（20分）", "重点工作（60分）"]);
    expect(sheet.merges.map((m) => a1Range(m))).toEqual(["A1:E1", "C3:C11", "D3:D11", "C12:C23", "D12:D23"]);
  });

  test("004's 项目 column is merged over its rows", () => {
    const [sheet] = wordTextToSheets(seed("004"), "none");
    const header = sheet.tables[0].top;
    expect(sheet.values[header][0]).toBe("项目");
    const columnA = sheet.merges.filter((m) => m.left === 0 && m.right === 0).map((m) => m.bottom - m.top + 1);
    expect(columnA).toEqual([4, 6, 6, 2, 5, 3]);
  });

  test("001 by parts: its sheets, the negative list with its repeated header and its note", () => {
    const sheets = wordTextToSheets(seed("001"), "parts");
    expect(sheets.map((s) => s.name)).toEqual([
      "市考核县指标任务分解",
      "负面清单",
      "各镇（办、中心）共性",
      "镇（办、中心）",
      "县直部门",
      "县直部门 (2)",
      "产业园区管委会",
      "省市驻佳单位共性",
    ]);
    const penalties = sheets[1];
    expect(penalties.values.filter((r) => r[0] === "考核内容")).toHaveLength(2);
    expect(penalties.values[penalties.values.length - 1][0]).toMatch(/^注：所有负面考核指标/);
  });

  test("parsing the largest seed takes well under a second", () => {
    const source = seed("001");
    const started = Date.now();
    for (let i = 0; i < 10; i++) wordTextToSheets(source, "units");
    expect((Date.now() - started) / 10).toBeLessThan(200);
  });
});

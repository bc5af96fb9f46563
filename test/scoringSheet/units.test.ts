/**
 * Who is assessed on which books: a unit's own book with the common tables that apply to it, tables that are not a
 * unit's left out of the ranking - the same whether the county book is kept one sheet per part or one per unit.
 */
import path from "node:path";
import { readXlsx } from "../../src/cli/xlsxRead";
import { readBooks } from "../../src/core/layout";
import { assessedUnits, groupLabel, type AssessedUnit } from "../../src/core/scoringSheet";
import { grid } from "../helpers/grid";

const SEEDS = path.join(__dirname, "../../seeds");
const brief = (units: AssessedUnit[]) => units.map((u) => ({ unit: u.unit, group: u.group, books: u.books.map((b) => b.unit), ranked: u.ranked }));

test("seed 001 by parts and by units: the same units, groups and parts", async () => {
  const byParts = brief(assessedUnits(readBooks(await readXlsx(path.join(SEEDS, "001_c9fa6fd301574412.xlsx"))).books));
  const byUnits = brief(assessedUnits(readBooks(await readXlsx(path.join(SEEDS, "001_c9fa6fd301574412.units.xlsx"))).books));
  expect(byUnits).toEqual(byParts);
  expect(byParts.length).toBe(87);
  const groups = new Map<string, number>();
  for (const u of byParts) if (u.group) groups.set(u.group, (groups.get(u.group) ?? 0) + 1);
  expect(Object.fromEntries(groups)).toEqual({
    "镇（办、中心）": 20, 党委工作部门: 9, 群团组织: 8, 执法监督部门: 8, 民生保障部门: 9, 经济发展部门: 8, 涉农部门: 6, 产业园区管委会: 2, 省市驻佳单位: 16,
  });
});

test("a common table applies to the units after it, up to the next part; one that lists its units, to those", () => {
  const header = ["类别", "考核内容", "分值"];
  const { books } = readBooks([
    grid([["各镇共性考核指标"], header, ["党建", "落实主体责任", 50], ["作风", "改进作风", 50]], [], "共性"),
    grid([["镇目标责任考核指标"], ["1.甲镇"], header, ["经济", "招商引资", 100], ["2.乙镇"], header, ["经济", "招商引资", 100]], [], "镇"),
    grid([["三、园区管委会目标责任考核指标"], ["1.某园区管委会"], header, ["建设", "完成园区建设", 100]], [], "园区"),
    grid([["驻县单位共性考核指标"], ["1.县税务局  2.县气象局"], header, ["党建", "落实主体责任", 100]], [], "驻县"),
  ]);
  expect(brief(assessedUnits(books))).toEqual([
    { unit: "甲镇", group: "镇", books: ["甲镇", "各镇共性考核指标"], ranked: true },
    { unit: "乙镇", group: "镇", books: ["乙镇", "各镇共性考核指标"], ranked: true },
    { unit: "某园区管委会", group: "园区管委会", books: ["某园区管委会"], ranked: true },
    { unit: "县税务局", group: "驻县单位", books: ["驻县单位共性考核指标"], ranked: true },
    { unit: "县气象局", group: "驻县单位", books: ["驻县单位共性考核指标"], ranked: true },
  ]);
});

test("group names drop numbering and the usual suffixes", () => {
  expect(groupLabel("二、县直部门目标责任考核指标")).toBe("县直部门");
  expect(groupLabel("（一）党委工作部门")).toBe("党委工作部门");
  expect(groupLabel("各镇（办、中心）共性考核指标")).toBe("镇（办、中心）");
  expect(groupLabel("考核指标")).toBe("考核指标");
  expect(groupLabel(null)).toBeNull();
});

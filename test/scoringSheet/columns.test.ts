/**
 * A scoring sheet's columns are ids: the header the writer puts in each language is read back to the same columns,
 * and every column id has its header text in both languages.
 */
import { COLUMN_HEADERS, isScoringSheetValues, scoringColumns, scoringHeader, sheetColumns, type ColumnId } from "../../src/core/scoringSheet";

const IDS = Object.keys(COLUMN_HEADERS) as ColumnId[];

describe.each(["zh", "en"] as const)("a header written in %s", (language) => {
  test.each([0, 1, 3])("with %i assessor groups is read back to the writer's columns", (groups) => {
    const labels = ["市领导", "部门", "县区"].slice(0, groups);
    const header = scoringHeader(labels, language);
    const cols = scoringColumns(groups);
    expect(header).toHaveLength(cols.count);
    const read = sheetColumns(header.map((text, i) => [i + 1, text]))!;
    expect(read).not.toBeNull();
    for (const id of IDS) expect([id, read.at.get(id)]).toEqual([id, cols[id] + 1]);
    expect(read.groups).toEqual(cols.groups.map((c) => c + 1));
  });
});

test("every column has a header in each language, and no two columns share one", () => {
  for (const language of ["zh", "en"] as const) {
    const texts = IDS.map((id) => COLUMN_HEADERS[id][language]);
    expect(texts.every((t) => t.trim() !== "")).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  }
});

test("a sheet is a scoring sheet by its key column in the header row, not by other headers", () => {
  const header = scoringHeader([]);
  expect(isScoringSheetValues([["评分表"], [], header])).toBe(true);
  expect(isScoringSheetValues([["评分表"], [], header.filter((h) => h !== COLUMN_HEADERS.key.zh)])).toBe(false);
  expect(sheetColumns([[1, "序号"], [2, "实际完成"]])).toBeNull();
});

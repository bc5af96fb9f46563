/**
 * New sheets are named as Excel allows and never over an existing sheet: a name taken (in any case) gets " (2)",
 * " (3)"… - the first free - cut to 31 characters, also when the same name is asked for thousands of times.
 */
import { SheetNames } from "../../src/core/sheetSpec";

test("a name taken gets the first free number, in any case, within 31 characters", () => {
  const names = new SheetNames(["评分-螅镇", "评分-螅镇 (3)", "Sheet"]);
  expect(["评分-螅镇", "评分-螅镇", "评分-螅镇", "sheet", "a/b:c"].map((n) => names.take(n))).toEqual([
    "评分-螅镇 (2)", "评分-螅镇 (4)", "评分-螅镇 (5)", "sheet (2)", "abc",
  ]);
  const long = "一".repeat(40);
  expect([names.take(long), names.take(long)]).toEqual(["一".repeat(31), `${"一".repeat(27)} (2)`]);
});

test("the same name asked for 20,000 times: every name different, and quickly", () => {
  const names = new SheetNames([]);
  const start = Date.now();
  const taken = Array.from({ length: 20_000 }, () => names.take("评分-县公安局"));
  expect(new Set(taken).size).toBe(20_000);
  expect(taken.at(-1)).toBe("评分-县公安局 (20000)");
  // Counting up from 2 for each would take 200 million lookups.
  expect(Date.now() - start).toBeLessThan(1000);
});

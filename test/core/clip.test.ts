import { clipText } from "../../src/core/clip";

/** Every opening quote or bracket has its closing one after it. */
function balanced(text: string): boolean {
  const pairs: Record<string, string> = { "“": "”", "《": "》", "（": "）", "(": ")", "【": "】" };
  const stack: string[] = [];
  for (const c of text) {
    if (c in pairs) stack.push(pairs[c]);
    else if (Object.values(pairs).includes(c) && stack.pop() !== c) return false;
  }
  return stack.length === 0;
}

test.each([
  // [text, limit, shortened]
  ["在县政务服务中心设立“园区审批窗口”，实行项目审批“全程代办”、“一站式”服务", 30, "在县政务服务中心设立“园区审批窗口”，实行项目审批…"],
  ["“双随机、一公开”监管全覆盖，抽查比例不低于百分之五十", 5, "“双随机…”"],
  ["《曙光》启动创作，反映毛主席在佳县一百天的长篇小说", 10, "《曙光》启动创作，反…"],
  ["短名", 5, "短名"],
  ["两行的\n指标名称", 20, "两行的 指标名称"],
  ["完成率达到百分之九十五，", 12, "完成率达到百分之九十五，"],
  ["完成率达到百分之九十五，并且", 11, "完成率达到百分之九十五…"],
])("%s cut at %d: %s", (text, max, expected) => {
  const cut = clipText(text, max);
  expect(cut).toBe(expected);
  expect(balanced(cut)).toBe(true);
});

test("a cut never splits a character outside the basic plane", () => {
  expect(clipText("𠀀𠀁𠀂𠀃", 2)).toBe("𠀀𠀁…");
});

import { abbreviates, aliasesFromGrid, aliasesFromJson, itemsByOwner, OwnerOffices, splitOwners } from "../../src/core/summary/owners";

const names = (text: string) => splitOwners(text).map((s) => `${s.name}${s.lead ? "*" : ""}`);

test.each([
  // [owner cell, units (* leads)]
  ["县发改局、县卫健局、县民政局", ["县发改局*", "县卫健局", "县民政局"]],
  ["县发改局，县财政局", ["县发改局*", "县财政局"]],
  ["县发改局和县财政局", ["县发改局*", "县财政局"]],
  ["县教育局及县民政局", ["县教育局*", "县民政局"]],
  ["县教育局\n县民政局", ["县教育局*", "县民政局"]],
  ["县发展改革和科技局", ["县发展改革和科技局*"]],
  ["县自然资源和规划局、县住房和城乡建设局", ["县自然资源和规划局*", "县住房和城乡建设局"]],
  ["县卫生\n健康局", ["县卫生健康局*"]],
  ["县卫健局县医保局", ["县卫健局*", "县医保局"]],
  ["区委区政府", ["区委*", "区政府"]],
  ["县委办公室", ["县委办公室*"]],
  ["县市场监督管理局", ["县市场监督管理局*"]],
  ["县委县政府督查室", ["县委*", "县政府督查室"]],
  ["各镇（办、中心）", ["各镇（办、中心）*"]],
  ["县财政局配合，县发改局牵头", ["县财政局", "县发改局*"]],
  ["县住建局（牵头）、县自然资源局", ["县住建局*", "县自然资源局"]],
  ["牵头单位：县应急局；配合单位：县公安局、县交通局", ["县应急局*", "县公安局", "县交通局"]],
  ["县发改局等", ["县发改局*"]],
  ["县卫健局、县卫健局", ["县卫健局*"]],
  ["", []],
])("%s", (cell, expected) => {
  expect(names(cell)).toEqual(expected);
});

test.each([
  ["县卫健局", "县卫生健康局", true],
  ["县发改局", "县发展改革和科技局", true],
  ["县委办", "县委办公室", true],
  ["县政府办", "县政府办公室", true],
  ["县人社局", "县人力资源和社会保障局", true],
  ["县发改委", "县发展和改革委员会", true],
  ["市卫健局", "县卫生健康局", false],
  ["县委办", "县委宣传部", false],
  ["县环保局", "县生态环保局", false],
  ["县公安局", "县公共法律服务中心", false],
  ["县政府", "县政府办公室", false],
  ["县财政局", "县审计局", false],
])("%s shortens %s: %s", (short, long, expected) => {
  expect(abbreviates(short, long)).toBe(expected);
});

test("one office per set of names; a short name that fits two offices stays apart", () => {
  const offices = new OwnerOffices(["县卫健局", "县卫生健康局", "县委办", "县委办公室", "县环保局", "县生态环境局", "市卫健局", "县教育局", "县教育和体育局", "县教育科学研究所"]);
  expect(offices.office("县卫健局")).toBe("县卫生健康局");
  expect(offices.office("县委办")).toBe("县委办公室");
  expect(offices.office("县环保局")).toBe("县生态环境局");
  expect(offices.office("市卫健局")).toBe("市卫健局");
  expect(offices.office("县教育局")).toBe("县教育和体育局");
  // Two offices the short name could be (县农业农村局, 县农业机械管理局): it stays as it is.
  const ambiguous = new OwnerOffices(["县农业局", "县农业农村局", "县农业机械管理局"]);
  expect(ambiguous.office("县农业局")).toBe("县农业局");
});

test("the user's table joins offices and names them", () => {
  const aliases = aliasesFromJson({ 县农业农村局: ["县扶贫办"], 县卫健局: "县卫生健康局" });
  const offices = new OwnerOffices(["县扶贫办", "县农业农村局", "县卫生健康局", "县卫健局"], aliases);
  expect(offices.office("县扶贫办")).toBe("县农业农村局");
  expect(offices.office("县卫生健康局")).toBe("县卫健局");
  expect(() => aliasesFromJson({ 县农业农村局: 3 })).toThrow();
  expect(() => aliasesFromJson(["县农业农村局"])).toThrow();
});

test("a 单位别名 sheet: a header row, a name and its aliases beside it or in one cell", () => {
  const aliases = aliasesFromGrid({
    sheet: "单位别名",
    values: [["单位名称", "别名"], ["县发展改革和科技局", "县发改局", "发改局"], ["县委办公室", "县委办、县委办公厅"], ["只有一个名字"]],
    merges: [],
  });
  expect([...aliases]).toEqual([
    ["县发展改革和科技局", "县发展改革和科技局"], ["县发改局", "县发展改革和科技局"], ["发改局", "县发展改革和科技局"],
    ["县委办公室", "县委办公室"], ["县委办", "县委办公室"], ["县委办公厅", "县委办公室"],
  ]);
});

test("items by owner: a shared item under each of its offices, the lead marked", () => {
  const byOwner = itemsByOwner([
    { item: "a", owner: "县发展改革和科技局" },
    { item: "b", owner: "县发改局、县卫健局" },
    { item: "c", owner: "县卫生健康局" },
    { item: "d", owner: null },
  ], "（未指定）");
  expect([...byOwner.keys()]).toEqual(["县发展改革和科技局", "县卫生健康局", "（未指定）"]);
  expect(byOwner.get("县发展改革和科技局")!.map((o) => [o.item, o.lead])).toEqual([["a", true], ["b", true]]);
  expect(byOwner.get("县卫生健康局")!.map((o) => [o.item, o.lead, o.others.map((x) => x.name)])).toEqual([["b", false, ["县发展改革和科技局"]], ["c", true, []]]);
});

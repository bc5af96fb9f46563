import { readBooks } from "../../src/core/layout";
import { checkBooks } from "../../src/core/rules";
import { render } from "../../src/locales";
import { categoriesOf, indicatorsOf } from "../../src/core/book";
import { grid } from "../helpers/grid";

const pts = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());

describe("reading books from sheets", () => {
  test("categories from vertical merges, indicators with points in their name, leaf rows spanning two columns", () => {
    const { books } = readBooks([grid([
      ["1．螅镇", null, null],
      ["类别", "指标及分值", "目标要求"],
      ["乡村振兴\n\n20分", "农业农村工作\n\n5分", "粮食播种面积24000亩"],
      [null, "林业工作15分", "义务植树3万株"],
      ["脱贫攻坚分5分", null, "完成年度脱贫攻坚任务。"],
    ], ["A3:A4", "A5:B5"])]);
    expect(books).toHaveLength(1);
    const [book] = books;
    expect(book.unit).toBe("螅镇");
    expect(book.cell).toBe("A2");
    expect(book.categories.map((c) => [c.name, pts(c.points), c.leaf, c.cell])).toEqual([
      ["乡村振兴", "20", false, "A3"],
      ["脱贫攻坚", "5", true, "A5"],
    ]);
    expect(indicatorsOf(book).map((i) => [i.name, pts(i.points), i.cell, i.targetCell])).toEqual([
      ["农业农村工作", "5", "B3", "C3"],
      ["林业工作", "15", "B4", "C4"],
      ["脱贫攻坚", "5", "A5", "C5"],
    ]);
  });

  test("a blank first cell continues the category above, and a blank owner means the unit above", () => {
    const { books } = readBooks([grid([
      ["考核内容", "考核指标", "责任单位"],
      ["经济发展（20分）", "生产总值增长7%（2分）", "县发展改革和科技局"],
      [null, "全社会固定资产投资增长12%（18分）", null],
    ])]);
    const [book] = books;
    expect(book.kind).toBe("decomposition");
    expect(book.categories).toHaveLength(1);
    expect(indicatorsOf(book).map((i) => [i.name, pts(i.points), i.owner, i.pointsSource])).toEqual([
      ["生产总值增长7%", "2", "县发展改革和科技局", "text"],
      ["全社会固定资产投资增长12%", "18", "县发展改革和科技局", "text"],
    ]);
  });

  test("a negative list keeps penalties negative, reads tiers, and skips a repeated header", () => {
    const { books } = readBooks([grid([
      ["负面清单考核指标", null, null, null],
      ["考核内容", "考核指标", "责任单位", "扣分\n\n分值"],
      ["生态文明", "未完成生态文明建设年度工作任务的", "县委办", "-1.5"],
      ["考核内容", "考核指标", "责任单位", "扣分\n\n分值"],
      ["脱贫攻坚", "受到省上通报批评的扣1.5分，被市上通报的扣1分，被县上通报的扣0.5分。", "相关单位", null],
    ])]);
    expect(books).toHaveLength(1);
    const [book] = books;
    expect(book.kind).toBe("penalty-list");
    expect(book.unit).toBe("负面清单考核指标");
    const [first, tiered] = indicatorsOf(book);
    expect([first.kind, pts(first.points)]).toEqual(["penalty", "-1.5"]);
    expect([tiered.points, tiered.tiers.map((t) => t.toFixed())]).toEqual([null, ["-1.5", "-1", "-0.5"]]);
  });

  test("a bonus section with per-item caps, a points column and the method's base, weights and veto", () => {
    const { books } = readBooks([grid([
      ["考核基础分为100分，另设加分项目10分。", null, null, null],
      ["其中，市科协领导评分占40%，机关各部门评分占30%，县区科协评分占30%。对发生重大违纪的单位实行一票否决制。", null, null, null],
      ["项目", "序号", "考核内容及标准", "分值"],
      ["为科技工作者服务13分", 1, "组织开展系列活动", "4分"],
      [null, 2, "建立健全表彰奖励制度", 9],
      ["加分项目\n\n10分", 1, "荣获表彰", "最高\n\n4分"],
      [null, 2, "信息被采用", "最高2分"],
    ], ["A4:A5", "A6:A7"])]);
    const [book] = books;
    expect([pts(book.base), book.baseStated, pts(book.bonusCap)]).toEqual(["100", true, "10"]);
    expect(book.weights.map((w) => [w.label, pts(w.weight)])).toEqual([["市科协领导", "0.4"], ["机关各部门", "0.3"], ["县区科协", "0.3"]]);
    expect(book.veto).toContain("一票否决");
    const [service, bonus] = book.categories;
    expect([service.kind, pts(service.points)]).toEqual(["normal", "13"]);
    expect(service.indicators.map((i) => [i.number, pts(i.points), i.pointsSource])).toEqual([["1", "4", "column"], ["2", "9", "column"]]);
    expect([bonus.kind, pts(bonus.cap)]).toEqual(["bonus", "10"]);
    expect(bonus.indicators.map((i) => [i.kind, pts(i.points), pts(i.cap)])).toEqual([["bonus", "4", "4"], ["bonus", "2", "2"]]);
  });

  test("a matrix gives one book per unit, merged cells shared, numbered items split", () => {
    const { books } = readBooks([grid([
      ["序号", "部门", "组织保障（20分）", "重点工作（60分）"],
      [1, "市发改委", "有安排部署（20分）", "1.协助制定方案（20分）；2.组织编制项目（20分）；3.争取资金（20分）。"],
      [2, "市财政局", null, "1.落实预算资金1.5亿元（30分）2.配合投融资（30分）"],
    ], ["C2:C3"])]);
    expect(books.map((b) => [b.kind, b.unit, b.cell])).toEqual([["matrix", "市发改委", "B2"], ["matrix", "市财政局", "B3"]]);
    const finance = books[1];
    expect(finance.categories.map((c) => [c.name, pts(c.points), c.cell])).toEqual([["组织保障", "20", "C1"], ["重点工作", "60", "D1"]]);
    expect(finance.categories[0].indicators.map((i) => [pts(i.points), i.cell])).toEqual([["20", "C2"]]);
    expect(finance.categories[1].indicators.map((i) => [i.number, pts(i.points)])).toEqual([["1", "30"], ["2", "30"]]);
  });

  test("several books on one sheet split at title rows even without a repeated header", () => {
    const { books } = readBooks([grid([
      ["县直部门目标责任考核指标", null, null],
      ["（一）党委工作部门", null, null],
      ["1.县纪委监委", null, null],
      ["类别", "考核内容", "分值"],
      ["职能工作", "深化纪检监察体制机制改革。", 90],
      ["改革创新", "完成改革任务。", 10],
      ["2.县委办公室", null, null],
      ["职能工作", "做好公文起草和处理工作。", 100],
      ["注：未承担某项任务的部门，该项分值可调整。", null, null],
    ])]);
    expect(books.map((b) => [b.unit, b.group, b.categories.length])).toEqual([["县纪委监委", "党委工作部门", 2], ["县委办公室", "党委工作部门", 1]]);
    expect(books[1].notes.map((n) => n.cell)).toEqual(["A9"]);
  });

  test("pending rows, references and deduction-only categories are recognised", () => {
    const { books } = readBooks([grid([
      ["工作任务", null, "目标及质量要求"],
      ["省考指标", null, "待省考目标任务确定后另行分解下达。"],
      ["安全稳定30分", "信访工作5分", "见专项责任书。"],
      ["争创一流工作成效\n\n（实行扣分制考核）", null, "全面建成智媒平台。"],
    ], ["A1:B1", "A2:B2", "A4:B4"])]);
    expect(books[0].categories.map((c) => [c.name.slice(0, 8), c.kind])).toEqual([
      ["省考指标", "pending"], ["安全稳定", "reference"], ["争创一流工作成效", "deduction"],
    ]);
  });

  test("a one-column table takes its categories from numbered section rows", () => {
    const { books } = readBooks([grid([
      ["序号", "考核指标"],
      [null, "一、经济发展（20分）"],
      [1, "生产总值增长7%（12分）"],
      [2, "固定资产投资增长12%（8分）"],
      [null, "二、民生保障（80分）"],
      [3, "城镇居民收入增长8%（80分）"],
    ])]);
    expect(books[0].categories.map((c) => [c.name, c.points?.toFixed(), c.indicators.length])).toEqual([["经济发展", "20", 2], ["民生保障", "80", 1]]);
  });

  test("a header of two labels, one of them unknown (工作举措), heads a table when the rows below state points", () => {
    const { books, sheets } = readBooks([
      grid([
        ["各镇共性考核指标", null],
        ["考核项目", "工作举措"],
        ["党的建设（20分）", "落实全面从严治党主体责任（12分）；抓好基层党组织建设（8分）"],
        ["乡村振兴（30分）", "粮食播种面积稳定（30分）"],
      ], [], "共性"),
      grid([["项目", "名称", "金额"], ["办公用品", "纸", 12], ["办公用品", "笔", 8], ["差旅", "车费", 30]], [], "报销"),
    ]);
    expect(books.map((b) => [b.sheet, b.categories.map((c) => [c.name, pts(c.points)])])).toEqual([
      ["共性", [["党的建设", "20"], ["乡村振兴", "30"]]],
    ]);
    expect(books[0].columns.map((c) => [c.label, c.role])).toEqual([["考核项目", "category"], ["工作举措", "target"]]);
    expect(render(sheets[1].reason!, "zh")).toContain("最接近的是第1行（项目、名称、金额）");
  });

  test("a label over merged columns whose rows are merged alike is one column; the points may stand last, after the score columns", () => {
    const { books } = readBooks([grid([
      ["考核项目", "评价内容", null, null, "自评", "领导评", "本栏得分", "满分"],
      ["工作态度", "严格遵守公司各项规章制度，纪律性强。", null, null, null, null, null, 5],
      [null, "积极完成领导交办的临时任务。", null, null, null, null, null, 3],
      ["业务能力", "监督各部门对相关制度的执行。", null, null, null, null, null, 2],
      ["总分", null, null, null, null, null, null, 10],
    ], ["B1:D1", "A2:A3", "B2:D2", "B3:D3", "B4:D4", "B5:G5"])]);
    expect(books[0].categories.map((c) => [c.name, c.indicators.map((i) => [i.target, pts(i.points)])])).toEqual([
      ["工作态度", [["严格遵守公司各项规章制度，纪律性强。", "5"], ["积极完成领导交办的临时任务。", "3"]]],
      ["业务能力", [["监督各部门对相关制度的执行。", "2"]]],
    ]);
    expect(books[0].totals.map((t) => [t.label, pts(t.stated)])).toEqual([["总分", "10"]]);
  });

  test("a column under no label that holds the items' texts is read by its place: the target after the categories", () => {
    const { books } = readBooks([grid([
      ["评价内容", null, null, "自评", "满分"],
      ["公司营运管理", "营运管理", "服从统一指挥，认真执行工作指令", null, 5],
      [null, null, "协调好各部门工作和日常事务", null, 3],
      [null, "市场管理", "销售计划完成率", null, 12],
      ["工作能力", "计划性", "工作事前计划程度，安排分配合理", null, 4],
      [null, "应变力", "对突发事件的处理灵活", null, 4],
    ], ["A1:B1", "A2:A4", "B2:B3", "A5:A6"])]);
    expect(books[0].categories.map((c) => c.name)).toEqual(["公司营运管理", "工作能力"]);
    expect(indicatorsOf(books[0]).map((i) => [i.target, pts(i.points)])).toEqual([
      ["服从统一指挥，认真执行工作指令", "5"],
      ["协调好各部门工作和日常事务", "3"],
      ["销售计划完成率", "12"],
      ["工作事前计划程度，安排分配合理", "4"],
      ["对突发事件的处理灵活", "4"],
    ]);
  });

  test("总分 stated on the first row under the header covers the categories below it; points beside a sparse unlabelled column are the items'", () => {
    const rows = (total: number) => [
      ["序号", "考核项目", null, "各项分值", "考核内容", "评分标准"],
      [null, "总分", null, total, null, null],
      [1, "组织领导", null, 8, "组织领导", "积极配合各乡镇开展工作（8分）。"],
      [2, "日常工作", null, 7, "调整领导小组", "成立领导小组（4分）；部署工作（3分）。"],
      [3, "重点工作", "县农粮局", 30, "畜禽养殖污染控制", "建立台账（30分）"],
      [null, null, null, 55, "化肥农药减量化", "推广生物农药（55分）"],
    ];
    const { books } = readBooks([grid(rows(100))]);
    expect(books[0].totals.map((t) => [t.label, pts(t.stated), t.covers])).toEqual([["总分", "100", ["组织领导", "日常工作", "重点工作"]]]);
    expect(indicatorsOf(books[0]).map((i) => [i.target, pts(i.points)])).toEqual([
      ["组织领导", "8"], ["调整领导小组", "7"], ["畜禽养殖污染控制", "30"], ["化肥农药减量化", "55"],
    ]);
    expect(checkBooks(books).filter((f) => f.severity === "error")).toEqual([]);
    const short = checkBooks(readBooks([grid(rows(90))]).books).filter((f) => f.severity === "error");
    expect(short.map((f) => [f.rule, f.cell, pts(f.stated), pts(f.computed)])).toEqual([["category-sum", "B2", "90", "100"]]);
  });

  test("rows numbered 一、 in the 序号 column are sections over the categories of the category column", () => {
    const rows = (first: number) => [
      ["序号", "考核项目", "分值", "考核内容"],
      ["一、", "党的建设", 30, null],
      [1, "班子建设", first, "领导班子团结，民主生活会按时召开"],
      [2, "党风廉政", 20, "落实主体责任，无违纪案件"],
      ["二、", "经济发展", 70, null],
      [1, "招商引资", 40, "引进项目5个"],
      [2, "项目建设", 30, "重点项目开工率100%"],
    ];
    const { books } = readBooks([grid(rows(10))]);
    expect(categoriesOf(books[0]).map((c) => [c.level, c.name, pts(c.points)])).toEqual([
      [1, "党的建设", "30"], [2, "班子建设", "10"], [2, "党风廉政", "20"],
      [1, "经济发展", "70"], [2, "招商引资", "40"], [2, "项目建设", "30"],
    ]);
    expect(checkBooks(books).filter((f) => f.severity === "error")).toEqual([]);
    const over = checkBooks(readBooks([grid(rows(15))]).books).filter((f) => f.severity === "error");
    expect(over.map((f) => [f.rule, f.category, pts(f.stated), pts(f.computed)])).toEqual([["category-sum", "党的建设", "30", "35"]]);
  });

  test("a section whose units are each scored on its points (各60分) is not their sum", () => {
    const rows = (second: number) => [
      ["序号", "考核项目", null, "各项分值", "考核内容", "评分标准"],
      [null, "总分", null, 100, null, null],
      ["一、", "通用考核项目", null, 40, null, null],
      [1, "组织领导", null, 20, "组织领导", "积极配合开展工作（20分）"],
      [2, "宣传工作", null, 20, "工作宣传", "有宣传资料（20分）"],
      ["二、", "部门履职差异考核项目", null, 60, null, null],
      [1, "重点考核部门", "县委农工部", 60, "农村生活垃圾专项治理", "垃圾分类试点（60分）"],
      [2, null, "县农粮局", 30, "畜禽养殖污染控制", "建立台账（30分）"],
      [null, null, null, second, "化肥农药减量化", "推广生物农药"],
    ];
    const errors = (second: number) => checkBooks(readBooks([grid(rows(second))]).books).filter((f) => f.severity === "error");
    expect(errors(30)).toEqual([]);
    expect(errors(20).map((f) => [f.rule, f.category, pts(f.stated), pts(f.computed)])).toEqual([
      ["category-sum", "部门履职差异考核项目", "60", "110"],
      ["category-sum", "总分", "100", "150"],
    ]);
  });

  test("sheets that hold no book are reported, not crashed on", () => {
    const { books, sheets } = readBooks([
      grid([], [], "空表"),
      grid([["会议纪要"], ["今天开会讨论了考核办法。"]], [], "纪要"),
      grid([["类别", "分值"]], [], "只有表头"),
    ]);
    expect(books).toHaveLength(0);
    expect(sheets.map((s) => [s.sheet, s.books])).toEqual([["空表", 0], ["纪要", 0], ["只有表头", 0]]);
    expect(render(sheets[0].reason!, "zh")).toMatch(/为空/);
    expect(render(sheets[1].reason!, "zh")).toMatch(/表头/);
  });
});

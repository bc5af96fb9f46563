/**
 * The words of responsible units (责任单位, 牵头单位) as data: the short and full names offices go by, what ends a
 * unit's name, the place a name starts with, and the words that mark a unit as leading or assisting. Used by
 * src/core/summary/owners.ts to split joint owners and to take two names of one office for one.
 */

/**
 * Names of one office, without the place they start with (县, 市, 区 …): "县卫健局" and "县卫生健康局" are one office,
 * and so are "市卫健局" and "市卫生健康局". Each line holds names of the same office; pairs that the abbreviation rule
 * (owners.ts) finds by itself are listed too, so that the table reads as the list of common pairs it is. A user adds
 * more with a JSON file beside the workbook or a 单位别名 sheet (README, docs/HELP.md).
 */
export const OWNER_ALIASES: readonly (readonly string[])[] = [
  ["委办", "委办公室"],
  ["政府办", "政府办公室"],
  ["人大办", "人大办公室", "人大常委会办公室"],
  ["政协办", "政协办公室"],
  ["委编办", "编办", "委机构编制委员会办公室", "机构编制委员会办公室"],
  ["委组织部", "组织部"],
  ["委宣传部", "宣传部"],
  ["委统战部", "统战部"],
  ["委政法委", "政法委"],
  ["纪委", "纪委监委", "纪委监察委"],
  ["发改局", "发展改革局", "发展和改革局"],
  ["发改委", "发展改革委", "发展和改革委员会"],
  ["卫健局", "卫生健康局", "卫生和健康局"],
  ["卫健委", "卫生健康委", "卫生健康委员会"],
  ["人社局", "人力资源和社会保障局", "人力资源社会保障局"],
  ["住建局", "住房和城乡建设局", "住房城乡建设局"],
  ["市监局", "市场监管局", "市场监督管理局"],
  ["应急局", "应急管理局"],
  ["文旅局", "文化和旅游局", "文化旅游局"],
  ["教体局", "教育和体育局", "教育体育局"],
  ["工信局", "工业和信息化局"],
  ["科技局", "科学技术局"],
  ["医保局", "医疗保障局"],
  ["退役军人局", "退役军人事务局"],
  ["城管局", "城市管理局", "城市管理综合执法局", "城市管理执法局"],
  ["交通局", "交通运输局"],
  ["自然资源局", "自然资源和规划局", "自然资源规划局"],
  ["林业局", "林业和草原局"],
  ["环保局", "生态环境局", "生态环保局"],
  ["审批服务局", "行政审批服务局", "行政审批局"],
];

/** What ends a unit's name, longest first: the part the abbreviation rule keeps apart from the name's core. */
export const OWNER_SUFFIXES = ["办公室", "委员会", "管委会", "中心", "局", "办", "委", "部", "室"] as const;

/** Suffixes that name the same kind of office in short and in full: "县政府办" is "县政府办公室". */
export const SAME_SUFFIX: Record<string, string> = { 办: "办公室", 委: "委员会" };

/** A name that ends as a unit's does: joint owners joined by 和, 及, 与 or a line break are split only after one. */
export const ENDS_AS_UNIT = /(局|办|委|部|中心|室|会|院|所|队|站|处|科|厅|团|社|馆|行|公司|组|镇|乡|街道|区|县|市|政府|机关|人大|政协|法院)$/;

/** Two names run together (the reader joins the lines of a cell): "县卫健局县医保局" is cut where a name that ends as
 * an office's is followed by the next one's place. */
export const RUN_TOGETHER = /(局|办|委|部|中心|室|院|所|队|站|处|厅|政府)$/;
export const NEXT_PLACE = /^[县市区](?!场|委办|直)../;

/** The place a name starts with ("县", "市", "榆林市", "佳县"): up to six characters ending in a level of government. */
export const OWNER_PLACE = /^(.{0,6}?(?:省|市|县|区|州|旗|盟))(?=.)/;

/** Separators of joint owners that are always separators (outside brackets). */
export const OWNER_SEPARATORS = /[、，,；;／/]/;
/** Words that join two owners only when the part before them ends as a unit's name ("县发改局和县财政局", not
 * "县发展改革和科技局"). */
export const OWNER_JOINERS = /[和及与]/;

/** A label that says which owners follow: "牵头单位：", "配合：". */
export const OWNER_ROLE_LABEL = /(牵头单位|牵头部门|主责单位|责任单位|责任部门|配合单位|配合部门|协办单位|协助单位|牵头|配合|协办)[:：]/g;
/** A role written after a name: "县发改局（牵头）", "县财政局配合". */
export const OWNER_ROLE_AFTER = /(?:[（(](牵头|主责|负责|配合|协办|协助)[）)]|(牵头|配合|协办|协助))$/;
/** The roles that lead; the others assist. */
export const LEAD_ROLE = /牵头|主责|负责|责任/;
/** Words after a list of owners that are no name: "县发改局等". */
export const OWNER_TRAILER = /(等(?:部门|单位)?|等)$/;

/**
 * A corpus of bad workbooks, built on the fly: the files users really send after copy and paste and renaming.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { SEEDS, storedZip } from "../cli/run";
import { chartsAndComments, farCellBook, macroBook, sharedStringBomb, wholeSheetMergeBook } from "./packages";

export interface CorpusFile {
  name: string;
  file: string;
  /** True when the file is not a workbook at all, or beyond the reader's limits (exit 2 expected). */
  unreadable: boolean;
  /** False when ExcelJS itself cannot load the file: it would build every cell of a whole-sheet merge, and it
   * fails on a comment written as openpyxl writes them. */
  excelJsLoads: boolean;
}

async function workbook(file: string, fill: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  fill(book);
  await book.xlsx.writeFile(file);
}

/** A book of 200,000 indicator rows, written by ExcelJS's streaming writer. */
async function hugeBook(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = writer.addWorksheet("超大表");
  sheet.addRow(["类别", "考核内容", "分值"]).commit();
  for (let i = 0; i < rows; i++) {
    sheet.addRow([i % 100 === 0 ? `类别${i / 100 + 1}` : null, `第${i + 1}项工作任务，完成率达到100%`, 1]).commit();
  }
  await writer.commit();
}

export async function buildCorpus(dir: string, hugeRows = 200_000): Promise<CorpusFile[]> {
  const seed = path.join(SEEDS, "001_c9fa6fd301574412.xlsx");
  const at = (name: string) => path.join(dir, name);
  const files: CorpusFile[] = [];
  const add = (name: string, unreadable: boolean, excelJsLoads = true) => files.push({ name, file: at(name), unreadable, excelJsLoads });

  writeFileSync(at("零字节.xlsx"), "");
  add("零字节.xlsx", true);
  const bytes = readFileSync(seed);
  writeFileSync(at("截断.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
  add("截断.xlsx", true);
  writeFileSync(at("改名的文档.xlsx"), storedZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }));
  add("改名的文档.xlsx", true);
  writeFileSync(at("文本.xlsx"), "类别\t分值\n经济发展\t20\n");
  add("文本.xlsx", true);
  copyFileSync(seed, at("正常.xlsx"));
  add("正常.xlsx", false);

  await workbook(at("公式与错误值.xlsx"), (book) => {
    const sheet = book.addWorksheet("公式");
    sheet.addRow(["类别", "考核内容", "分值"]);
    sheet.addRow(["经济发展（20分）", "生产总值增长7%", { formula: "10+5", result: 15 }]);
    sheet.addRow([null, "招商引资", { error: "#REF!" }]);
    sheet.addRow([null, { formula: "A1&\"无缓存值\"" }, 5]);
    sheet.addRow([null, new Date(Date.UTC(2020, 0, 31)), "５分"]);
    sheet.addRow(["民生保障（80分）", "城镇居民收入增长8%", "80"]);
  });
  add("公式与错误值.xlsx", false);

  await workbook(at("合并跨表头.xlsx"), (book) => {
    const sheet = book.addWorksheet("合并");
    sheet.addRow(["类别", "考核内容", "分值"]);
    sheet.addRow(["经济发展（20分）", "生产总值增长7%", 20]);
    sheet.mergeCells("A1:A2");
    sheet.mergeCells("B1:C1");
  });
  add("合并跨表头.xlsx", false);

  await workbook(at("只有表头.xlsx"), (book) => {
    book.addWorksheet("表头").addRow(["类别", "考核指标", "分值"]);
    book.addWorksheet("空表");
    book.addWorksheet("会议纪要").addRow(["今天开会讨论了考核办法。"]);
  });
  add("只有表头.xlsx", false);

  // Hostile and unusual packages (packages.ts): beyond the limits, or holding what ExcelJS cannot carry.
  await farCellBook(at("远处一格.xlsx"));
  add("远处一格.xlsx", true);
  await sharedStringBomb(at("解压炸弹.xlsx"));
  add("解压炸弹.xlsx", true);
  await wholeSheetMergeBook(at("整表合并.xlsx"));
  add("整表合并.xlsx", false, false);
  await chartsAndComments(at("图表与批注.xlsx"));
  add("图表与批注.xlsx", false, false);
  await macroBook(at("宏.xlsm"));
  add("宏.xlsm", false);

  await hugeBook(at("二十万行.xlsx"), hugeRows);
  add("二十万行.xlsx", false);
  return files;
}

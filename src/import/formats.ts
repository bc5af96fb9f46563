/**
 * What kind of file a user handed in, told from its bytes (never from its name), and what to say when Kaohe cannot
 * read it: which format it is and how to save it as something readable (.xlsx, or .docx for Word), in Chinese and
 * English. Pure: used by the command line and the task pane.
 */
import type { Language } from "../core/rules";

export type FileFormat =
  /** Office Open XML workbook (.xlsx, .xlsm; also what WPS writes as .xlsx). */
  | "xlsx"
  /** OpenDocument spreadsheet (.ods). */
  | "ods"
  /** Word document (.docx). */
  | "docx"
  /** OpenDocument text (.odt). */
  | "odt"
  /** A compound file holding a workbook stream: Excel 97-2003 (.xls, BIFF8) or WPS 表格 (.et). */
  | "xls"
  /** Word 97-2003 (.doc), a compound file with a WordDocument stream. */
  | "doc"
  /** An Office file with a password to open (encrypted package in a compound file). */
  | "encrypted"
  /** Another compound file (PowerPoint 97-2003, an unknown WPS format). */
  | "cfb"
  /** A zip that is none of the above (a .pptx, an archive). */
  | "zip"
  /** A zip that cannot be unpacked (truncated, damaged). */
  | "corrupt-zip"
  | "pdf"
  /** Text: Word-table text, CSV, HTML saved as .xls. */
  | "text"
  | "empty"
  | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The bytes as Latin-1 text: every byte one character, so names in the zip directory can be searched. */
function latin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return parts.join("");
}

/** A compound file's stream name as stored in its directory (UTF-16LE). */
function utf16(name: string): string {
  return name.split("").join("\u0000") + "\u0000";
}

export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) {
    const text = latin1(bytes);
    if (text.includes("xl/workbook")) return "xlsx";
    if (text.includes("word/document.xml")) return "docx";
    if (text.includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
    if (text.includes("application/vnd.oasis.opendocument.text")) return "odt";
    // Without its end record (the zip's directory) the file was cut short: what it held cannot be told.
    if (!text.slice(-65_557).includes("PK\u0005\u0006")) return "corrupt-zip";
    return "zip";
  }
  if (startsWith(bytes, CFB)) {
    const text = latin1(bytes);
    if (text.includes(utf16("EncryptedPackage"))) return "encrypted";
    if (text.includes(utf16("WordDocument"))) return "doc";
    if (text.includes(utf16("Workbook")) || text.includes(utf16("Book"))) return "xls";
    return "cfb";
  }
  if (startsWith(bytes, PDF)) return "pdf";
  const head = bytes.subarray(0, 4096);
  if (!head.includes(0)) return "text";
  return "unknown";
}

/** What the caller wanted to read: a workbook (check, tree, summary, score-sheet) or a Word document. */
export type Wanted = "workbook" | "docx";

/** A file Kaohe cannot read as what was wanted; `format` says what it is. */
export class UnreadableFormatError extends Error {
  constructor(
    readonly format: FileFormat,
    readonly wanted: Wanted,
    /** The reading library's own words, for a damaged file. */
    readonly detail?: string,
  ) {
    super(`${format} file, ${wanted} wanted${detail ? ` (${detail})` : ""}`);
    this.name = "UnreadableFormatError";
  }
}

/** The words for a file name's extension: "WPS 表格 (.et)" rather than "Excel 97-2003" when the name says so. */
function isEt(file: string): boolean {
  return /\.et$/i.test(file);
}

const SAVE_XLSX = {
  zh: "请在 Excel 或 WPS 表格中打开，选择“文件 > 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”",
  en: "open it in Excel or WPS Spreadsheets and use File > Save As > Excel Workbook (*.xlsx)",
};
const SAVE_DOCX = {
  zh: "请在 Word 或 WPS 文字中打开，选择“文件 > 另存为”，保存类型选“Word 文档 (*.docx)”，再用 import-docx 导入",
  en: "open it in Word or WPS Writer, use File > Save As > Word Document (*.docx), then import it with import-docx",
};

/**
 * One line for a file that cannot be read, in the given language: what it is and what to do. English keeps the
 * phrases scripts match ("not an .xlsx workbook", "corrupt or truncated").
 */
export function unreadableMessage(error: UnreadableFormatError, file: string, language: Language): string {
  return `${file}: ${language === "en" ? englishMessage(error, file) : chineseMessage(error, file)}`;
}

function detail(error: UnreadableFormatError): string {
  return error.detail ? ` (${error.detail})` : "";
}

function englishMessage(error: UnreadableFormatError, file: string): string {
  const { format, wanted } = error;
  if (wanted === "docx") {
    switch (format) {
      case "empty": return "the file is empty, not a .docx document";
      case "doc": return `a Word 97-2003 document (.doc), not a .docx: ${SAVE_DOCX.en}`;
      case "xlsx": case "ods": case "xls": return "a workbook, not a Word document: read it directly with check or tree";
      case "odt": return `an OpenDocument text (.odt), not a .docx: ${SAVE_DOCX.en}`;
      case "encrypted": return "a password-protected document: open it, remove the password and save it as .docx";
      case "corrupt-zip": return `corrupt or truncated .docx document${detail(error)}`;
      case "text": return "a text file, not a .docx document: Word-table text is imported with import-text";
      case "pdf": return "a PDF, not a .docx document: use the Word original";
      default: return "not a .docx document (no word/document.xml)";
    }
  }
  switch (format) {
    case "empty": return "the file is empty, not an .xlsx workbook";
    case "docx": return "not an .xlsx workbook (a Word document: turn it into a workbook with import-docx)";
    case "doc": return `not an .xlsx workbook (a Word 97-2003 document: ${SAVE_DOCX.en})`;
    case "odt": return "not an .xlsx workbook (an OpenDocument text: save it as .docx and use import-docx)";
    case "encrypted": return "not an .xlsx workbook it can open (password-protected: remove the password and save it as .xlsx)";
    case "xls":
      return isEt(file)
        ? `a WPS Spreadsheets (.et) workbook that cannot be read${detail(error)}: ${SAVE_XLSX.en}`
        : `corrupt or truncated Excel 97-2003 (.xls) workbook${detail(error)}: ${SAVE_XLSX.en}`;
    case "ods": return `corrupt or truncated OpenDocument (.ods) workbook${detail(error)}: ${SAVE_XLSX.en}`;
    case "cfb":
      return isEt(file)
        ? `a WPS Spreadsheets (.et) file in a format that cannot be read: ${SAVE_XLSX.en}`
        : `not an .xlsx workbook (an Office 97-2003 file without a workbook, or a damaged one: ${SAVE_XLSX.en})`;
    case "zip": return "not an .xlsx workbook (a zip file without a workbook; a renamed .pptx?)";
    case "corrupt-zip": return `corrupt or truncated .xlsx workbook${detail(error)}`;
    case "pdf": return "not an .xlsx workbook (a PDF: use the Excel or Word original)";
    case "text": return "not an .xlsx workbook (a text file: Word-table text is imported with import-text; CSV or HTML: save it as .xlsx)";
    default: return "not an .xlsx workbook (no Excel zip signature)";
  }
}

function chineseMessage(error: UnreadableFormatError, file: string): string {
  const { format, wanted } = error;
  if (wanted === "docx") {
    switch (format) {
      case "empty": return "文件为空，不是 Word 文档 (.docx)";
      case "doc": return `这是 Word 97-2003 文档 (.doc)，无法直接读取：${SAVE_DOCX.zh}`;
      case "xlsx": case "ods": case "xls": return "这是工作簿而不是 Word 文档：请直接用 check 或 tree 读取";
      case "odt": return `这是 OpenDocument 文本 (.odt)：${SAVE_DOCX.zh}`;
      case "encrypted": return "文档设有打开密码：请打开后取消密码，另存为 .docx";
      case "corrupt-zip": return "Word 文档已损坏或不完整";
      case "text": return "这是文本文件而不是 Word 文档：Word 表格文本请用 import-text 导入";
      case "pdf": return "这是 PDF 文件：请使用 Word 原件";
      default: return "不是 Word 文档 (.docx)";
    }
  }
  switch (format) {
    case "empty": return "文件为空，不是工作簿";
    case "docx": return "这是 Word 文档：请用 import-docx 转为工作簿";
    case "doc": return `这是 Word 97-2003 文档 (.doc)：${SAVE_DOCX.zh}`;
    case "odt": return "这是 OpenDocument 文本 (.odt)：请另存为 .docx 后用 import-docx 导入";
    case "encrypted": return "工作簿设有打开密码：请打开后取消密码，另存为 .xlsx";
    case "xls": return isEt(file) ? `无法读取此 WPS 表格文件 (.et)：${SAVE_XLSX.zh}` : `Excel 97-2003 工作簿 (.xls) 已损坏或不完整：${SAVE_XLSX.zh}`;
    case "ods": return `OpenDocument 工作簿 (.ods) 已损坏或不完整：${SAVE_XLSX.zh}`;
    case "cfb": return isEt(file) ? `无法读取此格式的 WPS 表格文件 (.et)：${SAVE_XLSX.zh}` : `这是不含工作簿或已损坏的 Office 97-2003 文件：${SAVE_XLSX.zh}`;
    case "zip": return "不是工作簿（压缩包中没有工作表）";
    case "corrupt-zip": return "工作簿已损坏或不完整";
    case "pdf": return "这是 PDF 文件：请使用 Excel 或 Word 原件";
    case "text": return "这是文本文件而不是工作簿：Word 表格文本请用 import-text 导入；CSV 或网页文件请另存为 .xlsx";
    default: return `不是可读取的工作簿：${SAVE_XLSX.zh}`;
  }
}

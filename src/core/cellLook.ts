/**
 * How each kind of generated cell looks, as plain data: its font, alignment, border, fill and whether the sheet's
 * protection leaves it editable. Every .xlsx writer (ExcelJS's and the package writer's) paints these, so that a
 * cell looks the same whoever wrote it.
 */
import { CELL_FILLS, type CellStyle, type SpecCell } from "./sheetSpec";

/** The font of every sheet Kaohe writes to an .xlsx. */
export const SHEET_FONT = "宋体";

export interface CellLook {
  /** Size in points (absent: the host's default), bold, underlined, colour as RGB hex. */
  font: { size?: number; bold?: boolean; underline?: boolean; color?: string };
  alignment?: { vertical: "top" | "middle"; horizontal?: "center"; wrap?: boolean };
  /** A thin border on every side (Word tables). */
  border?: boolean;
  /** Solid fill, RGB hex. */
  fill?: string;
  /** Left editable when the sheet is protected (an input cell). */
  unlocked?: boolean;
}

/** The look of a cell of `kind` in `style`. */
export function cellLook(kind: SpecCell["kind"], style: CellStyle | undefined): CellLook {
  if (kind === "link") return { font: { color: "0563C1", underline: true }, alignment: { vertical: "top" } };
  if (style === "plain") return { font: { size: 11, bold: false } };
  if (style === "table" || style === "table-header") {
    const header = style === "table-header";
    return { font: { size: 11, bold: header }, alignment: { vertical: "middle", horizontal: header ? "center" : undefined, wrap: true }, border: true };
  }
  const look: CellLook = {
    font: { size: style === "title" ? 14 : 11, bold: style === "header" || style === "total" || style === "title" },
    alignment: { vertical: "top", wrap: style !== "title" },
  };
  const fill = style ? CELL_FILLS[style] : undefined;
  if (fill) look.fill = fill;
  if (style === "input") look.unlocked = true;
  return look;
}

/** The look of a value an input cell refuses (conditional format): dark red text on the error fill. */
export const OUT_OF_RANGE_LOOK = { color: "9C0006", fill: CELL_FILLS.error! } as const;

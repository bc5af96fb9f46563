/**
 * The three hosts run the same use cases (src/app) over their own adapter: the command line over ExcelJS, the task
 * pane over Office.js (office-addin-mock), the preview over the in-memory workbook it loads from the .xlsx. On every
 * seed and corpus workbook they must find the same books and findings, write the same scoring sheets, and - on the
 * workbook with its scoring sheets - the same findings about what was entered and the same summary and ranking
 * sheets: cell by cell (a formula as its text, a link as its text), with the same merges and hidden columns. Each
 * workbook is scored twice: with the add-in's KH formulas and with portable formulas (`--portable`, native Excel).
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook, type WorkbookCheck } from "../../src/app/check";
import { rankUnits } from "../../src/app/ranking";
import { addScoringSheets } from "../../src/app/scoringSheets";
import { addSummarySheets } from "../../src/app/summary";
import { a1, a1Range, parseA1, parseA1Range, type CellGrid, type CellValue } from "../../src/core/grid";
import type { WorkbookAdapter } from "../../src/excel/adapter";
import { exceljsWorkbook } from "../../src/excel/exceljsAdapter";
import type { MemoryWorkbook } from "../../src/excel/memoryAdapter";
import { officeWorkbook } from "../../src/excel/officeAdapter";
import { loadXlsx } from "../../src/preview/xlsxMemory";
import { cellValue, worksheetToGrid } from "../../src/xlsx/worksheetGrid";
import { mockExcel, type MockExcel } from "../excel/officeMock";

const ROOT = path.join(__dirname, "../..");
const WORKBOOKS = [
  ...fs.readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join("seeds", f)),
  ...fs.readdirSync(path.join(ROOT, "test/corpus")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join("test/corpus", f)),
].sort();

/** A written sheet as a user sees it: each cell's value, a formula as "=…", trailing blanks dropped. */
interface Written {
  name: string;
  cells: CellValue[][];
  merges: string[];
  hidden: number[];
}

/** The cells as shown: a merged area shows its top-left cell only; blanks null, trailing blanks dropped. */
function trimmed(rows: CellValue[][], merges: string[]): CellValue[][] {
  for (const merge of merges) {
    const m = parseA1Range(merge);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r > m.top || c > m.left) && rows[r]) rows[r][c] = null;
  }
  const out = rows.map((row) => {
    const r = Array.from(row, (v) => (v === "" || v === undefined ? null : v));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** A host: its adapter over a workbook, and how to read back the sheets it wrote. */
interface Host {
  adapter: WorkbookAdapter;
  written(names: string[]): Written[];
}

async function excelJsHost(bytes: Buffer): Promise<Host & { workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return {
    workbook,
    adapter: exceljsWorkbook(workbook),
    written: (names) =>
      names.map((name) => {
        const ws = workbook.getWorksheet(name)!;
        const cells: CellValue[][] = [];
        ws.eachRow({ includeEmpty: true }, (row, r) => {
          cells[r - 1] = [];
          row.eachCell({ includeEmpty: true }, (cell, c) => {
            const v = cell.value;
            const formula = v !== null && typeof v === "object" && "formula" in v ? `=${v.formula}` : null;
            const text = v !== null && typeof v === "object" && "hyperlink" in v ? String(v.text) : null;
            cells[r - 1][c - 1] = formula ?? text ?? cellValue(v);
          });
        });
        const hidden: number[] = [];
        for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hidden.push(c - 1);
        const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => a1Range(parseA1Range(m)));
        return { name, cells: trimmed(Array.from(cells, (r) => r ?? []), merges), merges: merges.sort(), hidden };
      }),
  };
}

async function memoryHost(bytes: Buffer): Promise<Host & { workbook: MemoryWorkbook }> {
  const workbook = await loadXlsx(new Uint8Array(bytes).buffer);
  return {
    workbook,
    adapter: workbook,
    written: (names) =>
      names.map((name) => {
        const sheet = workbook.sheet(name)!;
        const cells = sheet.values.map((row, r) => row.map((v, c) => sheet.formulas.get(`${r}:${c}`) ?? v));
        const merges = sheet.merges.map((m) => a1Range(m));
        return { name, cells: trimmed(cells, merges), merges: merges.sort(), hidden: [...sheet.hiddenColumns].sort((a, b) => a - b) };
      }),
  };
}

/**
 * The Office.js adapter over a mock of the workbook: its grids and, for its formula cells, their formulas. Excel
 * shows every formula's result; an .xlsx written by ExcelJS holds no cached result of 0 (it drops it), so such a
 * cell shows 0, as in Excel.
 */
function officeHost(workbook: ExcelJS.Workbook): Host & { excel: MockExcel } {
  const grids: CellGrid[] = workbook.worksheets.map(worksheetToGrid);
  const formulas: Record<string, string> = {};
  workbook.worksheets.forEach((ws, i) => {
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (v === null || typeof v !== "object" || !("formula" in v)) return;
        formulas[`${ws.name}!${a1(r - 1, c - 1)}`] = `=${v.formula}`;
        if (v.result === undefined) grids[i].values[r - 1][c - 1] = 0;
      });
    });
  });
  const excel = mockExcel(grids, formulas);
  return {
    excel,
    adapter: officeWorkbook((batch) => batch(excel.context)),
    written: (names) =>
      names.map((name) => {
        const sheet = excel.added.find((s) => s.name === name)!;
        const cells: CellValue[][] = [];
        const put = (address: string, rows: unknown[][]) => {
          const { row, col } = parseA1(address.split(":")[0]);
          rows.forEach((values, r) =>
            values.forEach((v, c) => {
              cells[row + r] ??= [];
              cells[row + r][col + c] = v as CellValue;
            }),
          );
        };
        for (const range of sheet.ranges) if (range.values) put(range.address, range.values);
        for (const range of sheet.ranges) if (range.formulas) put(range.address, range.formulas);
        const merges = sheet.ranges.filter((r) => r.merged).map((r) => r.address);
        const hidden = sheet.ranges
          .filter((r) => (r as unknown as { columnHidden?: boolean }).columnHidden)
          .map((r) => parseA1(`${r.address.split(":")[0]}1`).col);
        return { name, cells: trimmed(Array.from(cells, (r) => r ?? []), merges), merges: merges.sort(), hidden: hidden.sort((a, b) => a - b) };
      }),
  };
}

/** What a user compares of a check: the books found and every finding. */
function shown(check: WorkbookCheck) {
  return { rows: check.rows, findings: check.findings, sheets: check.reading.sheets };
}

async function hosts(bytes: Buffer): Promise<{ cli: Host & { workbook: ExcelJS.Workbook }; pane: Host; preview: Host }> {
  const cli = await excelJsHost(bytes);
  return { cli, pane: officeHost(cli.workbook), preview: await memoryHost(bytes) };
}

/** The scoring sheets' two kinds of formulas: the add-in's KH functions, or native Excel (`--portable`). */
const FORMULAS = [
  ["KH", false],
  ["portable", true],
] as const;

describe.each(WORKBOOKS.flatMap((file) => FORMULAS.map(([formulas, portable]) => [file, formulas, portable] as const)))("%s, %s formulas: the command line, the task pane and the preview agree", (file, _formulas, portable) => {
  let scored: Buffer;

  test("the same books and findings, and the same scoring sheets", async () => {
    const { cli, pane, preview } = await hosts(fs.readFileSync(path.join(ROOT, file)));
    const checks = await Promise.all([cli, pane, preview].map((h) => checkWorkbook(h.adapter)));
    expect(shown(checks[1])).toEqual(shown(checks[0]));
    expect(shown(checks[2])).toEqual(shown(checks[0]));
    if (checks[0].books.length === 0) return;

    const written = [];
    for (const host of [cli, pane, preview]) {
      const { names } = await addScoringSheets(host.adapter, { portable });
      written.push(host.written(names));
    }
    if (portable) expect(written[0].flat().some((sheet) => sheet.cells.flat().some((v) => typeof v === "string" && v.startsWith("=") && !v.includes("KH.")))).toBe(written[0].length > 0);
    expect(written[0].flat().some((sheet) => sheet.cells.flat().some((v) => typeof v === "string" && v.includes("KH.")))).toBe(!portable && written[0].length > 0);
    expect(written[1]).toEqual(written[0]);
    expect(written[2]).toEqual(written[0]);
    // A book of credit points only (no unit scored out of its points) gives no scoring sheet.
    if (written[0].length > 0) scored = Buffer.from(await cli.workbook.xlsx.writeBuffer());
  });

  test("with its scoring sheets: the same findings on them, and the same summary and ranking sheets", async () => {
    if (!scored) return;
    const { cli, pane, preview } = await hosts(scored);
    const checks = await Promise.all([cli, pane, preview].map((h) => checkWorkbook(h.adapter)));
    expect(checks[0].scoring.length).toBeGreaterThan(0);
    expect(shown(checks[1])).toEqual(shown(checks[0]));
    expect(shown(checks[2])).toEqual(shown(checks[0]));

    const written = [];
    for (const host of [cli, pane, preview]) {
      const names = await addSummarySheets(host.adapter, [{ adapter: host.adapter, file: null }], { language: "zh", links: true, ranking: true });
      written.push(host.written(names));
    }
    expect(written[0].map((w) => w.name)).toContain("排名");
    expect(written[1]).toEqual(written[0]);
    expect(written[2]).toEqual(written[0]);
  });
});

test.each(FORMULAS)("units ranked across two workbooks, %s formulas: the same ranking sheet from the three hosts", async (_formulas, portable) => {
  const scored: Buffer[] = [];
  for (const seed of ["000_8b393e4c879ff91f.xlsx", "004_ec5181be93802e64.xlsx"]) {
    const cli = await excelJsHost(fs.readFileSync(path.join(ROOT, "seeds", seed)));
    await addScoringSheets(cli.adapter, { portable });
    scored.push(Buffer.from(await cli.workbook.xlsx.writeBuffer()));
  }
  const written = [];
  for (const open of [excelJsHost, async (bytes: Buffer) => officeHost((await excelJsHost(bytes)).workbook), memoryHost]) {
    const [first, second] = [await open(scored[0]), await open(scored[1])];
    const { spec, units } = await rankUnits([
      { adapter: first.adapter, file: "000.xlsx" },
      { adapter: second.adapter, file: "004.xlsx" },
    ]);
    expect(units).toBe(2);
    written.push(first.written(await first.adapter.addSheets([spec!])));
  }
  expect(written[0][0].cells.slice(2).map((row) => row[row.length - 1])).toEqual([expect.stringContaining(".xlsx"), expect.stringContaining(".xlsx")]);
  expect(written[1]).toEqual(written[0]);
  expect(written[2]).toEqual(written[0]);
});

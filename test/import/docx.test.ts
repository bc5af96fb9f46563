/**
 * Word originals: .docx files written by LibreOffice Writer (fixtures, from an HTML rendering of each seed's text)
 * and by the `docx` package read into the same sheets, trees and findings as the seed workbooks; a corpus book's
 * .docx (Calc's HTML of its workbook, through Writer) read into the same grid as its .xlsx.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { cellText, type CellGrid } from "../../src/core/grid";
import { wordTextToSheets } from "../../src/import/wordSheets";
import { parseWordText } from "../../src/import/wordText";
import { docxToItems, docxToSheets, documentXmlToItems } from "../../src/import/docx";
import { UnreadableFormatError } from "../../src/import/formats";
import { importDocx } from "../../src/cli/commands/importDocx";
import { readWorkbookFile } from "../../src/cli/xlsxRead";
import { tempDir } from "../cli/run";
import { FIXTURES, ROOT, SEED_CASES, seedText, treeAndFindings } from "./seeds";
import { cellSpans, documentBlocks, type DocBlock } from "./wordHtml";

const sortMerges = <T extends { top: number; left: number }>(merges: T[]) => [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
const sheetsOf = (layouts: ReturnType<typeof wordTextToSheets>) => layouts.map((s) => ({ ...s, merges: sortMerges(s.merges) }));

describe("a .docx LibreOffice Writer wrote from each seed", () => {
  test.each(SEED_CASES.map((c) => [`${c.stem} --split ${c.split}`, c] as const))("%s: the same sheets as the text", (_name, c) => {
    const fromDocx = docxToSheets(readFileSync(path.join(FIXTURES, `${c.stem}.docx`)), c.split, c.stem);
    expect(sheetsOf(fromDocx)).toEqual(sheetsOf(wordTextToSheets(seedText(c.stem), c.split, c.stem)));
  });

  test.each(SEED_CASES.map((c) => [`${c.stem} --split ${c.split}`, c] as const))(
    "%s: import-docx writes a workbook with the seed workbook's trees and findings",
    async (_name, c) => {
      const out = path.join(tempDir(), "imported.xlsx");
      await importDocx(path.join(FIXTURES, `${c.stem}.docx`), out, c.split, false);
      const imported = await readWorkbookFile(out);
      const seed = await readWorkbookFile(c.xlsx);
      expect(imported).toEqual(seed);
      const facts = treeAndFindings(imported);
      expect(facts.trees.length).toBeGreaterThan(0);
      expect(facts).toEqual(treeAndFindings(seed));
    },
  );
});

/** The document as the `docx` package builds it: paragraphs, tables with columnSpan and rowSpan, one paragraph per
 * line of a cell. */
function docxPackageDocument(blocks: DocBlock[]): Document {
  const children = blocks.map((block) => {
    if (block.kind === "title") return new Paragraph({ text: block.text, alignment: AlignmentType.CENTER });
    const spans = cellSpans(block.table);
    return new Table({
      rows: block.table.values.map((row, r) => {
        const cells: TableCell[] = [];
        for (let c = 0; c < block.table.width; c++) {
          const span = spans[r][c];
          if (span === "covered") continue;
          const lines = (row[c] ?? "").split("\n").filter((l) => l !== "");
          cells.push(
            new TableCell({
              children: lines.length ? lines.map((text) => new Paragraph({ text })) : [new Paragraph({})],
              ...(span !== null && span.right > span.left ? { columnSpan: span.right - span.left + 1 } : {}),
              ...(span !== null && span.bottom > span.top ? { rowSpan: span.bottom - span.top + 1 } : {}),
            }),
          );
        }
        return new TableRow({ children: cells });
      }),
    });
  });
  return new Document({ sections: [{ children }] });
}

describe("a .docx the docx package wrote from each seed", () => {
  test.each(SEED_CASES.map((c) => [`${c.stem} --split ${c.split}`, c] as const))("%s: the same trees and findings as the seed workbook", async (_name, c) => {
    const bytes = await Packer.toBuffer(docxPackageDocument(documentBlocks(parseWordText(seedText(c.stem)))));
    const fromDocx = docxToSheets(bytes, c.split, c.stem);
    expect(sheetsOf(fromDocx)).toEqual(sheetsOf(wordTextToSheets(seedText(c.stem), c.split, c.stem)));
    const out = path.join(tempDir(), "pkg.xlsx");
    const input = path.join(path.dirname(out), `${c.stem}.docx`);
    writeFileSync(input, bytes);
    await importDocx(input, out, c.split, false);
    expect(treeAndFindings(await readWorkbookFile(out))).toEqual(treeAndFindings(await readWorkbookFile(c.xlsx)));
  });
});

describe("a corpus book's .docx", () => {
  const book = "52_county_departments_info_disclosure";
  test("is read into the same grid as its .xlsx: values, merged category cells, and the same books", async () => {
    const [sheet] = docxToSheets(readFileSync(path.join(FIXTURES, `${book}.docx`)), "none", book);
    const [grid] = await readWorkbookFile(path.join(ROOT, "test", "corpus", `${book}.merged.xlsx`));
    const text = (g: { values: unknown[][] }) => g.values.map((row) => row.map((v) => cellText(v as never)));
    const width = Math.max(...grid.values.map((r) => r.length));
    expect(text(sheet)).toEqual(text(grid).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? "")));
    expect(sortMerges(sheet.merges)).toEqual(sortMerges(grid.merges));
    expect(sheet.merges).toHaveLength(4);
    const asGrid: CellGrid = { sheet: grid.sheet, values: sheet.values.map((r) => r.map((v) => (v === "" ? null : v))), merges: sheet.merges };
    expect(treeAndFindings([asGrid])).toEqual(treeAndFindings([{ ...grid, values: grid.values.map((r) => r.map((v) => (v === null ? null : cellText(v)))) }]));
  });
});

describe("what Word writes that the text form cannot say", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const doc = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const tc = (props: string, ...paras: string[]) => `<w:tc><w:tcPr>${props}</w:tcPr>${paras.map(p).join("") || "<w:p/>"}</w:tc>`;

  test("a cell spanning columns in the middle of a row, a vertical merge in the last column, paragraphs in a cell", () => {
    const xml = doc(
      p("2020年度目标责任书") +
        `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
        `<w:tr>${tc("", "类别")}${tc("", "考核内容")}${tc("", "分值")}${tc("", "责任单位")}</w:tr>` +
        `<w:tr>${tc('<w:vMerge w:val="restart"/>', "经济", "（20分）")}${tc('<w:gridSpan w:val="2"/>', "见专项责任书")}${tc('<w:vMerge w:val="restart"/>', "县发改局")}</w:tr>` +
        `<w:tr>${tc("<w:vMerge/>")}${tc("", "招商引资")}${tc("", "10")}${tc("<w:vMerge/>")}</w:tr>` +
        `</w:tbl>` + p("注：加分项目最高4分"),
    );
    const items = documentXmlToItems(xml);
    expect(items.map((i) => i.kind)).toEqual(["title", "table", "title"]);
    const table = items[1];
    expect(table.kind === "table" && table.grid).toEqual({
      values: [
        ["类别", "考核内容", "分值", "责任单位"],
        ["经济\n（20分）", "见专项责任书", "", "县发改局"],
        ["", "招商引资", "10", ""],
      ],
      merges: [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 2, right: 3 },
      ],
    });
  });

  test("deleted text, field codes, tab stops and a text box's fallback copy are not document text", () => {
    const xml = doc(
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>考核</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>` +
        `<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:tab/><w:t>办法</w:t></w:r>` +
        `<mc:AlternateContent><mc:Choice Requires="wps"></mc:Choice><mc:Fallback><w:r><w:t>副本</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`,
    );
    expect(documentXmlToItems(xml)).toEqual([{ kind: "title", text: "考核 办法" }]);
  });

  test("a Word 97-2003 .doc, a workbook and a text file are told apart from a .docx", () => {
    const reasons = (bytes: Uint8Array) => {
      try {
        docxToItems(bytes);
        return "read";
      } catch (error) {
        return error instanceof UnreadableFormatError ? error.format : String(error);
      }
    };
    expect(reasons(readFileSync(path.join(FIXTURES, "003_f2120415240e7d22.doc")))).toBe("doc");
    expect(reasons(readFileSync(path.join(ROOT, "seeds", "003_f2120415240e7d22.xlsx")))).toBe("xlsx");
    expect(reasons(Buffer.from(seedText("003_f2120415240e7d22")))).toBe("text");
    expect(reasons(readFileSync(path.join(FIXTURES, "003_f2120415240e7d22.docx")).subarray(0, 3000))).toBe("corrupt-zip");
  });
});

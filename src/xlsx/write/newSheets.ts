/**
 * Generated sheets (SheetSpecs, already named) as the parts a workbook package takes: each sheet's worksheet XML,
 * made only when the splice writes its entry (a big batch of sheets is never all in memory as text), its charts as
 * a drawing and chart parts, the print titles as defined names, and one styles.xml of the cell formats they use.
 * No Node or DOM imports.
 */
import { chartPlaces } from "../../core/chartPlacement";
import { madeSheet, sheetRef, titleRowsRef, type SheetSource, type SheetSpec, type SpecCell } from "../../core/sheetSpec";
import { CHART_CONTENT, CHART_TYPE, DRAWING_CONTENT, DRAWING_TYPE, sheetCharts } from "../charts/addCharts";
import { chartXml } from "../charts/chartXml";
import { drawingXml } from "../charts/drawingXml";
import { CellFormats } from "./cellFormats";
import { stringItem, worksheetXml } from "./worksheetXml";


/** A relationship from a new part to another new part (named as in `NewSheet.parts`). */
export interface NewRel {
  id: string;
  type: string;
  part: string;
}

/** A part a new sheet reaches (its drawing, its charts), named as it would be alone in a package. */
export interface NewPart {
  name: string;
  contentType: string;
  xml: string;
  rels: NewRel[];
}

/** Where the new sheets' numbers start among the workbook's (how many it holds): cell formats (xf), differential
 * formats (dxf) and shared strings. */
export interface Numbering {
  xf: number;
  dxf: number;
  strings: number;
}

/** A new sheet as written: its worksheet XML, the relationships from it and the parts they reach. */
export interface WrittenSheet {
  /** The worksheet XML in pieces (worksheetXml). */
  xml: readonly string[];
  rels: NewRel[];
  parts: NewPart[];
}

export interface NewSheet {
  name: string;
  /** The sheet written (a deferred sheet made now), its formats numbered from `base` on; once. */
  write(base: Numbering): WrittenSheet;
}

export interface NewSheets {
  sheets: NewSheet[];
  /** A styles.xml of every format the sheets' XML used, in order: to be read after every sheet was written. */
  styles(): string;
  /** The shared-string items (<si>) the sheets' XML used, in order: read after every sheet was written. */
  strings(): string[];
  /** Names local to a new sheet (its index among `sheets`): the print titles; read after every sheet was written. */
  definedNames(): { name: string; sheet: number; formula: string }[];
}

/** The drawing of a sheet's charts and its chart parts; empty when it has none. */
function chartParts(spec: SheetSpec, name: string, index: number): NewPart[] {
  const { charts, columns } = sheetCharts(spec, name);
  if (charts.length === 0) return [];
  const places = chartPlaces(columns, charts);
  const chartNames = charts.map((_, i) => `xl/charts/chart${index + 1}_${i + 1}.xml`);
  const drawing: NewPart = {
    name: `xl/drawings/drawing${index + 1}.xml`,
    contentType: DRAWING_CONTENT,
    xml: drawingXml(charts.map((chart, i) => ({ place: places[i], relId: `rId${i + 1}`, shapeId: i + 2, title: chart.title }))),
    rels: chartNames.map((part, i) => ({ id: `rId${i + 1}`, type: CHART_TYPE, part })),
  };
  return [drawing, ...charts.map((chart, i) => ({ name: chartNames[i], contentType: CHART_CONTENT, xml: chartXml(chart, name), rels: [] }))];
}

/** The sheets `specs` under the names `names` (free in the workbook they go into). Each spec is made (when deferred)
 * as it is written and let go once written (a sheet is written once): a caller that hands its list over never holds
 * a big batch whole. */
export function newSheets(specs: readonly SheetSource[], names: readonly string[]): NewSheets {
  const formats = new CellFormats();
  const strings = new Map<string, number>();
  const stringOf = (text: string) => {
    let at = strings.get(text);
    if (at === undefined) strings.set(text, (at = strings.size));
    return at;
  };
  // Frozen cells' XML, kept from sheet to sheet while the numbering stays the same.
  let numbered: Numbering | null = null;
  let frozen = new Map<SpecCell, string>();
  let frozenLinks = new Map<SpecCell, string>();
  const pending: (SheetSource | null)[] = [...specs];
  const definedNames: { name: string; sheet: number; formula: string }[] = [];
  const sheets = pending.map((_, index): NewSheet => ({
    name: names[index],
    write: (base) => {
      const source = pending[index];
      if (!source) throw new Error(`the sheet ${names[index]} was written already`);
      pending[index] = null;
      const spec = madeSheet(source);
      if (spec.print && spec.print.titleRows > 0) {
        definedNames.push({ name: "_xlnm.Print_Titles", sheet: index, formula: sheetRef(names[index], titleRowsRef(spec.print.titleRows)) });
      }
      const parts = chartParts(spec, names[index], index);
      const drawing = parts.length > 0 ? "rId1" : undefined;
      if (numbered === null || numbered.xf !== base.xf || numbered.strings !== base.strings) {
        numbered = base;
        frozen = new Map();
        frozenLinks = new Map();
      }
      const xml = worksheetXml(spec, {
        formatOf: (kind, style, format) => base.xf + formats.of(kind, style, format),
        stringOf: (text) => base.strings + stringOf(text),
        dxfBase: base.dxf,
        drawing,
        frozen,
        frozenLinks,
      });
      return { xml, rels: drawing ? [{ id: drawing, type: DRAWING_TYPE, part: parts[0].name }] : [], parts };
    },
  }));
  return {
    sheets,
    styles: () => formats.stylesXml(),
    strings: () => [...strings.keys()].map(stringItem),
    definedNames: () => [...definedNames].sort((a, b) => a.sheet - b.sheet),
  };
}

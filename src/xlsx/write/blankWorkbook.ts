/**
 * The smallest workbook package new sheets are spliced into when there is no workbook to add them to: a workbook
 * part with no sheets yet and its relationships. The splice adds the sheets, their styles and their content types.
 * No Node or DOM imports.
 */
import { newEntry, writeZip, type Compressor } from "../zipPackage";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/** A workbook without sheets, to splice sheets into. */
export function blankWorkbook(compressor?: Compressor): Uint8Array {
  return writeZip([
    newEntry("[Content_Types].xml", `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>', compressor),
    newEntry("_rels/.rels", `${HEAD}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="xl/workbook.xml"/></Relationships>`, compressor),
    newEntry("xl/workbook.xml", `${HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>', compressor),
    newEntry("xl/_rels/workbook.xml.rels", `${HEAD}<Relationships xmlns="${PACKAGE_RELS}"></Relationships>`, compressor),
  ]);
}

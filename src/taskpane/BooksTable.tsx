/**
 * The books a check found, in a collapsible table: sheet, unit and kind, computed against stated total (a mismatch
 * stands out), number of indicators; a sheet the workbook hides is marked as hidden (its books are checked all the same).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, tokens } from "@fluentui/react-components";
import type { BookRow } from "../app/check";
import type { SheetHiding } from "../core/grid";
import type { Messages } from "./messages";
import { makeStyles } from "./styles";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "2px 4px", verticalAlign: "top" },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  hidden: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function BooksTable({ rows, hidden = new Map(), t }: { rows: BookRow[]; hidden?: ReadonlyMap<string, SheetHiding>; t: Messages }) {
  const styles = useStyles();
  return (
    <Accordion collapsible>
      <AccordionItem value="books">
        <AccordionHeader>{t.books(rows.length)}</AccordionHeader>
        <AccordionPanel>
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.th}>{t.bookColumns.sheet}</th>
                <th className={styles.th}>{t.bookColumns.unit}</th>
                <th className={styles.th}>{t.bookColumns.total}</th>
                <th className={styles.th}>{t.bookColumns.indicators}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.sheet}!${row.cell}`}>
                  <td className={styles.td}>
                    {row.sheet}
                    {hidden.has(row.sheet) && <><br /><Text size={100} className={styles.hidden}>{t.hiddenSheet[hidden.get(row.sheet)!]}</Text></>}
                  </td>
                  <td className={styles.td}>{row.unit}<br /><Text size={100}>{t.kind[row.kind]}</Text></td>
                  <td className={`${styles.td} ${row.kind !== "penalty-list" && row.computed !== row.stated ? styles.mismatch : ""}`}>
                    {row.kind === "penalty-list" ? row.computed : `${row.computed} / ${row.stated}`}
                  </td>
                  <td className={styles.td}>{row.indicators}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/**
 * Sections by numbering in a table without category columns: 一、 over （一） over 1. over （1） over ①, as deep as
 * the book goes. A row numbered 一、 or （一） always heads a section; a row numbered 1., （1） or ① heads one when
 * the next numbered row is numbered deeper (1.班子建设 over （1）班子团结), and is an item otherwise.
 */
/** Section ranks: 一、 and （一）. */
const SECTION_RANKS = 1;

/** The depth (0 outermost) of each row that heads a section, by its numbering among the table's heading ranks;
 * `ranks` holds the numbering rank of each numbered row, in row order. */
export function headingDepths(ranks: Map<number, number>): Map<number, number> {
  const numbered = [...ranks];
  const headings: { row: number; rank: number }[] = [];
  let next: number | null = null;
  for (let i = numbered.length - 1; i >= 0; i--) {
    const [row, rank] = numbered[i];
    if (rank <= SECTION_RANKS || (next !== null && next > rank)) headings.push({ row, rank });
    next = rank;
  }
  const order = [...new Set(headings.map((h) => h.rank))].sort((a, b) => a - b);
  return new Map(headings.map((h) => [h.row, order.indexOf(h.rank)]));
}

/**
 * A grade table as books state it, in a note or a title line: "得分90分以上为优秀，80-89分为良好，60-79分为合格，
 * 60分以下为不合格", "优秀：18分以上；良好：16分以上…", "优秀（≥18分）". The lowest score of each grade but the last
 * is read; the grades are those of DEFAULT_GRADE_SCALE, and all of them must be stated, highest first.
 */
import { Decimal } from "../decimal";
import { normalizeDigits } from "../points";
import { DEFAULT_GRADE_SCALE, type GradeScale } from "./grades";

const N = String.raw`(\d+(?:\.\d+)?)`;
/** Words between a score and its grade ("的为", "者评为", "（含）的确定为"), never across a clause. */
const GAP = String.raw`[^，,；;。、()（）\d]{0,8}?`;
const TO = String.raw`\s*分?\s*(?:[-~—–至到]|以上[^，,；;。\d]{0,3}?)\s*`;

/** A grade's name, not inside a longer one (合格 is not 不合格). */
const labelPattern = (label: string) => String.raw`(?<![不])${label}`;

/** The lowest score of a grade as the text states it, or null. */
function lowestScore(text: string, label: string): Decimal | null {
  const name = labelPattern(label);
  const patterns = [
    // 80-89分为良好, 80分至89分为良好, 80分以上90分以下为良好
    new RegExp(`${N}${TO}${N}\\s*分?\\s*(?:以下|以内)?(?:（不含\\d+(?:\\.\\d+)?分?）)?${GAP}${name}`),
    // 90分以上为优秀, 90分及以上的为优秀, 18分（含）以上为优秀
    new RegExp(`${N}\\s*分?\\s*(?:（含）|\\(含\\))?\\s*(?:及|或)?以上(?:（含\\d+(?:\\.\\d+)?分?）)?${GAP}${name}`),
    // 优秀：≥18分, 优秀（不低于90分）
    new RegExp(`${name}[”"]?\\s*(?:[：:（(]|为|是)\\s*(?:得分|总分|分数)?\\s*(?:在)?\\s*(?:≥|>=|≧|不低于|达到)\\s*${N}`),
    // 优秀：90分以上, 良好：80-89分, 优秀（95分及以上）, 优秀为得分在90分以上
    new RegExp(`${name}[”"]?\\s*(?:[：:（(]|为|是)\\s*(?:得分|总分|分数)?\\s*(?:在)?\\s*${N}\\s*分?\\s*(?:（含）)?\\s*(?:及|或)?(?:以上|[-~—–至到]\\s*\\d)`),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const numbers = match.slice(1).filter((m): m is string => m !== undefined).map((m) => new Decimal(m));
    return numbers.reduce((a, b) => (b.lt(a) ? b : a));
  }
  return null;
}

/** The grade table stated in the texts (notes, title lines of a book), or null when none states every grade. */
export function statedGradeScale(texts: readonly string[]): GradeScale | null {
  const labels = DEFAULT_GRADE_SCALE.labels;
  const graded = labels.slice(0, -1);
  for (const raw of texts) {
    const text = normalizeDigits(raw).replace(/[\s\u3000]+/g, "").replace(/[－]/g, "-").replace(/[～]/g, "~");
    if (!graded.every((label) => text.includes(label))) continue;
    const thresholds = graded.map((label) => lowestScore(text, label));
    if (thresholds.some((t) => t === null)) continue;
    const found = thresholds as Decimal[];
    if (found.every((t, i) => i === 0 || t.lt(found[i - 1])) && found[found.length - 1].gt(0)) return { thresholds: found, labels };
  }
  return null;
}

/**
 * What the text above a table says about scoring: the base (考核基础分为100分), the bonus allowance
 * (另设加分项目10分), the assessor groups' weights (市科协领导评分占40%…) and the veto (一票否决).
 */
import type { AssessorWeight } from "../book";
import { Decimal, dec } from "../decimal";
import { normalizeDigits } from "../points";
import { flat } from "./rows";
import { byText } from "../memo";

export interface ScoringTerms {
  base: Decimal | null;
  bonusCap: Decimal | null;
  weights: AssessorWeight[];
  veto: string | null;
}

import { BASE, BONUS_ALLOWANCE as BONUS, VETO, WEIGHT } from "../vocabulary/words";

/** Scoring terms stated in the lines above a table. */
export function scoringTerms(lines: string[]): ScoringTerms {
  const terms = termsOf(normalizeDigits(lines.map(flat).join("。")));
  return { ...terms, weights: [...terms.weights] };
}

/** The terms a text states; the same lines head book after book, and are read once. */
const termsOf = byText((text: string): Readonly<ScoringTerms> => {
  const base = BASE.exec(text);
  const bonus = BONUS.exec(text);
  const weights: AssessorWeight[] = [];
  for (const clause of text.split(/[，,；;。]/)) {
    const match = WEIGHT.exec(clause);
    if (match) weights.push({ label: match[1], weight: dec(match[2]).div(100) });
  }
  const veto = text.split(/[。；;]/).find((sentence) => sentence.includes(VETO)) ?? null;
  return Object.freeze({
    base: base ? dec(base[1]) : null,
    bonusCap: bonus ? dec(bonus[1]) : null,
    weights: weights.map((w) => Object.freeze(w)),
    veto: veto ? stripLeadingClause(veto) : null,
  });
});

/** "3、市科协…根据…。对年内发生…一票否决制" -> the clause that carries the veto. */
function stripLeadingClause(sentence: string): string {
  return sentence.replace(/^\d+[、.]/, "");
}

/**
 * A finding: one place where a book does not add up, with the stated and the computed value and its message as
 * data ({key, params}); src/locales renders it in Chinese or English.
 */
import { type Language, type Message, type MessageKey, type MessageParams, render } from "../../locales";
import type { AsJson, Book } from "../book";
import { type Decimal, decimalString } from "../decimal";

export const RULE_IDS = [
  "category-sum",
  "inline-sum",
  "quarter-sum",
  "target-sum",
  "missing-points",
  "unit-total",
  "points-conflict",
  "bonus-cap",
  "weights-sum",
  "score-range",
  "empty-target",
  "missing-owner",
  "penalty-tiers",
  "entered-value",
  "negative-points",
  "total-mismatch",
  "duplicate-unit",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type { Language } from "../../locales";

/** Where a finding is and what it compares. */
export interface FindingFacts {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  unit: string;
  category: string | null;
  stated: Decimal | null;
  computed: Decimal | null;
}

/** A finding: its facts and its message as data (`key` names the message, `params` fill it). */
export type Finding = FindingFacts & Message;

/** A finding of the given facts and message. */
export function finding<K extends MessageKey>(facts: FindingFacts, key: K, params: MessageParams[K]): Finding {
  return { ...facts, key, params } as Finding;
}

/** A finding's message in the given language. */
export function findingMessage(finding: Finding, language: Language): string {
  return render(finding, language);
}

/** A finding as the command line prints it (--json): its facts, decimals as strings, and its message; validated by
 * findingJsonSchema in ../jsonSchemas.ts. */
export type FindingJson = AsJson<FindingFacts> & { message: string };

export function findingToJson(finding: Finding, language: Language): FindingJson {
  return {
    rule: finding.rule,
    severity: finding.severity,
    sheet: finding.sheet,
    cell: finding.cell,
    unit: finding.unit,
    category: finding.category,
    stated: finding.stated === null ? null : decimalString(finding.stated),
    computed: finding.computed === null ? null : decimalString(finding.computed),
    message: findingMessage(finding, language),
  };
}

/** Points as a clerk writes them: "20", "0.5", "-1.5". */
export function pts(value: Decimal): string {
  return decimalString(value);
}

/** Shared fields of a finding about a book. */
export function at(book: Book, cell: string, category: string | null): Pick<Finding, "sheet" | "cell" | "unit" | "category"> {
  return { sheet: book.sheet, cell, unit: book.unit, category };
}

/** Errors first, then warnings, then notes. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet order of appearance is kept by a stable sort. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

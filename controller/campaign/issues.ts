import { ValidationError } from "../../common/errors.js";

/** One problem in a campaign file, with where it is. */
export interface CampaignIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted key path, e.g. experiments[2].options.width. */
  readonly key: string;
  readonly message: string;
}

export function formatIssue(issue: CampaignIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.key ? `${issue.key}: ` : ""}${issue.message}`;
}

export function dottedPath(path: ReadonlyArray<string | number>): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}

/** Issues in file order, each once (a value set in a shared place can be wrong in several). */
export function sortedUniqueIssues(found: readonly CampaignIssue[]): CampaignIssue[] {
  const seen = new Set<string>();
  return [...found]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((issue) => {
      const id = formatIssue(issue);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}

/** "<noun> <file> has N errors:" and one indented line per issue. */
export function issuesMessage(noun: string, file: string, issues: readonly CampaignIssue[]): string {
  const count = issues.length === 1 ? "1 error" : `${issues.length} errors`;
  return `${noun} ${file} has ${count}:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}`;
}

/** Every problem found in a campaign file, all at once, before any trial runs. */
export class CampaignFileError extends ValidationError {
  readonly issues: readonly CampaignIssue[];

  constructor(file: string, found: readonly CampaignIssue[]) {
    const issues = sortedUniqueIssues(found);
    super("CAMPAIGN_FILE_INVALID", issuesMessage("campaign file", file, issues), { context: { file, errors: issues.length } });
    this.name = "CampaignFileError";
    this.issues = issues;
  }
}

/** Named goal sets: CSIT's NDR/PDR and an RFC 2544 compliant zero-loss goal (RFC 9971 §"MLRsearch Compliant with RFC 2544"). */
import { ValidationError, quote } from "../../../common/errors.js";
import type { SearchGoal } from "./goal.js";

export type GoalOverrides = Partial<Omit<SearchGoal, "name">> & { pdrLossRatio?: number };

export const presetNames = ["csit-ndrpdr", "rfc2544"] as const;
export type PresetName = (typeof presetNames)[number];

/** Goal fields (before validation) of a preset, with user overrides applied to every goal. */
export function presetGoals(preset: string, overrides: GoalOverrides = {}): Array<Partial<SearchGoal> & { name: string }> {
  const { pdrLossRatio, ...shared } = overrides;
  switch (preset) {
    case "csit-ndrpdr":
      return [
        { name: "NDR", ...shared, lossRatio: 0 },
        { name: "PDR", ...shared, lossRatio: pdrLossRatio ?? 0.005 },
      ];
    case "rfc2544":
      return [{ name: "RFC2544", lossRatio: 0, exceedRatio: 0, finalTrialDurationS: 60, durationSumS: 60, ...shared }];
    default:
      throw new ValidationError("SEARCH_PRESET_UNKNOWN", `--preset got ${quote(preset)}; known presets: ${presetNames.join(", ")}`, {
        context: { option: "--preset", value: preset },
      });
  }
}

/** Numbers and times as the report prints them: SI loads, ratios, UTC times. Deterministic (no locale). */

const SI_PREFIXES: ReadonlyArray<readonly [number, string]> = [
  [1e12, "T"],
  [1e9, "G"],
  [1e6, "M"],
  [1e3, "k"],
];

/** 9_950_000 -> "9.95M"; 512 -> "512"; 0 -> "0". At most `significant` digits, trailing zeros dropped. */
export function formatSi(value: number, significant = 6): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  for (const [factor, prefix] of SI_PREFIXES) {
    if (magnitude >= factor) return `${Number((value / factor).toPrecision(significant))}${prefix}`;
  }
  return String(Number(value.toPrecision(significant)));
}

/** A load with its unit: "9.95 Mpps", or "-" for none. */
export function formatPps(value: number | null, significant = 6): string {
  if (value === null) return "-";
  const text = formatSi(value, significant);
  const unitAt = text.search(/[kMGT]$/);
  return unitAt < 0 ? `${text} pps` : `${text.slice(0, unitAt)} ${text.slice(unitAt)}pps`;
}

/** 0 -> "0", 0.5 -> "0.5", 0.005 -> "0.005", 2.5e-7 -> "2.5e-7". */
export function formatRatio(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e-3) return String(Number(value.toPrecision(3)));
  const [mantissa = "", exponent = ""] = value.toExponential(2).split("e");
  return `${Number(mantissa)}e${exponent.replace("+", "")}`;
}

/** Exact pps for tooltips and data attributes: 9950000.5 -> "9,950,000.5 pps". */
export function formatExactPps(value: number): string {
  const [whole = "", fraction] = String(Math.abs(Number(value.toFixed(3)))).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`} pps`;
}

/** Wall milliseconds as "2026-01-01 12:00:00 UTC"; "-" for none. */
export function formatTimeMs(valueMs: number | null): string {
  if (valueMs === null || !Number.isFinite(valueMs)) return "-";
  return `${new Date(valueMs).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** 3725 -> "1 h 2 min 5 s". */
export function formatDurationS(durationS: number): string {
  const total = Math.max(0, Math.round(durationS));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [hours > 0 ? `${hours} h` : "", hours > 0 || minutes > 0 ? `${minutes} min` : "", `${seconds} s`];
  return parts.filter((part) => part !== "").join(" ");
}

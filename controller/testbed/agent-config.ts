/**
 * agent.yaml for the agents a failover testbed starts (docs/agent.md): where the agent listens, its
 * token file, iperf3, a simulated power meter and the actions it defines. Values are written as
 * JSON scalars, which YAML reads back unchanged.
 */

export interface SimulatedMeterConfig {
  readonly name: string;
  readonly intervalMs: number;
  readonly levels: ReadonlyArray<{ readonly atS: number; readonly powerW: number }>;
  readonly noiseW?: number;
  readonly seed?: number;
}

export interface CommandActionConfig {
  readonly name: string;
  readonly command: readonly string[];
  /** Integer parameters with their range, e.g. {pollMs: {min: 0, max: 10000}}. */
  readonly integerParams: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
  readonly timeoutS: number;
}

export interface FailoverAgentConfig {
  readonly agentId: string;
  readonly host: string;
  readonly tokenFile: string;
  readonly iperf3: boolean;
  readonly meters: readonly SimulatedMeterConfig[];
  readonly actions: readonly CommandActionConfig[];
}

const json = (value: unknown) => JSON.stringify(value);

function meterLines(meter: SimulatedMeterConfig): string[] {
  const levels = meter.levels.map((level) => `{atS: ${level.atS}, powerW: ${level.powerW}}`).join(", ");
  return [
    `  - name: ${json(meter.name)}`,
    "    kind: simulated",
    `    intervalMs: ${meter.intervalMs}`,
    "    options:",
    `      levels: [${levels}]`,
    `      noiseW: ${meter.noiseW ?? 0}`,
    `      seed: ${meter.seed ?? 1}`,
  ];
}

function actionLines(action: CommandActionConfig): string[] {
  const params = Object.entries(action.integerParams).map(([name, range]) => `      ${name}: {type: integer, min: ${range.min}, max: ${range.max}}`);
  return [`  - name: ${json(action.name)}`, `    command: [${action.command.map(json).join(", ")}]`, `    timeoutS: ${action.timeoutS}`, ...(params.length > 0 ? ["    params:", ...params] : [])];
}

export function failoverAgentYaml(config: FailoverAgentConfig): string {
  return [
    `agentId: ${json(config.agentId)}`,
    `listen: {host: ${json(config.host)}, port: 0}`,
    `tokenFile: ${json(config.tokenFile)}`,
    "heartbeatIntervalS: 5",
    'generator: {kind: simulated, device: "hard:mrr=1e6"}',
    ...(config.iperf3 ? ["iperf3: {}"] : []),
    ...(config.meters.length > 0 ? ["meters:", ...config.meters.flatMap(meterLines)] : []),
    ...(config.actions.length > 0 ? ["actions:", ...config.actions.flatMap(actionLines)] : []),
    "",
  ].join("\n");
}

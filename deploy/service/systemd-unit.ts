/**
 * The systemd unit template: runs the agent of <installDir>/current as the service user, restarts
 * it on failure, and logs to the journal. The unit names only the `current` link, so switching
 * releases needs no new unit, just a restart.
 */

export interface SystemdUnitOptions {
  readonly installDir: string;
  /** Absolute path of node on the host. */
  readonly node: string;
  readonly serviceUser: string;
  readonly serviceName: string;
}

/** systemd quoting for one ExecStart argument. */
function unitArgument(value: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(value) ? value : `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

export function unitPath(serviceName: string): string {
  return `/etc/systemd/system/${serviceName}.service`;
}

export function renderSystemdUnit(options: SystemdUnitOptions): string {
  const current = `${options.installDir}/current`;
  const exec = [options.node, `${current}/app/dist/bin/testbench.js`, "agent", "--config", `${current}/agent.yaml`].map(unitArgument).join(" ");
  return `# Testbench agent, written by \`testbench deploy\` (docs/deploy.md); edit the inventory, not this file.
[Unit]
Description=Testbench agent (${options.installDir})
After=network-online.target
Wants=network-online.target
StartLimitIntervalSec=60
StartLimitBurst=10

[Service]
Type=simple
User=${options.serviceUser}
WorkingDirectory=${current}
Environment=TESTBENCH_LOG_LEVEL=info
ExecStart=${exec}
Restart=always
RestartSec=2
KillSignal=SIGTERM
TimeoutStopSec=15
NoNewPrivileges=yes
PrivateTmp=yes
ProtectSystem=full
UMask=0077

[Install]
WantedBy=multi-user.target
`;
}

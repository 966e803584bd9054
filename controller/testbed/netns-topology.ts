/**
 * Network namespaces for multi-host testbeds: a failover topology of two end hosts and a DUT with a
 * primary and a backup path, plus management links from the root namespace. Every address is
 * inside the namespaces this helper creates (10.77.x.x, 10.78.x.x); everything is deleted again.
 */
import { execa } from "execa";
import { randomBytes } from "node:crypto";

async function ip(...args: string[]): Promise<void> {
  await execa("ip", args);
}

/** Why namespaces cannot be used here (not root, no iproute2, a container without CAP_SYS_ADMIN), or null when they can. */
export async function netnsUnavailable(): Promise<string | null> {
  const probe = `tbprobe${randomBytes(3).toString("hex")}`;
  try {
    await execa("ip", ["netns", "add", probe]);
    await execa("ip", ["netns", "del", probe]);
    return null;
  } catch (error) {
    return `network namespaces are not available here (ip netns add failed: ${(error as Error).message.split("\n")[0]})`;
  }
}

export interface FailoverTopology {
  readonly client: string;
  readonly dut: string;
  readonly server: string;
  /** The server's service address (on its loopback), reached through the DUT. */
  readonly serviceAddress: string;
  readonly clientAddress: string;
  /** Management addresses (root namespace <-> client/server), for the agents. */
  readonly clientManagement: string;
  readonly serverManagement: string;
  /** The DUT's next hop towards the server on the backup path, and its primary link's name. */
  readonly backupNextHop: string;
  readonly primaryLink: string;
  destroy(): Promise<void>;
}

export async function createFailoverTopology(): Promise<FailoverTopology> {
  const tag = randomBytes(2).toString("hex");
  const client = `tbc${tag}`;
  const dut = `tbd${tag}`;
  const server = `tbs${tag}`;
  const made: string[] = [];
  const rootLinks: string[] = [];
  const destroy = async () => {
    for (const link of rootLinks) await ip("link", "del", link).catch(() => undefined);
    for (const ns of made.reverse()) await ip("netns", "del", ns).catch(() => undefined);
  };
  try {
    for (const ns of [client, dut, server]) {
      await ip("netns", "add", ns);
      made.push(ns);
      await ip("-n", ns, "link", "set", "lo", "up");
    }
    const veth = async (aNs: string | null, aName: string, aAddr: string, bNs: string, bName: string, bAddr: string) => {
      // Both ends are created in their namespaces: names like "dp" never meet in the root namespace.
      await ip("link", "add", aName, ...(aNs ? ["netns", aNs] : []), "type", "veth", "peer", "name", bName, "netns", bNs);
      if (!aNs) rootLinks.push(aName);
      const inA = aNs ? ["-n", aNs] : [];
      await ip(...inA, "addr", "add", aAddr, "dev", aName);
      await ip(...inA, "link", "set", aName, "up");
      await ip("-n", bNs, "addr", "add", bAddr, "dev", bName);
      await ip("-n", bNs, "link", "set", bName, "up");
    };
    // Data plane: client -- dut, dut == primary/backup == server.
    await veth(client, "c0", "10.77.1.1/24", dut, "d0", "10.77.1.2/24");
    await veth(dut, "dp", "10.77.2.1/24", server, "sp", "10.77.2.2/24");
    await veth(dut, "db", "10.77.3.1/24", server, "sb", "10.77.3.2/24");
    await ip("-n", server, "addr", "add", "10.77.9.1/32", "dev", "lo");
    await execa("ip", ["netns", "exec", dut, "sysctl", "-qw", "net.ipv4.ip_forward=1"]);
    await ip("-n", client, "route", "add", "10.77.9.1/32", "via", "10.77.1.2");
    await ip("-n", dut, "route", "add", "10.77.9.1/32", "via", "10.77.2.2");
    // The server answers through either link; the kernel drops the primary route with its link.
    // Replies leave from the service address: iperf3's UDP server answers from the address its route
    // picks, and the client's connected socket drops datagrams from any other source.
    await ip("-n", server, "route", "add", "10.77.1.0/24", "via", "10.77.2.1", "metric", "10", "src", "10.77.9.1");
    await ip("-n", server, "route", "add", "10.77.1.0/24", "via", "10.77.3.1", "metric", "20", "src", "10.77.9.1");
    // A veth whose peer is down only loses carrier; without this the server keeps answering into it.
    await execa("ip", ["netns", "exec", server, "sysctl", "-qw", "net.ipv4.conf.all.ignore_routes_with_linkdown=1", "net.ipv4.conf.sp.ignore_routes_with_linkdown=1"]);
    // Management: the root namespace reaches each end host's agent.
    await veth(null, `tm${tag}c`, "10.78.1.1/30", client, "m0", "10.78.1.2/30");
    await veth(null, `tm${tag}s`, "10.78.2.1/30", server, "m0", "10.78.2.2/30");
    return {
      client,
      dut,
      server,
      serviceAddress: "10.77.9.1",
      clientAddress: "10.77.1.1",
      clientManagement: "10.78.1.2",
      serverManagement: "10.78.2.2",
      backupNextHop: "10.77.3.2",
      primaryLink: "dp",
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}

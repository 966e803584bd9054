/** Network namespaces for multi-host tests: the failover topology lives with the testbeds that use it. */
export { createFailoverTopology, netnsUnavailable, type FailoverTopology } from "../../controller/testbed/netns-topology.js";

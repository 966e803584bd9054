/** Checks on the agent's first message: an AgentHello of our protocol version, or a Failure explaining a refusal. */
import type { TestbenchError } from "../../common/errors.js";
import { errorFromFailure } from "../../common/wire/failure.js";
import { PROTOCOL_VERSION } from "../../common/wire/protocol.js";
import type { AgentHello, WireEnvelope } from "../../common/wire/types.js";
import { AgentClientErrorCode, agentError } from "./agent-errors.js";

export function checkAgentHello(envelope: WireEnvelope, url: string): AgentHello | TestbenchError {
  const { body } = envelope;
  if (body.kind === "failure") return errorFromFailure(body.value, { url });
  if (body.kind !== "agentHello") {
    return agentError(AgentClientErrorCode.protocolMismatch, `Agent ${url} sent ${body.kind} before its AgentHello; is this a testbench agent?`, { context: { url } });
  }
  const hello = body.value;
  if (hello.protocolVersion !== PROTOCOL_VERSION) {
    return agentError(
      AgentClientErrorCode.protocolMismatch,
      `Agent ${hello.agentId} at ${url} speaks protocol ${hello.protocolVersion}, this controller speaks ${PROTOCOL_VERSION}; upgrade the older side`,
      { context: { url, agentId: hello.agentId, agentProtocolVersion: hello.protocolVersion } },
    );
  }
  return hello;
}

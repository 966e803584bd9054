/** `testbench agent --config agent.yaml`: serve controllers on this host's traffic generator. */
import { Command } from "commander";
import { runAgent } from "../main.js";
import type { AgentCliContext } from "./trex-emulator-command.js";

export function agentCommand(context: AgentCliContext): Command {
  return new Command("agent")
    .description("serve controllers on this host's traffic generator (docs/agent.md)")
    .requiredOption("--config <file>", "the agent's config file (agent.yaml)")
    .action(async ({ config }: { config: string }) => {
      const agent = await runAgent(config, { signal: context.signal, logger: context.logger });
      context.stdout(`agent ${agent.agentId}: listening on ${agent.url}`);
      await agent.done;
    });
}

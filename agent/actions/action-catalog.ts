/** The actions of this agent by name; a name the config does not define is ACTION_UNKNOWN. */
import { TestbenchError } from "../../common/errors.js";
import { StreamErrorCode } from "../streams/stream-errors.js";
import type { ActionDefinition } from "./action-definition.js";

export class ActionCatalog {
  private readonly byName: ReadonlyMap<string, ActionDefinition>;

  constructor(actions: readonly ActionDefinition[]) {
    this.byName = new Map(actions.map((action) => [action.name, action]));
  }

  get size(): number {
    return this.byName.size;
  }

  get names(): readonly string[] {
    return [...this.byName.keys()];
  }

  get(name: string): ActionDefinition {
    const action = this.byName.get(name);
    if (action === undefined) {
      throw new TestbenchError(StreamErrorCode.actionUnknown, `this agent defines no action ${JSON.stringify(name)} (its actions: ${this.names.join(", ") || "none"}); actions are defined in the agent's config only`, {
        context: { action: name },
      });
    }
    return action;
  }
}

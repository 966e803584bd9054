import { TrexEvent, type AsyncEventHub } from "./async-events.js";
import { TrafficConfigError } from "./multiplier.js";
import { StlProfile, type ProfileState } from "./stl-profile.js";

/**
 * One TRex port: owner (user, session, handler), profiles, attributes and the port-level state
 * that TrexStatelessPort::update_and_publish_port_state derives from its profiles (and the port
 * events it publishes when that state changes).
 */

export interface PortOwner {
  readonly user: string;
  readonly sessionId: number;
  readonly handler: string;
}

export const defaultProfileId = "_";

export class EmulatedPort {
  owner: PortOwner | undefined;
  state: ProfileState = "IDLE";
  readonly profiles = new Map<string, StlProfile>([[defaultProfileId, new StlProfile(defaultProfileId)]]);
  promiscuous = false;
  multicast = false;
  linkUp = true;
  ledOn = false;
  flowControlMode = 0;
  serviceMode = false;
  serviceFiltered = false;
  rxQueueActive = false;

  constructor(
    readonly portId: number,
    readonly speedGbps: number,
    readonly hwMac: string,
    readonly peerMac: string,
  ) {}

  get speedBps(): number {
    return this.speedGbps * 1e9;
  }

  /** An existing profile (valide_profile): "profile_id X does not exists" otherwise. */
  requireProfile(profileId: string): StlProfile {
    const profile = this.profiles.get(profileId);
    if (!profile) throw new TrafficConfigError(`profile_id ${profileId} does not exists`);
    return profile;
  }

  /** The profile add_stream writes to, created on first use. */
  profileForAdd(profileId: string): StlProfile {
    let profile = this.profiles.get(profileId);
    if (!profile) {
      profile = new StlProfile(profileId);
      this.profiles.set(profileId, profile);
    }
    return profile;
  }

  get maxStreamId(): number {
    let max = 0;
    for (const profile of this.profiles.values()) max = Math.max(max, profile.maxStreamId);
    return max;
  }

  /** Recompute the port state from its profiles and publish the port event TRex would. */
  updateAndPublishState(events: AsyncEventHub, finishedByItself = false): void {
    const old = this.state;
    const states = [...this.profiles.values()].map((p) => p.state);
    const next: ProfileState = states.includes("TX") ? "TX" : states.includes("PAUSE") ? "PAUSE" : states.includes("STREAMS") ? "STREAMS" : "IDLE";
    if (next === old) return;
    this.state = next;
    const data = { port_id: this.portId };
    if (next === "TX" && old === "STREAMS") events.publish(TrexEvent.portStarted, data);
    else if (next === "PAUSE") events.publish(TrexEvent.portPaused, data);
    else if (next === "TX" && old === "PAUSE") events.publish(TrexEvent.portResumed, data);
    else if (next === "STREAMS" && old !== "IDLE") events.publish(finishedByItself ? TrexEvent.portFinishedTx : TrexEvent.portStopped, data);
  }
}

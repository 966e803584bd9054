/**
 * One client's tick, as the notebook's Client.tick: every waiting request asks the picker again
 * (most are placed on their first try), then each of the client's channels ticks: a possible
 * network reset (new mean delay), requests whose send delay ended reach the server, responses
 * whose return delay ended complete.
 */
import { geometricSkip, randGamma } from "../random/distributions.js";
import { arriveAtServer, completeAtClient, send } from "./transport.js";
import type { IntList } from "./typed-lists.js";
import type { World } from "./world.js";

function resetChannel(world: World, channel: number): void {
  const { channels, settings } = world;
  const serverRtt = world.servers.meanRttTicks[channels.server[channel] as number] as number;
  channels.meanTicks[channel] = (serverRtt + randGamma(world.rng.resets, settings.meanChannelRttTicks, settings.channelRttVariance)) / 2;
  channels.nextResetTick[channel] = world.tick + 1 + geometricSkip(world.rng.resets, settings.networkResetProbability);
}

function tickChannel(world: World, channel: number): void {
  const { channels, requests } = world;
  const tick = world.tick;
  if (tick === channels.nextResetTick[channel]) resetChannel(world, channel);
  const sending = channels.sending[channel] as IntList;
  let kept = 0;
  for (let index = 0; index < sending.length; index += 1) {
    const request = sending.data[index] as number;
    if ((requests.dueTick[request] as number) <= tick) arriveAtServer(world, request, channel);
    else sending.data[kept++] = request;
  }
  sending.length = kept;
  const receiving = channels.receiving[channel] as IntList;
  kept = 0;
  for (let index = 0; index < receiving.length; index += 1) {
    const request = receiving.data[index] as number;
    if ((requests.dueTick[request] as number) <= tick) completeAtClient(world, request, channel);
    else receiving.data[kept++] = request;
  }
  receiving.length = kept;
}

export function tickClient(world: World, client: number): void {
  const picker = world.activePicker;
  const pending = world.pending[client] as IntList;
  const perClient = world.settings.channelsPerClient;
  const first = client * perClient;
  let kept = 0;
  for (let index = 0; index < pending.length; index += 1) {
    const request = pending.data[index] as number;
    const channel = picker.pick(world, request, client, world.channelIds, first, perClient);
    if (channel >= 0) send(world, request, channel);
    else pending.data[kept++] = request;
  }
  pending.length = kept;
  for (let channel = first; channel < first + perClient; channel += 1) tickChannel(world, channel);
}

/**
 * The protobufjs message interfaces that pbts generates, by Envelope body kind.
 * Type-only: the generated declarations have no runtime module behind them.
 */
import type { testbench } from "../../proto/generated/types.js";
import type { Decoded } from "./decoded-fields.js";
import type { WireBodies, WireBodyKind } from "./types.js";

export type { testbench };

export interface ProtoBodies {
  failure: testbench.v1.IFailure;
  agentHello: testbench.v1.IAgentHello;
  controllerHello: testbench.v1.IControllerHello;
  ping: testbench.v1.IPing;
  pong: testbench.v1.IPong;
  runTrialRequest: testbench.v1.IRunTrialRequest;
  runTrialResult: testbench.v1.IRunTrialResult;
  streamStart: testbench.v1.IStreamStart;
  streamStarted: testbench.v1.IStreamStarted;
  streamStop: testbench.v1.IStreamStop;
  streamStopped: testbench.v1.IStreamStopped;
  powerSample: testbench.v1.IPowerSample;
  iperfInterval: testbench.v1.IIperfInterval;
  actionEvent: testbench.v1.IActionEvent;
  powerSampleBatch: testbench.v1.IPowerSampleBatch;
  streamEnded: testbench.v1.IStreamEnded;
  runActionRequest: testbench.v1.IRunActionRequest;
  runActionResult: testbench.v1.IRunActionResult;
}

/** Converts one body kind between its wire type and the protobufjs plain object. */
export interface BodyCodec<K extends WireBodyKind> {
  toProto(value: WireBodies[K]): ProtoBodies[K];
  fromProto(source: Decoded): WireBodies[K];
}

export type BodyCodecs<K extends WireBodyKind> = { readonly [P in K]: BodyCodec<P> };

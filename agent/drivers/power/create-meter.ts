/** A fresh meter for one stream, from its agent.yaml entry. */
import type { Clock } from "../../../common/clock.js";
import type { MeterConfig } from "../../config/meter-config.js";
import { HwmonMeter } from "./hwmon-meter.js";
import { IpmiMeter } from "./ipmi-meter.js";
import type { PowerMeter } from "./meter.js";
import { RaplMeter } from "./rapl-meter.js";
import { RegexMeter } from "./regex-meter.js";
import { SimulatedMeter } from "./simulated-meter.js";
import { XrtMeter } from "./xrt-meter.js";

export function createMeter(config: MeterConfig, clock: Clock): PowerMeter {
  const { name, timeoutS } = config;
  switch (config.kind) {
    case "hwmon":
      return new HwmonMeter({ name, sysfsRoot: config.sysfsRoot, device: config.device, channels: config.channels, clock });
    case "rapl":
      return new RaplMeter({ name, sysfsRoot: config.sysfsRoot, zone: config.zone, clock });
    case "ipmi":
      return new IpmiMeter({ name, command: config.command, channel: config.channel, timeoutS });
    case "xrt":
      return new XrtMeter({ name, binary: config.binary, device: config.device, rails: config.rails, timeoutS });
    case "command":
      return new RegexMeter({ name, command: config.command, pattern: config.pattern, scale: config.scale, channel: config.channel, timeoutS });
    case "simulated":
      return new SimulatedMeter({ name, channel: config.channel, trace: config.trace, clock });
  }
}

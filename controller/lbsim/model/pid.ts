/** The notebook's PID controller on parallel arrays (one controller per slot): update returns the adjustment. */
export interface PidGains {
  readonly kp: number;
  readonly ki: number;
  readonly kd: number;
}

/** Server-side gains: integration time 50, derivative time 5 (the notebook's Server.reset). */
export const SERVER_PID_GAINS: PidGains = Object.freeze({ kp: 1, ki: 1 / 50, kd: 5 });
/** Client-side gains: integration time 30, derivative time 3 (the notebook's PidUtilizationWeighted). */
export const CLIENT_PID_GAINS: PidGains = Object.freeze({ kp: 1, ki: 1 / 30, kd: 3 });

export class PidArray {
  readonly previousError: Float64Array;
  readonly integral: Float64Array;

  constructor(
    size: number,
    private readonly gains: PidGains,
  ) {
    this.previousError = new Float64Array(size);
    this.integral = new Float64Array(size);
  }

  update(slot: number, value: number, target: number): number {
    const error = target - value;
    const integral = (this.integral[slot] as number) + error;
    this.integral[slot] = integral;
    const derivative = error - (this.previousError[slot] as number);
    this.previousError[slot] = error;
    return this.gains.kp * error + this.gains.ki * integral + this.gains.kd * derivative;
  }

  reset(slot: number): void {
    this.previousError[slot] = 0;
    this.integral[slot] = 0;
  }
}

/**
 * TRex's JSON-RPC error codes (trex_rpc_jsonrpc_v2_parser.cpp) and the exception a command throws
 * to produce one. A command fails with a *kind* (parse / execute / internal / ...); the envelope
 * layer turns the kind into code + message and adds `specific_err`, exactly as TRex does.
 */

export const JsonRpcCode = Object.freeze({
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  execute: -32000,
  tryAgain: -32001,
  workInProgress: -32002,
  noResults: -32003,
});

export type FaultKind = "parse" | "execute" | "internal" | "tryAgain";

const byKind: Readonly<Record<FaultKind, { code: number; message: string }>> = {
  parse: { code: JsonRpcCode.invalidParams, message: "Bad parameters for method" },
  execute: { code: JsonRpcCode.execute, message: "Failed To Execute Method" },
  internal: { code: JsonRpcCode.internal, message: "Internal Server Error" },
  tryAgain: { code: JsonRpcCode.tryAgain, message: "Try again later" },
};

export interface RpcErrorObject {
  code: number;
  message: string;
  specific_err?: string;
}

/** Thrown inside a command; carries TRex's `specific_err` text. */
export class RpcFault extends Error {
  constructor(
    readonly kind: FaultKind,
    readonly specificErr: string,
  ) {
    super(specificErr);
    this.name = "RpcFault";
  }

  toErrorObject(): RpcErrorObject {
    const { code, message } = byKind[this.kind];
    // TRex omits an empty specific_err only for "try again" (and the async no-results case).
    if (this.kind === "tryAgain" && this.specificErr === "") return { code, message };
    return { code, message, specific_err: this.specificErr };
  }
}

/** generate_parse_err: -32602 "Bad parameters for method". */
export function parseFault(specificErr: string): RpcFault {
  return new RpcFault("parse", specificErr);
}

/** generate_execute_err: -32000 "Failed To Execute Method". */
export function executeFault(specificErr: string): RpcFault {
  return new RpcFault("execute", specificErr);
}

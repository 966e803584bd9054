import { isZipped, unzip, zip } from "../../../drivers/trex/zip-framing.js";
import { asString, JsonLogicError, member, type JsonNode } from "../json/json-node.js";
import { readJson } from "../json/jsoncpp-reader.js";
import { writeJson } from "../json/jsoncpp-writer.js";
import { JsonRpcCode, RpcFault } from "./rpc-fault.js";

/**
 * The JSON-RPC 2.0 envelope as trex_rpc_req_resp_server.cpp and trex_rpc_jsonrpc_v2_parser.cpp
 * implement it: size limit, zlib framing, batches (a one-element batch answers with a bare object,
 * an empty one with `null`), the id / version / method checks and the mapping of command failures
 * to error objects. Commands are looked up in a MethodTable; everything else lives here.
 */

/** Requests larger than this (before and after inflating) are refused. */
export const maxRequestBytes = 999_999;

export interface MethodTable {
  /** The method's runner, or undefined when TRex would say "Method X not registered". */
  lookup(method: string): ((params: JsonNode) => unknown) | undefined;
}

type Reply = Record<string, unknown>;

function errorReply(id: unknown, code: number, message: string): Reply {
  return { jsonrpc: "2.0", id, error: { code, message } };
}

function tooLarge(bytes: number): string {
  return writeJson(errorReply(null, JsonRpcCode.internal, `Request is too large (${bytes} bytes). Consider splitting to smaller chunks.`));
}

/** One ZeroMQ request message in, one reply message out. */
export function handleMessage(message: Uint8Array, table: MethodTable): Buffer {
  if (message.length > maxRequestBytes) return Buffer.from(tooLarge(message.length));
  if (!isZipped(message)) return Buffer.from(processPlain(message, table));
  const plain = unzip(message);
  if (plain === undefined) return Buffer.from(processPlain(message, table));
  return zip(plain.length > maxRequestBytes ? tooLarge(plain.length) : processPlain(plain, table));
}

function processPlain(text: Uint8Array, table: MethodTable): string {
  const root = readJson(text);
  if (root === undefined) return writeJson(errorReply(null, JsonRpcCode.parse, "Bad JSON Format"));
  const requests = root.kind === "array" ? root.items : [root];
  const replies = requests.map((request) => processSingle(request, table));
  if (replies.length === 0) return writeJson(null);
  return writeJson(replies.length === 1 ? replies[0] : replies);
}

function idOf(node: JsonNode): unknown {
  switch (node.kind) {
    case "int":
    case "uint":
      return Number(node.value);
    case "array":
    case "object":
      return JSON.parse(JSON.stringify(plainOf(node)));
    case "null":
      return null;
    default:
      return node.value;
  }
}

function plainOf(node: JsonNode): unknown {
  if (node.kind === "array") return node.items.map(plainOf);
  if (node.kind === "object") return Object.fromEntries([...node.members].map(([k, v]) => [k, plainOf(v)]));
  return idOf(node);
}

function processSingle(request: JsonNode, table: MethodTable): Reply {
  // Real TRex aborts on a batch element that is neither an object nor null; we answer instead.
  const idNode = member(request, "id");
  if (idNode.kind === "null") return errorReply(null, JsonRpcCode.invalidRequest, "Missing 'id' field");
  const id = idOf(idNode);
  const version = member(request, "jsonrpc");
  if (version.kind !== "string" || version.value !== "2.0") return errorReply(id, JsonRpcCode.invalidRequest, "Invalid JSONRPC Version");
  let method: string;
  try {
    method = asString(member(request, "method"));
  } catch (error) {
    return errorReply(id, JsonRpcCode.invalidRequest, `Error in JSON request: ${(error as Error).message}`);
  }
  if (method === "") return errorReply(id, JsonRpcCode.invalidRequest, "Missing Method Name");
  const run = table.lookup(method);
  if (run === undefined) return errorReply(id, JsonRpcCode.methodNotFound, `Method ${method} not registered`);
  try {
    const result = run(member(request, "params"));
    return { jsonrpc: "2.0", id, result: result === undefined ? null : result };
  } catch (error) {
    if (error instanceof RpcFault) return { jsonrpc: "2.0", id, error: error.toErrorObject() };
    if (error instanceof JsonLogicError) {
      return { jsonrpc: "2.0", id, error: { code: JsonRpcCode.parse, message: "Json Error", specific_err: error.message } };
    }
    throw error;
  }
}

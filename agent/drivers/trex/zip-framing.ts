import { deflateSync, inflateSync } from "node:zlib";

/**
 * TRex's optional message compression (trex_rpc_zip.cpp): an 8-byte header of two big-endian
 * uint32s, the magic 0xABE85CEA and the uncompressed length, then a zlib (RFC 1950) stream.
 * The server inflates a framed request and frames its reply the same way; the official Python
 * client frames every request. Shared by the driver and the emulator: it is the wire format.
 */

export const zipMagic = 0xabe85cea;
export const zipHeaderBytes = 8;

export function isZipped(message: Uint8Array): boolean {
  if (message.length < zipHeaderBytes) return false;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  return view.getUint32(0, false) === zipMagic;
}

/** Frame `plain` (UTF-8 JSON text or bytes) as TRex does. */
export function zip(plain: Uint8Array | string): Buffer {
  const body = typeof plain === "string" ? Buffer.from(plain, "utf8") : plain;
  const header = Buffer.alloc(zipHeaderBytes);
  header.writeUInt32BE(zipMagic, 0);
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, deflateSync(body)]);
}

/**
 * Inflate a framed message, or undefined when it is not framed or does not inflate to at most the
 * declared length (zlib's uncompress() into a buffer of that size fails then; TRex falls back to
 * treating the bytes as plain JSON).
 */
export function unzip(message: Uint8Array): Buffer | undefined {
  if (!isZipped(message)) return undefined;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const declaredBytes = view.getUint32(4, false);
  try {
    const out = inflateSync(message.subarray(zipHeaderBytes), { maxOutputLength: Math.max(1, declaredBytes) });
    return out.length <= declaredBytes ? out : undefined;
  } catch {
    return undefined;
  }
}

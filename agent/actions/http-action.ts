/** Run an HTTP action: URL, headers and body rendered from their templates; 2xx succeeds; bounded response body. */
import type { Clock } from "../../common/clock.js";
import { BoundedText } from "../streams/bounded-text.js";
import { MAX_ACTION_OUTPUT_BYTES, type HttpAction, type ParamValue } from "./action-definition.js";
import { createDeadline, type ActionAttempt } from "./action-attempt.js";
import { renderJsonTemplate, renderTemplate } from "./template.js";

function requestBody(action: HttpAction, values: Readonly<Record<string, ParamValue>>): { body?: string; contentType?: string } {
  if (action.body === undefined) return {};
  if (action.body.kind === "json") return { body: JSON.stringify(renderJsonTemplate(action.body.template, values)), contentType: "application/json" };
  return { body: renderTemplate(action.body.template, values) };
}

async function readBounded(response: Response, text: BoundedText): Promise<void> {
  if (response.body === null) return;
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text.append(decoder.decode(value, { stream: true }));
    if (text.truncated) {
      await reader.cancel();
      break;
    }
  }
}

export async function runHttpAction(action: HttpAction, values: Readonly<Record<string, ParamValue>>, clock: Clock, signal: AbortSignal): Promise<ActionAttempt> {
  const url = renderTemplate(action.url, values, encodeURIComponent);
  const { body, contentType } = requestBody(action, values);
  const headers: Record<string, string> = contentType === undefined ? {} : { "content-type": contentType };
  for (const [name, template] of Object.entries(action.headers)) headers[name.toLowerCase()] = renderTemplate(template, values);
  const responseText = new BoundedText(MAX_ACTION_OUTPUT_BYTES);
  const deadline = createDeadline(action.timeoutS, signal, (durationS, timer) => clock.sleep(durationS, timer));
  const captured = (httpStatus: number) => ({ httpStatus, exitCode: -1, stdout: responseText.text, stderr: "", outputTruncated: responseText.truncated });
  let status = 0;
  try {
    const response = await fetch(url, { method: action.method, headers, ...(body === undefined ? {} : { body }), signal: deadline.signal, redirect: "manual" });
    status = response.status;
    await readBounded(response, responseText);
  } catch (error) {
    if (deadline.timedOut()) return { ...captured(status), outcome: "timed-out", detail: `no complete answer from ${action.method} ${url} within ${action.timeoutS} s` };
    if (signal.aborted) return { ...captured(status), outcome: "cancelled", detail: "cancelled" };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ...captured(status), outcome: "failed", detail: `${action.method} ${url} failed: ${error instanceof Error ? error.message : String(error)}${cause}` };
  } finally {
    deadline.clear();
  }
  const ok = status >= 200 && status < 300;
  return { ...captured(status), outcome: ok ? "succeeded" : "failed", detail: `HTTP ${status}` };
}

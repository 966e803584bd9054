/**
 * Error codes of `testbench deploy` (docs/deploy.md lists them). Every per-host error carries the
 * host and the step that failed in its context, and the underlying error as `cause`.
 */
import { TestbenchError, ValidationError, type ErrorContext } from "../common/errors.js";

export const DeployErrorCode = Object.freeze({
  inventoryInvalid: "DEPLOY_INVENTORY_INVALID",
  inventoryUnreadable: "DEPLOY_INVENTORY_UNREADABLE",
  hostsUnknown: "DEPLOY_HOSTS_UNKNOWN",
  optionInvalid: "DEPLOY_OPTION_INVALID",
  bundleFailed: "DEPLOY_BUNDLE_FAILED",
  unreachable: "DEPLOY_UNREACHABLE",
  authFailed: "DEPLOY_AUTH_FAILED",
  hostKeyMismatch: "DEPLOY_HOST_KEY_MISMATCH",
  hostKeyUnknown: "DEPLOY_HOST_KEY_UNKNOWN",
  sshFailed: "DEPLOY_SSH_FAILED",
  sudoDenied: "DEPLOY_SUDO_DENIED",
  permissionDenied: "DEPLOY_PERMISSION_DENIED",
  diskFull: "DEPLOY_DISK_FULL",
  nodeMissing: "DEPLOY_NODE_MISSING",
  platformMismatch: "DEPLOY_PLATFORM_MISMATCH",
  remoteCommandFailed: "DEPLOY_REMOTE_COMMAND_FAILED",
  uploadCorrupt: "DEPLOY_UPLOAD_CORRUPT",
  serviceFailed: "DEPLOY_SERVICE_FAILED",
  verifyFailed: "DEPLOY_VERIFY_FAILED",
  rollbackFailed: "DEPLOY_ROLLBACK_FAILED",
  timeout: "DEPLOY_TIMEOUT",
  cancelled: "DEPLOY_CANCELLED",
  unsupported: "DEPLOY_UNSUPPORTED",
});

export type DeployErrorCodeValue = (typeof DeployErrorCode)[keyof typeof DeployErrorCode];

/** Where on which host something failed. */
export interface DeployErrorContext extends ErrorContext {
  readonly host: string;
  readonly step: string;
}

export class DeployError extends TestbenchError {
  declare readonly context: DeployErrorContext;

  constructor(code: DeployErrorCodeValue, message: string, options: { context: DeployErrorContext & ErrorContext; cause?: unknown; retryable?: boolean }) {
    super(code, message, options);
    this.name = "DeployError";
  }
}

/** A bad inventory, flag or local file: the user's to fix (exit code 2). */
export function deployUsageError(code: DeployErrorCodeValue, message: string, context: ErrorContext, cause?: unknown): ValidationError {
  return new ValidationError(code, message, { context, ...(cause === undefined ? {} : { cause }) });
}

/** The message of anything thrown, for "...: <detail>" texts. */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

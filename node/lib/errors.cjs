'use strict'
// The error classes, and the one place where a native failure becomes one of them.
//
// The addon cannot throw JS subclasses, so it throws an Error carrying its fields as JSON in
// `lumnisai`; `rethrow` reads that and throws the class for its kind.

class LumnisError extends Error {
  /**
   * `fields` are what the client fills in (`kind`, `code`, `status`, `requestId`,
   * `details`); `statusCode` is taken for `status`, so that code which builds these errors
   * itself (a test's stub of the client, say) can write them as it reads them. A message
   * left out is the class's own description.
   */
  constructor(message, fields) {
    if (message !== null && typeof message === 'object' && fields === undefined) {
      fields = message
      message = fields.message
    }
    fields ??= {}
    const kind = fields.kind ?? KIND_OF.get(new.target) ?? 'unknown'
    super(message ?? `Lumnis ${kind.replaceAll('_', ' ')} error`)
    this.name = new.target.name
    this.kind = kind
    this.code = fields.code ?? kind.toUpperCase()
    this.statusCode = fields.status ?? fields.statusCode ?? undefined
    this.requestId = fields.requestId ?? undefined
    this.details = fields.details ?? undefined
  }
}

class AuthenticationError extends LumnisError {}
class NotFoundError extends LumnisError {}
class ValidationError extends LumnisError {}
class RateLimitError extends LumnisError {
  constructor(message, fields) {
    super(message, fields)
    const given = fields ?? (typeof message === 'object' ? message : undefined)
    // Seconds the server asked to wait, when it said.
    this.retryAfter = given?.retryAfter ?? undefined
  }
}
class InternalServerError extends LumnisError {}
class TransportError extends LumnisError {}
class LumnisTimeoutError extends LumnisError {
  constructor(message, fields) {
    super(message, fields)
    const given = fields ?? (typeof message === 'object' ? message : undefined)
    // The response an `invoke` was waiting for; it may still be running.
    this.responseId = given?.responseId ?? undefined
  }
}
class DecodeError extends LumnisError {}
class BodyTooLargeError extends LumnisError {}
class MissingUserIdError extends ValidationError {}
class TenantScopeUserIdConflictError extends ValidationError {}
class LocalFileNotSupportedError extends ValidationError {}
class ConfigurationError extends LumnisError {}
class IOError extends LumnisError {}
// A call of the official SDK that this package does not have (lib/beyond.cjs).
class NotImplementedYetError extends LumnisError {}

const BY_KIND = {
  authentication: AuthenticationError,
  not_found: NotFoundError,
  validation: ValidationError,
  rate_limit: RateLimitError,
  server: InternalServerError,
  transport: TransportError,
  timeout: LumnisTimeoutError,
  decode: DecodeError,
  body_too_large: BodyTooLargeError,
  missing_user_id: MissingUserIdError,
  tenant_scope_user_id_conflict: TenantScopeUserIdConflictError,
  local_file_not_supported: LocalFileNotSupportedError,
  config: ConfigurationError,
  io: IOError,
}

// Each class's kind, for errors built without one.
const KIND_OF = new Map(Object.entries(BY_KIND).map(([kind, Class]) => [Class, kind]))
KIND_OF.set(NotImplementedYetError, 'not_implemented')

function abortError() {
  return new DOMException('This operation was aborted', 'AbortError')
}

function fromNative(fields) {
  if (fields.kind === 'aborted') return abortError()
  const Class = BY_KIND[fields.kind] ?? LumnisError
  return new Class(fields.message, fields)
}

/** Throws the class a native failure stands for; any other error as it is. */
function rethrow(error) {
  if (error && typeof error.lumnisai === 'string') {
    throw fromNative(JSON.parse(error.lumnisai))
  }
  throw error
}

module.exports = {
  LumnisError,
  AuthenticationError,
  NotFoundError,
  ValidationError,
  RateLimitError,
  InternalServerError,
  TransportError,
  LumnisTimeoutError,
  DecodeError,
  BodyTooLargeError,
  MissingUserIdError,
  TenantScopeUserIdConflictError,
  LocalFileNotSupportedError,
  ConfigurationError,
  IOError,
  NotImplementedYetError,
  abortError,
  rethrow,
}

'use strict'
// The error classes, and the one place where a native failure becomes one of them.
//
// The addon cannot throw JS subclasses, so it throws an Error carrying its fields as JSON in
// `lumnisai`; `rethrow` reads that and throws the class for its kind.

class LumnisError extends Error {
  /**
   * `fields` are what the client fills in (`kind`, `code`, `status`, `requestId`,
   * `details`); `statusCode` is taken for `status`, so that code which builds these errors
   * itself (a test's stub of the client, say) can write them as it reads them. An error
   * built that way (with no `kind`) gets its class's status and message when it is given
   * none, as the official SDK's classes do (`new NotFoundError('x').statusCode` is 404); one
   * the client throws has a status only when a server answered.
   */
  constructor(message, fields) {
    if (message !== null && typeof message === 'object' && fields === undefined) {
      fields = message
      message = fields.message
    }
    fields ??= {}
    const byHand = fields.kind === undefined
    const kind = fields.kind ?? KIND_OF.get(new.target) ?? 'unknown'
    const described = byHand ? new.target.defaultMessage : undefined
    const text = message ?? described ?? `Lumnis ${kind.replaceAll('_', ' ')} error`
    super(text, fields.cause === undefined ? undefined : { cause: fields.cause })
    this.name = new.target.name
    this.kind = kind
    this.code = fields.code ?? kind.toUpperCase()
    const status = byHand ? new.target.defaultStatus : undefined
    this.statusCode = fields.status ?? fields.statusCode ?? status
    this.requestId = fields.requestId ?? undefined
    this.details = fields.details ?? undefined
  }
}

class AuthenticationError extends LumnisError {
  static defaultStatus = 401
}
class NotFoundError extends LumnisError {
  static defaultStatus = 404
}
class ValidationError extends LumnisError {
  static defaultStatus = 400
}
class RateLimitError extends LumnisError {
  static defaultStatus = 429
  static defaultMessage = 'Rate limit exceeded'

  constructor(message, fields) {
    super(message, fields)
    const given = fields ?? (typeof message === 'object' ? message : undefined)
    // Seconds the server asked to wait, when it said; a count given as text (the header's
    // form, as the official SDK's errors are built) reads as the number.
    const after = given?.retryAfter
    const seconds = typeof after === 'string' && after.trim() !== '' ? Number(after) : after
    this.retryAfter = Number.isFinite(seconds) ? seconds : undefined
  }
}
class InternalServerError extends LumnisError {
  static defaultStatus = 500
}
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
class LocalFileNotSupportedError extends ValidationError {
  /** Built by hand with the path alone, as the official SDK builds it. */
  constructor(message, fields) {
    if (typeof message === 'string' && fields === undefined) {
      super(
        `Local file paths are not supported yet: ${message}. Please wait for the artifact ` +
          'upload API or use artifact IDs.',
      )
    } else {
      super(message, fields)
    }
  }
}
// The official SDK's errors of its people-search calls, which this package lacks
// (lib/beyond.cjs): never thrown here, kept so that code importing them loads.
class NoDataSourcesError extends ValidationError {
  static defaultMessage = 'No people data sources configured. Please configure API keys.'
}
class SourcesNotAvailableError extends ValidationError {
  constructor(message, availableSources) {
    super(message)
    this.availableSources = Array.isArray(availableSources) ? availableSources : []
  }
}
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
KIND_OF.set(NoDataSourcesError, 'no_data_sources')
KIND_OF.set(SourcesNotAvailableError, 'sources_not_available')

// What an aborted call rejects with, as fetch: the signal's reason (a TimeoutError from
// `AbortSignal.timeout()`, the caller's own value from `abort(reason)`), else an AbortError.
function abortError(signal) {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError')
}

function fromNative(fields, signal) {
  if (fields.kind === 'aborted') return abortError(signal)
  const Class = BY_KIND[fields.kind] ?? LumnisError
  return new Class(fields.message, fields)
}

/** Throws the class a native failure stands for; any other error as it is. */
function rethrow(error, signal) {
  if (error && typeof error.lumnisai === 'string') {
    throw fromNative(JSON.parse(error.lumnisai), signal)
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
  NoDataSourcesError,
  SourcesNotAvailableError,
  abortError,
  rethrow,
}

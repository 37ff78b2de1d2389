// The ES module entry point of `lumnisai`: the same classes as the CommonJS one, re-exported,
// so that `import` and `require` share one set of classes (and `instanceof` works across).

import lumnisai from './index.cjs'

export const {
  LumnisClient,
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
  displayProgress,
  formatProgressEntry,
  ProgressTracker,
  verifyWebhookSignature,
} = lumnisai

export default lumnisai

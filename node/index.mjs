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
  // The official package's names outside the contract (lib/beyond.cjs).
  MessagingAPIError, MessagingNotFoundError, MessagingValidationError, MessagingSendError,
  MessagingConnectionError, normalizeAction, getRateLimit, getDefaultDailyLimits, getLimits,
  getConnectionRequestLimit, getMessageLimit, getInmailAllowance, canSendInmail,
  hasOpenProfileMessages, getBestSubscriptionForAction, getDailyInmailLimit,
  isRecruiterSubscription, getContentLimit, LINKEDIN_LIMITS, UNIPILE_SAFE_LIMITS,
  DEFAULT_SUBSCRIPTION_TYPE, SEQUENCE_RATE_LIMITS, RATE_LIMIT_COOLDOWNS,
  UNIPILE_RATE_LIMIT_ERRORS, ACTION_DELAYS, DAILY_INMAIL_LIMITS, CONTENT_LIMITS,
  CONTENT_LIMITS_MAP, VALID_EVENT_TYPES, SharePermission, ProviderType, ChannelType,
  OutreachMethod, ConversationStatus, MessageType, DraftStatus, SyncJobStatus, BatchJobStatus,
  QueueItemStatus, LinkedInSubscriptionType, NetworkDistance, PeopleDataSource,
} = lumnisai

export default lumnisai

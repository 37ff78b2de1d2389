'use strict'
// The CommonJS entry point of `lumnisai`: the client and the error classes.

const { LumnisClient } = require('./lib/client.cjs')
const errors = require('./lib/errors.cjs')
const progress = require('./lib/progress.cjs')
const { verifyWebhookSignature } = require('./lib/webhook.cjs')
const { beyondExports } = require('./lib/beyond.cjs')

module.exports = {
  LumnisClient,
  LumnisError: errors.LumnisError,
  AuthenticationError: errors.AuthenticationError,
  NotFoundError: errors.NotFoundError,
  ValidationError: errors.ValidationError,
  RateLimitError: errors.RateLimitError,
  InternalServerError: errors.InternalServerError,
  TransportError: errors.TransportError,
  LumnisTimeoutError: errors.LumnisTimeoutError,
  DecodeError: errors.DecodeError,
  BodyTooLargeError: errors.BodyTooLargeError,
  MissingUserIdError: errors.MissingUserIdError,
  TenantScopeUserIdConflictError: errors.TenantScopeUserIdConflictError,
  LocalFileNotSupportedError: errors.LocalFileNotSupportedError,
  ConfigurationError: errors.ConfigurationError,
  IOError: errors.IOError,
  NotImplementedYetError: errors.NotImplementedYetError,
  NoDataSourcesError: errors.NoDataSourcesError,
  SourcesNotAvailableError: errors.SourcesNotAvailableError,
  displayProgress: progress.displayProgress,
  formatProgressEntry: progress.formatProgressEntry,
  ProgressTracker: progress.ProgressTracker,
  verifyWebhookSignature,
  // The official package's names outside the contract (lib/beyond.cjs).
  ...beyondExports(),
}

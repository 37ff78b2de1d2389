'use strict'
// The official Node SDK's calls beyond the Lumnis wire contract this package speaks: skills,
// MCP servers, integrations, model preferences, external API keys, tenant settings, the
// outreach resources, the people-search runs, and the file search, bulk and scope calls. They
// exist here by name, so that code written for the official SDK is told what is missing (a
// rejected promise with a NotImplementedYetError) instead of failing with "is not a function".

const util = require('node:util')
const { LumnisError, NotImplementedYetError } = require('./errors.cjs')

const COVERED =
  'this lumnisai package covers users, threads, responses and files, the calls of the ' +
  'Lumnis wire contract'

// The official client's methods outside the contract, by what they are about.
const CLIENT_CALLS = {
  skills: ['createSkill', 'getSkill', 'listSkills', 'updateSkill', 'deleteSkill'],
  'MCP servers': [
    'createMcpServer', 'getMcpServer', 'listMcpServers', 'updateMcpServer', 'deleteMcpServer',
    'listMcpServerTools', 'testMcpServer',
  ],
  integrations: [
    'listApps', 'listProviders', 'isAppEnabled', 'setAppEnabled', 'initiateConnection',
    'getConnectionStatus', 'getConnectionsBatch', 'listConnections', 'getIntegrationTools',
    'disconnect',
  ],
  'model preferences': ['getModelPreferences', 'updateModelPreferences'],
  'external API keys': [
    'addApiKey', 'listApiKeys', 'getApiKey', 'deleteApiKey', 'getApiKeyMode', 'setApiKeyMode',
  ],
}

// The official client's resources outside the contract.
const CLIENT_RESOURCES = {
  tenantInfo: 'tenant settings',
  externalApiKeys: 'external API keys',
  integrations: 'integrations',
  modelPreferences: 'model preferences',
  mcpServers: 'MCP servers',
  skills: 'skills',
  people: 'people search',
  messaging: 'messaging',
  sequences: 'sequences',
  campaigns: 'campaigns',
  contactRelationships: 'contact relationships',
  enrichment: 'enrichment',
}

// Methods of the covered resources that reach endpoints outside the contract.
const RESOURCE_CALLS = {
  users: { getResponses: "a user's responses", getThreads: "a user's threads" },
  files: {
    bulkUpload: 'bulk upload',
    bulkDelete: 'bulk delete',
    updateScope: "changing a file's scope",
    search: 'file search',
    getStatistics: 'file statistics',
  },
  responses: {
    quickPeopleSearch: 'people search',
    deepPeopleSearch: 'people search',
    peopleScoring: 'people scoring',
  },
}

function refusal(what, area) {
  const message = `${what} (${area}) is not available here: ${COVERED}`
  return Promise.reject(new NotImplementedYetError(message))
}

function refusing(owner, name, area) {
  // Named as the official method, so that a stack trace reads as the call that was made.
  return {
    [name]() {
      return refusal(`${owner}.${name}()`, area)
    },
  }[name]
}

/** A resource of the official SDK that this package does not have: every call rejects. */
function uncovered(name, area) {
  const shown = `[${name}: not available in this lumnisai package]`
  const target = {
    toString: () => shown,
    [util.inspect.custom]: () => shown,
  }
  return new Proxy(target, {
    get(object, key) {
      // `then` stays undefined, so awaiting the resource itself does not hang.
      if (typeof key === 'symbol' || key in object || key === 'then') return object[key]
      return refusing(`client.${name}`, key, area)
    },
  })
}

/** Adds the official names outside the contract to the client's class and resources. */
function addBeyond(Client) {
  for (const [area, names] of Object.entries(CLIENT_CALLS)) {
    for (const name of names) {
      Object.defineProperty(Client.prototype, name, {
        value: refusing('client', name, area),
        writable: true,
        configurable: true,
      })
    }
  }
  for (const [name, area] of Object.entries(CLIENT_RESOURCES)) {
    const resource = uncovered(name, area)
    Object.defineProperty(Client.prototype, name, {
      get: () => resource,
      configurable: true,
    })
  }
}

/** Adds the calls outside the contract to a covered resource class (`users`, `files`, ...). */
function addBeyondCalls(Resource, name) {
  for (const [method, area] of Object.entries(RESOURCE_CALLS[name])) {
    Object.defineProperty(Resource.prototype, method, {
      value: refusing(`client.${name}`, method, area),
      writable: true,
      configurable: true,
    })
  }
}

// The official package's exported values outside the contract: LinkedIn and sequence limits,
// and the enums of its outreach and people-search types. An ES module that imports a name
// the package lacks fails to load at all, so each name is here: a function throws a
// NotImplementedYetError when called, a constant or enum when any member is read.
const EXPORTED_FUNCTIONS = {
  'LinkedIn limits': [
    'normalizeAction', 'getRateLimit', 'getDefaultDailyLimits', 'getLimits',
    'getConnectionRequestLimit', 'getMessageLimit', 'getInmailAllowance', 'canSendInmail',
    'hasOpenProfileMessages', 'getBestSubscriptionForAction', 'getDailyInmailLimit',
    'isRecruiterSubscription',
  ],
  'sequence content limits': ['getContentLimit'],
}

const EXPORTED_CONSTANTS = {
  'LinkedIn limits': [
    'LINKEDIN_LIMITS', 'UNIPILE_SAFE_LIMITS', 'DEFAULT_SUBSCRIPTION_TYPE',
    'SEQUENCE_RATE_LIMITS', 'RATE_LIMIT_COOLDOWNS', 'UNIPILE_RATE_LIMIT_ERRORS',
    'ACTION_DELAYS', 'DAILY_INMAIL_LIMITS',
  ],
  'sequence content limits': ['CONTENT_LIMITS', 'CONTENT_LIMITS_MAP'],
  sequences: ['VALID_EVENT_TYPES', 'SharePermission'],
  integrations: ['ProviderType'],
  messaging: [
    'ChannelType', 'OutreachMethod', 'ConversationStatus', 'MessageType', 'DraftStatus',
    'SyncJobStatus', 'BatchJobStatus', 'QueueItemStatus', 'LinkedInSubscriptionType',
    'NetworkDistance',
  ],
  'people search': ['PeopleDataSource'],
}

function throwingFunction(name, area) {
  return {
    [name]() {
      throw new NotImplementedYetError(`${name}() (${area}) is not available here: ${COVERED}`)
    },
  }[name]
}

function throwingConstant(name, area) {
  const shown = `[${name}: not available in this lumnisai package]`
  const target = { toString: () => shown, [util.inspect.custom]: () => shown }
  return new Proxy(target, {
    get(object, key) {
      if (typeof key === 'symbol' || key in object || key === 'then') return object[key]
      const message = `${name}.${key} (${area}) is not available here: ${COVERED}`
      throw new NotImplementedYetError(message)
    },
  })
}

// The official messaging errors: never thrown here, kept for `instanceof` checks.
class MessagingAPIError extends LumnisError {}
class MessagingNotFoundError extends MessagingAPIError {}
class MessagingValidationError extends MessagingAPIError {}
class MessagingSendError extends MessagingAPIError {}
class MessagingConnectionError extends MessagingAPIError {}

/** The official package's exports outside the contract, by name. */
function beyondExports() {
  const exported = {
    MessagingAPIError,
    MessagingNotFoundError,
    MessagingValidationError,
    MessagingSendError,
    MessagingConnectionError,
  }
  for (const [area, names] of Object.entries(EXPORTED_FUNCTIONS)) {
    for (const name of names) exported[name] = throwingFunction(name, area)
  }
  for (const [area, names] of Object.entries(EXPORTED_CONSTANTS)) {
    for (const name of names) exported[name] = throwingConstant(name, area)
  }
  return exported
}

module.exports = { addBeyond, addBeyondCalls, beyondExports }

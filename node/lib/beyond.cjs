'use strict'
// The official Node SDK's calls beyond the Lumnis wire contract this package speaks: skills,
// MCP servers, integrations, model preferences, external API keys, tenant settings, the
// outreach resources, the people-search runs, and the file search, bulk and scope calls. They
// exist here by name, so that code written for the official SDK is told what is missing (a
// rejected promise with a NotImplementedYetError) instead of failing with "is not a function".

const util = require('node:util')
const { NotImplementedYetError } = require('./errors.cjs')

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

module.exports = { addBeyond, addBeyondCalls }

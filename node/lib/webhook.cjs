'use strict'
// `verifyWebhookSignature`: checks the signature a Lumnis webhook carries in its
// `x-webhook-signature` header. A local check (no request), kept from the official SDK so that
// a tenant's webhook handler written for it runs unchanged.

const crypto = require('node:crypto')

const HEX_DIGEST_LENGTH = 64

/**
 * Whether `signature` (hex) is the HMAC-SHA256 of the raw `payload` under `secret`, compared
 * in constant time. A missing signature or secret is false, never an exception.
 */
function verifyWebhookSignature(payload, signature, secret) {
  if (typeof signature !== 'string' || signature.length !== HEX_DIGEST_LENGTH || !secret) {
    return false
  }
  const given = Buffer.from(signature, 'hex')
  const expected = crypto.createHmac('sha256', secret).update(payload).digest()
  // A character that is not hex ends Buffer's parse early, so the lengths differ then.
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

module.exports = { verifyWebhookSignature }

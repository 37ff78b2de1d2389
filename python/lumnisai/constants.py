"""The defaults of this client under the official SDK's constant names, so that code that
imports them keeps working. The values are this client's: where one differs from the
official SDK's, the comment says so."""

DEFAULT_BASE_URL = "https://api.lumnis.ai"
CUSTOMER_API_URL = DEFAULT_BASE_URL

# The pause between reads of a run when the server does not hold them (the official SDK
# sleeps 2 s between reads; this client long-polls and pauses only when a read comes back
# at once).
DEFAULT_POLL_INTERVAL = 1.0
# How long each read of a run asks the server to hold it, in seconds.
LONG_POLL_TIMEOUT = 10

# One attempt's time limit and the retries of a failed request.
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 3
# The first wait before a retry, in seconds; it doubles up to 8 s, with jitter.
DEFAULT_BACKOFF_FACTOR = 0.5

# The default and largest page of the list calls.
DEFAULT_LIMIT = 50
MAX_LIMIT = 100

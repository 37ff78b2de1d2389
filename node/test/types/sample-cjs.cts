// The CommonJS form of an import of the package type-checks too.

import lumnisai = require('lumnisai')

const client = new lumnisai.LumnisClient({ baseUrl: 'http://127.0.0.1:1' })
export const bound: lumnisai.LumnisClient = client.forUser('a@example.com')
export const isError: boolean = new Error() instanceof lumnisai.ValidationError

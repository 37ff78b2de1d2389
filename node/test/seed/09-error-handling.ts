import { LumnisClient, NotFoundError, ValidationError } from 'lumnisai'
const client = new LumnisClient({ apiKey: process.env.LUMNISAI_API_KEY! })
try {
const user = await client.getUser("nonexistent@example.com")
}
catch (error) {
if (error instanceof NotFoundError) {
// Create user if not found
const user = await client.createUser({
email: "nonexistent@example.com",
firstName: "New",
lastName: "User"
})
console.log(`Created user: ${user.email}`)
}
else if (error instanceof ValidationError) {
console.error(`Validation error: ${error.details}`)
}
}

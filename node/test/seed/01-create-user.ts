import { LumnisClient } from 'lumnisai'
const client = new LumnisClient({ apiKey: process.env.LUMNISAI_API_KEY! })
// Create or update user
const user = await client.createUser({
email: "user@example.com",
firstName: "John",
lastName: "Doe"
})
console.log(`User ID: ${user.id}`)
console.log(`Email: ${user.email}`)

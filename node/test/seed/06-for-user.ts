import { LumnisClient } from 'lumnisai'
const client = new LumnisClient({ apiKey: process.env.LUMNISAI_API_KEY! })
// Create a user-scoped client
const userClient = client.forUser("user@example.com")
// All operations now scoped to this user
const response = await userClient.invoke("What's the weather?")
// List user's threads
const threads = await userClient.listThreads()
// Upload file for user
const file = await userClient.files.upload(fileStream, {
scope: 'user'
})

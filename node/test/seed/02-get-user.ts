// Get user by email
const user = await client.getUser("user@example.com")
// Get user by ID
const user = await client.getUser("550e8400-e29b-41d4-a716-446655440000")
console.log(`${user.email}: ${user.firstName} ${user.lastName}`)

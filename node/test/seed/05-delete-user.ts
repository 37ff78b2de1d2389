// Soft delete user
await client.deleteUser("user@example.com")

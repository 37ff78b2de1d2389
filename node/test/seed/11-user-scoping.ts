// Good: User-scoped operations
const response = await client.invoke(
"Hello!",
{ userId: "user@example.com" }
)
// Or use scoped client
const userClient = client.forUser("user@example.com")
const response = await userClient.invoke("Hello!")

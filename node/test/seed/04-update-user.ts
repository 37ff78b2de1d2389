// Update user details
const updatedUser = await client.updateUser(
"user@example.com",
{
firstName: "Jane",
lastName: "Smith"
}
)
console.log(`Updated: ${updatedUser.firstName} ${updatedUser.lastName}`)

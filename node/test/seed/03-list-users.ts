// List users with pagination
const users = await client.listUsers({
page: 1,
pageSize: 50
})
console.log(`Total users: ${users.total}`)
for (const user of users.users) {
console.log(`${user.email}: ${user.firstName} ${user.lastName}`)
if (user.metadata) {
console.log(` Metadata: ${JSON.stringify(user.metadata)}`)
}
}

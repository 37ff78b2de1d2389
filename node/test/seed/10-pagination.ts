// Get all users with pagination
const allUsers: any[] = []
let page = 1
const pageSize = 50
while (true) {
const result = await client.listUsers({ page, pageSize })
allUsers.push(...result.users)
if (result.users.length < pageSize) {
break
}
page++
}
console.log(`Total users retrieved: ${allUsers.length}`)

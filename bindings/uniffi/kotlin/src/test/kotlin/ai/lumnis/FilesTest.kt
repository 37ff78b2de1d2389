// Files through the binding: upload from bytes, a path and an InputStream, read back,
// download, scoping of user files, a replayed upload after a cut, delete.
package ai.lumnis

import java.io.ByteArrayInputStream
import java.io.FilterInputStream
import java.nio.file.Files
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

class FilesTest : ServerTest() {
    private val bytes = ("line one\nline two\nline three\n").toByteArray()

    @BeforeEach
    fun createUsers() = users("alice@example.com", "bob@example.com")

    @Test
    fun `bytes go up and come back exactly`() = runBlocking {
        client.forUser("alice@example.com").use { alice ->
            val options = UploadOptions(fileName = "notes.txt", tags = listOf("a"))
            val up = alice.uploadFile(bytes, options)
            val meta = alice.getFile(up.fileId)
            assertEquals("notes.txt", meta.fileName)
            assertEquals(bytes.size.toLong(), meta.fileSize)
            assertEquals("user", meta.fileScope)
            assertEquals("local://files/${up.fileId}", meta.blobUrl)
            assertNull(meta.deletedAt)
            assertArrayEquals(bytes, alice.downloadFile(up.fileId))
            val content = alice.getFileContent(up.fileId)
            assertTrue(content.text!!.contains("line two"))
            assertEquals(1L, alice.listFiles().totalCount)
            alice.getFileStatus(up.fileId)

            val target = Files.createTempDirectory("lumnis").resolve("copy.txt")
            assertEquals(bytes.size.toLong(), alice.downloadFileTo(up.fileId, target.toString()))
            assertArrayEquals(bytes, Files.readAllBytes(target))

            alice.deleteFile(up.fileId, hardDelete = true)
            assertEquals(0L, alice.listFiles().totalCount)
        }
    }

    @Test
    fun `delete removes the bytes unless hardDelete is false, as in the official SDKs`() =
        runBlocking {
            val hard = client.uploadFile(bytes, UploadOptions(fileName = "hard.txt"))
            val soft = client.uploadFile(bytes, UploadOptions(fileName = "soft.txt"))
            client.deleteFile(hard.fileId)
            client.deleteFile(soft.fileId, hardDelete = false)
            val queries = server.requests("DELETE", "/v1/files/").map { it["query"].toString() }
            assertEquals(2, queries.size, queries.toString())
            assertTrue(queries[0].contains("hard_delete=true"), queries[0])
            assertFalse(queries[1].contains("hard_delete"), queries[1])
            assertEquals(0L, client.listFiles().totalCount)
        }

    @Test
    fun `a path is uploaded under its file name`() = runBlocking {
        val path = Files.createTempFile("report", ".md")
        Files.write(path, bytes)
        val up = client.uploadFilePath(path.toString())
        assertEquals(path.fileName.toString(), up.fileName)
        assertArrayEquals(bytes, client.downloadFile(up.fileId))
    }

    @Test
    fun `an InputStream is uploaded whole and left open`() = runBlocking {
        var closed = false
        val stream = object : FilterInputStream(ByteArrayInputStream(bytes)) {
            override fun close() {
                closed = true
            }
        }
        val up = client.uploadFile(stream, UploadOptions(fileName = "streamed.txt"))
        assertEquals("streamed.txt", up.fileName)
        assertArrayEquals(bytes, client.downloadFile(up.fileId))
        assertFalse(closed)

        val path = Files.createTempFile("stream", ".bin")
        Files.write(path, bytes)
        val fromFile = Files.newInputStream(path).use { client.uploadFile(it) }
        assertArrayEquals(bytes, client.downloadFile(fromFile.fileId))
    }

    @Test
    fun `a user's file is invisible to another user`() = runBlocking {
        val alice = client.forUser("alice@example.com")
        val bob = client.forUser("bob@example.com")
        val up = alice.uploadFile(bytes, UploadOptions(fileName = "private.txt"))
        assertEquals(0L, bob.listFiles().totalCount)
        expectError("not_found") { bob.getFile(up.fileId) }
        alice.close()
        bob.close()
    }

    @Test
    fun `an upload cut halfway is resent whole with the same key`() = runBlocking {
        val big = ByteArray(256 * 1024) { (it % 251).toByte() }
        server.fault(
            """{"method":"POST","path":"/v1/files/upload","kind":"cut_upload",""" +
                """"after_bytes":65536}""",
        )
        val up = client.uploadFile(big, UploadOptions(fileName = "big.bin"))
        assertArrayEquals(big, client.downloadFile(up.fileId))
        val attempts = server.requests("POST", "/v1/files/upload")
        assertEquals(2, attempts.size)
        assertEquals(1, attempts.map { it["idempotency_key"].toString() }.toSet().size)
        assertEquals(1L, client.listFiles().totalCount)
    }
}

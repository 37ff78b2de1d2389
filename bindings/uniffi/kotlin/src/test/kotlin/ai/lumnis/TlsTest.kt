// A private certificate authority through ClientOptions.rootCertificates: an HTTPS server on
// 127.0.0.1 with the test certificate of tests/tls, which only that CA vouches for.
package ai.lumnis

import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsServer
import java.io.File
import java.net.InetSocketAddress
import java.security.KeyFactory
import java.security.KeyStore
import java.security.cert.CertificateFactory
import java.security.spec.PKCS8EncodedKeySpec
import java.util.Base64
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private val fixtures = File(System.getProperty("lumnis.root") ?: "../../..", "tests/tls")
    private val server = httpsServer()
    private val baseUrl = "https://127.0.0.1:${server.address.port}"

    @AfterAll
    fun stop() = server.stop(0)

    @Test
    fun `a server only the given CA vouches for is trusted through rootCertificates`() =
        runBlocking {
            val ca = File(fixtures, "ca.pem").readText()
            val options = ClientOptions(baseUrl = baseUrl, rootCertificates = listOf(ca))
            LumnisClient(KEY, options).use { c ->
                assertEquals("tls@example.com", c.getUser("tls@example.com").email)
            }
        }

    @Test
    fun `without the CA the handshake is refused as a transport error`() = runBlocking {
        val options = ClientOptions(baseUrl = baseUrl, maxRetries = 0)
        LumnisClient(KEY, options).use { c ->
            val e = runCatching { c.getUser("tls@example.com") }.exceptionOrNull()
            assertEquals("transport", (e as? LumnisException)?.kind, "$e")
        }
    }

    @Test
    fun `a text with no certificate is a configuration error`() {
        val options = ClientOptions(baseUrl = baseUrl, rootCertificates = listOf("not a PEM"))
        val e = runCatching { LumnisClient(KEY, options) }.exceptionOrNull()
        assertTrue(e is LumnisException.Config, "$e")
    }

    private fun pem(name: String, type: String): List<ByteArray> =
        Regex("-----BEGIN $type-----(.*?)-----END $type-----", RegexOption.DOT_MATCHES_ALL)
            .findAll(File(fixtures, name).readText())
            .map { Base64.getMimeDecoder().decode(it.groupValues[1]) }
            .toList()

    private fun httpsServer(): HttpsServer {
        val factory = CertificateFactory.getInstance("X.509")
        val chain = pem("server.pem", "CERTIFICATE")
            .map { factory.generateCertificate(it.inputStream()) }
        val key = KeyFactory.getInstance("RSA")
            .generatePrivate(PKCS8EncodedKeySpec(pem("server.key", "PRIVATE KEY").single()))
        val password = "test".toCharArray()
        val store = KeyStore.getInstance("PKCS12").apply {
            load(null, null)
            setKeyEntry("server", key, password, chain.toTypedArray())
        }
        val keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
        keys.init(store, password)
        val context = SSLContext.getInstance("TLS").apply { init(keys.keyManagers, null, null) }

        val server = HttpsServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.httpsConfigurator = HttpsConfigurator(context)
        server.createContext("/v1/users/") { exchange ->
            val body = """{"id":"6f1c2d4e-8a9b-4c3d-9e8f-7a6b5c4d3e2f","email":"tls@example.com",
                "first_name":null,"last_name":null,"tenant_id":null,"is_active":true,
                "created_at":"2026-12-04T08:00:00Z","updated_at":null}""".toByteArray()
            exchange.responseHeaders.add("content-type", "application/json")
            exchange.sendResponseHeaders(200, body.size.toLong())
            exchange.responseBody.use { it.write(body) }
        }
        server.start()
        return server
    }
}

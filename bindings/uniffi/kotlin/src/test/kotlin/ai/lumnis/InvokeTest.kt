// invoke with and without the progress stream: entries, the final entry, structured
// answers, failed runs returned (not thrown), and stopping a stream.
package ai.lumnis

import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

class InvokeTest : ServerTest() {
    private val alice = InvokeOptions(userId = "alice@example.com")

    @BeforeEach
    fun createAlice() = users("alice@example.com")

    @Test
    fun `invoke returns the final response`() = runBlocking {
        val response = client.invoke("Hello there", alice)
        assertEquals(ResponseStatus.SUCCEEDED, response.status)
        assertEquals("succeeded", response.status.wireName)
        assertEquals("Answer to: Hello there", response.outputText)
        assertTrue(response.progress.size >= 3)
        assertNotNull(response.completedAt)
    }

    @Test
    fun `a conversation answers its last user message`() = runBlocking {
        val messages = listOf(
            Message(Role.SYSTEM, "Be brief."),
            Message(Role.USER, "First question"),
            Message(Role.ASSISTANT, "An answer"),
            Message(Role.USER, "Second question"),
        )
        val response = client.invokeMessages(messages, alice)
        assertEquals("Answer to: Second question", response.outputText)
        assertEquals(4, response.inputMessages.size)
    }

    @Test
    fun `the progress stream yields each step, then completed`() = runBlocking {
        client.invokeStream("Stream me", alice).use { stream ->
            val entries = stream.asFlow().toList()
            assertEquals("processing", entries.first().state)
            val toolCalls =
                entries.filter { it.state == "tool_call" }.flatMap { it.toolCalls.orEmpty() }
            assertTrue(toolCalls.isNotEmpty())
            val last = entries.last()
            assertEquals("completed", last.state)
            assertEquals("Answer to: Stream me", last.outputText)
            assertEquals(ResponseStatus.SUCCEEDED, stream.response()!!.status)
            assertEquals(stream.response()!!.responseId, stream.responseId())
            assertNull(stream.next())
        }
    }

    @Test
    fun `a structured answer follows the schema, its keys in the schema's order`() = runBlocking {
        val schema = """{"type":"object","properties":{"days":{"type":"integer","minimum":3},
            |"city":{"type":"string"}}}""".trimMargin()
        val response = client.invoke(
            "Weather in Paris",
            alice.copy(responseFormatJson = schema),
        )
        val answer = response.structuredResponse!!.jsonObject
        assertEquals("city:Weather in Paris", answer["city"]!!.jsonPrimitive.content)
        assertEquals(3, answer["days"]!!.jsonPrimitive.content.toInt())
        assertEquals(listOf("days", "city"), answer.keys.toList())
        val sent = Json.parseToJsonElement(response.optionsJson!!).jsonObject["response_format"]!!
        assertEquals(schema.replace("\n", ""), sent.toString())
    }

    @Test
    fun `a failed run is returned with its error`() = runBlocking {
        val response = client.invoke("please [fail]", alice)
        assertEquals(ResponseStatus.FAILED, response.status)
        assertEquals("AGENT_FAILED", response.error!!.jsonObject["code"]!!.jsonPrimitive.content)
        val entries = client.invokeStream("again [fail]", alice).use { it.asFlow().toList() }
        assertEquals("failed", entries.last().state)
    }

    @Test
    fun `cancel ends the stream at once and cancelRun stops the run`() = runBlocking {
        server.settings("""{"agent_latency_ms":3000}""")
        client.invokeStream("Long task", alice).use { stream ->
            assertEquals("processing", stream.next()!!.state)
            assertTrue(stream.cancelRun(client))
            assertNull(stream.next())
            val id = stream.responseId()!!
            assertEquals(ResponseStatus.CANCELLED, client.getResponse(id).status)
        }
    }

    @Test
    fun `cancelRun right after invokeStream waits for the run and cancels it`() = runBlocking {
        server.settings("""{"agent_latency_ms":3000}""")
        client.invokeStream("Cancelled before it is read", alice).use { stream ->
            assertTrue(stream.cancelRun(client))
            assertNull(stream.next())
            val id = stream.responseId()!!
            assertEquals(ResponseStatus.CANCELLED, client.getResponse(id).status)
        }
    }

    @Test
    fun `a collector that stops early stops the stream`() = runBlocking {
        client.invokeStream("Only the first step", alice).use { stream ->
            val first = stream.asFlow().take(1).toList()
            assertEquals("processing", first.single().state)
            assertNull(stream.next())
        }
    }

    @Test
    fun `responses are listed and read back`() = runBlocking {
        val done = client.invoke("One", alice)
        val list = client.listResponses(ListResponsesParams(userId = "alice@example.com"))
        assertEquals(1L, list.total)
        assertEquals(done.responseId, list.responses.single().responseId)
        val read = client.getResponse(done.responseId, waitMs = 1000)
        assertEquals("Answer to: One", read.outputText)
    }

    @Test
    fun `artifacts and feedback of a run`() = runBlocking {
        val done = client.invoke("Make an artifact", alice)
        val artifacts = Json.parseToJsonElement(client.getResponseArtifacts(done.responseId, 5))
        assertEquals(done.responseId, artifacts.jsonObject["response_id"]!!.jsonPrimitive.content)

        val update = """{"b":1,"a":2}"""
        val given = client.createFeedback(
            done.responseId,
            // No type: a suggestion, as in Python and Node.
            FeedbackParams("Shorter, please", toolArgsUpdateJson = update),
        )
        assertNotNull(given.createdAt)
        client.createFeedback(
            done.responseId,
            FeedbackParams("On step two", FeedbackType.GUIDANCE, progressId = "Step-2"),
        )
        val all = client.listFeedback(done.responseId)
        assertEquals(listOf("Shorter, please", "On step two"), all.feedback.map { it.feedbackText })
        val counts = listOf(all.totalFeedback, all.consumedCount, all.unconsumedCount)
        assertEquals(listOf(2L, 0L, 2L), counts)
        assertNull(all.progressIdFilter)
        val first = all.feedback.first()
        assertEquals(given.feedbackId, first.feedbackId)
        assertEquals("suggestion", first.feedbackType)
        assertEquals(listOf("b", "a"), first.toolArgsUpdate!!.jsonObject.keys.toList())

        val step = client.listFeedback(done.responseId, progressId = "step-2")
        assertEquals(listOf("On step two"), step.feedback.map { it.feedbackText })
        assertEquals(1L, step.totalFeedback)
        assertEquals("step-2", step.progressIdFilter)
        val blank = runCatching { client.listFeedback(done.responseId, progressId = " ") }
        assertTrue(blank.exceptionOrNull() is LumnisException.Validation, "$blank")
    }
}

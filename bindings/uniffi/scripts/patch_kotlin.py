"""Hooks the hand-written kotlin/src/main/kotlin/ai/lumnis/*.kt into the generated Kotlin.

uniffi has no hook for these changes, so the generated file is edited in place: each edit
of EDITS replaces one exact passage, and the script fails when a passage is not there exactly
once (a new uniffi version changed it), rather than writing bindings without the edit. Each
edit of EVERY replaces a passage found once per object or error variant, and fails when it is
found nowhere.
"""

import re
import sys

EDITS = [
    # The continuation callback registers its JNA thread initializer before first use.
    (
        "internal object uniffiRustFutureContinuationCallbackImpl: "
        "UniffiRustFutureContinuationCallback {\n",
        "internal object uniffiRustFutureContinuationCallbackImpl: "
        "UniffiRustFutureContinuationCallback {\n"
        "    init { keepCallbackThreadsAttached(this) }\n",
    ),
    # RustBuffer structures take their memory from the thread's slab, and copy their fields
    # to and from it without reflection.
    (
        "open class RustBuffer : Structure() {\n",
        "open class RustBuffer : Structure() {\n"
        "    override fun autoAllocate(size: Int): com.sun.jna.Memory = structMemory(size)\n"
        "    override fun read() = readRustBuffer(this)\n"
        "    override fun write() = writeRustBuffer(this)\n",
    ),
    # Every call takes its thread's idle status instead of allocating one, and reads it
    # back only when the call failed.
    (
        "    var status = UniffiRustCallStatus()\n"
        "    val return_value = callback(status)\n"
        "    uniffiCheckCallStatus(errorHandler, status)\n"
        "    return return_value\n",
        "    val status = takeCallStatus()\n"
        "    try {\n"
        "        val return_value = callback(status)\n"
        "        if (callFailed(status)) uniffiCheckCallStatus(errorHandler, status)\n"
        "        return return_value\n"
        "    } finally {\n"
        "        giveBackCallStatus(status)\n"
        "    }\n",
    ),
]

EVERY = [
    # An object passed as an argument is lowered through its call counter, as a receiver is:
    # a closed object throws IllegalStateException instead of cloning a freed handle, and one
    # closed concurrently stays alive until its clone is taken. The clone is the new strong
    # reference the callee consumes, as the bare uniffiCloneHandle() was.
    (
        re.escape("        return value.uniffiCloneHandle()\n"),
        "        return value.callWithHandle { it }\n",
    ),
    # toString() of a closed object names the class instead of throwing, so that a log line
    # cannot fail; the Rust Debug text is kept for an open object.
    (
        re.escape(
            "    override fun toString(): String {\n"
            "        return FfiConverterString.lift(\n"
            "    callWithHandle {\n"
        ),
        "    override fun toString(): String =\n"
        "        try {\n"
        "            uniffiDebugText()\n"
        "        } catch (e: IllegalStateException) {\n"
        "            if (!uniffiIsDestroyed) throw e\n"
        '            "${javaClass.simpleName}(closed)"\n'
        "        }\n"
        "\n"
        "    private fun uniffiDebugText(): String {\n"
        "        return FfiConverterString.lift(\n"
        "    callWithHandle {\n",
    ),
    # uniffi's converters are the binding's plumbing, not its API: internal, so that they stay
    # out of an app's completion and out of `import ai.lumnis.*`.
    (r"(?m)^public (object|interface) FfiConverter", r"internal \1 FfiConverter"),
    # An error's message is the core's message with its status and request id (Lumnis.kt),
    # instead of every field: the fields stay readable one by one.
    (
        r'(        override val message\n            get\(\) = )"errorMessage=.*"\n',
        r"\1errorText(`errorMessage`, `status`, `requestId`)\n",
    ),
]


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for old, new in EDITS:
        if text.count(old) != 1:
            sys.exit(f"patch_kotlin.py: {path} changed, this passage is gone:\n{old}")
        text = text.replace(old, new)
    for pattern, new in EVERY:
        text, count = re.subn(pattern, new, text)
        if count == 0:
            sys.exit(f"patch_kotlin.py: {path} changed, this passage is gone:\n{pattern}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1])

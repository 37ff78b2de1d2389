"""Hooks the hand-written kotlin/src/main/kotlin/ai/lumnis/Ffi.kt into the generated Kotlin.

uniffi has no hook for either change, so the generated file is edited in place: each edit
replaces one exact passage, and the script fails when a passage is not there exactly once
(a new uniffi version changed it), rather than writing bindings without the edit.
"""

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


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for old, new in EDITS:
        if text.count(old) != 1:
            sys.exit(f"patch_kotlin.py: {path} changed, this passage is gone:\n{old}")
        text = text.replace(old, new)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1])

"""Makes a Swift Task's cancellation cancel the Rust call, in the generated Swift.

uniffi's Swift awaits a Rust future in a loop that never looks at Task cancellation, and
treats a cancelled call status as a fatal error. The edits: every async call passes the
`rust_future_cancel` function that matches its poll function; the loop waits inside
`withTaskCancellationHandler`, whose handler cancels the Rust future (the pending poll then
answers at once, and freeing the future drops the request); and a cancelled status throws
Swift's `CancellationError`. As in patch_kotlin.py, each edit replaces one exact passage,
and the script fails when a passage is not there as expected (a new uniffi version changed
it), rather than writing bindings without the edit.
"""

import re
import sys

EDITS = [
    (
        "    pollFunc: (UInt64, @escaping UniffiRustFutureContinuationCallback, UInt64) -> (),\n",
        "    pollFunc: (UInt64, @escaping UniffiRustFutureContinuationCallback, UInt64) -> (),\n"
        "    cancelFunc: @escaping @Sendable (UInt64) -> (),\n",
    ),
    (
        "        pollResult = await withUnsafeContinuation {\n"
        "            pollFunc(\n"
        "                rustFuture,\n"
        "                { handle, pollResult in\n"
        "                    uniffiFutureContinuationCallback("
        "handle: handle, pollResult: pollResult)\n"
        "                },\n"
        "                uniffiContinuationHandleMap.insert(obj: $0)\n"
        "            )\n"
        "        }\n",
        "        pollResult = await withTaskCancellationHandler {\n"
        "            await withUnsafeContinuation {\n"
        "                pollFunc(\n"
        "                    rustFuture,\n"
        "                    { handle, pollResult in\n"
        "                        uniffiFutureContinuationCallback("
        "handle: handle, pollResult: pollResult)\n"
        "                    },\n"
        "                    uniffiContinuationHandleMap.insert(obj: $0)\n"
        "                )\n"
        "            }\n"
        "        } onCancel: {\n"
        "            cancelFunc(rustFuture)\n"
        "        }\n",
    ),
    (
        "        case CALL_CANCELLED:\n"
        '            fatalError("Cancellation not supported yet")\n',
        "        case CALL_CANCELLED:\n"
        "            throw CancellationError()\n",
    ),
]

POLL = re.compile(r"^( *)pollFunc: ffi_lumnisai_uniffi_rust_future_poll_(\w+),\n", re.M)


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for old, new in EDITS:
        if text.count(old) != 1:
            sys.exit(f"patch_swift.py: {path} changed, this passage is gone:\n{old}")
        text = text.replace(old, new)
    text, calls = POLL.subn(
        r"\g<0>\1cancelFunc: ffi_lumnisai_uniffi_rust_future_cancel_\2,\n", text
    )
    if calls == 0:
        sys.exit(f"patch_swift.py: {path} has no async call to edit")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1])

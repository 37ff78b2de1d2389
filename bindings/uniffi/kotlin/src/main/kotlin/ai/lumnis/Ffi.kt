// JVM-side tuning of the generated JNA crossing; scripts/patch_kotlin.py hooks these
// functions into the generated bindings (why each exists: see its comment).
package ai.lumnis

import com.sun.jna.Callback
import com.sun.jna.CallbackThreadInitializer
import com.sun.jna.Native

/**
 * A Rust future ready on a tokio worker thread tells Kotlin through a JNA callback
 * (`uniffiRustFutureContinuationCallbackImpl`). By default JNA attaches that native thread
 * to the JVM for the callback and detaches it afterwards, a new java.lang.Thread each time.
 * Registered here, the tokio threads stay attached (as daemons, so they never keep the JVM
 * alive) and are reused. Called from the callback object's `init`: JNA reads the
 * registration only when the object is first passed to native code.
 */
internal fun keepCallbackThreadsAttached(callback: Callback) {
    val initializer = CallbackThreadInitializer(true, false, "lumnisai-callback")
    Native.setCallbackThreadInitializer(callback, initializer)
}

/**
 * The idle call status of each thread. Every FFI call needs one, and a new JNA `Structure`
 * costs microseconds: reflection, and a native block that JNA tracks in a global map until
 * the garbage collector finds the structure unreachable (millions of entries in a busy
 * process, and every insert slower). A thread reuses its own status instead; a call made
 * while the thread's status is taken (freeing the error buffer of a failed call) gets a
 * new one, so a status is never shared by two calls.
 */
private val idleStatus = ThreadLocal<UniffiRustCallStatus?>()

internal fun takeCallStatus(): UniffiRustCallStatus {
    val status = idleStatus.get() ?: return UniffiRustCallStatus()
    idleStatus.set(null)
    return status
}

internal fun giveBackCallStatus(status: UniffiRustCallStatus) {
    // JNA writes these fields to native memory before the next call: Rust sets them only
    // on failure, so they must read "success, no buffer" again.
    status.code = UNIFFI_CALL_SUCCESS
    status.error_buf.capacity = 0
    status.error_buf.len = 0
    status.error_buf.data = null
    idleStatus.set(status)
}

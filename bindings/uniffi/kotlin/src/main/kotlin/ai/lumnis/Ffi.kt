// JVM-side tuning of the generated JNA crossing; scripts/patch_kotlin.py hooks these
// functions into the generated bindings (why each exists: see its comment).
package ai.lumnis

import com.sun.jna.Callback
import com.sun.jna.CallbackThreadInitializer
import com.sun.jna.Memory
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
 * The idle call statuses of each thread. Every FFI call needs one, and a new JNA `Structure`
 * costs microseconds: reflection, and a native block that JNA tracks in a global map until
 * the garbage collector finds the structure unreachable (millions of entries in a busy
 * process, and every insert slower). A thread reuses its own statuses instead. Calls nest
 * (lowering an argument allocates its buffer through a call of its own, inside the call it is
 * for), so each thread keeps a few; a status is never shared by two calls in flight.
 *
 * JNA would also copy each status to native memory before the call and back after it, field
 * by field through reflection, although Rust writes it only on failure. These statuses are
 * not synchronized automatically: an idle one reads "success, no buffer" in native memory
 * and in its fields, the call's wrapper reads it back only when its code byte says failure
 * ([callFailed]), and it is reset when it comes back.
 */
private val idleStatuses = ThreadLocal.withInitial { ArrayDeque<UniffiRustCallStatus>(2) }

/** More statuses than calls ever nest; a thread gives any beyond this back to the collector. */
private const val IDLE_STATUSES_KEPT = 4

internal fun takeCallStatus(): UniffiRustCallStatus =
    idleStatuses.get().removeLastOrNull()
        ?: UniffiRustCallStatus().apply {
            setAutoSynch(false)
            write()
        }

/** Whether the call failed: then the status's fields are read from native memory. */
internal fun callFailed(status: UniffiRustCallStatus): Boolean {
    if (status.pointer.getByte(0) == UNIFFI_CALL_SUCCESS) return false
    status.read()
    return true
}

internal fun giveBackCallStatus(status: UniffiRustCallStatus) {
    // A failed call (read or not, if an exception came first) leaves its code and buffer in
    // the status: both sides must read "success, no buffer" again.
    if (status.code != UNIFFI_CALL_SUCCESS || status.pointer.getByte(0) != UNIFFI_CALL_SUCCESS) {
        status.code = UNIFFI_CALL_SUCCESS
        status.error_buf.capacity = 0
        status.error_buf.len = 0
        status.error_buf.data = null
        status.write()
    }
    val idle = idleStatuses.get()
    if (idle.size < IDLE_STATUSES_KEPT) idle.addLast(status)
}

/*
 * The fields of a `RustBuffer` (capacity, length, data pointer: 24 bytes), read and written
 * at their offsets. JNA's own `Structure.read` and `write` walk the fields by reflection, and
 * it calls them for every buffer that crosses by value: each string or record argument,
 * each answer, each buffer freed. With the statuses above, this halves the JVM's part of a
 * synchronous call (the uniffi README's Numbers).
 */
internal fun readRustBuffer(buffer: RustBuffer) {
    val memory = buffer.pointer
    buffer.capacity = memory.getLong(0)
    buffer.len = memory.getLong(8)
    buffer.data = memory.getPointer(16)
}

internal fun writeRustBuffer(buffer: RustBuffer) {
    val memory = buffer.pointer
    memory.setLong(0, buffer.capacity)
    memory.setLong(8, buffer.len)
    memory.setPointer(16, buffer.data)
}

/**
 * The native memory of a `RustBuffer` structure. Each buffer crossing the FFI by value (a
 * string or record argument, every answer, the buffer freed after reading it) is a new JNA
 * structure, and JNA would give each its own `Memory`: a `malloc`, an entry in its global
 * map, a cleaner. Instead each thread cuts 24-byte blocks from a slab of its own, one
 * `Memory` per few hundred buffers. No block is handed out twice: a full slab is replaced,
 * and freed by the collector once no structure cut from it is reachable (each block holds
 * its slab).
 */
private class StructSlab {
    val memory = Memory(SLAB_BYTES).apply { clear() }
    var used = 0L
}

private const val SLAB_BYTES = 8L * 1024

private val structSlabs = ThreadLocal<StructSlab>()

internal fun structMemory(size: Int): Memory {
    val aligned = (size.toLong() + 7) and 7L.inv()
    var slab = structSlabs.get()
    if (slab == null || slab.used + aligned > SLAB_BYTES) {
        slab = StructSlab()
        structSlabs.set(slab)
    }
    // `share` returns a view of the slab that keeps it alive and is not tracked by JNA.
    val block = slab.memory.share(slab.used, aligned) as Memory
    slab.used += aligned
    return block
}

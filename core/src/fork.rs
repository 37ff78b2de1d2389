//! Notices `fork()` cheaply: a counter that a child-side `pthread_atfork` handler bumps.
//!
//! The runtime and the connection pool belong to the process that built them, so each one
//! remembers the generation it was built in and is rebuilt when the current one differs.
//! Comparing the process id instead would cost a `getpid` system call on every request.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;

static GENERATION: AtomicU64 = AtomicU64::new(0);
static REGISTER: Once = Once::new();

/// The number of forks between the process that first asked and this one.
///
/// The handler is registered on the first call, which comes before anything that depends on
/// the answer is built, so no fork after that goes unnoticed.
pub(crate) fn generation() -> u64 {
    REGISTER.call_once(register);
    GENERATION.load(Ordering::Acquire)
}

#[cfg(unix)]
extern "C" fn in_child() {
    GENERATION.fetch_add(1, Ordering::AcqRel);
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn register() {
    // SAFETY: `in_child` is a plain function that touches one atomic, which is allowed in a
    // forked child; registration has no other preconditions. If it failed (ENOMEM), forks
    // would go unnoticed, as they would on a platform without fork.
    let _ = unsafe { libc::pthread_atfork(None, None, Some(in_child)) };
}

#[cfg(not(unix))]
fn register() {}

#[cfg(all(test, unix))]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn a_forked_child_sees_a_new_generation() {
        let before = super::generation();
        // SAFETY: the child only reads an atomic and exits without unwinding.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork failed");
        if pid == 0 {
            let code = if super::generation() == before + 1 {
                0
            } else {
                1
            };
            // SAFETY: `_exit` ends the child at once, running nothing of the parent's.
            unsafe { libc::_exit(code) };
        }
        let mut status = 0;
        // SAFETY: waits for the child just forked.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
        assert_eq!(
            super::generation(),
            before,
            "the parent's generation never moves"
        );
    }
}

//! Freed heap memory given back to the system. glibc's allocator keeps
//! what a program frees for its own later use, in the arena (per thread
//! group) it came from; the scan's worker threads allocate from their own
//! arenas, so what discovery freed on the main thread (its manifests and
//! lists: ~1 KB per article) stayed resident through the whole scan, and so
//! did each worker's freed article buffers between the records that
//! outlive them. `malloc_trim` hands every wholly free page of every arena
//! back (`madvise`), leaving the allocations themselves where they are.
//! Elsewhere (another C library, another system) this does nothing.

/// Returns the heap's free pages to the system (see the module doc).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only reads and updates the allocator's own
    // state, under its locks; it is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

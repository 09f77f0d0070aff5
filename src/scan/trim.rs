//! Freed heap memory given back to the system. glibc's allocator keeps
//! what a program frees for its own later use, in the arena (per thread
//! group) it came from; the scan's worker threads allocate from their own
//! arenas, so what discovery freed on the main thread (its manifests and
//! lists: ~1 KB per article) stayed resident through the whole scan, and so
//! did each worker's freed article buffers between the records that
//! outlive them. `malloc_trim` hands every wholly free page of every arena
//! back (`madvise`), leaving the allocations themselves where they are.
//! Large blocks are kept out of the heap for the same reason
//! ([`fixed_mmap_threshold`]). Elsewhere (another C library, another
//! system) both do nothing.

/// Returns the heap's free pages to the system (see the module doc).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only reads and updates the allocator's own
    // state, under its locks; it is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Empties every scan thread's caches of reading articles, and this
/// thread's ([`crate::rules::clear_thread_caches`]: lines, sentences,
/// words, spellings, values by text, the date forms' lazy DFA), then gives
/// the freed pages back: ~10 MB per worker thread at dense-100k, held
/// through judging and writing the report for nothing.
pub fn release_thread_caches() {
    rayon::broadcast(|_| crate::rules::clear_thread_caches());
    crate::rules::clear_thread_caches();
    release_free_memory();
}

/// Blocks of 128 KiB and more mapped each on its own, always. glibc starts
/// with that threshold but raises it (up to 32 MiB) each time such a block
/// is freed, so the large lists made late in a run (judging a fact of
/// 100,000 mentions sorts and indexes them) came from the heap and left it
/// fragmented, resident to the end: dense-100k peaked ~30 MB higher
/// (342 against 312 MB, the same CPU).
pub fn fixed_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets an allocator parameter, under its lock;
    // any thread may call it at any time.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

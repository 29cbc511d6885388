/// Allocator settings for a process that parses many files.
public enum Allocator {
    /// A run allocates and frees a few arrays per file, each up to a few times the file's size. glibc's
    /// defaults hand large blocks to mmap and give freed memory back at once (munmap, madvise, with TLB
    /// flushes on every core), then fault the same pages in again for the next file: a sixth of the CPU
    /// time of a parallel `parse` went to the kernel. Keeping freed memory for reuse costs nothing in
    /// peak memory (it is the same memory, reused) and removes that churn. Called once, at start-up, by
    /// the command-line tool and by the benchmark (so the benchmark times what the tool does).
    public static func keepFreedMemory() {
        #if os(Linux) && canImport(Glibc)
        // <malloc.h>'s M_TRIM_THRESHOLD and M_MMAP_THRESHOLD (not visible through the Glibc module).
        _ = glibcMallopt(-3, 64 << 20)
        _ = glibcMallopt(-1, 128 << 20)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`.
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif

import CHeap

/// Puts a small run's working memory on 2 MiB pages where the kernel allows it.
///
/// A `tandem solve` of 5,000 mentees touches about 10 MB of fresh memory, in arrays of a few
/// hundred kilobytes to a few megabytes, and each 4 KiB page of it is a page fault: 2,700
/// faults, about a fifth of the run's processor time on the development machine. Memory marked
/// for transparent huge pages (the kernel's usual `madvise` mode) is faulted in 2 MiB at a time:
/// 900 faults, and the run about 7 % faster.
///
/// glibc hands such arrays out of fresh `mmap`s too small to hold a huge page, so for this
/// process the heap is set up to serve them from one region marked for huge pages (see
/// `tandem_prepare_large_page_heap`). Only runs expected to need at most 30 MiB are changed.
enum LargePageHeap {
    /// Prepares the heap for a run expected to allocate about `expectedSize` bytes; call it
    /// before starting any other thread. Returns the region marked for huge pages, if any.
    @discardableResult
    static func prepare(expectedSize: Int) -> UnsafeRawBufferPointer? {
        var marked: UnsafeMutableRawPointer?
        let length = tandem_prepare_large_page_heap(max(expectedSize, 0), &marked)
        guard length > 0, let marked else { return nil }
        return UnsafeRawBufferPointer(start: marked, count: length)
    }
}

import CPrefetch
import Foundation

/// An id as read from the file, hashed once: its first (up to) eight bytes packed into a word,
/// its length, its hash and where its bytes are.
///
/// The bytes are only read again when an id is longer than eight bytes and its hash and prefix
/// match a stored id, so a key is cheap to carry from the parser to the table.
struct IdentifierKey {
    var prefix: UInt64
    var hash: UInt64
    var bytes: UnsafePointer<UInt8>
    var count: Int

    /// The key of the `count` bytes at `bytes`; `readable` is how many bytes from `bytes` on
    /// may be read (at least `count`), which lets a short id be loaded as one word.
    @inline(__always)
    init(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int) {
        self.bytes = bytes
        self.count = count
        let raw = UnsafeRawPointer(bytes)
        if count >= 8 {
            prefix = raw.loadUnaligned(as: UInt64.self)
            // Longer ids: fold every whole word, then the last eight bytes (overlapping).
            var hash = prefix
            var offset = 8
            while offset + 8 <= count {
                hash = Self.fold(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            if offset < count { hash = Self.fold(hash, raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
            self.hash = Self.finish(hash, count: count)
        } else {
            var word: UInt64 = 0
            if readable >= 8 {
                // One load, then keep the id's own bytes (little-endian: the low ones).
                word = raw.loadUnaligned(as: UInt64.self).littleEndian & (UInt64(1) << UInt64(8 * count) &- 1)
            } else {
                for offset in 0..<count { word |= UInt64(bytes[offset]) << UInt64(8 * offset) }
            }
            prefix = word
            hash = Self.finish(word, count: count)
        }
    }

    /// The key of a short id (at most seven bytes) whose bytes, followed by others, were
    /// loaded as the little-endian `word`: the same key as ``init(_:count:readable:)`` gives.
    @inline(__always)
    init(_ bytes: UnsafePointer<UInt8>, count: Int, loaded word: UInt64) {
        self.bytes = bytes
        self.count = count
        prefix = word & (UInt64(1) << UInt64(8 * count) &- 1)
        hash = Self.finish(prefix, count: count)
    }

    @inline(__always)
    private static func fold(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        (hash ^ word) &* 0x9E37_79B9_7F4A_7C15 ^ (hash >> 29)
    }

    /// A final avalanche (the 64-bit finaliser of MurmurHash3) so the low bits that pick a
    /// slot depend on every byte.
    @inline(__always)
    private static func finish(_ hash: UInt64, count: Int) -> UInt64 {
        var value = hash ^ UInt64(truncatingIfNeeded: count) &* 0xC2B2_AE3D_27D4_EB4F
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}

/// Ids interned by their UTF-8 bytes in an open-addressing hash table with linear probing.
///
/// Profiles of a 10^6-mentee file showed the lookups dominating: the table of a million ids does
/// not fit in cache, so each lookup is a cache miss (and, with 4 KiB pages, a TLB miss). So:
/// - a slot keeps the id's first eight bytes beside its length and index, and a typical short id
///   is settled by the one slot read (no second read of its bytes);
/// - the table stays at most a quarter full, so a probe rarely goes past the first slot;
/// - the slots live in their own allocation, asked to be backed by 2 MiB pages, which removes
///   most TLB misses;
/// - ``indices(of:appendingTo:)`` looks up a whole list at once, prefetching every slot first,
///   so the cache misses of a list overlap instead of being paid in turn.
final class IdentifierTable {
    private struct Slot {
        /// The id's first (up to) eight bytes, as in ``IdentifierKey/prefix``.
        var prefix: UInt64
        /// `length << 32 | index + 1`; 0 marks an empty slot.
        var lengthAndIndex: UInt64
    }

    /// The ids' bytes, one after the other; id `i` is `arena[offsets[i]..<offsets[i + 1]]`.
    // The table's properties are read once or twice per id looked up (tens of millions of
    // times). A class's stored properties get a run-time exclusivity check on every access,
    // which profiles showed at several per cent of a large solve; each is only ever accessed
    // for the length of one statement, from one thread at a time, so the check is turned off.
    @exclusivity(unchecked) private(set) var arena: [UInt8] = []
    @exclusivity(unchecked) private(set) var offsets: [Int] = [0]
    /// The hash of each id, so that growing does not read the arena again.
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var slots: SlotBuffer<Slot>

    init() {
        slots = SlotBuffer(count: 1024, empty: Slot(prefix: 0, lengthAndIndex: 0))
    }

    var count: Int { hashes.count }

    /// How many keys are looked up together (``indices(of:appendingTo:)``): enough cache misses
    /// in flight to hide memory latency, few enough that the slots are still in cache when
    /// their turn comes.
    static let batchSize = 64

    /// The bytes of id `index`.
    func bytes(at index: Int) -> ArraySlice<UInt8> { arena[offsets[index]..<offsets[index + 1]] }

    /// Id `index` as a string.
    func identifier(at index: Int) -> String { String(decoding: bytes(at: index), as: UTF8.self) }

    /// The index of the first id (in index order) whose bytes are not valid UTF-8, or `nil`.
    ///
    /// Each distinct id is checked once, not each time it is listed; ids all in ASCII (the
    /// usual case) are settled by one pass over the arena.
    func firstInvalidUTF8() -> Int? {
        let isASCII = arena.withUnsafeBufferPointer { $0.reduce(0, |) < 0x80 }
        if isASCII { return nil }
        return (0..<count).first { String(validating: bytes(at: $0), as: UTF8.self) == nil }
    }

    /// Id `index` for a message about its bytes not being UTF-8: as decoded (with U+FFFD for
    /// what cannot be), then its bytes in hexadecimal.
    func invalidIdentifier(at index: Int) -> String {
        "'\(identifier(at: index))' (bytes \(bytes(at: index).map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")))"
    }

    /// The index of `key`'s id, adding it if new.
    @inline(__always)
    func index(of key: IdentifierKey) -> Int32 {
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let entry = slots[slot]
            if entry.lengthAndIndex == 0 { return insert(key, at: slot) }
            if entry.prefix == key.prefix, Int(truncatingIfNeeded: entry.lengthAndIndex >> 32) == key.count {
                let index = Int(truncatingIfNeeded: entry.lengthAndIndex & 0xFFFF_FFFF) &- 1
                if key.count <= 8 || tailMatches(index, key) { return Int32(truncatingIfNeeded: index) }
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// The index of `key`'s id if it is in the table (nothing is added).
    @inline(__always)
    func existingIndex(of key: IdentifierKey) -> Int? {
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let entry = slots[slot]
            if entry.lengthAndIndex == 0 { return nil }
            if entry.prefix == key.prefix, Int(truncatingIfNeeded: entry.lengthAndIndex >> 32) == key.count {
                let index = Int(truncatingIfNeeded: entry.lengthAndIndex & 0xFFFF_FFFF) &- 1
                if key.count <= 8 || tailMatches(index, key) { return index }
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Starts loading the slot where a lookup of `key` begins (a hint; nothing changes).
    func prefetch(_ key: IdentifierKey) {
        slots.prefetch(Int(truncatingIfNeeded: key.hash) & (slots.count &- 1))
    }

    /// Starts loading the slots where lookups of all `keys` begin, so that their cache misses
    /// overlap instead of being paid one after the other.
    private func prefetch(_ keys: UnsafeBufferPointer<IdentifierKey>) {
        let mask = slots.count &- 1
        for key in keys { slots.prefetch(Int(truncatingIfNeeded: key.hash) & mask) }
    }

    /// Appends the index of each key's id to `indices`, in order, adding new ids in order.
    ///
    /// The keys are already hashed, so every slot they start at is known: prefetching them all
    /// first lets their cache misses overlap instead of being paid one after the other.
    func indices(of keys: UnsafeBufferPointer<IdentifierKey>, appendingTo indices: inout ContiguousArray<Int32>) {
        prefetch(keys)
        Self.append(keys.count, to: &indices) { index in self.index(of: keys[index]) }
    }

    /// Appends `count` values to `indices`, the `k`th being `value(k)`: the array is grown (and
    /// checked for being uniquely referenced) once, not once per value.
    @inline(__always)
    private static func append(_ count: Int, to indices: inout ContiguousArray<Int32>, _ value: (Int) -> Int32) {
        let start = indices.count
        indices.append(contentsOf: repeatElement(0, count: count))
        indices.withUnsafeMutableBufferPointer { indices in
            for index in 0..<count { indices[start &+ index] = value(index) }
        }
    }

    /// Appends the index of each key's id to `indices`, as ``indices(of:appendingTo:)`` but
    /// without adding any: `false` (and some indices appended) if one is not in the table.
    /// Only reads the table, so several threads may call it at once.
    func existingIndices(of keys: UnsafeBufferPointer<IdentifierKey>, appendingTo indices: inout ContiguousArray<Int32>) -> Bool {
        prefetch(keys)
        var found = true
        Self.append(keys.count, to: &indices) { index in
            guard let existing = existingIndex(of: keys[index]) else {
                found = false
                return -1
            }
            return Int32(truncatingIfNeeded: existing)
        }
        return found
    }

    /// The position in `keys` of the first key whose id is in the table, or `nil`; the slots
    /// are prefetched first, as in ``indices(of:appendingTo:)``.
    func firstExisting(in keys: UnsafeBufferPointer<IdentifierKey>) -> Int? {
        prefetch(keys)
        return keys.firstIndex { existingIndex(of: $0) != nil }
    }

    private func insert(_ key: IdentifierKey, at slot: Int) -> Int32 {
        let index = count
        // Keep at most a quarter of the slots in use: at half, a third of lookups went on to a second slot (perf annotate).
        if (index + 1) * 4 > slots.count {
            grow()
            return self.index(of: key)
        }
        slots[slot] = Slot(prefix: key.prefix, lengthAndIndex: UInt64(key.count) << 32 | UInt64(index + 1))
        arena.append(contentsOf: UnsafeBufferPointer(start: key.bytes, count: key.count))
        offsets.append(arena.count)
        hashes.append(key.hash)
        return Int32(truncatingIfNeeded: index)
    }

    private func tailMatches(_ index: Int, _ key: IdentifierKey) -> Bool {
        let start = offsets[index]
        return arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return memcmp(base + start, key.bytes, key.count) == 0
        }
    }

    /// Makes room for `count` ids in all, so that adding up to that many grows the table at
    /// most once, here, instead of once per doubling.
    func reserveCapacity(_ count: Int) {
        var size = slots.count
        while count * 4 > size { size *= 2 }
        if size > slots.count { rehash(into: size) }
        hashes.reserveCapacity(count)
        offsets.reserveCapacity(count + 1)
    }

    private func grow() {
        rehash(into: slots.count * 2)
    }

    private func rehash(into size: Int) {
        let larger = SlotBuffer(count: size, empty: Slot(prefix: 0, lengthAndIndex: 0))
        let mask = larger.count - 1
        for entry in slots.all where entry.lengthAndIndex != 0 {
            let index = Int(entry.lengthAndIndex & 0xFFFF_FFFF) - 1
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while larger[slot].lengthAndIndex != 0 { slot = (slot + 1) & mask }
            larger[slot] = entry
        }
        slots = larger
    }
}

/// A fixed-size array of hash-table slots, allocated on its own so that a large table can be
/// asked (on Linux) to be backed by transparent huge pages; random probes into a table of tens
/// of megabytes then mostly hit the TLB.
private final class SlotBuffer<Element> {
    let count: Int
    private let base: UnsafeMutablePointer<Element>

    /// Huge pages are 2 MiB on x86-64 and arm64 Linux; smaller tables gain nothing from them.
    private static var hugePage: Int { 2 << 20 }

    init(count: Int, empty: Element) {
        self.count = count
        let size = count * MemoryLayout<Element>.stride
        let alignment = max(size >= Self.hugePage ? Self.hugePage : 16, MemoryLayout<Element>.alignment)
        var memory: UnsafeMutableRawPointer?
        let raw: UnsafeMutableRawPointer
        if posix_memalign(&memory, alignment, size) == 0, let memory {
            raw = memory
            isAligned = true
        } else {
            raw = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<Element>.alignment)
            isAligned = false
        }
        #if os(Linux)
            // Before first touch, so the kernel can fault the table in as huge pages.
            if size >= Self.hugePage { _ = madvise(raw, size, Int32(MADV_HUGEPAGE)) }
        #endif
        base = raw.bindMemory(to: Element.self, capacity: count)
        base.initialize(repeating: empty, count: count)
    }

    /// Whether `base` came from `posix_memalign` (freed with `free`).
    private let isAligned: Bool

    deinit {
        base.deinitialize(count: count)
        if isAligned { free(base) } else { base.deallocate() }
    }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) set { base[index] = newValue }
    }

    var all: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Starts loading slot `index` into cache (a hint; see `tandem_prefetch`).
    @inline(__always)
    func prefetch(_ index: Int) { tandem_prefetch(base + index) }
}

/// The ids of one side by index, as UTF-8 bytes (a copy of an ``IdentifierTable``'s arena).
struct IdentifierBytes: Sendable {
    let arena: [UInt8]
    let offsets: [Int]

    init(_ table: IdentifierTable) {
        arena = table.arena
        offsets = table.offsets
    }

    var count: Int { offsets.count - 1 }

    subscript(index: Int) -> ArraySlice<UInt8> { arena[offsets[index]..<offsets[index + 1]] }

    var strings: [String] { (0..<count).map { String(decoding: self[$0], as: UTF8.self) } }

    /// Calls `body` with the keys of the ids in index order, ``IdentifierTable/batchSize`` at a
    /// time (the index of each batch's first id beside it), until `body` returns `false`.
    /// Looking a batch up in a table prefetches all its slots first
    /// (``IdentifierTable/indices(of:appendingTo:)``), so the cache misses of a batch overlap.
    /// The keys point into the arena: use them in `body`.
    func forEachKeyBatch(_ body: (_ first: Int, _ keys: UnsafeBufferPointer<IdentifierKey>) -> Bool) {
        let batchSize = IdentifierTable.batchSize
        var keys = ContiguousArray<IdentifierKey>()
        keys.reserveCapacity(batchSize)
        arena.withUnsafeBufferPointer { arena in
            withUnsafePointer(to: UInt8(0)) { zero in
                let base = arena.baseAddress ?? zero
                for first in stride(from: 0, to: count, by: batchSize) {
                    keys.removeAll(keepingCapacity: true)
                    for id in first..<min(first + batchSize, count) {
                        let start = offsets[id]
                        keys.append(IdentifierKey(base + start, count: offsets[id + 1] - start, readable: arena.count - start))
                    }
                    guard keys.withUnsafeBufferPointer({ body(first, $0) }) else { return }
                }
            }
        }
    }

    /// Whether every id is ASCII, so that byte order is `String` order.
    var isASCII: Bool { arena.allSatisfy { $0 < 0x80 } }
}

import Foundation
import Testing

@testable import TandemCommands

@Suite("LargePageHeap")
struct LargePageHeapTests {
    /// The kernel's flags of every mapping of this process, as (range, flags) from /proc/self/smaps.
    private static func mappings() throws -> [(range: Range<UInt>, flags: [Substring])] {
        // Read to the end: /proc files report a size of 0.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        var result: [(range: Range<UInt>, flags: [Substring])] = []
        var current: Range<UInt>?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VmFlags:"), let range = current {
                result.append((range, line.dropFirst("VmFlags:".count).split(separator: " ")))
            } else if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
                let low = UInt(line[..<dash], radix: 16), let high = UInt(line[line.index(after: dash)..<space], radix: 16)
            {
                current = low..<high
            }
        }
        return result
    }

    @Test func marksWholeHugePagesOfTheHeapForHugePages() throws {
        // Kernels without transparent huge pages refuse the advice, and nothing is marked.
        guard FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled") else { return }
        let region = try #require(LargePageHeap.prepare(expectedSize: 8 << 20))
        let start = UInt(bitPattern: region.baseAddress)
        #expect(start % (2 << 20) == 0)
        #expect(region.count % (2 << 20) == 0 && region.count >= 6 << 20)
        // Every byte of the region lies in a mapping the kernel has marked "hg" (huge pages advised).
        var covered: UInt = 0
        for mapping in try Self.mappings() where mapping.flags.contains("hg") {
            let low = max(mapping.range.lowerBound, start)
            let high = min(mapping.range.upperBound, start + UInt(region.count))
            if low < high { covered += high - low }
        }
        #expect(covered == UInt(region.count))
    }

    @Test func leavesLargeRunsAlone() {
        #expect(LargePageHeap.prepare(expectedSize: 31 << 20) == nil)
    }
}

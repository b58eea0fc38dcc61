import Foundation
import ZIPFoundation

/// The parts of an xlsx workbook (a zip archive), read through ZIPFoundation with guards against
/// zip bombs: the sizes in the zip's central directory are checked before anything is inflated (a
/// total and a compression ratio), and the bytes are counted again while inflating, since a hostile
/// archive can declare sizes it does not keep.
struct XLSXArchive {
    /// Most bytes all parts of one workbook may inflate to.
    static let maxTotalBytes: UInt64 = 256 << 20
    /// Most bytes one part may inflate to.
    static let maxPartBytes: UInt64 = 128 << 20
    /// Highest uncompressed/compressed ratio allowed for a part over `ratioFloor` bytes. Real
    /// worksheets compress 5-30 times; bombs compress a thousand times or more.
    static let maxRatio: UInt64 = 200
    /// Parts smaller than this are not ratio-checked (tiny XML compresses well).
    static let ratioFloor: UInt64 = 1 << 20

    /// The archive.
    private let archive: Archive
    /// Bytes inflated so far (across parts).
    private(set) var inflated: UInt64 = 0

    /// Opens the zip in `data`, checking every entry's declared sizes.
    init(_ data: Data) throws(DecodeFailure) {
        if data.prefix(4).elementsEqual([0xD0, 0xCF, 0x11, 0xE0]) {
            throw DecodeFailure("an Excel 97-2003 workbook (.xls) or other OLE file, not xlsx: save it as .xlsx (Excel Workbook) first")
        }
        guard data.count >= 4, data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04]) else {
            throw DecodeFailure("not an xlsx workbook: the file is not a zip archive (an xlsx file starts with 'PK')")
        }
        // ZIPFoundation's in-memory archive (Archive(data:)) traps on a damaged directory whose
        // offsets point past the end (its read callback makes a negative range; found by the xlsx
        // fuzz target), so the bytes go to a private temporary file read through stdio, which just
        // reads short. The file is unlinked at once: the open FILE keeps it until the archive goes.
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent(".planq-xlsx-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).zip")
        do {
            try data.write(to: tmp, options: [.withoutOverwriting])
        } catch {
            throw DecodeFailure("cannot stage the workbook in \(tmp.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        defer { unlink(tmp.path) }
        do {
            archive = try Archive(url: tmp, accessMode: .read)
        } catch {
            throw DecodeFailure("not an xlsx workbook: the zip archive is damaged (\(error))")
        }
        var total: UInt64 = 0
        for entry in archive {
            let size = UInt64(entry.uncompressedSize), packed = max(UInt64(entry.compressedSize), 1)
            if size > Self.maxPartBytes {
                throw DecodeFailure("the workbook part '\(entry.path)' would inflate to \(size) bytes, over the \(Self.maxPartBytes)-byte limit (a zip bomb?)")
            }
            if size > Self.ratioFloor && size / packed > Self.maxRatio {
                throw DecodeFailure("the workbook part '\(entry.path)' is compressed \(size / packed) to 1, over the \(Self.maxRatio) to 1 limit (a zip bomb?)")
            }
            total += size
            if total > Self.maxTotalBytes {
                throw DecodeFailure("the workbook would inflate to over \(Self.maxTotalBytes) bytes (a zip bomb?)")
            }
        }
    }

    /// Whether the archive has a part at `path`.
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of part `path`, or nil when the archive has no such part. Inflating stops as soon
    /// as the part passes its declared size or the limits.
    mutating func part(_ path: String) throws(DecodeFailure) -> Data? {
        guard let entry = archive[path] else { return nil }
        let declared = UInt64(entry.uncompressedSize)
        var out = Data()
        out.reserveCapacity(Int(min(declared, 16 << 20)))
        var used = inflated
        let limit = Self.maxTotalBytes
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                used += UInt64(chunk.count)
                if UInt64(out.count + chunk.count) > max(declared, 0) || used > limit {
                    throw Overrun()
                }
                out.append(chunk)
            }
        } catch is Overrun {
            throw DecodeFailure("the workbook part '\(path)' inflates past its declared \(declared) bytes or the \(limit)-byte limit (a zip bomb?)")
        } catch {
            throw DecodeFailure("the workbook part '\(path)' cannot be inflated: the archive is damaged (\(error))")
        }
        inflated = used
        return out
    }

    /// Thrown from the extract consumer to stop inflating.
    private struct Overrun: Error {}
}

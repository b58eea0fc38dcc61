import Foundation

/// Parallel CSV parsing: the body of the file is cut at newlines into one chunk
/// per thread, each chunk is scanned into its own column builders (inferring
/// types on its own), and the chunks' columns are concatenated in file order.
///
/// Safe only when a newline always ends a record, so it is used only for files
/// with no `"` at all (no quoted field can hold a newline). Chunks' text
/// dictionaries are merged in chunk order, which gives the same codes as a
/// serial scan (first appearance in the file). When the chunks disagree on a
/// column's type beyond int-versus-double (a later chunk finds text in a column
/// an earlier one read as numbers), or a chunk has an error, the file is read
/// serially instead, which also gives errors their exact line numbers.
extension CSVReader {
    /// Chunks smaller than this are not worth a thread.
    public static let defaultChunkBytes = 4 << 20

    /// The table read in parallel, or nil when the serial reader must do it.
    func readParallel(_ buf: UnsafeBufferPointer<UInt8>, names: [String], from start: Int, rowGuess: Int,
                      name: String, tableName: String) -> Table? {
        let n = buf.count, body = n - start
        let wanted = min(threads, body / max(1, chunkBytes))
        guard wanted > 1, let base = buf.baseAddress else { return nil }
        if memchr(base + start, Int32(UInt8(ascii: "\"")), body) != nil { return nil }
        var bounds = [start]
        for i in 1..<wanted {
            let from = max(start + body / wanted * i, bounds[bounds.count - 1])
            guard from < n, let nl = memchr(base + from, Int32(UInt8(ascii: "\n")), n - from) else { break }
            let b = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(nl)) + 1
            if b > bounds[bounds.count - 1] && b < n { bounds.append(b) }
        }
        bounds.append(n)
        let parts = bounds.count - 1
        guard parts > 1 else { return nil }
        // A chunk that fails (a bad record) sends the whole file to the serial reader, which reports it
        // with its line.
        guard let done = try? ParallelTasks.map(parts, { i in
            let share = (bounds[i + 1] - bounds[i]) * rowGuess / max(1, body)
            return try scanRecords(buf, names: names, from: bounds[i], to: bounds[i + 1], line: 1,
                                   reserve: share + share / 8, name: name)
        }) else { return nil }
        var columns: [Column] = []
        for (k, column) in names.enumerated() {
            guard let v = concatenate(done.map { ($0.builders[k], $0.rows) }) else { return nil }
            columns.append(Column(name: column, vector: v))
        }
        return Table(name: tableName, columns: columns, rowCount: done.reduce(0) { $0 + $1.rows })
    }


    /// One column from its chunks, or nil when their inferred types conflict.
    private func concatenate(_ parts: [(ColumnBuilder, Int)]) -> Vector? {
        let kinds = Set(parts.map { $0.0.kind }).subtracting([.unknown])
        var vectors = parts.map { $0.0.finish() }
        let total = parts.reduce(0) { $0 + $1.1 }
        if kinds.isEmpty { return VectorConcatenation.concatenate(vectors, count: total) }
        let target: DataType
        if kinds == [.int, .double] {
            target = .double
        } else if kinds.count == 1, let i = parts.firstIndex(where: { $0.0.kind != .unknown }) {
            target = vectors[i].type
        } else {
            return nil
        }
        if target == .text { return concatenateText(vectors, parts.map { $0.0.kind == .unknown }, total) }
        for (i, (b, rows)) in parts.enumerated() {
            if b.kind == .unknown {
                vectors[i] = Vector(zeroData(target, rows), validity: ValidityMask(count: rows, allValid: false))
            } else if target == .double, case .int(let a) = vectors[i].data {
                vectors[i] = Vector(.double(ContiguousArray(a.map { Double($0) })[...]), validity: vectors[i].validity)
            }
        }
        return VectorConcatenation.concatenate(vectors, count: total)
    }

    /// Text chunks into the first chunk's dictionary (each chunk's dictionary is
    /// its own, fresh from its builder, so growing the first one is safe): codes
    /// of later chunks go through a remap of their dictionaries, with raw
    /// pointers, since generic concatenation re-interns every chunk and appends
    /// code by code (~27 instructions a value, measured).
    private func concatenateText(_ vectors: [Vector], _ allNull: [Bool], _ total: Int) -> Vector {
        var merged: StringDictionary?
        for (v, empty) in zip(vectors, allNull) where !empty {
            if case .text(_, let d) = v.data { merged = d; break }
        }
        let dict = merged ?? StringDictionary(unique: [""])
        var codes = ContiguousArray<UInt32>(repeating: 0, count: total)
        var validity: ValidityMask?
        var at = 0
        for (v, empty) in zip(vectors, allNull) {
            let n = v.count
            if empty {
                if validity == nil { validity = ValidityMask(count: total, allValid: true) }
                for i in 0..<n { validity?.set(at + i, valid: false) }
                at += n
                continue
            }
            guard case .text(let part, let d) = v.data else { at += n; continue }
            let remap = d === dict ? nil : ContiguousArray(d.strings.map { dict.intern($0) })
            codes.withUnsafeMutableBufferPointer { out in
                part.withUnsafeBufferPointer { c in
                    if let remap {
                        remap.withUnsafeBufferPointer { m in
                            for i in 0..<n { out[at + i] = m[Int(c[i])] }
                        }
                    } else {
                        for i in 0..<n { out[at + i] = c[i] }
                    }
                }
            }
            if let mask = v.validity {
                if validity == nil { validity = ValidityMask(count: total, allValid: true) }
                for i in 0..<n where !mask.isValid(i) { validity?.set(at + i, valid: false) }
            }
            at += n
        }
        return Vector(.text(codes[...], dict), validity: validity)
    }
}

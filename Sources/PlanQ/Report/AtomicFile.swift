import Foundation

/// Writes a file so that readers see the old contents or the new, never a part:
/// the text goes to a temporary file in the same directory, which is then renamed
/// over the target (rename(2) is atomic within a file system).
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(text.utf8).write(to: temp)
        } catch {
            throw Diagnostic("cannot write '\(path)': \(error.localizedDescription)")
        }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw Diagnostic("cannot write '\(path)': \(reason)")
        }
    }
}

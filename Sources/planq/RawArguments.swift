import Foundation
import PlanQ

/// The command line as the kernel passed it, checked for UTF-8 before parsing.
///
/// `CommandLine.arguments` decodes each argument with `String(cString:)`, which
/// replaces bytes that are not UTF-8 with U+FFFD: `-c $'... "caf\xe9"'` would run
/// with a different literal and silently match nothing. The raw bytes from
/// `CommandLine.unsafeArgv` are checked instead, and an argument that is not UTF-8
/// is refused (exit 1) with its byte offset, the same way `-f` refuses a file.
enum RawArguments {
    /// Options whose value is query text: an error in it is shown on the query with a caret.
    static let queryOptions: Set<String> = ["-c", "--command"]

    /// The raw bytes of every argument after the program name.
    static func bytes() -> [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { i in
            guard let p = CommandLine.unsafeArgv[i] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        }
    }

    /// A message for the first argument that is not UTF-8, or nil when all are.
    static func firstInvalid(_ args: [[UInt8]], renderer: DiagnosticRenderer) -> String? {
        for (i, arg) in args.enumerated() {
            guard let offset = UTF8Input.firstInvalidByte(arg) else { continue }
            let previous = i > 0 ? String(decoding: args[i - 1], as: UTF8.self) : ""
            if queryOptions.contains(previous) {
                return renderer.render(diagnostic(arg, name: "<query>"))
            }
            let inline = Array("--command=".utf8)
            if arg.starts(with: inline) {
                return renderer.render(diagnostic(Array(arg.dropFirst(inline.count)), name: "<query>"))
            }
            let byte = String(arg[offset], radix: 16, uppercase: true)
            let what = previous.hasPrefix("-") && !String(decoding: arg, as: UTF8.self).hasPrefix("-")
                ? "the value of \(previous)" : "argument \(i + 1)"
            return "planq: \(what) is not UTF-8 text: byte 0x\(byte) at offset \(offset) ('\(shown(arg))')\n"
        }
        return nil
    }

    /// The argument for a message: invalid bytes and control characters as `\xNN`, at most 60 bytes.
    static func shown(_ arg: [UInt8]) -> String {
        var out = ""
        for b in arg.prefix(60) {
            if b >= 0x20 && b < 0x7F { out.append(Character(UnicodeScalar(b))) } else { out += "\\x" + String(b, radix: 16, uppercase: true) }
        }
        return arg.count > 60 ? out + "…" : out
    }

    private static func diagnostic(_ bytes: [UInt8], name: String) -> Diagnostic {
        do {
            _ = try UTF8Input.decode(bytes, name: name)
            return Diagnostic("not UTF-8 text", in: SourceText(name: name, text: ""))
        } catch let d as Diagnostic {
            return d
        } catch {
            return Diagnostic("\(error)", in: SourceText(name: name, text: ""))
        }
    }
}

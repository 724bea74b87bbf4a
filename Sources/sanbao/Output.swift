import ArgumentParser
import Foundation
import SanbaoStore
import SanbaoCore

// Everything the command line writes to its standard streams goes through this file, so
// no text from the data reaches a terminal as control characters: names, notes, phone
// numbers, bundle values, and arguments echoed in error messages are passed through
// `TerminalText` (SanbaoCore), which shows each control character as `?`. A test fails
// on a `print` or a standard-stream write anywhere else in the executable.

/// Prints a result to standard output, control characters shown as `?`; line feeds, which
/// the commands lay their output out with, stay.
func out(_ text: String) {
    print(TerminalText.safe(text, keepingLineFeeds: true))
}

/// Prints one line of a listing: a line feed in a value would start a line the listing
/// did not make, so it is shown as `?` too.
func outLine(_ line: String) {
    print(TerminalText.safe(line))
}

/// Prints JSON to standard output. The encoder has escaped U+0000–U+001F already;
/// DEL, C1 and bidi characters become `\uXXXX` escapes too: the same JSON string to any
/// reader, nothing a terminal acts on.
func outJSON(_ json: String) {
    print(TerminalText.safeJSON(json))
}

/// Standard output written a piece at a time, for a listing too long to build whole
/// first (`list` of a county). Pieces are UTF-8 bytes. Any piece holding a byte that could
/// start a control character (C0 but the line feed, DEL, C1, a bidi override) passes
/// through `TerminalText` as `out` (text) or `outJSON` (JSON) would pass the whole:
/// those replace scalar by scalar, so the bytes are the same as printing it whole.
/// Buffered; `finish()` writes the rest.
final class OutStream {
    private var buffer: [UInt8] = []
    private let json: Bool

    /// `json`: control characters become `\uXXXX` escapes, else `?`.
    init(json: Bool) {
        self.json = json
        buffer.reserveCapacity(1 << 17)
    }

    /// A piece of output (lines end in their own line feed).
    func write(_ piece: [UInt8]) {
        if Self.mayHoldControls(piece) {
            let text = String(decoding: piece, as: UTF8.self)
            buffer.append(contentsOf: (json ? TerminalText.safeJSON(text) : TerminalText.safe(text, keepingLineFeeds: true)).utf8)
        } else {
            buffer.append(contentsOf: piece)
        }
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Whether `bytes` may hold a character `TerminalText` replaces: a C0 byte other than
    /// the line feed, DEL, or the first byte of U+0080–U+00BF (0xC2, C1 among them) or of
    /// U+2000–U+2FFF (0xE2, the bidi controls among them). Most text holds none.
    static func mayHoldControls(_ bytes: [UInt8]) -> Bool {
        bytes.contains { b in (b < 0x20 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xE2 }
    }

    private func flush() {
        fflush(nil)  // anything `print` buffered goes first
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() { flush() }
}

/// Writes a file's bytes to standard output (`export -o -`): they are the file, in its
/// format (CSV, JSON, HTML, XLSX), for a pipe, and are not changed.
func outFile(_ data: Data) {
    FileHandle.standardOutput.write(data)
}

/// Ends a command that holds a whole county in memory (`import`, `bundle`) once its work
/// is done and said: the store closed (its lock released), what was printed flushed, and
/// the process ended at once. Freeing 200,000 households and 800,000 checks one by one,
/// which the system does in one step when the process ends, was a tenth of an import.
func finish(holding store: Store) -> Never {
    store.close()
    fflush(nil)
    exit(0)
}

/// Prints a message to standard error, control characters shown as `?`.
func warn(_ text: String) {
    fflush(nil)  // flush stdout first, so stdout and stderr keep the order they were written in
    FileHandle.standardError.write(Data((TerminalText.safe(text, keepingLineFeeds: true) + "\n").utf8))
}

/// Rewrites the last line of standard error in place (`\r`, the text, erase to the end):
/// progress while a long file is read, only when standard error is a terminal.
func progressLine(_ text: String) {
    FileHandle.standardError.write(Data(("\r" + TerminalText.safe(text) + "\u{1B}[K").utf8))
}

extension Sanbao {
    /// ArgumentParser's `exit(withError:)`, but its messages, which quote what was typed
    /// (`Unknown option '…'`, `The value '…' is invalid`), pass through `warn`. Help and
    /// other clean exits are the program's own text and are printed as they are.
    static func exitSafely(_ error: Error) -> Never {
        let code = exitCode(for: error)
        let text = CLILanguage.translated(fullMessage(for: error))
        if !text.isEmpty {
            if code == .success { print(text) } else { warn(text) }
        }
        Foundation.exit(code.rawValue)
    }
}

/// Writes a prompt to the terminal itself (`/dev/tty`, open as `fd`), not to a standard
/// stream: a passphrase is asked there even when standard output goes to a file.
func ttyWrite(_ fd: Int32, _ text: String) {
    let bytes = Array(TerminalText.safe(text, keepingLineFeeds: true).utf8)
    _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
}

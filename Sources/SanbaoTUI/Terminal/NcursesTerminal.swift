#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

/// The real terminal, through ncursesw. The only file that talks to curses: it copies
/// a finished canvas out and turns curses key codes into `Key`s.
///
/// Start-up follows the facts in shared/terminal.md: a UTF-8 locale before `initscr`
/// (falling back to C.UTF-8), `raw()` so Ctrl-C reaches the app, a short Esc delay,
/// and the terminal restored on every way out, crashes and SIGTERM/SIGHUP included.
public final class NcursesTerminal: Terminal {
    public let hasColor: Bool
    private var stopped = false

    /// Prepares the locale; returns a note when it had to fall back to C.UTF-8, or
    /// throws when no UTF-8 locale exists at all.
    public static func prepareLocale() -> (ok: Bool, note: String?) {
        setlocale(LC_ALL, "")
        if codeset() == "UTF-8" { return (true, nil) }
        let was = String(cString: setlocale(LC_ALL, nil))
        if setlocale(LC_ALL, "C.UTF-8") != nil, codeset() == "UTF-8" {
            return (true, UIText.localeFallback(was: was).en)
        }
        // English: without a UTF-8 locale the Chinese text could not be shown.
        return (false, UIText.noUTF8Locale(was: was).en)
    }

    static func codeset() -> String { String(cString: nl_langinfo(nl_item(CODESET))) }

    /// Starts curses. `color` false forces monochrome (NO_COLOR, or `--no-color`).
    public init(color: Bool) {
        initscr()
        raw()
        noecho()
        keypad(sanbao_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        timeout(250)
        hasColor = color && has_colors()
        if hasColor {
            start_color()
            use_default_colors()
            for role in Role.allCases {
                let (fg, bg) = Self.colors(role)
                init_pair(Int16(role.rawValue + 1), fg, bg)
            }
        }
        Self.installSignalHandlers()
    }

    deinit { stop() }

    /// Restores the terminal. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if isendwin() == false { endwin() }
    }

    public var size: (rows: Int, columns: Int) { (Int(sanbao_lines()), Int(sanbao_cols())) }

    public func present(_ canvas: Canvas) {
        erase()
        for row in 0..<canvas.rows {
            var x = 0
            while x < canvas.columns {
                let cell = canvas[row, x]
                if cell.isContinuation { x += 1; continue }
                // Gather a run of cells with the same style and draw it in one call.
                let style = cell.style
                var text: [wchar_t] = []
                let start = x
                while x < canvas.columns, canvas[row, x].style == style {
                    let c = canvas[row, x]
                    if !c.isContinuation { for s in c.character.unicodeScalars { text.append(wchar_t(bitPattern: s.value)) } }
                    x += 1
                }
                if row == canvas.rows - 1 && x == canvas.columns, !text.isEmpty { text.removeLast() }
                text.append(0)
                setStyle(style)
                _ = mvaddwstr(Int32(row), Int32(start), text)
            }
        }
        attrset(0)
        refresh()
    }

    private func setStyle(_ style: Style) {
        var attrs = sanbao_a_normal()
        let wanted = hasColor ? style.attributes : style.attributes.union(style.role.monochrome)
        if wanted.contains(.bold) { attrs |= sanbao_a_bold() }
        if wanted.contains(.reverse) { attrs |= sanbao_a_reverse() }
        if wanted.contains(.underline) { attrs |= sanbao_a_underline() }
        if wanted.contains(.dim) { attrs |= sanbao_a_dim() }
        let pair: Int16 = hasColor ? Int16(style.role.rawValue + 1) : 0
        attr_set(attrs, pair, nil)
    }

    public func nextKey() -> Key? {
        guard let (r, ch) = read() else { return nil }
        if r == KEY_CODE_YES { return Self.key(code: Int32(ch)) }
        guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
        let key = Key(scalar: scalar)
        return key == .escape ? escape() : key
    }

    private func read() -> (Int32, wint_t)? {
        var ch: wint_t = 0
        let r = get_wch(&ch)
        return r == ERR ? nil : (r, ch)
    }

    /// After an Esc: a sequence ncurses did not recognise arrives at once behind it; a
    /// bare Esc has nothing behind it. Reads what follows without waiting long, and
    /// returns the key the sequence stands for, nil for an unknown one, or Esc.
    private func escape() -> Key? {
        timeout(15)
        defer { timeout(250) }
        var body: [Character] = []
        while EscapeSequence.isIncomplete(body) {
            guard let (r, ch) = read() else { break }
            guard r != KEY_CODE_YES, let scalar = Unicode.Scalar(UInt32(ch)) else {
                // A key ncurses knows came next: the Esc stood alone.
                unget(r, ch, after: body)
                return body.isEmpty ? .escape : nil
            }
            let c = Character(scalar)
            if body.isEmpty && c != "[" && c != "O" {
                // Esc followed by an ordinary key (typed quickly): both count.
                unget(r, ch, after: body)
                return .escape
            }
            body.append(c)
        }
        if body.isEmpty { return .escape }
        return EscapeSequence.key(body)
    }

    private func unget(_ r: Int32, _ ch: wint_t, after body: [Character]) {
        if r == KEY_CODE_YES { ungetch(Int32(ch)) } else { unget_wch(wchar_t(bitPattern: UInt32(ch))) }
    }

    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == sanbao_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func colors(_ role: Role) -> (Int16, Int16) {
        switch role {
        case .met: (Int16(COLOR_GREEN), -1)
        case .notMet, .error: (Int16(COLOR_RED), -1)
        case .followUp, .warning: (Int16(COLOR_YELLOW), -1)
        case .title: (Int16(COLOR_CYAN), -1)
        case .key: (Int16(COLOR_CYAN), -1)
        case .selected: (-1, -1)
        case .muted, .notApplicable, .unchecked: (Int16(COLOR_BLUE), -1)
        default: (-1, -1)
        }
    }

    /// On a crash or a kill signal: restore the terminal, then die of the same signal.
    /// (Ctrl-C arrives as a key in raw mode and is handled by the app.)
    static func installSignalHandlers() {
        for sig in [SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGQUIT] {
            signal(sig) { s in
                endwin()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }
}

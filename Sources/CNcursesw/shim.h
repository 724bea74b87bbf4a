// The ncursesw API as Swift can import it. NCURSES_WIDECHAR must be defined before the
// header, or cchar_t, get_wch and the wide-string calls are hidden. Macros and globals
// that Swift cannot import (attributes, KEY_F, stdscr, LINES/COLS) get tiny inline
// wrappers here; nothing else belongs in this file.
#ifndef SANBAO_CNCURSESW_SHIM_H
#define SANBAO_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

static inline WINDOW *sanbao_stdscr(void) { return stdscr; }
static inline int sanbao_lines(void) { return LINES; }
static inline int sanbao_cols(void) { return COLS; }
static inline int sanbao_key_f(int n) { return KEY_F(n); }
static inline attr_t sanbao_a_bold(void) { return A_BOLD; }
static inline attr_t sanbao_a_reverse(void) { return A_REVERSE; }
static inline attr_t sanbao_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sanbao_a_dim(void) { return A_DIM; }
static inline attr_t sanbao_a_normal(void) { return A_NORMAL; }
static inline attr_t sanbao_color_pair(short n) { return COLOR_PAIR(n); }
#endif

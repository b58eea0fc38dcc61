// The C side of planq's shell: GNU readline and history, plus what Swift cannot
// do safely itself: an async-signal-safe SIGINT handler, the terminal-size ioctl
// (variadic, so not imported into Swift) and wcwidth (hidden by glibc's feature macros).
#ifndef PLANQ_CREADLINE_SHIM_H
#define PLANQ_CREADLINE_SHIM_H

#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <readline/readline.h>
#include <readline/history.h>

// The write end of the shell's interrupt pipe; -1 until installed.
static int planq_interrupt_fd = -1;

// Only write(2) here: it is async-signal-safe. errno is saved because the
// interrupted code may be about to read it.
static void planq_on_sigint(int sig) {
    (void)sig;
    int saved = errno;
    char b = 1;
    if (planq_interrupt_fd >= 0) { (void)!write(planq_interrupt_fd, &b, 1); }
    errno = saved;
}

// Routes SIGINT to a byte on `fd` (no SA_RESTART, so a blocking poll wakes up).
static inline int planq_install_sigint(int fd) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    planq_interrupt_fd = fd;
    sa.sa_handler = planq_on_sigint;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGINT, &sa, NULL);
}

// Rows and columns of the terminal on `fd`; 0 on success.
static inline int planq_terminal_size(int fd, int *rows, int *cols) {
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0 || w.ws_col == 0) return -1;
    *rows = w.ws_row;
    *cols = w.ws_col;
    return 0;
}

// Where readline last left the cursor: the column, and the row counted from the
// prompt's first row. Not in readline's headers, but exported by GNU readline 6-8;
// the shell's highlighter repaints the line from there.
extern int _rl_last_c_pos;
extern int _rl_last_v_pos;

// Columns a character takes on the terminal (-1: not printable), by LC_CTYPE.
// glibc declares wcwidth only for X/Open, so it is declared here.
extern int wcwidth(wchar_t c);
static inline int planq_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

#endif

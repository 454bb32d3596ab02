#ifndef OPSBENCH_CLIBEDIT_SHIM_H
#define OPSBENCH_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <wchar.h>

/* libedit's el_set/el_wset and history/history_w are C variadics, which Swift
   cannot call. Each use the REPL needs is one typed function here. */

static inline int opsbench_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int opsbench_el_set_history(EditLine *el, HistoryW *h) {
    return el_wset(el, EL_HIST, history_w, h);
}
static inline int opsbench_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *opsbench_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int opsbench_el_add_function(EditLine *el, const char *name, const char *help,
                                           unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int opsbench_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int opsbench_el_set_prompt(EditLine *el, wchar_t *(*prompt)(EditLine *)) {
    return el_wset(el, EL_PROMPT, prompt);
}
static inline int opsbench_el_set_getcfn(EditLine *el, int (*getc)(EditLine *, wchar_t *)) {
    return el_wset(el, EL_GETCFN, getc);
}
static inline int opsbench_el_prep_term(EditLine *el, int raw) {
    return el_set(el, EL_PREP_TERM, raw);
}
static inline int opsbench_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}
static inline int opsbench_el_source(EditLine *el) {
    return el_source(el, NULL);
}

static inline int opsbench_history_setsize(HistoryW *h, int size) {
    HistEventW ev;
    return history_w(h, &ev, H_SETSIZE, size);
}
static inline int opsbench_history_setunique(HistoryW *h, int unique) {
    HistEventW ev;
    return history_w(h, &ev, H_SETUNIQUE, unique);
}
static inline int opsbench_history_enter(HistoryW *h, const wchar_t *line) {
    HistEventW ev;
    return history_w(h, &ev, H_ENTER, line);
}
static inline int opsbench_history_load(HistoryW *h, const char *path) {
    HistEventW ev;
    return history_w(h, &ev, H_LOAD, path);
}
static inline int opsbench_history_save(HistoryW *h, const char *path) {
    HistEventW ev;
    return history_w(h, &ev, H_SAVE, path);
}
/* Steps through the history (H_FIRST is the newest line, H_NEXT the one before);
   NULL past the end. */
static inline const wchar_t *opsbench_history_step(HistoryW *h, int op) {
    HistEventW ev;
    if (history_w(h, &ev, op) < 0) return NULL;
    return ev.str;
}

#endif

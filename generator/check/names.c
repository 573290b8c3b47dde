/*
** names.c: identifier rules and typo suggestions (see names.h).
*/
#include "names.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Keywords of the languages generated code must compile as.  Words
** starting with `_` and an uppercase letter (_Bool, _Atomic, ...) are not
** listed: the reserved-identifier rule already refuses them. */
static const char *const c_keywords[] = {
    /* C99 */
    "auto", "break", "case", "char", "const", "continue", "default", "do",
    "double", "else", "enum", "extern", "float", "for", "goto", "if",
    "inline", "int", "long", "register", "restrict", "return", "short",
    "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
    "unsigned", "void", "volatile", "while",
    /* C23 (and the <stdbool.h>/<stdalign.h>/<assert.h> macros of C11) */
    "alignas", "alignof", "bool", "constexpr", "false", "nullptr",
    "static_assert", "thread_local", "true", "typeof", "typeof_unqual",
    "noreturn",
};

static const char *const cxx_keywords[] = {
    "asm", "catch", "char8_t", "char16_t", "char32_t", "class", "concept",
    "consteval", "constinit", "const_cast", "co_await", "co_return",
    "co_yield", "decltype", "delete", "dynamic_cast", "explicit", "export",
    "friend", "mutable", "namespace", "new", "noexcept", "operator",
    "private", "protected", "public", "reinterpret_cast", "requires",
    "static_cast", "template", "this", "throw", "try", "typeid", "typename",
    "using", "virtual", "wchar_t",
    /* alternative tokens */
    "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or",
    "or_eq", "xor", "xor_eq",
};

/* Object-like macros of the headers every generated file includes; a
** member or parameter with one of these names would be macro-expanded. */
static const char *const header_macros[] = {
    "NULL", "SIZE_MAX", "PTRDIFF_MIN", "PTRDIFF_MAX", "SIG_ATOMIC_MIN",
    "SIG_ATOMIC_MAX", "WCHAR_MIN", "WCHAR_MAX", "WINT_MIN", "WINT_MAX",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Every slot and class name of a run is checked against the lists: the
** first byte is compared inline, and strcmp called only when it matches. */
static bool in_list(const char *s, const char *const *list, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (list[i][0] == s[0] && strcmp(s, list[i]) == 0)
            return true;
    return false;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool names_is_identifier(const char *s)
{
    if (!is_alpha(*s))
        return false;
    for (s++; *s; s++)
        if (!is_alpha(*s) && !is_digit(*s))
            return false;
    return true;
}

/* <stdint.h> limits and constant macros: [U]INT{N,_LEASTN,_FASTN,PTR,MAX}
** followed by _MIN, _MAX or _C. */
static bool is_stdint_macro(const char *s)
{
    static const char *const middles[] = {"", "_LEAST", "_FAST"};
    static const char *const suffixes[] = {"_MIN", "_MAX", "_C"};
    size_t i;
    if (*s == 'U')
        s++;
    if (strncmp(s, "INT", 3) != 0)
        return false;
    s += 3;
    if (strncmp(s, "PTR", 3) == 0 || strncmp(s, "MAX", 3) == 0) {
        s += 3;
    } else {
        for (i = COUNT(middles); i-- > 0;)
            if (strncmp(s, middles[i], strlen(middles[i])) == 0)
                break;
        s += strlen(middles[i]);
        if (!is_digit(*s))
            return false;
        while (is_digit(*s))
            s++;
    }
    return in_list(s, suffixes, COUNT(suffixes));
}

static bool is_macro(const char *s)
{
    return in_list(s, header_macros, COUNT(header_macros))
        || strncmp(s, "SLOTS_", 6) == 0 || strncmp(s, "SLOTGEN_", 8) == 0
        || is_stdint_macro(s);
}

names_problem names_check(const char *s)
{
    if (!names_is_identifier(s))
        return NAMES_NOT_IDENTIFIER;
    if (in_list(s, c_keywords, COUNT(c_keywords)))
        return NAMES_C_KEYWORD;
    if (in_list(s, cxx_keywords, COUNT(cxx_keywords)))
        return NAMES_CXX_KEYWORD;
    if (s[0] == '_' && (s[1] == '_' || (s[1] >= 'A' && s[1] <= 'Z')))
        return NAMES_RESERVED;
    if (is_macro(s))
        return NAMES_MACRO;
    return NAMES_OK;
}

const char *names_problem_text(names_problem p)
{
    switch (p) {
    case NAMES_OK:             return "a valid name";
    case NAMES_NOT_IDENTIFIER: return "not an identifier";
    case NAMES_C_KEYWORD:      return "a C keyword";
    case NAMES_CXX_KEYWORD:    return "a C++ keyword";
    case NAMES_RESERVED:       return "a reserved identifier (leading '__' or '_' and an uppercase letter)";
    case NAMES_MACRO:          return "a macro name of the headers generated code includes";
    }
    return "refused";
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Three rolling rows of the optimal-string-alignment matrix. */
size_t names_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j, result;
    size_t *prev2 = xcalloc(lb + 1, sizeof(size_t));
    size_t *prev = xcalloc(lb + 1, sizeof(size_t));
    size_t *cur = xcalloc(lb + 1, sizeof(size_t));
    for (j = 0; j <= lb; j++)
        prev[j] = j;
    for (i = 1; i <= la; i++) {
        size_t *t;
        cur[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
        }
        t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    result = prev[lb];
    free(prev2);
    free(prev);
    free(cur);
    return result;
}

const char *names_suggest(const char *word, const char *const *candidates, size_t n)
{
    size_t len = strlen(word), limit = len / 3 > 2 ? len / 3 : 2, best_d = (size_t)-1, i;
    const char *best = NULL;
    for (i = 0; i < n; i++) {
        size_t d = names_distance(word, candidates[i]);
        /* A distance as long as either word means nothing was kept. */
        if (d == 0 || d > limit || d >= len || d >= strlen(candidates[i]))
            continue;
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

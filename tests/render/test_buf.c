/*
** test_buf.c: the growable buffer every stage prints into (buf.c), at the
** edges of its printf: text that fits the room made for it, text that
** does not and is formatted again, and text appended after other text.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"

/* Short, long and very long formatted text land whole, in order, each
** after what the buffer already held. */
static void printf_appends_text_of_any_length(void **state)
{
    char expected[4096] = "";
    char long_word[3000];
    buf b = BUF_INIT;

    (void)state;
    memset(long_word, 'x', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    buf_printf(&b, "%s_%u", "short", 7u);
    strcat(expected, "short_7");
    buf_printf(&b, "[%s]", long_word + 2900);      /* about a hundred bytes */
    strcat(expected, "[");
    strcat(expected, long_word + 2900);
    strcat(expected, "]");
    buf_printf(&b, "%s!", long_word);
    strcat(expected, long_word);
    strcat(expected, "!");
    buf_printf(&b, "%s", "");
    assert_int_equal(b.len, strlen(expected));
    assert_string_equal(buf_str(&b), expected);
    buf_free(&b);
}

/* Formatting into a buffer that was cleared reuses it from the start. */
static void printf_after_clear_starts_over(void **state)
{
    buf b = BUF_INIT;

    (void)state;
    buf_puts(&b, "some text that was there before");
    buf_clear(&b);
    buf_printf(&b, "%d-%d", 1, 2);
    assert_string_equal(buf_str(&b), "1-2");
    assert_int_equal(b.len, 3);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(printf_appends_text_of_any_length),
        cmocka_unit_test(printf_after_clear_starts_over),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

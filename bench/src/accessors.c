/*
** accessors.c: `bench_accessors N`, workload 3.  Loops over N Points read
** and written through the generated getters and setters, and the same
** loops through direct member access, on the generated struct and on a
** hand-written malloc'd one.  run.sh runs it under
** `valgrind --tool=callgrind --toggle-collect=loop_*`, so that each loop
** function's instruction count is measured alone; the claim is that the
** generated and the direct loops count the same.  Each loop runs exactly
** once, so its count divided by N is instructions per object.
**
** The loops are separate non-inlined functions with external names so
** that callgrind can attribute instructions to each (CMake also turns off
** GCC's identical-code folding, which would merge the twins into one).
*/
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "transactions.slots.h"

#define BENCH_LOOP __attribute__((noinline))

typedef struct hand_point {
    int32_t x, y;
} hand_point;

BENCH_LOOP int64_t loop_get_generated(transactions_Point *const *ps, size_t n);
BENCH_LOOP int64_t loop_get_direct(transactions_Point *const *ps, size_t n);
BENCH_LOOP int64_t loop_get_hand(hand_point *const *ps, size_t n);
BENCH_LOOP void loop_set_generated(transactions_Point *const *ps, size_t n);
BENCH_LOOP void loop_set_direct(transactions_Point *const *ps, size_t n);
BENCH_LOOP void loop_set_hand(hand_point *const *ps, size_t n);

int64_t loop_get_generated(transactions_Point *const *ps, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += transactions_Point_get_x(ps[i]) + transactions_Point_get_y(ps[i]);
    return sum;
}

int64_t loop_get_direct(transactions_Point *const *ps, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += ps[i]->x + ps[i]->y;
    return sum;
}

int64_t loop_get_hand(hand_point *const *ps, size_t n)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += ps[i]->x + ps[i]->y;
    return sum;
}

void loop_set_generated(transactions_Point *const *ps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        transactions_Point_set_x(ps[i], (int32_t)i);
        transactions_Point_set_y(ps[i], 2);
    }
}

void loop_set_direct(transactions_Point *const *ps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ps[i]->x = (int32_t)i;
        ps[i]->y = 2;
    }
}

void loop_set_hand(hand_point *const *ps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ps[i]->x = (int32_t)i;
        ps[i]->y = 2;
    }
}

/* Sum of x + y after a set loop: x = i, y = 2. */
static int64_t expected_after_set(size_t n)
{
    return (int64_t)(n * (n - 1) / 2) + 2 * (int64_t)n;
}

/* Checks outside the profiled loop_* functions, so that each loop is
** counted for exactly one pass over the objects. */
static int64_t checked_sum(transactions_Point *const *ps, hand_point *const *hands, size_t i)
{
    return (int64_t)ps[i]->x + ps[i]->y + hands[i]->x + hands[i]->y;
}

static void check_after_set(transactions_Point *const *ps, hand_point *const *hands, size_t n,
                            const char *what)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += checked_sum(ps, hands, i);
    bench_check(sum == 2 * expected_after_set(n), what);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_accessors N\n");
        return 2;
    }
    size_t n = bench_parse_count(argv[1], "N");
    transactions_Point **points = (transactions_Point **)bench_pointer_array(n);
    hand_point **hands = (hand_point **)bench_pointer_array(n);
    for (size_t i = 0; i < n; i++) {
        points[i] = transactions_Point_new(1, 1);
        hands[i] = malloc(sizeof *hands[i]);
        bench_check(points[i] && hands[i], "allocating the points");
        hands[i]->x = hands[i]->y = 1;
    }
    bench_check(loop_get_generated(points, n) == 2 * (int64_t)n, "generated getters");
    bench_check(loop_get_direct(points, n) == 2 * (int64_t)n, "direct reads");
    bench_check(loop_get_hand(hands, n) == 2 * (int64_t)n, "hand-written reads");
    loop_set_generated(points, n);
    loop_set_hand(hands, n);
    check_after_set(points, hands, n, "generated setters");
    for (size_t i = 0; i < n; i++)
        points[i]->x = points[i]->y = 0;
    loop_set_direct(points, n);
    check_after_set(points, hands, n, "direct writes");
    for (size_t i = 0; i < n; i++) {
        slots_decref(points[i]);
        free(hands[i]);
    }
    free(points);
    free(hands);
    return 0;
}

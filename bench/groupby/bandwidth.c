/* "Bandwidth bound" floor for db-benchmark groupby q1 (sum v1 by id1).
 *
 * Builds, in memory, N rows of v1 as int64 (1..5) and id1 as uint32
 * dictionary codes (0..99, i.e. K=100 groups), then sums v1 into 100 groups
 * by code, single-threaded, 5 times, and prints the median time. Reads
 * 12 bytes/row (120 MB at 1e7), so this is roughly what streaming the two
 * columns costs on this machine: a planq q1 (execute time, 1 thread) close to
 * this number leaves little on the table.
 *
 * Two kernels: the plain loop, and one with 4 partial accumulator tables
 * (breaks store-to-load dependencies on repeated codes). The floor is the
 * faster median.
 *
 *   cc -O3 -march=native -o bandwidth bandwidth.c && ./bandwidth 1e7
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GROUPS 100
#define RUNS 5

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static inline uint64_t xorshift64(void) {
    uint64_t x = rng_state;
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    return rng_state = x;
}

static void __attribute__((noinline))
sum_plain(const int64_t *v, const uint32_t *code, size_t n, int64_t *out) {
    memset(out, 0, GROUPS * sizeof(int64_t));
    for (size_t i = 0; i < n; i++) out[code[i]] += v[i];
}

static void __attribute__((noinline))
sum_partial4(const int64_t *v, const uint32_t *code, size_t n, int64_t *out) {
    int64_t acc[4][GROUPS];
    memset(acc, 0, sizeof acc);
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        acc[0][code[i]] += v[i];
        acc[1][code[i + 1]] += v[i + 1];
        acc[2][code[i + 2]] += v[i + 2];
        acc[3][code[i + 3]] += v[i + 3];
    }
    for (; i < n; i++) acc[0][code[i]] += v[i];
    for (int g = 0; g < GROUPS; g++) out[g] = acc[0][g] + acc[1][g] + acc[2][g] + acc[3][g];
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double bench(void (*fn)(const int64_t *, const uint32_t *, size_t, int64_t *),
                    const int64_t *v, const uint32_t *code, size_t n, int64_t *out) {
    double t[RUNS];
    for (int r = 0; r < RUNS; r++) {
        double s = now_ms();
        fn(v, code, n, out);
        t[r] = now_ms() - s;
    }
    qsort(t, RUNS, sizeof(double), cmp_double);
    return t[RUNS / 2];
}

int main(int argc, char **argv) {
    size_t n = argc > 1 ? (size_t)strtod(argv[1], NULL) : 10000000;
    int64_t *v = malloc(n * sizeof(int64_t));
    uint32_t *code = malloc(n * sizeof(uint32_t));
    if (!v || !code) { fprintf(stderr, "out of memory\n"); return 1; }
    for (size_t i = 0; i < n; i++) {
        uint64_t r = xorshift64();
        v[i] = (int64_t)(r % 5) + 1;
        code[i] = (uint32_t)((r >> 32) % GROUPS);
    }
    int64_t out1[GROUPS], out2[GROUPS];
    double plain = bench(sum_plain, v, code, n, out1);
    double part = bench(sum_partial4, v, code, n, out2);
    int64_t total = 0;
    for (int g = 0; g < GROUPS; g++) {
        if (out1[g] != out2[g]) { fprintf(stderr, "kernel mismatch at group %d\n", g); return 1; }
        total += out1[g];
    }
    double best = plain < part ? plain : part;
    double gbs = n * (sizeof(int64_t) + sizeof(uint32_t)) / (best * 1e6);
    printf("n=%zu groups=%d plain=%.2f ms partial4=%.2f ms -> floor %.2f ms (%.1f GB/s, checksum %lld)\n",
           n, GROUPS, plain, part, best, gbs, (long long)total);
    return 0;
}

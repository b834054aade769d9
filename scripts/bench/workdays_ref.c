/*
 * The C limit for working-day addition (shared/TARGETS.md): "k-th working day after d" on two lookup tables.
 *
 *   workdays_ref TABLE [--pairs N] [--rounds R] [--seed S]
 *
 * TABLE is one byte per day from 2020-01-01, 1 = working day, 0 = day off: the 2,557 days 2020-01-01 ...
 * 2026-12-31, then a short tail of 2027 so that "2026-12-31 + 20 working days" is inside the table. It is written
 * from duban's bundled holiday data by `WorkdaysRate --write-table` (scripts/bench/workdays.sh does this).
 *
 * From it: prefix[i] = working days in [0, i), nth[j] = index of the j-th working day, and the answer for (d, k)
 * is nth[prefix[d + 1] + k - 1]. The pairs are d = next() % 2557, k = 1 + next() % 20 from SplitMix64(seed),
 * drawn before timing into int32 arrays, exactly as WorkdaysRate draws them. One untimed pass, then R timed
 * passes (CLOCK_MONOTONIC around the loop alone); prints the median rate and the checksum (sum of answers as days
 * since 2020-01-01), which must equal WorkdaysRate's.
 *
 * Build: gcc -O2 -o workdays_ref workdays_ref.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DOMAIN_DAYS 2557 /* 2020-01-01 ... 2026-12-31 */
#define MAX_K 20

static uint64_t splitmix_state;

static uint64_t splitmix_next(void) {
    splitmix_state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = splitmix_state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One pass over every pair; the answers, as days since 2020-01-01, summed. */
__attribute__((noinline)) static int64_t pass(const int32_t *prefix, const int32_t *nth, const int32_t *days,
                                              const int32_t *ks, long count) {
    int64_t sum = 0;
    for (long i = 0; i < count; i++) {
        sum += nth[prefix[days[i] + 1] + ks[i] - 1];
    }
    return sum;
}

int main(int argc, char **argv) {
    long pairs = 10000000;
    int rounds = 5;
    uint64_t seed = 20200101;
    if (argc < 2) {
        fprintf(stderr, "usage: %s TABLE [--pairs N] [--rounds R] [--seed S]\n", argv[0]);
        return 2;
    }
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--pairs") == 0) pairs = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--rounds") == 0) rounds = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--seed") == 0) seed = strtoull(argv[i + 1], NULL, 10);
        else { fprintf(stderr, "unknown argument %s\n", argv[i]); return 2; }
    }
    if (pairs <= 0 || rounds <= 0) { fprintf(stderr, "--pairs and --rounds must be positive\n"); return 2; }

    /* The byte table. */
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    static uint8_t table[1 << 16];
    size_t days_in_table = fread(table, 1, sizeof table, file);
    fclose(file);
    if (days_in_table < DOMAIN_DAYS + 1) { fprintf(stderr, "%s: only %zu days\n", argv[1], days_in_table); return 2; }

    /* Prefix count and its inverse. */
    int32_t *prefix = malloc((days_in_table + 1) * sizeof *prefix);
    int32_t *nth = malloc(days_in_table * sizeof *nth);
    int32_t working = 0;
    for (size_t i = 0; i < days_in_table; i++) {
        prefix[i] = working;
        if (table[i]) nth[working++] = (int32_t)i;
    }
    prefix[days_in_table] = working;
    if (prefix[DOMAIN_DAYS] + MAX_K > working) { fprintf(stderr, "%s: tail too short\n", argv[1]); return 2; }

    /* The pairs, drawn before timing. */
    int32_t *days = malloc(pairs * sizeof *days);
    int32_t *ks = malloc(pairs * sizeof *ks);
    splitmix_state = seed;
    for (long i = 0; i < pairs; i++) {
        days[i] = (int32_t)(splitmix_next() % DOMAIN_DAYS);
        ks[i] = (int32_t)(1 + splitmix_next() % MAX_K);
    }

    double *rates = malloc(rounds * sizeof *rates);
    int64_t checksum = pass(prefix, nth, days, ks, pairs); /* untimed: faults the tables in */
    for (int r = 0; r < rounds; r++) {
        double start = now_seconds();
        int64_t sum = pass(prefix, nth, days, ks, pairs);
        double elapsed = now_seconds() - start;
        if (sum != checksum) { fprintf(stderr, "checksum changed between passes\n"); return 1; }
        rates[r] = (double)pairs / elapsed;
    }
    qsort(rates, rounds, sizeof *rates, compare_doubles);
    printf("c pairs=%ld rounds=%d seed=%llu checksum=%lld rate=%.0f\n", pairs, rounds, (unsigned long long)seed,
           (long long)checksum, rates[rounds / 2]);
    return 0;
}

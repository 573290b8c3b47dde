/*
** spawn.c: `bench_spawn COMMAND [ARG]...` runs a command with its standard
** output discarded and prints "WALL_SECONDS MAX_RSS_KIB" of the child (from
** wait4's rusage), for workload 6 (the generator's time and peak memory).
** Exits 1 if the command could not run or did not exit with status 0.
*/
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child: stdout to /dev/null, then exec; never returns. */
static void run_child(char **argv)
{
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull < 0 || dup2(devnull, STDOUT_FILENO) < 0) {
        perror("bench_spawn: /dev/null");
        _exit(127);
    }
    execvp(argv[0], argv);
    perror(argv[0]);
    _exit(127);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_spawn COMMAND [ARG]...\n");
        return 2;
    }
    double start = now_seconds();
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench_spawn: fork");
        return 1;
    }
    if (pid == 0)
        run_child(argv + 1);
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("bench_spawn: wait4");
        return 1;
    }
    double wall = now_seconds() - start;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_spawn: %s failed (status %d)\n", argv[1], status);
        return 1;
    }
    printf("%.6f %ld\n", wall, usage.ru_maxrss);
    return 0;
}

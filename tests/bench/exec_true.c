/* The floor: a program that does nothing but exec its arguments (PATH searched), as the entrypoint does last. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: exec_true COMMAND [ARGS...]\n", stderr);
        return 2;
    }
    execvp(argv[1], argv + 1);
    perror(argv[1]);
    return 127;
}

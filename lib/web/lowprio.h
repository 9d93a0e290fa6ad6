/* lowprio.h — running a long computation at a low CPU priority.
 *
 * A password hash costs tens of milliseconds of CPU; a flood of logins
 * (each attempt hashes, known address or not) would take that CPU from
 * every page the machine serves.  lowprio_run() runs the computation in a
 * thread of its own whose nice value is raised by LOWPRIO_NICE: the
 * scheduler gives the other requests' processes the CPU first, and the
 * hash takes what is left (an unprivileged process may lower a thread's
 * priority but not raise it again: hence a thread that ends with the
 * work, not the caller's).  The caller waits for it; signals stay with
 * the caller's thread. */
#ifndef SOUK_LOWPRIO_H
#define SOUK_LOWPRIO_H

#define LOWPRIO_NICE 10

/* Runs fn(arg) at nice + LOWPRIO_NICE and returns when it has; when no
 * thread can be made it runs fn(arg) in the caller (logged once). */
void	lowprio_run(void (*fn)(void *), void *arg);

#endif

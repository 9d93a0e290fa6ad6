/* clock.h — the time subscriptions and downloads are judged by.
 *
 * Normally time(NULL).  With the configuration key test_clock = 1 (and
 * only then) the environment variable SOUK_NOW, unix seconds, replaces
 * it, so tests can move a store through expiry and reminders without
 * waiting (docs/delivery.md).  A production store leaves test_clock at 0
 * and SOUK_NOW is ignored. */
#ifndef SOUK_CLOCK_H
#define SOUK_CLOCK_H

/* UTC unix seconds. */
long long	store_now(void);

#endif

/* log.h — one line per event on stderr ("souk catalog[1234]: error: ..."),
 * which nginx, systemd or the supervisor's log file collect. */
#ifndef SOUK_LOG_H
#define SOUK_LOG_H

void	log_set_name(const char *program);	/* prefix for every line */
void	log_error(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Logs and exits with status 1. */
void	log_fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif

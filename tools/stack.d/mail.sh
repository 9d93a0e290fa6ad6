#!/bin/sh
# stack.d/mail.sh — the mail sender for `make run` and the tests:
# `soukctl mail daemon` in the background, logging to logs/mail.log; prints
# its pid for stack.sh to stop.  Called by tools/stack.sh with RUN and BIN
# set and the store's SOUK_* configuration in the environment.
#   SOUK_MAIL_DAEMON=off     start no sender (a test drives `soukctl mail run`)
#   SOUK_MAIL_INTERVAL=S     seconds between two looks at the queue (default 5)
set -eu
[ "${SOUK_MAIL_DAEMON:-on}" = off ] && exit 0
"$BIN/soukctl" mail daemon --interval "${SOUK_MAIL_INTERVAL:-5}" \
  > /dev/null 2>> "$RUN/logs/mail.log" < /dev/null &
echo $!
